import assert from "node:assert/strict";
import { SCIMClient } from "../../mod.ts";
import { call, createUser, simulator, TOKEN } from "./helpers.ts";

const PHONES = [{ value: "555-0001", primary: true }, { value: "555-0002" }];
const AS_READ = [
  { value: "555-0001", type: "work", primary: true },
  { value: "555-0002", type: "mobile", primary: false },
];

Deno.test("a user read and PUT back unchanged keeps both phone numbers", async () => {
  const sim = simulator();
  const id = await createUser(sim, "phones", { phoneNumbers: PHONES });
  const read = await call(sim, "GET", `Users/${id}`);
  assert.deepEqual(read.body.phoneNumbers, AS_READ);
  const put = await call(sim, "PUT", `Users/${id}`, read.body);
  assert.equal(put.status, 200);
  assert.deepEqual(put.body.phoneNumbers, AS_READ);
  assert.deepEqual((await call(sim, "GET", `Users/${id}`)).body, read.body);
});

Deno.test("phoneNumbers: an explicit primary: false wins over type mobile; type mobile alone is primary", async () => {
  const sim = simulator();
  const explicit = await createUser(sim, "explicit", {
    phoneNumbers: [
      { value: "555-0002", type: "mobile", primary: false },
      { value: "555-0001", type: "work", primary: true },
    ],
  });
  assert.deepEqual((await call(sim, "GET", `Users/${explicit}`)).body.phoneNumbers, AS_READ);
  const alone = await createUser(sim, "alone", {
    phoneNumbers: [{ value: "555-0002", type: "home" }, { value: "555-0001", type: "mobile" }],
  });
  assert.deepEqual((await call(sim, "GET", `Users/${alone}`)).body.phoneNumbers, [
    { value: "555-0001", type: "work", primary: true },
    { value: "555-0002", type: "mobile", primary: false },
  ]);
});

Deno.test("client.updateUser((await client.readUser(id)).user) keeps both phone numbers", async () => {
  const sim = simulator();
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch });
  const created = await client.createUser({
    userName: "phones2",
    emails: [{ value: "phones2@example.com" }],
    phoneNumbers: PHONES,
  });
  const id = created.user.id;
  assert.ok(id !== undefined);
  const { user } = await client.readUser(id);
  const updated = await client.updateUser(user);
  assert.deepEqual(updated.user.phoneNumbers, AS_READ);
  assert.deepEqual((await client.readUser(id)).user.phoneNumbers, AS_READ);
});
