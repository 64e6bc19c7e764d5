import assert from "node:assert/strict";
import { AsyncSCIMClient, CORE_SCHEMA_V1, isSCIMApiError, SCIMClient } from "../../mod.ts";
import { rejection, setup } from "./_helpers.ts";

async function userIds(client: SCIMClient, count: number): Promise<string[]> {
  const page = await client.searchUsers({ count });
  return page.users.map((user) => user.id!);
}

Deno.test("searchGroups() sends GET Groups with paging and filter and returns groups", async () => {
  const { client, sent } = setup({ groups: 3 });
  const page = await client.searchGroups({ startIndex: 1, count: 2, filter: "displayName pr" });
  assert.equal(sent[0]!.method, "GET");
  assert.equal(sent[0]!.url.pathname, "/scim/v1/Groups");
  assert.equal(sent[0]!.url.search, "?startIndex=1&count=2&filter=displayName%20pr");
  assert.equal(page.groups.length, 2);
  assert.equal(page.totalResults, 3);
  assert.match(page.groups[0]!.id!, /^S/);
});

Deno.test("createGroup() POSTs displayName and members with schemas and answers 201", async () => {
  const { client, sent } = setup();
  const [u1] = await userIds(client, 1);
  const created = await client.createGroup({ displayName: "Ops", members: [{ value: u1! }] });
  const post = sent.at(-1)!;
  assert.equal(post.method, "POST");
  assert.equal(post.url.pathname, "/scim/v1/Groups");
  assert.deepEqual(post.json, {
    schemas: [CORE_SCHEMA_V1],
    displayName: "Ops",
    members: [{ value: u1 }],
  });
  assert.equal(created.status, 201);
  assert.equal(created.group.displayName, "Ops");
  assert.equal(created.group.members?.[0]?.value, u1);
});

Deno.test("readGroup() sends GET Groups/{id} and returns the members", async () => {
  const { client, sent } = setup();
  const [u1] = await userIds(client, 1);
  const { group } = await client.createGroup({ displayName: "Read", members: [{ value: u1! }] });
  const read = await client.readGroup(group.id!);
  assert.equal(sent.at(-1)!.url.pathname, `/scim/v1/Groups/${group.id}`);
  assert.deepEqual(read.group.members?.map((member) => member.value), [u1]);
});

Deno.test("patchGroup() adds and removes members in one v1 PATCH and answers 204 with no body", async () => {
  const { client, sent } = setup({ users: 3 });
  const [u1, u2, u3] = await userIds(client, 3);
  const { group } = await client.createGroup({
    displayName: "Patch",
    members: [{ value: u1! }, { value: u2! }],
  });
  const patched = await client.patchGroup(group.id!, {
    displayName: "Patched",
    members: [{ value: u3! }, { value: u1!, operation: "delete" }],
  });
  const patch = sent.at(-1)!;
  assert.equal(patch.method, "PATCH");
  assert.equal(patch.url.pathname, `/scim/v1/Groups/${group.id}`);
  assert.deepEqual(patch.json, {
    schemas: [CORE_SCHEMA_V1],
    displayName: "Patched",
    members: [{ value: u3 }, { value: u1, operation: "delete" }],
  });
  assert.equal(patched.status, 204);
  assert.equal(patched.body, undefined);
  const read = await client.readGroup(group.id!);
  assert.equal(read.group.displayName, "Patched");
  assert.deepEqual(read.group.members?.map((member) => member.value).sort(), [u2, u3].sort());
});

Deno.test("updateGroup() sends PUT Groups/{group.id} with the whole group", async () => {
  const { client, sent } = setup({ users: 2 });
  const [u1, u2] = await userIds(client, 2);
  const { group } = await client.createGroup({ displayName: "Put", members: [{ value: u1! }] });
  group.members = [{ value: u2! }];
  const updated = await client.updateGroup(group);
  const put = sent.at(-1)!;
  assert.equal(put.method, "PUT");
  assert.equal(put.url.pathname, `/scim/v1/Groups/${group.id}`);
  assert.deepEqual((put.json as { members: unknown }).members, [{ value: u2 }]);
  assert.deepEqual(updated.group.members?.map((member) => member.value), [u2]);
});

