import assert from "node:assert/strict";
import { CORE_SCHEMA_V1, ENTERPRISE_SCHEMA_V1, PROFILE_SCHEMA_V1, type User } from "../../mod.ts";
import { setup } from "./_helpers.ts";

async function firstUser(client: ReturnType<typeof setup>["client"]): Promise<User> {
  const page = await client.searchUsers({ startIndex: 1, count: 1 });
  const user = page.users[0];
  assert.ok(user?.id, "the simulator has seeded users");
  return user;
}

Deno.test("searchUsers() sends GET Users with startIndex, count and filter in Slack's order", async () => {
  const { client, sent } = setup({ users: 5 });
  const page = await client.searchUsers({ startIndex: 2, count: 2, filter: "userName pr" });
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.method, "GET");
  assert.equal(sent[0]!.url.pathname, "/scim/v1/Users");
  assert.equal(sent[0]!.url.search, "?startIndex=2&count=2&filter=userName%20pr");
  assert.equal(sent[0]!.body, "");
  assert.equal(page.status, 200);
  assert.equal(page.users.length, 2);
  assert.equal(page.totalResults, 5);
  assert.equal(page.itemsPerPage, 2);
  assert.equal(page.startIndex, 2);
  assert.equal(page.attempts, 1);
  assert.equal(page.recovered, false);
  assert.deepEqual(
    (page.body as { Resources: unknown[] }).Resources,
    page.users,
    "users are Slack's Resources, unchanged",
  );
});

Deno.test("searchUsers() without options sends no query", async () => {
  const { client, sent } = setup();
  await client.searchUsers();
  assert.equal(sent[0]!.url.search, "");
});

Deno.test("searchUsers() strips the filter= prefix printed in Slack's docs", async () => {
  const { client, sent } = setup({ users: 3 });
  const target = await firstUser(client);
  const found = await client.searchUsers({
    count: 10,
    filter: `filter=userName Eq "${target.userName}"`,
  });
  assert.equal(
    new URL(sent[1]!.url).searchParams.get("filter"),
    `userName Eq "${target.userName}"`,
  );
  assert.deepEqual(found.users.map((user) => user.id), [target.id]);
});

Deno.test("readUser() sends GET Users/{id} and returns the user", async () => {
  const { client, sent } = setup();
  const target = await firstUser(client);
  const read = await client.readUser(target.id!);
  assert.equal(sent[1]!.method, "GET");
  assert.equal(sent[1]!.url.pathname, `/scim/v1/Users/${target.id}`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.user, target);
  assert.equal(read.body, read.user, "body is the parsed JSON, user the same object");
});

Deno.test("createUser() POSTs the user with schemas filled in and answers 201", async () => {
  const { client, sent } = setup();
  const created = await client.createUser({
    userName: "cal",
    name: { givenName: "C", familyName: "Henderson" },
    emails: [{ value: "cal@example.com" }],
  });
  assert.equal(sent[0]!.method, "POST");
  assert.equal(sent[0]!.url.pathname, "/scim/v1/Users");
  assert.deepEqual(sent[0]!.json, {
    schemas: [CORE_SCHEMA_V1],
    userName: "cal",
    name: { givenName: "C", familyName: "Henderson" },
    emails: [{ value: "cal@example.com" }],
  });
  assert.equal(created.status, 201);
  assert.equal(created.user.userName, "cal");
  assert.match(created.user.id!, /^[UW]/);
  assert.equal(created.recovered, false);
});

Deno.test("createUser() adds the URN of each extension the user carries to schemas", async () => {
  const { client, sent } = setup();
  await client.createUser({
    schemas: [CORE_SCHEMA_V1],
    userName: "dee",
    emails: [{ value: "dee@example.com" }],
    [ENTERPRISE_SCHEMA_V1]: { department: "Sales" },
    [PROFILE_SCHEMA_V1]: { startDate: "2024-04-10T00:00:00+0000" },
  });
  assert.deepEqual((sent[0]!.json as User).schemas, [
    CORE_SCHEMA_V1,
    ENTERPRISE_SCHEMA_V1,
    PROFILE_SCHEMA_V1,
  ]);
});

Deno.test("createUser() does not modify the caller's object", async () => {
  const { client } = setup();
  const user: User = { userName: "eve", emails: [{ value: "eve@example.com" }] };
  await client.createUser(user);
  assert.deepEqual(user, { userName: "eve", emails: [{ value: "eve@example.com" }] });
});

