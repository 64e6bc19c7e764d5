import assert from "node:assert/strict";
import { BASE, call, createUser, newUser, simulator } from "./helpers.ts";

Deno.test("POST /Users answers 201 with the user in Slack's v1 shape", async () => {
  const sim = simulator();
  const answer = await call(sim, "POST", "Users", newUser("carly", { externalId: "ext-1" }));
  assert.equal(answer.status, 201);
  const user = answer.body;
  assert.match(user.id, /^U[0-9A-Z]{10}$/);
  assert.deepEqual(user.schemas, ["urn:scim:schemas:core:1.0"]);
  assert.equal(user.userName, "carly");
  assert.equal(user.nickName, "carly");
  assert.equal(user.displayName, "carly", "displayName falls back to userName");
  assert.equal(user.externalId, "ext-1");
  assert.equal(user.active, true);
  assert.deepEqual(user.emails, [{ value: "carly@example.com", primary: true }]);
  assert.equal(user.meta.location, `${BASE}Users/${user.id}`);
  assert.match(user.meta.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  assert.deepEqual(user.groups, []);
});

Deno.test("meta.created comes from the injected clock", async () => {
  const sim = simulator({ clock: { now: () => Date.UTC(2024, 3, 10, 12, 0, 0) } });
  const answer = await call(sim, "POST", "Users", newUser("clocked"));
  assert.equal(answer.body.meta.created, "2024-04-10T12:00:00+00:00");
});

Deno.test("GET /Users/{id} reads a user and 404s no_such_user for an unknown id", async () => {
  const sim = simulator();
  const id = await createUser(sim, "reader");
  const found = await call(sim, "GET", `Users/${id}`);
  assert.equal(found.status, 200);
  assert.equal(found.body.userName, "reader");
  const missing = await call(sim, "GET", "Users/U0000000000");
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { Errors: { description: "no_such_user", code: 404 } });
});

Deno.test("GET /Users/{id} decodes a percent-encoded id and never lets it change the endpoint", async () => {
  const sim = simulator();
  const id = await createUser(sim, "encoded");
  assert.equal((await call(sim, "GET", `Users/${encodeURIComponent(id)}`)).status, 200);
  const sneaky = await call(sim, "GET", `Users/${encodeURIComponent(`${id}/../x`)}`);
  assert.equal(sneaky.status, 404);
  assert.equal(sneaky.body.Errors.description, "no_such_user");
});

Deno.test("PATCH /Users/{id} answers 200 with the user and keeps omitted attributes", async () => {
  const sim = simulator();
  const id = await createUser(sim, "patched", { title: "Engineer", name: { givenName: "Pat" } });
  const answer = await call(sim, "PATCH", `Users/${id}`, {
    schemas: ["urn:scim:schemas:core:1.0"],
    displayName: "Pat Ched",
  });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.displayName, "Pat Ched");
  assert.equal(answer.body.title, "Engineer");
  assert.equal(answer.body.name.givenName, "Pat");
});

Deno.test("PUT /Users/{id} blanks omitted attributes but keeps externalId", async () => {
  const sim = simulator();
  const id = await createUser(sim, "replaced", {
    externalId: "keep-me",
    title: "Engineer",
    phoneNumbers: [{ value: "555-0100", primary: true }],
    "urn:scim:schemas:extension:enterprise:1.0": { department: "R&D" },
  });
  const answer = await call(sim, "PUT", `Users/${id}`, {
    schemas: ["urn:scim:schemas:core:1.0"],
    userName: "replaced",
    externalId: "ignored",
    emails: [{ value: "replaced@example.com" }],
  });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.title, "");
  assert.equal(answer.body.phoneNumbers, undefined);
  assert.equal(answer.body["urn:scim:schemas:extension:enterprise:1.0"], undefined);
  assert.equal(answer.body.externalId, "keep-me");
});

Deno.test("DELETE /Users/{id} deactivates with an empty 200, and repeating it succeeds", async () => {
  const sim = simulator();
  const id = await createUser(sim, "leaver");
  for (let i = 0; i < 2; i++) {
    const answer = await call(sim, "DELETE", `Users/${id}`);
    assert.equal(answer.status, 200);
    assert.equal(answer.text, "");
  }
  const read = await call(sim, "GET", `Users/${id}`);
  assert.equal(read.status, 200, "a deactivated user stays readable");
  assert.equal(read.body.active, false);
  const list = await call(sim, "GET", "Users");
  assert.deepEqual(list.body.Resources.map((u: { id: string }) => u.id), [id]);
  assert.equal(list.body.Resources[0].active, false, "and listed");
});

