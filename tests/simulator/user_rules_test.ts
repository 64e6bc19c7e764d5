import assert from "node:assert/strict";
import { call, createUser, newUser, simulator } from "./helpers.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";

const CORE = "urn:scim:schemas:core:1.0";
const ENTERPRISE = "urn:scim:schemas:extension:enterprise:1.0";
const GUEST = "urn:scim:schemas:extension:slack:guest:1.0";
const PROFILE = "urn:scim:schemas:extension:slack:profile:1.0";

Deno.test("userName: special characters become _ and . _ - are kept", async () => {
  const sim = simulator();
  const answer = await call(sim, "POST", "Users", {
    schemas: [CORE],
    userName: "a.b_c-d e!f",
    emails: [{ value: "abc@example.com" }],
  });
  assert.equal(answer.status, 201);
  assert.equal(answer.body.userName, "a.b_c-d_e_f");
  assert.equal(answer.body.nickName, "a.b_c-d_e_f");
});

Deno.test("userName: an email is converted to a Slack-style username", async () => {
  const sim = simulator();
  const answer = await call(sim, "POST", "Users", {
    schemas: [CORE],
    userName: "jane+ops@example.com",
    emails: [{ value: "jane@example.com" }],
  });
  assert.equal(answer.status, 201);
  assert.equal(answer.body.userName, "jane_ops");
});

Deno.test("userName: more than 21 characters is username_too_long", async () => {
  const sim = simulator();
  assert.equal((await call(sim, "POST", "Users", newUser("a".repeat(21)))).status, 201);
  const answer = await call(sim, "POST", "Users", newUser("b".repeat(22)));
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body, { Errors: { description: "username_too_long", code: 400 } });
});

Deno.test("userName: missing is username_required", async () => {
  const sim = simulator();
  const answer = await call(sim, "POST", "Users", {
    schemas: [CORE],
    emails: [{ value: "x@example.com" }],
  });
  assert.equal(answer.body.Errors.description, "username_required");
});

Deno.test("nickName mirrors userName: changing one changes both", async () => {
  const sim = simulator();
  const id = await createUser(sim, "before");
  const answer = await call(sim, "PATCH", `Users/${id}`, { schemas: [CORE], nickName: "after" });
  assert.equal(answer.body.userName, "after");
  assert.equal(answer.body.nickName, "after");
});

Deno.test("username_taken (409) also counts deactivated users, case-insensitively", async () => {
  const sim = simulator();
  const id = await createUser(sim, "taken");
  await call(sim, "DELETE", `Users/${id}`);
  const answer = await call(sim, "POST", "Users", {
    schemas: [CORE],
    userName: "TAKEN",
    emails: [{ value: "other@example.com" }],
  });
  assert.equal(answer.status, 409);
  assert.deepEqual(answer.body, { Errors: { description: "username_taken", code: 409 } });
});

Deno.test("email_taken (409) counts deactivated users' emails, primary or secondary", async () => {
  const sim = simulator();
  const id = await createUser(sim, "holder", {
    emails: [{ value: "holder@example.com", primary: true }, { value: "second@example.com" }],
  });
  await call(sim, "DELETE", `Users/${id}`);
  for (const email of ["holder@example.com", "Second@Example.com"]) {
    const answer = await call(sim, "POST", "Users", {
      schemas: [CORE],
      userName: `x${email.length}`,
      emails: [{ value: email }],
    });
    assert.equal(answer.status, 409);
    assert.equal(answer.body.Errors.description, "email_taken");
  }
});

Deno.test("a user must keep a primary email: none on create is missing_primary_email", async () => {
  const sim = simulator();
  const answer = await call(sim, "POST", "Users", { schemas: [CORE], userName: "noemail" });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.Errors.description, "missing_primary_email");
});

Deno.test("emails: two kept, primary by primary: true, then type work, then order", async () => {
  const sim = simulator();
  const byFlag = await call(
    sim,
    "POST",
    "Users",
    newUser("flag", {
      emails: [{ value: "a@x.com", type: "work" }, { value: "b@x.com", primary: true }, {
        value: "c@x.com",
      }],
    }),
  );
  assert.deepEqual(byFlag.body.emails, [
    { value: "b@x.com", primary: true },
    { value: "a@x.com", type: "work", primary: false },
  ]);
  const byType = await call(
    sim,
    "POST",
    "Users",
    newUser("type", {
      emails: [{ value: "d@x.com", type: "home" }, { value: "e@x.com", type: "work" }],
    }),
  );
  assert.deepEqual(byType.body.emails.map((e: { value: string }) => e.value), [
    "e@x.com",
    "d@x.com",
  ]);
  const byOrder = await call(
    sim,
    "POST",
    "Users",
    newUser("order", {
      emails: [{ value: "f@x.com" }, { value: "g@x.com" }],
    }),
  );
  assert.equal(byOrder.body.emails[0].value, "f@x.com");
  assert.equal(byOrder.body.emails[0].primary, true);
});

