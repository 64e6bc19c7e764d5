/** RFC 7644 PATCH on the v2 simulator, as Slack applies it: paths, values, and Slack's errors. */
import assert from "node:assert/strict";
import type { SlackScimSimulator } from "../../../scim/testing/mod.ts";
import {
  type Answer,
  CORE_V1,
  createV1,
  ENTERPRISE_V1,
  ENTERPRISE_V2,
  expectStatus,
  GUEST_V1,
  GUEST_V2,
  PATCH_OP,
  patchOp,
  PROFILE_V2,
  simulator,
  v1,
  v2,
} from "./helpers.ts";

async function setUp(): Promise<{
  sim: SlackScimSimulator;
  id: string;
  patch: (...operations: unknown[]) => Promise<Answer>;
}> {
  const sim = simulator();
  const id = await createV1(sim, "patchee", {
    schemas: [CORE_V1, ENTERPRISE_V1],
    name: { givenName: "Pat", familyName: "Chee", honorificPrefix: "Dr." },
    emails: [{ value: "patchee@example.com", primary: true }, {
      value: "other@example.com",
      type: "home",
    }],
    phoneNumbers: [{ value: "555-0001", primary: true }, { value: "555-0002" }],
    [ENTERPRISE_V1]: { department: "Ops", employeeNumber: "7" },
  });
  const patch = (...operations: unknown[]) =>
    v2(sim, "PATCH", `Users/${id}`, patchOp(...operations));
  return { sim, id, patch };
}

function error(answer: Answer, detail: string, status = 400): void {
  assert.equal(answer.status, status, answer.text);
  assert.equal(answer.body.detail, detail);
  assert.equal(answer.body.status, status);
}

Deno.test("op names are case-insensitive, as identity providers send them", async () => {
  const { patch } = await setUp();
  const answer = await patch(
    { op: "Replace", path: "title", value: "Chef" },
    { op: "ADD", path: "locale", value: "en_US" },
    { op: "Remove", path: "name.honorificPrefix" },
  );
  assert.equal(expectStatus(answer, 200).body.title, "Chef");
  assert.equal(answer.body.locale, "en_US");
  assert.equal(answer.body.name.honorificPrefix, null);
});

Deno.test("attribute names in paths are case-insensitive", async () => {
  const { patch } = await setUp();
  const answer = await patch({ op: "replace", path: "NAME.GIVENNAME", value: "P" });
  assert.equal(expectStatus(answer, 200).body.name.givenName, "P");
});

Deno.test("a PATCH without the PatchOp URN is missing_schema_element", async () => {
  const { sim, id } = await setUp();
  for (
    const body of [
      { Operations: [{ op: "replace", path: "title", value: "x" }] },
      { schemas: [], Operations: [{ op: "replace", path: "title", value: "x" }] },
      { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], Operations: [] },
    ]
  ) {
    error(await v2(sim, "PATCH", `Users/${id}`, body), "missing_schema_element");
  }
});

Deno.test("malformed operations are invalid_request_payload and change nothing", async () => {
  const { sim, id, patch } = await setUp();
  error(await patch({ op: "move", path: "title", value: "x" }), "invalid_request_payload");
  error(await patch({ op: "replace", path: "title" }), "invalid_request_payload");
  error(await patch({ op: "remove" }), "invalid_request_payload");
  error(await patch({ op: "replace", path: "nonsense", value: "x" }), "invalid_request_payload");
  error(await patch({ op: "replace", value: "not an object" }), "invalid_request_payload");
  error(
    await v2(sim, "PATCH", `Users/${id}`, { schemas: [PATCH_OP], Operations: [] }),
    "invalid_request_payload",
  );
  // All or nothing: the first operation is not kept when the second fails.
  error(
    await patch(
      { op: "replace", path: "title", value: "Kept?" },
      { op: "remove", path: "userName" },
    ),
    "username_empty",
  );
  assert.equal((await v2(sim, "GET", `Users/${id}`)).body.title, "");
});

Deno.test("userName keeps Slack's rules: converted, at most 21 characters, unique", async () => {
  const { sim, patch } = await setUp();
  await createV1(sim, "taken");
  const converted = await patch({ op: "replace", path: "userName", value: "new.name@example.com" });
  assert.equal(expectStatus(converted, 200).body.userName, "new.name");
  error(
    await patch({ op: "replace", path: "userName", value: "a".repeat(22) }),
    "username_too_long",
  );
  error(await patch({ op: "replace", path: "userName", value: "Taken" }), "username_taken", 409);
});