Deno.test("PUT with active: true reactivates a deactivated user", async () => {
  const sim = simulator();
  const id = await createUser(sim, "returner");
  await call(sim, "DELETE", `Users/${id}`);
  const answer = await call(sim, "PUT", `Users/${id}`, newUser("returner", { active: true }));
  assert.equal(answer.status, 200);
  assert.equal(answer.body.active, true);
});

Deno.test("PATCH with active: false deactivates and active: true reactivates", async () => {
  const sim = simulator();
  const id = await createUser(sim, "toggled");
  const schemas = ["urn:scim:schemas:core:1.0"];
  const off = await call(sim, "PATCH", `Users/${id}`, { schemas, active: false });
  assert.equal(off.body.active, false);
  const on = await call(sim, "PATCH", `Users/${id}`, { schemas, active: true });
  assert.equal(on.body.active, true);
});

Deno.test("a user's groups list the groups it was added to, and follow member changes", async () => {
  const sim = simulator();
  const id = await createUser(sim, "member");
  const group = await call(sim, "POST", "Groups", {
    schemas: ["urn:scim:schemas:core:1.0"],
    displayName: "Readers",
    members: [{ value: id }],
  });
  const user = await call(sim, "GET", `Users/${id}`);
  assert.deepEqual(user.body.groups, [{ value: group.body.id, display: "Readers" }]);
  await call(sim, "PATCH", `Groups/${group.body.id}`, {
    schemas: ["urn:scim:schemas:core:1.0"],
    members: [{ value: id, operation: "delete" }],
  });
  assert.deepEqual((await call(sim, "GET", `Users/${id}`)).body.groups, []);
});

Deno.test("unknownAttributes adds newAttribute at the top level, in sub-objects and in list items", async () => {
  const sim = simulator({ users: 1, unknownAttributes: true });
  const list = await call(sim, "GET", "Users");
  assert.equal(list.body.newAttribute, "this should be just accepted as unknown attribute");
  const user = list.body.Resources[0];
  assert.ok("newAttribute" in user);
  assert.ok("newAttribute" in user.meta);
  assert.ok("newAttribute" in user.name);
  assert.ok("newAttribute" in user.emails[0]);
  assert.ok("newAttribute" in user.photos[0]);
  const error = await call(sim, "GET", "Users/U0000000000");
  assert.deepEqual(error.body, { Errors: { description: "no_such_user", code: 404 } });
});

Deno.test("without unknownAttributes no answer carries newAttribute", async () => {
  const sim = simulator({ users: 3, groups: 1 });
  const users = await call(sim, "GET", "Users");
  const groups = await call(sim, "GET", "Groups");
  assert.doesNotMatch(users.text + groups.text, /newAttribute/);
});

Deno.test("renaming a user or changing its email frees the old ones and takes the new ones", async () => {
  const sim = simulator();
  const id = await createUser(sim, "alpha");
  const patched = await call(sim, "PATCH", `Users/${id}`, {
    schemas: ["urn:scim:schemas:core:1.0"],
    userName: "beta",
    emails: [{ value: "beta@example.com", primary: true }],
  });
  assert.equal(patched.status, 200, patched.text);
  // The old name is free again (in any case); the old address stays as the secondary email, as
  // v1 PATCH merges emails, so it is still taken.
  const again = await call(
    sim,
    "POST",
    "Users",
    newUser("ALPHA", { emails: [{ value: "a2@x.com" }] }),
  );
  assert.equal(again.status, 201, again.text);
  const oldEmail = await call(
    sim,
    "POST",
    "Users",
    newUser("delta", {
      emails: [{ value: "Alpha@example.com" }],
    }),
  );
  assert.equal(oldEmail.body.Errors.description, "email_taken");
  // … and the new ones are taken, in any case, even once their holder is deactivated.
  assert.equal((await call(sim, "DELETE", `Users/${id}`)).status, 200);
  const name = await call(
    sim,
    "POST",
    "Users",
    newUser("Beta", { emails: [{ value: "x@y.com" }] }),
  );
  assert.equal(name.body.Errors.description, "username_taken");
  const email = await call(sim, "POST", "Users", {
    ...newUser("gamma"),
    emails: [{ value: "BETA@example.com" }],
  });
  assert.equal(email.body.Errors.description, "email_taken");
});

Deno.test("a PUT that replaces a user's emails frees the old address", async () => {
  const sim = simulator();
  const id = await createUser(sim, "omega");
  const put = await call(
    sim,
    "PUT",
    `Users/${id}`,
    newUser("omega", {
      emails: [{ value: "new-omega@example.com", primary: true }],
    }),
  );
  assert.equal(put.status, 200, put.text);
  const reuse = await call(
    sim,
    "POST",
    "Users",
    newUser("other", {
      emails: [{ value: "OMEGA@example.com" }],
    }),
  );
  assert.equal(reuse.status, 201, reuse.text);
});