Deno.test("emails: the same address in another case is one email, not a secondary", async () => {
  const sim = simulator();
  const answer = await call(
    sim,
    "POST",
    "Users",
    newUser("dup", {
      emails: [{ value: "dup@example.com" }, { value: "DUP@example.com" }, { value: "b@x.com" }],
    }),
  );
  assert.equal(answer.status, 201);
  assert.deepEqual(answer.body.emails, [
    { value: "dup@example.com", primary: true },
    { value: "b@x.com", primary: false },
  ]);
});

Deno.test("phoneNumbers: primary: true or type mobile is the primary phone, the other the mobile", async () => {
  const sim = simulator();
  const answer = await call(
    sim,
    "POST",
    "Users",
    newUser("phones", {
      phoneNumbers: [
        { value: "555-555-5555", type: "work" },
        { value: "555-555-4444", type: "mobile" },
        { value: "555-555-3333" },
      ],
    }),
  );
  assert.deepEqual(answer.body.phoneNumbers, [
    { value: "555-555-4444", type: "work", primary: true },
    { value: "555-555-5555", type: "mobile", primary: false },
  ]);
});

Deno.test("one address (type dropped), one photo and one role are kept; roles may be strings", async () => {
  const sim = simulator();
  const answer = await call(
    sim,
    "POST",
    "Users",
    newUser("singles", {
      addresses: [
        { streetAddress: "1 A St", locality: "Town", type: "work" },
        { streetAddress: "2 B St" },
      ],
      photos: [{ value: "https://photos.example.com/1.jpg" }, {
        value: "https://photos.example.com/2.jpg",
      }],
      roles: ["Lead", "Follower"],
    }),
  );
  assert.deepEqual(answer.body.addresses, [{
    streetAddress: "1 A St",
    locality: "Town",
    region: "",
    postalCode: "",
    country: "",
    primary: true,
  }]);
  assert.deepEqual(answer.body.photos, [{
    value: "https://photos.example.com/1.jpg",
    type: "photo",
  }]);
  assert.deepEqual(answer.body.roles, [{ value: "Lead", primary: true }]);
});

Deno.test("displayName: more than 80 characters is invalid_display_name", async () => {
  const sim = simulator();
  assert.equal(
    (await call(sim, "POST", "Users", newUser("d80", { displayName: "x".repeat(80) }))).status,
    201,
  );
  const answer = await call(sim, "POST", "Users", newUser("d81", { displayName: "x".repeat(81) }));
  assert.equal(answer.body.Errors.description, "invalid_display_name");
});

Deno.test("a body without schemas is missing_schema_element on POST, PUT and PATCH", async () => {
  const sim = simulator();
  const id = await createUser(sim, "schemaless");
  const body = { userName: "schemaless", emails: [{ value: "schemaless@example.com" }] };
  for (
    const [method, path] of [["POST", "Users"], ["PUT", `Users/${id}`], ["PATCH", `Users/${id}`]]
  ) {
    const answer = await call(sim, method as string, path as string, body);
    assert.equal(answer.status, 400, `${method} ${path}`);
    assert.deepEqual(answer.body, { Errors: { description: "missing_schema_element", code: 400 } });
  }
});

Deno.test("bad JSON or a non-object body is invalid_request_payload", async () => {
  const sim = simulator();
  for (const rawBody of ["{not json", "[]", "null"]) {
    const answer = await call(sim, "POST", "Users", undefined, { rawBody });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.Errors.description, "invalid_request_payload");
  }
});

Deno.test("enterprise manager without managerId is improper_enterprise_schema_format", async () => {
  const sim = simulator();
  const answer = await call(
    sim,
    "POST",
    "Users",
    newUser("managed", {
      [ENTERPRISE]: { department: "Ops", manager: {} },
    }),
  );
  assert.equal(answer.status, 400);
  assert.equal(answer.body.Errors.description, "improper_enterprise_schema_format");
});

Deno.test("enterprise managerId may name the manager by email or userName; it is stored as the id", async () => {
  const sim = simulator();
  const boss = await createUser(sim, "boss");
  for (const managerId of ["boss@example.com", "boss", boss]) {
    const answer = await call(
      sim,
      "POST",
      "Users",
      newUser(`e${managerId.length}`, {
        [ENTERPRISE]: { manager: { managerId } },
      }),
    );
    assert.equal(answer.status, 201);
    assert.deepEqual(answer.body[ENTERPRISE].manager, { managerId: boss });
    assert.ok(answer.body.schemas.includes(ENTERPRISE));
  }
});