Deno.test("deleteGroup() sends DELETE Groups/{id}; the group is gone", async () => {
  const { client, sent } = setup();
  const [u1] = await userIds(client, 1);
  const { group } = await client.createGroup({ displayName: "Gone", members: [{ value: u1! }] });
  const deleted = await client.deleteGroup(group.id!);
  assert.equal(sent.at(-1)!.method, "DELETE");
  assert.equal(sent.at(-1)!.url.pathname, `/scim/v1/Groups/${group.id}`);
  assert.equal(deleted.status, 204);
  assert.equal(deleted.recovered, false);
  const error = await rejection(client.readGroup(group.id!));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.description, "no_such_group");
});

Deno.test("deleteGroup() of a group linked to channels throws idp_group_linked_to_channels", async () => {
  const { client, sim } = setup();
  const [u1] = await userIds(client, 1);
  const { group } = await client.createGroup({ displayName: "Linked", members: [{ value: u1! }] });
  sim.linkGroupToChannels(group.id!);
  const error = await rejection(client.deleteGroup(group.id!));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.description, "idp_group_linked_to_channels");
});

Deno.test("readServiceProviderConfigs(), readUserSchema(), readGroupSchema() read discovery endpoints", async () => {
  const { client, sent } = setup();
  const config = await client.readServiceProviderConfigs();
  const users = await client.readUserSchema();
  const groups = await client.readGroupSchema();
  assert.deepEqual(sent.map((request) => `${request.method} ${request.url.pathname}`), [
    "GET /scim/v1/ServiceProviderConfigs",
    "GET /scim/v1/Schemas/Users",
    "GET /scim/v1/Schemas/Groups",
  ]);
  assert.equal(typeof config.serviceProviderConfig.patch?.supported, "boolean");
  assert.ok(Array.isArray(users.schema.attributes));
  assert.ok(Array.isArray(groups.schema.attributes));
});

Deno.test("apiCall() sends any method and path with query and body under the base URL", async () => {
  const { client, sent } = setup();
  const page = await client.apiCall<{ totalResults: number }>("get", "Users", {
    query: { count: 1, filter: undefined },
  });
  assert.equal(sent[0]!.method, "GET");
  assert.equal(sent[0]!.url.pathname, "/scim/v1/Users");
  assert.equal(sent[0]!.url.search, "?count=1");
  assert.equal(typeof page.body?.totalResults, "number");

  const created = await client.apiCall<{ id: string }>("POST", "Users", {
    body: {
      schemas: [CORE_SCHEMA_V1],
      userName: "raw",
      emails: [{ value: "raw@example.com" }],
    },
  });
  assert.equal(created.status, 201);
  assert.equal(sent[1]!.headers.get("content-type"), "application/json;charset=utf-8");
  assert.match(created.body!.id, /^[UW]/);
});

Deno.test("apiCall() sends a path holding {…} as given, never as a template", async () => {
  const { client, sent } = setup();
  for (const path of ["Users/{x}", "Users/{constructor}"]) {
    await assert.rejects(client.apiCall("GET", path), /404/);
  }
  assert.deepEqual(sent.map((s) => s.url.pathname), [
    "/scim/v1/Users/%7Bx%7D",
    "/scim/v1/Users/%7Bconstructor%7D",
  ]);
});

Deno.test("apiCall() refuses paths that leave the base URL", async () => {
  const { client, sent } = setup();
  const paths = [
    "",
    "../v2/Users",
    "Users/..",
    "/Users",
    "https://evil.example/Users",
    "Users/%2e%2e/x",
    "Users?x=1",
  ];
  for (const path of paths) {
    await assert.rejects(client.apiCall("GET", path), TypeError, `path ${JSON.stringify(path)}`);
  }
  assert.equal(sent.length, 0);
});

Deno.test("AsyncSCIMClient is SCIMClient under the Python SDK's name", () => {
  assert.equal(AsyncSCIMClient, SCIMClient);
  const client: AsyncSCIMClient = new AsyncSCIMClient({ token: "xoxp-1" });
  assert.ok(client instanceof SCIMClient);
});

Deno.test("createGroup() requires displayName and members in its type, as Slack does", async () => {
  const { client, sim } = setup();
  // @ts-expect-error: members is required (Slack answers 400 without it)
  const withoutMembers = client.createGroup({ displayName: "Ops" });
  const error = await rejection(withoutMembers);
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 400);
  // @ts-expect-error: displayName is required
  await rejection(client.createGroup({ members: [] }));
  const created = await client.createGroup({ displayName: "Ops", members: [] });
  assert.equal(created.status, 201);
  assert.equal(sim.requests.filter((r) => r.method === "POST").length, 3);
});