Deno.test("emails: add keeps two, a filter picks one, removing the primary is refused", async () => {
  const { patch } = await setUp();
  const added = await patch({
    op: "add",
    path: "emails",
    value: [{ value: "third@example.com", primary: true }],
  });
  assert.deepEqual(expectStatus(added, 200).body.emails, [
    { value: "third@example.com", primary: true },
    { value: "patchee@example.com", primary: false },
  ]);
  error(
    await patch({ op: "remove", path: 'emails[value eq "third@example.com"]' }),
    "missing_primary_email",
  );
  error(await patch({ op: "remove", path: "emails[primary eq true]" }), "missing_primary_email");
  const typed = await patch({
    op: "replace",
    path: "emails[primary eq false].type",
    value: "work",
  });
  assert.deepEqual(expectStatus(typed, 200).body.emails[1], {
    value: "patchee@example.com",
    type: "work",
    primary: false,
  });
  const promoted = await patch({
    op: "replace",
    path: 'emails[value eq "patchee@example.com"].primary',
    value: true,
  });
  assert.deepEqual(expectStatus(promoted, 200).body.emails.map((e: { value: string }) => e.value), [
    "patchee@example.com",
    "third@example.com",
  ]);
  error(
    await patch({ op: "add", path: "emails", value: { value: "not an address" } }),
    "bad_email_address",
  );
});

Deno.test("replace emails without a filter replaces the whole list", async () => {
  const { patch } = await setUp();
  const answer = await patch({
    op: "replace",
    path: "emails",
    value: [{ value: "only@example.com" }],
  });
  assert.deepEqual(expectStatus(answer, 200).body.emails, [
    { value: "only@example.com", primary: true },
  ]);
});

Deno.test("value filters: bad ones get the filter's code, unknown sub-attributes invalid_query", async () => {
  const { patch } = await setUp();
  error(await patch({ op: "remove", path: 'emails[value eq "x"' }), "invalid_request_payload");
  error(await patch({ op: "remove", path: "emails[value eq]" }), "incomplete_filter");
  error(await patch({ op: "remove", path: 'emails[colour eq "red"]' }), "invalid_query");
});

Deno.test("phoneNumbers: a value filter with a sub-attribute changes one number", async () => {
  const { patch } = await setUp();
  const answer = await patch({
    op: "replace",
    path: 'phoneNumbers[value eq "555-0002"].value',
    value: "555-0003",
  });
  assert.deepEqual(expectStatus(answer, 200).body.phoneNumbers, [
    { value: "555-0003", type: "mobile" },
    { value: "555-0001", primary: true },
  ]);
  const removed = await patch({ op: "remove", path: 'phoneNumbers[type eq "mobile"]' });
  assert.deepEqual(expectStatus(removed, 200).body.phoneNumbers[0], {
    value: null,
    type: "mobile",
  });
  error(
    await patch({ op: "replace", path: 'phoneNumbers[value eq "none"].value', value: "1" }),
    "invalid_request_payload",
  );
});

Deno.test("extension paths work in both of Slack's forms and as a whole URN", async () => {
  const { patch } = await setUp();
  const colon = await patch({ op: "add", path: `${ENTERPRISE_V2}:costCenter`, value: "42" });
  assert.equal(expectStatus(colon, 200).body[ENTERPRISE_V2].costCenter, "42");
  const dot = await patch({ op: "replace", path: `${ENTERPRISE_V2}.division`, value: "West" });
  assert.equal(expectStatus(dot, 200).body[ENTERPRISE_V2].division, "West");
  const manager = await patch({
    op: "replace",
    path: `${ENTERPRISE_V2}:manager.managerId`,
    value: "patchee@example.com",
  });
  const self = expectStatus(manager, 200).body;
  assert.equal(self[ENTERPRISE_V2].manager.managerId, self.id, "resolved by email");
  const removedField = await patch({ op: "remove", path: `${ENTERPRISE_V2}:employeeNumber` });
  assert.equal(expectStatus(removedField, 200).body[ENTERPRISE_V2].employeeNumber, null);
  assert.equal(removedField.body[ENTERPRISE_V2].department, "Ops");
  error(
    await patch({ op: "replace", path: ENTERPRISE_V2, value: { manager: {} } }),
    "improper_enterprise_schema_format",
  );
  const removed = await patch({ op: "remove", path: ENTERPRISE_V2 });
  assert.equal(expectStatus(removed, 200).body[ENTERPRISE_V2].department, null);
  const start = await patch({ op: "add", path: `${PROFILE_V2}.startDate`, value: "2025-01-02" });
  assert.equal(expectStatus(start, 200).body[PROFILE_V2].startDate, "2025-01-02");
  error(
    await patch({ op: "add", path: `${PROFILE_V2}:startDate`, value: "soon" }),
    "invalid_attribute_format",
  );
});

Deno.test("removing the guest URN makes a full member and reactivates, as in v1", async () => {
  const { sim, id, patch } = await setUp();
  expectStatus(
    await v1(sim, "PATCH", `Users/${id}`, {
      schemas: [CORE_V1, GUEST_V1],
      [GUEST_V1]: { type: "multi" },
      active: false,
    }),
    200,
  );
  const member = await patch({ op: "remove", path: GUEST_V2 });
  assert.equal(expectStatus(member, 200).body[GUEST_V2], undefined);
  assert.equal(member.body.active, true);
  error(
    await patch({ op: "add", path: GUEST_V2, value: { type: "single" } }),
    "invalid_attribute_format",
  );
  const expiring = await patch({ op: "add", path: `${GUEST_V2}.expiration`, value: "2030-01-01" });
  error(expiring, "invalid_attribute_format"); // not a guest: no type to keep
});