Deno.test("guest extension: type must be multi; the guest is restricted and shown with its expiration", async () => {
  const sim = simulator();
  const bad = await call(
    sim,
    "POST",
    "Users",
    newUser("badguest", {
      schemas: [CORE, GUEST],
      [GUEST]: { type: "single" },
    }),
  );
  assert.equal(bad.status, 400);
  assert.equal(bad.body.Errors.description, "invalid_attribute_format");
  const good = await call(
    sim,
    "POST",
    "Users",
    newUser("guest", {
      schemas: [CORE, GUEST],
      [GUEST]: { type: "multi", expiration: "2020-11-30T23:59:59Z" },
    }),
  );
  assert.equal(good.status, 201);
  assert.deepEqual(good.body[GUEST], {
    type: "multi",
    expiration: "2020-11-30T23:59:59Z",
    channels: [],
  });
  const found = await call(sim, "GET", "Users?filter=restricted eq true");
  assert.deepEqual(found.body.Resources.map((u: { id: string }) => u.id), [good.body.id]);
});

Deno.test("converting a deactivated user to a guest or back to a member reactivates it", async () => {
  const sim = simulator();
  const id = await createUser(sim, "convert");
  await call(sim, "DELETE", `Users/${id}`);
  const toGuest = await call(sim, "PATCH", `Users/${id}`, {
    schemas: [CORE, GUEST],
    [GUEST]: { type: "multi" },
  });
  assert.equal(toGuest.body.active, true);
  await call(sim, "DELETE", `Users/${id}`);
  const toMember = await call(sim, "PATCH", `Users/${id}`, {
    schemas: [CORE],
    meta: { attributes: [GUEST] },
  });
  assert.equal(toMember.body.active, true);
  assert.equal(toMember.body[GUEST], undefined);
});

Deno.test("profile startDate needs the profile URN in schemas", async () => {
  const sim = simulator();
  const id = await createUser(sim, "starter");
  const without = await call(sim, "PATCH", `Users/${id}`, {
    schemas: [CORE],
    [PROFILE]: { startDate: "2024-04-10T00:00:00+0000" },
  });
  assert.equal(without.body.Errors.description, "missing_schema_element");
  const withUrn = await call(sim, "PATCH", `Users/${id}`, {
    schemas: [PROFILE],
    [PROFILE]: { startDate: "2024-04-10T00:00:00+0000" },
  });
  assert.equal(withUrn.status, 200);
  assert.deepEqual(withUrn.body[PROFILE], { startDate: "2024-04-10T00:00:00+0000" });
});

Deno.test("PATCH cannot change externalId or profileUrl", async () => {
  const sim = simulator();
  const id = await createUser(sim, "fixed", { externalId: "ext" });
  const answer = await call(sim, "PATCH", `Users/${id}`, {
    schemas: [CORE],
    externalId: "changed",
    profileUrl: "https://evil.example.com/",
  });
  assert.equal(answer.body.externalId, "ext");
  assert.notEqual(answer.body.profileUrl, "https://evil.example.com/");
});

Deno.test("a seeded single-channel guest read and sent back unchanged by PUT stays a single-channel guest", async () => {
  const sim = new SlackScimSimulator({ token: "xoxp-test", users: 200 });
  const auth = { authorization: "Bearer xoxp-test" };
  const base = "https://api.slack.com/scim/v1/";
  const list = await (await sim.fetch(
    new Request(`${base}Users?count=1000&filter=ultra_restricted%20eq%20true`, { headers: auth }),
  )).json() as { Resources: Array<Record<string, unknown>> };
  const guest = list.Resources[0];
  assert.ok(guest, "the seed has a single-channel guest");
  const put = await sim.fetch(
    new Request(`${base}Users/${guest.id}`, {
      method: "PUT",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(guest),
    }),
  );
  assert.equal(put.status, 200, await put.clone().text());
  const after = await put.json() as Record<string, { type?: string }>;
  assert.equal(after["urn:scim:schemas:extension:slack:guest:1.0"]?.type, "single");
  // Turning a member into a single-channel guest is still refused, as Slack documents.
  const member = (await (await sim.fetch(
    new Request(
      `${base}Users?count=1&filter=restricted%20eq%20false%20and%20ultra_restricted%20eq%20false`,
      {
        headers: auth,
      },
    ),
  )).json() as { Resources: Array<Record<string, unknown>> }).Resources[0]!;
  const refused = await sim.fetch(
    new Request(`${base}Users/${member.id}`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({
        schemas: ["urn:scim:schemas:core:1.0", "urn:scim:schemas:extension:slack:guest:1.0"],
        "urn:scim:schemas:extension:slack:guest:1.0": { type: "single" },
      }),
    }),
  );
  assert.equal(refused.status, 400);
});