Deno.test("patchUser() sends PATCH Users/{id} with only the given attributes", async () => {
  const { client, sent } = setup();
  const target = await firstUser(client);
  const patched = await client.patchUser(target.id!, { title: "Captain" });
  assert.equal(sent[1]!.method, "PATCH");
  assert.equal(sent[1]!.url.pathname, `/scim/v1/Users/${target.id}`);
  assert.deepEqual(sent[1]!.json, { schemas: [CORE_SCHEMA_V1], title: "Captain" });
  assert.equal(patched.status, 200);
  assert.equal(patched.user.title, "Captain");
  assert.equal(patched.user.userName, target.userName);
});

Deno.test("updateUser() sends PUT Users/{user.id} with the whole user", async () => {
  const { client, sent } = setup();
  const { user } = await client.readUser((await firstUser(client)).id!);
  user.name = { givenName: "Cal", familyName: "Henderson" };
  const updated = await client.updateUser(user);
  const put = sent.at(-1)!;
  assert.equal(put.method, "PUT");
  assert.equal(put.url.pathname, `/scim/v1/Users/${user.id}`);
  assert.deepEqual(put.json, user);
  assert.equal(updated.user.name?.givenName, "Cal");
});

Deno.test("deleteUser() sends DELETE Users/{id}, deactivates, and can be repeated", async () => {
  const { client, sent } = setup();
  const target = await firstUser(client);
  const deleted = await client.deleteUser(target.id!);
  assert.equal(sent[1]!.method, "DELETE");
  assert.equal(sent[1]!.url.pathname, `/scim/v1/Users/${target.id}`);
  assert.equal(deleted.status, 200);
  assert.equal(deleted.body, undefined, "Slack's empty body");
  assert.equal((await client.readUser(target.id!)).user.active, false);
  assert.equal((await client.deleteUser(target.id!)).status, 200);
});

Deno.test("removeUserAttributes() sends a v1 PATCH with meta.attributes", async () => {
  const { client, sent } = setup();
  const target = await firstUser(client);
  await client.patchUser(target.id!, { title: "Captain" });
  const patched = await client.removeUserAttributes(target.id!, ["title"]);
  assert.deepEqual(sent.at(-1)!.json, {
    schemas: [CORE_SCHEMA_V1],
    meta: { attributes: ["title"] },
  });
  assert.equal(sent.at(-1)!.method, "PATCH");
  assert.ok(!patched.user.title, `title removed, got ${JSON.stringify(patched.user.title)}`);
});

Deno.test("deleteUserValues() sends each value with operation delete", async () => {
  const { client, sent } = setup();
  const created = await client.createUser({
    userName: "two.mails",
    emails: [
      { value: "primary@example.com", primary: true },
      { value: "secondary@example.com" },
    ],
  });
  const patched = await client.deleteUserValues(created.user.id!, {
    emails: [{ value: "secondary@example.com" }],
  });
  assert.deepEqual(sent.at(-1)!.json, {
    schemas: [CORE_SCHEMA_V1],
    emails: [{ value: "secondary@example.com", operation: "delete" }],
  });
  assert.deepEqual(patched.user.emails?.map((email) => email.value), ["primary@example.com"]);
});

Deno.test("every request carries the bearer token, a User-Agent and JSON headers on writes", async () => {
  const { client, sent } = setup({}, { userAgentPrefix: "acme-sync/2.1", userAgentSuffix: "(ci)" });
  await client.searchUsers({ count: 1 });
  await client.createUser({ userName: "hdr", emails: [{ value: "hdr@example.com" }] });
  const version = JSON.parse(await Deno.readTextFile(new URL("../../deno.json", import.meta.url)))
    .version;
  for (const request of sent) {
    assert.match(request.headers.get("authorization")!, /^Bearer xoxp-/);
    assert.equal(request.headers.get("user-agent"), `acme-sync/2.1 slack-scim/${version} (ci)`);
  }
  assert.equal(sent[0]!.headers.get("content-type"), null, "no Content-Type without a body");
  assert.equal(sent[1]!.headers.get("content-type"), "application/json;charset=utf-8");
});

Deno.test("default headers are sent but cannot replace the Authorization header", async () => {
  const { client, sent } = setup({}, {
    headers: { "x-request-source": "tests", authorization: "Bearer xoxp-not-mine" },
  });
  await client.searchUsers({ count: 1 });
  assert.equal(sent[0]!.headers.get("x-request-source"), "tests");
  assert.match(sent[0]!.headers.get("authorization")!, /^Bearer xoxp-test-/);
});
