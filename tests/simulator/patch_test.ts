import assert from "node:assert/strict";
import { call, createUser, simulator } from "./helpers.ts";

const CORE = "urn:scim:schemas:core:1.0";
const ENTERPRISE = "urn:scim:schemas:extension:enterprise:1.0";
const GUEST = "urn:scim:schemas:extension:slack:guest:1.0";

async function setUp() {
  const sim = simulator();
  const id = await createUser(sim, "patchee", {
    name: { givenName: "Pat", familyName: "Chee", honorificPrefix: "Dr." },
    title: "Engineer",
    emails: [{ value: "patchee@example.com", primary: true }, { value: "other@example.com" }],
    phoneNumbers: [{ value: "555-0001", primary: true }, { value: "555-0002" }],
    addresses: [{ streetAddress: "1 A St", locality: "Town", country: "US" }],
    roles: [{ value: "Lead", type: "job" }],
    [ENTERPRISE]: { department: "Ops", manager: { managerId: "U123" } },
  });
  const patch = (body: Record<string, unknown>) =>
    call(sim, "PATCH", `Users/${id}`, { schemas: [CORE], ...body });
  return { sim, id, patch };
}

Deno.test('PATCH " " clears a string attribute', async () => {
  const { patch } = await setUp();
  const answer = await patch({ title: " ", name: { honorificPrefix: " " } });
  assert.equal(answer.body.title, "");
  assert.equal(answer.body.name.honorificPrefix, undefined);
  assert.equal(answer.body.name.givenName, "Pat");
});

Deno.test('operation "delete" removes the secondary email; on the primary it is missing_primary_email', async () => {
  const { patch } = await setUp();
  const removed = await patch({ emails: [{ value: "other@example.com", operation: "delete" }] });
  assert.deepEqual(removed.body.emails, [{ value: "patchee@example.com", primary: true }]);
  const refused = await patch({ emails: [{ value: "patchee@example.com", operation: "delete" }] });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.Errors.description, "missing_primary_email");
});

Deno.test('operation "delete" on an address needs every sub-field sent to match', async () => {
  const { patch } = await setUp();
  const mismatch = await patch({
    addresses: [{ streetAddress: "1 A St", locality: "Elsewhere", operation: "delete" }],
  });
  assert.equal(mismatch.body.addresses?.length, 1);
  const match = await patch({
    addresses: [{ streetAddress: "1 A St", locality: "Town", country: "US", operation: "delete" }],
  });
  assert.equal(match.body.addresses, undefined);
});

Deno.test('operation "delete" removes phone numbers and roles by value', async () => {
  const { patch } = await setUp();
  const phones = await patch({ phoneNumbers: [{ value: "555-0002", operation: "delete" }] });
  assert.deepEqual(phones.body.phoneNumbers, [{ value: "555-0001", type: "work", primary: true }]);
  const roles = await patch({ roles: [{ value: "Lead", operation: "delete" }] });
  assert.equal(roles.body.roles, undefined);
});

Deno.test("PATCH a non-primary phone updates only the mobile phone", async () => {
  const { patch } = await setUp();
  const answer = await patch({ phoneNumbers: [{ value: "555-9999", type: "work" }] });
  assert.deepEqual(answer.body.phoneNumbers, [
    { value: "555-0001", type: "work", primary: true },
    { value: "555-9999", type: "mobile", primary: false },
  ]);
});

Deno.test("PATCH a new primary email demotes the old one to secondary", async () => {
  const { patch } = await setUp();
  const answer = await patch({ emails: [{ value: "new@example.com", primary: true }] });
  assert.deepEqual(answer.body.emails, [
    { value: "new@example.com", primary: true },
    { value: "patchee@example.com", primary: false },
  ]);
});