Deno.test("a no-path add or replace applies each key of its object value", async () => {
  const { patch } = await setUp();
  const answer = await patch({
    op: "replace",
    value: {
      title: "Chef",
      "name.familyName": "New",
      emails: [{ value: "swap@example.com", primary: true }],
      [ENTERPRISE_V2]: { costCenter: "9" },
      externalId: "ignored",
    },
  });
  const user = expectStatus(answer, 200).body;
  assert.equal(user.title, "Chef");
  assert.equal(user.name.familyName, "New");
  assert.deepEqual(user.emails, [{ value: "swap@example.com", primary: true }]);
  assert.equal(user[ENTERPRISE_V2].costCenter, "9");
  assert.equal(user[ENTERPRISE_V2].department, "Ops");
  assert.equal(user.externalId, "", "PATCH cannot change externalId");
});

Deno.test("active: replace false deactivates, a string is invalid_attribute_format", async () => {
  const { patch } = await setUp();
  assert.equal(
    expectStatus(await patch({ op: "replace", path: "active", value: false }), 200).body.active,
    false,
  );
  error(await patch({ op: "replace", path: "active", value: "false" }), "invalid_attribute_format");
});

async function group(sim: SlackScimSimulator, members: string[]): Promise<string> {
  const answer = await v1(sim, "POST", "Groups", {
    schemas: [CORE_V1],
    displayName: "Team",
    members: members.map((value) => ({ value })),
  });
  return expectStatus(answer, 201).body.id;
}

Deno.test("group PATCH: members by unquoted and quoted filter, replace, remove listed, name", async () => {
  const sim = simulator();
  const [a, b, c] = [
    await createV1(sim, "a1"),
    await createV1(sim, "b1"),
    await createV1(sim, "c1"),
  ];
  const id = await group(sim, [a, b, c]);
  const patch = (...operations: unknown[]) =>
    v2(sim, "PATCH", `Groups/${id}`, patchOp(...operations));
  const values = (answer: Answer) =>
    expectStatus(answer, 200).body.members.map((m: { value: string }) => m.value);

  assert.deepEqual(values(await patch({ op: "remove", path: `members[value eq ${a}]` })), [b, c]);
  assert.deepEqual(values(await patch({ op: "remove", path: `members[value eq "${b}"]` })), [c]);
  assert.deepEqual(values(await patch({ op: "add", path: "members", value: [{ value: a }] })), [
    c,
    a,
  ]);
  assert.deepEqual(
    values(await patch({ op: "replace", path: "members", value: [{ value: b }] })),
    [b],
    "replace members replaces the whole list",
  );
  assert.deepEqual(
    values(
      await patch(
        { op: "add", path: "members", value: [{ value: a }, { value: c }] },
        { op: "Remove", path: "members", value: [{ value: b }, { value: c }] },
      ),
    ),
    [a],
  );
  const renamed = await patch({ op: "replace", value: { displayName: "Renamed" } });
  assert.equal(expectStatus(renamed, 200).body.displayName, "Renamed");
  assert.equal((await v1(sim, "GET", `Groups/${id}`)).body.displayName, "Renamed");
});

Deno.test("group PATCH errors: unknown members, guests, deactivated users, bad names", async () => {
  const sim = simulator();
  const a = await createV1(sim, "a1");
  const gone = await createV1(sim, "gone");
  const guest = await createV1(sim, "guesty", {
    schemas: [CORE_V1, GUEST_V1],
    [GUEST_V1]: { type: "multi" },
  });
  expectStatus(await v1(sim, "DELETE", `Users/${gone}`), 200);
  const id = await group(sim, [a]);
  const patch = (...operations: unknown[]) =>
    v2(sim, "PATCH", `Groups/${id}`, patchOp(...operations));
  error(
    await patch({ op: "add", path: "members", value: [{ value: "U0NOBODY" }] }),
    "no_such_user",
  );
  for (const user of [gone, guest]) {
    error(
      await patch({ op: "add", path: "members", value: [{ value: user }] }),
      "unable_to_add_deleted_or_guest_to_group",
    );
  }
  error(await patch({ op: "replace", path: "displayName", value: " " }), "invalid_display_name");
  error(
    await patch({ op: "replace", path: "members[value eq x]", value: [] }),
    "invalid_request_payload",
  );
  error(await v2(sim, "PATCH", `Groups/${id}`, { Operations: [] }), "missing_schema_element");
  error(
    await v2(sim, "PATCH", "Groups/S0NONE", patchOp({ op: "remove", path: "members" })),
    "no_such_group",
    404,
  );
  const tooMany = Array.from({ length: 15_001 }, () => ({ value: a }));
  error(await patch({ op: "add", path: "members", value: tooMany }), "group_member_max_exceeded");
  assert.deepEqual(
    (await v2(sim, "GET", `Groups/${id}`)).body.members.map((m: { value: string }) => m.value),
    [a],
  );
});