Deno.test("meta.attributes removes attributes, sub-attributes and extension paths", async () => {
  const { patch } = await setUp();
  const answer = await patch({
    meta: {
      attributes: [
        "name.honorificPrefix",
        "Title",
        "roles",
        `${ENTERPRISE}.manager.managerId`,
        "phoneNumbers",
      ],
    },
  });
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.body.name, { givenName: "Pat", familyName: "Chee" });
  assert.equal(answer.body.title, "");
  assert.equal(answer.body.roles, undefined);
  assert.equal(answer.body.phoneNumbers, undefined);
  assert.deepEqual(answer.body[ENTERPRISE], { department: "Ops", manager: {} });
});

Deno.test('meta.attributes "emails" removes only the secondary email', async () => {
  const { patch } = await setUp();
  const answer = await patch({ meta: { attributes: ["emails"] } });
  assert.deepEqual(answer.body.emails, [{ value: "patchee@example.com", primary: true }]);
});

Deno.test("meta.attributes removals happen before the attributes sent are applied", async () => {
  const { patch } = await setUp();
  const answer = await patch({ meta: { attributes: ["name"] }, name: { familyName: "New" } });
  assert.deepEqual(answer.body.name, { givenName: "", familyName: "New" });
});

Deno.test("meta.attributes with a whole extension URN removes the extension", async () => {
  const { patch } = await setUp();
  const answer = await patch({ meta: { attributes: [ENTERPRISE] } });
  assert.equal(answer.body[ENTERPRISE], undefined);
  assert.ok(!answer.body.schemas.includes(ENTERPRISE));
});

Deno.test("meta.attributes removes a guest's expiration", async () => {
  const { patch } = await setUp();
  await patch({
    [GUEST]: { type: "multi", expiration: "2030-01-01T00:00:00Z" },
    schemas: [CORE, GUEST],
  });
  const answer = await patch({ meta: { attributes: [`${GUEST}.expiration`] } });
  assert.deepEqual(answer.body[GUEST], { type: "multi", channels: [] });
});

Deno.test("a failed PATCH changes nothing", async () => {
  const { sim, id, patch } = await setUp();
  const refused = await patch({
    title: "Changed",
    emails: [{ value: "patchee@example.com", operation: "delete" }],
  });
  assert.equal(refused.status, 400);
  assert.equal((await call(sim, "GET", `Users/${id}`)).body.title, "Engineer");
});

Deno.test('operation "delete" on a phone needs its type and primary, when sent, to match too', async () => {
  const { patch } = await setUp();
  // As read: 555-0001 is { type: "work", primary: true }, 555-0002 { type: "mobile", primary: false }.
  const mismatches = await patch({
    phoneNumbers: [
      { value: "555-0002", type: "home", operation: "delete" },
      { value: "555-0002", primary: true, operation: "delete" },
      { value: "555-0001", type: "mobile", operation: "delete" },
      { value: "555-0001", primary: false, operation: "delete" },
    ],
  });
  assert.deepEqual(mismatches.body.phoneNumbers, [
    { value: "555-0001", type: "work", primary: true },
    { value: "555-0002", type: "mobile", primary: false },
  ]);
  const matches = await patch({
    phoneNumbers: [
      { value: "555-0002", type: "mobile", primary: false, operation: "delete" },
      { value: "555-0001", type: "work", primary: true, operation: "delete" },
    ],
  });
  assert.equal(matches.status, 200);
  assert.equal(matches.body.phoneNumbers, undefined);
});

Deno.test('operation "delete" on an address that names no field removes nothing', async () => {
  const { patch } = await setUp();
  const address = { streetAddress: "1 A St", locality: "Town", country: "US" };
  for (const item of [{}, { type: "work" }, { region: "" }, { ...address, primary: false }]) {
    const answer = await patch({ addresses: [{ ...item, operation: "delete" }] });
    assert.equal(answer.body.addresses?.length, 1, JSON.stringify(item));
  }
  const match = await patch({ addresses: [{ locality: "Town", operation: "delete" }] });
  assert.equal(match.body.addresses, undefined);
});
