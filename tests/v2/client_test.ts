// SCIM2Client: Slack's documented v2 payloads through the client (responses into models with
// nothing lost, request bodies sent as written), errors in both shapes, and the client against
// the simulator's /scim/v2 (users, groups, discovery, paging, membership, retries and safe-write
// recovery), in-process and over loopback.

import assert from "node:assert/strict";
import {
  addGroupMembers,
  filter,
  groupPatch,
  isRequestFailedError,
  isSCIMApiError,
  iterateUsers,
  SCIM2Client,
  type SCIM2ClientOptions,
  setGroupMembers,
  untypedOperation,
  type User,
  userPatch,
} from "../../scim/v2/mod.ts";
import { SlackScimSimulator, type SlackScimSimulatorOptions } from "../../scim/testing/mod.ts";
import { FIXTURES } from "../_fixtures.ts";
import { PATCH_BODIES } from "./_patch_bodies.ts";

const TOKEN = "xoxp-test-v2-0123456789-secret";
const V2 = "slack-docs/v2/";
const JAVA = "slack-java-sdk-samples/v2/";

async function text(path: string): Promise<string> {
  return await Deno.readTextFile(new URL(path, FIXTURES));
}
async function json(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await text(path));
}

/** A client whose transport always answers `body` with `status`, recording the requests. */
function answering(body: string | null, status = 200, options: Partial<SCIM2ClientOptions> = {}) {
  const requests: { method: string; path: string; body: unknown }[] = [];
  const client = new SCIM2Client({
    token: TOKEN,
    clock: { sleep: () => Promise.resolve() },
    ...options,
    fetch: async (request) => {
      const sent = await request.text();
      requests.push({
        method: request.method,
        path: new URL(request.url).pathname,
        body: sent === "" ? undefined : JSON.parse(sent),
      });
      return new Response(body, { status, headers: { "content-type": "application/json" } });
    },
  });
  return { client, requests };
}

/** A simulator and a v2 client on it, in-process. */
function setup(
  simOptions: SlackScimSimulatorOptions = {},
  options: Partial<SCIM2ClientOptions> = {},
) {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 3, groups: 1, seed: 1, ...simOptions });
  const client = new SCIM2Client({
    token: TOKEN,
    fetch: sim.fetch,
    clock: { sleep: () => Promise.resolve() },
    ...options,
  });
  return { sim, client };
}

// ---- Slack's documented payloads through the client ------------------------------------------

const RESPONSES: {
  file: string;
  call: (client: SCIM2Client) => Promise<object>;
  take: string;
  expected: (body: Record<string, unknown>) => unknown;
}[] = [
  ...["list_users_response.json", "Users.json"].map((name) => ({
    file: name === "Users.json" ? JAVA + name : V2 + name,
    call: (client: SCIM2Client) => client.searchUsers(),
    take: "users",
    expected: (body: Record<string, unknown>) => body.Resources,
  })),
  ...["list_groups_response.json", "Groups.json"].map((name) => ({
    file: name === "Groups.json" ? JAVA + name : V2 + name,
    call: (client: SCIM2Client) => client.searchGroups(),
    take: "groups",
    expected: (body: Record<string, unknown>) => body.Resources,
  })),
  ...[
    "get_user_response.json",
    "create_user_response.json",
    "create_guest_user_response.json",
    "patch_user_response.json",
    "put_user_response.json",
  ].map((name) => ({
    file: V2 + name,
    call: (client: SCIM2Client) => client.readUser("U123ABC456"),
    take: "user",
    expected: (body: Record<string, unknown>) => body,
  })),
  {
    file: JAVA + "Users/00000000000.json",
    call: (client) => client.readUser("W00000000"),
    take: "user",
    expected: (body) => body,
  },
  ...[
    "get_group_response.json",
    "create_group_response.json",
    "put_group_response.json",
    "patch_group_members_replace_response.json",
    "patch_group_remove_all_members_response.json",
    "delete_group_section_response.json",
  ].map((name) => ({
    file: V2 + name,
    call: (client: SCIM2Client) => client.readGroup("S123ABC456"),
    take: "group",
    expected: (body: Record<string, unknown>) => body,
  })),
  {
    file: JAVA + "Groups/00000000000.json",
    call: (client) => client.readGroup("S00000000"),
    take: "group",
    expected: (body) => body,
  },
  {
    file: JAVA + "ServiceProviderConfigs.json",
    call: (client) => client.readServiceProviderConfig(),
    take: "serviceProviderConfig",
    expected: (body) => body,
  },
  {
    file: JAVA + "ResourceTypes.json",
    call: (client) => client.readResourceTypes(),
    take: "resourceTypes",
    expected: (body) => body.Resources,
  },
];

for (const { file, call, take, expected } of RESPONSES) {
  Deno.test(`the v2 response ${file} reads into models with nothing lost`, async () => {
    const body = await text(file);
    const { client } = answering(body);
    const response = await call(client) as Record<string, unknown>;
    assert.equal(response.status, 200);
    assert.deepEqual(response[take], expected(JSON.parse(body)));
  });
}

Deno.test("every v2 response fixture is read by one of the tests above", async () => {
  const covered = new Set(RESPONSES.map(({ file }) => file));
  const missing: string[] = [];
  for await (const entry of Deno.readDir(new URL(V2, FIXTURES))) {
    if (entry.name.endsWith("_response.json") && entry.name !== "error_response.json") {
      if (!covered.has(V2 + entry.name)) missing.push(entry.name);
    }
  }
  assert.deepEqual(missing, []);
});

Deno.test("patchGroup takes Slack's documented 200 with the group, and a 204 without a body", async () => {
  const body = await text(V2 + "patch_group_members_replace_response.json");
  const documented = await answering(body).client.patchGroup("S123ABC456", [
    groupPatch.replaceMembers(["U123ABC456", "U222ABC222"]),
  ]);
  assert.equal(documented.status, 200);
  assert.deepEqual(documented.group, JSON.parse(body));
  const empty = await answering(null, 204).client.patchGroup("S1", [groupPatch.rename("Ops")]);
  assert.equal(empty.status, 204);
  assert.equal(empty.group, undefined);
});

Deno.test("patchGroup refuses a 2xx body that is neither the group nor empty", async () => {
  const { client } = answering('{"ok":true}');
  const error = await client.patchGroup("S1", [groupPatch.rename("Ops")]).then(
    () => assert.fail("resolved"),
    (error) => error,
  );
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 200);
});

Deno.test("every documented v2 PATCH body goes out through patchUser or patchGroup as written", async () => {
  for (const [name, operations] of Object.entries(PATCH_BODIES)) {
    const isGroup = name.includes("group");
    const answer = isGroup
      ? await text(V2 + "get_group_response.json")
      : await text(V2 + "get_user_response.json");
    const { client, requests } = answering(answer);
    if (isGroup) await client.patchGroup("S123ABC456", operations as never);
    else await client.patchUser("U123ABC456", operations as never);
    assert.equal(requests.length, 1, name);
    assert.equal(requests[0]!.method, "PATCH");
    assert.equal(
      requests[0]!.path,
      `/scim/v2/${isGroup ? "Groups/S123ABC456" : "Users/U123ABC456"}`,
    );
    assert.deepEqual(requests[0]!.body, await json(V2 + name), name);
  }
});

Deno.test("the documented v2 create and PUT bodies go out as written", async () => {
  const user = await text(V2 + "get_user_response.json");
  const group = await text(V2 + "get_group_response.json");
  const cases = [
    ["create_user_request_enterprise.json", "createUser", user, "POST", "/scim/v2/Users"],
    ["create_guest_user_request.json", "createUser", user, "POST", "/scim/v2/Users"],
    ["create_group_request.json", "createGroup", group, "POST", "/scim/v2/Groups"],
    ["put_user_request.json", "updateUser", user, "PUT", "/scim/v2/Users/U123ABC456"],
    ["put_group_request.json", "updateGroup", group, "PUT", "/scim/v2/Groups/S123ABC456"],
  ] as const;
  for (const [file, method, answer, verb, path] of cases) {
    const documented = await json(V2 + file);
    // A PUT carries the id of the resource it replaces: the body is the documented one plus it.
    const given = method === "updateUser"
      ? { id: "U123ABC456", ...documented }
      : method === "updateGroup"
      ? { id: "S123ABC456", ...documented }
      : documented;
    const { client, requests } = answering(answer, verb === "POST" ? 201 : 200);
    await (client[method] as (value: unknown) => Promise<unknown>).call(client, given);
    assert.equal(requests[0]!.method, verb, file);
    assert.equal(requests[0]!.path, path, file);
    assert.deepEqual(requests[0]!.body, given, file);
  }
});

Deno.test("the documented profile PATCH (not a PatchOp) goes out as printed through apiCall", async () => {
  const documented = await json(V2 + "patch_user_profile_start_date_request.json");
  const { client, requests } = answering(await text(V2 + "get_user_response.json"));
  await client.apiCall("PATCH", "Users/U123ABC456", { body: documented });
  assert.deepEqual(requests[0]!.body, documented);
});

Deno.test("createUser fills in the core URN and the URN of each extension the user carries", async () => {
  const { client, requests } = answering(await text(V2 + "get_user_response.json"), 201);
  await client.createUser({
    userName: "cal",
    emails: [{ value: "cal@example.com" }],
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "Sales" },
  });
  assert.deepEqual((requests[0]!.body as User).schemas, [
    "urn:ietf:params:scim:schemas:core:2.0:User",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  ]);
});

// ---- Errors ------------------------------------------------------------------------------

Deno.test("Slack's documented v2 error becomes SCIMApiError with its detail and status", async () => {
  const { client } = answering(await text(V2 + "error_response.json"), 400);
  const error = await client.readUser("U1").then(() => assert.fail("resolved"), (e) => e);
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 400);
  assert.equal(error.description, "missing_schema_element");
});

Deno.test("a v2 error with status as a string (RFC 7644), and one in v1's shape, are read too", async () => {
  const bodies = [
    '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"no_such_user","status":"404"}',
    '{"Errors":{"description":"no_such_user","code":404}}',
  ];
  for (const body of bodies) {
    const error = await answering(body, 404).client.readUser("U1").then(
      () => assert.fail("resolved"),
      (e) => e,
    );
    assert.ok(isSCIMApiError(error));
    assert.equal(error.description, "no_such_user", body);
  }
});

Deno.test("readServiceProviderConfig asks for the singular name, then the plural on a 404", async () => {
  const config = await text(JAVA + "ServiceProviderConfigs.json");
  const paths: string[] = [];
  const client = new SCIM2Client({
    token: TOKEN,
    fetch: (request) => {
      const path = new URL(request.url).pathname;
      paths.push(path);
      return Promise.resolve(
        path.endsWith("/ServiceProviderConfig")
          ? Response.json({ detail: "bad_endpoint", status: 404 }, { status: 404 })
          : new Response(config, { status: 200 }),
      );
    },
  });
  const { serviceProviderConfig } = await client.readServiceProviderConfig();
  assert.deepEqual(serviceProviderConfig, JSON.parse(config));
  assert.deepEqual(paths, ["/scim/v2/ServiceProviderConfig", "/scim/v2/ServiceProviderConfigs"]);
  // Another error is not retried under the other name.
  const { client: down, requests } = answering(
    '{"detail":"invalid_authentication","status":401}',
    401,
  );
  await assert.rejects(down.readServiceProviderConfig(), /invalid_authentication/);
  assert.equal(requests.length, 1);
});

Deno.test("a v2 client refuses v1-only filters before any request", async () => {
  const { client, requests } = answering("{}");
  await assert.rejects(
    client.searchUsers({ filter: "restricted eq true" }),
    { name: "TypeError", message: /"restricted" is a v1-only filter/ },
  );
  await assert.rejects(client.searchUsers({ filter: "ultra_restricted Eq 1" }), TypeError);
  assert.throws(() => filter`ultra_restricted eq ${true}`, /v1-only/);
  // As a value, the word is data, not an attribute.
  assert.equal(filter`userName eq ${"restricted eq x"}`, 'userName eq "restricted eq x"');
  assert.equal(requests.length, 0);
});

Deno.test("the token is never shown by the v2 client", () => {
  const client = new SCIM2Client({ token: TOKEN });
  const shown = [String(client), JSON.stringify(client), Deno.inspect(client)].join("\n");
  assert.ok(!shown.includes(TOKEN), shown);
  assert.equal(client.baseUrl, "https://api.slack.com/scim/v2/");
  assert.throws(() => new SCIM2Client({ token: "" }), /Cannot create SCIM2Client: token is empty/);
});

// ---- Against the simulator ---------------------------------------------------------------

Deno.test("users walkthrough on the simulator: create, search, patch, put, deactivate (204)", async () => {
  const { client } = setup();
  const created = await client.createUser({
    userName: "cal",
    name: { givenName: "C", familyName: "Henderson" },
    emails: [{ value: "cal@example.com", primary: true }, { value: "cal@home.example" }],
  });
  assert.equal(created.status, 201);
  const id = created.user.id!;
  const found = await client.searchUsers({ filter: filter`userName eq ${"cal"}`, count: 100 });
  assert.deepEqual(found.users.map((user) => user.id), [id]);

  const patched = await client.patchUser(id, [
    { op: "replace", path: "name.givenName", value: "Cal" },
    userPatch.removeSecondaryEmails(),
    userPatch.replace("title", "Captain"),
    userPatch.add("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "Ops"),
  ]);
  assert.equal(patched.user.name?.givenName, "Cal");
  assert.deepEqual(patched.user.emails?.map((email) => email.value), ["cal@example.com"]);
  assert.equal(patched.user.title, "Captain");
  assert.equal(
    patched.user["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]?.department,
    "Ops",
  );

  const { user } = await client.readUser(id);
  user.title = "Admiral";
  const updated = await client.updateUser(user);
  assert.equal(updated.user.title, "Admiral");

  const deleted = await client.deleteUser(id);
  assert.equal(deleted.status, 204);
  assert.equal((await client.readUser(id)).user.active, false);
  const again = await client.patchUser(id, [userPatch.activate()]);
  assert.equal(again.user.active, true);
});

Deno.test("groups walkthrough on the simulator: create, rename, members add/remove/replace, delete", async () => {
  const { client } = setup({ users: 4 });
  const ids = (await client.searchUsers({ count: 4 })).users.map((user) => user.id!);
  const { group } = await client.createGroup({ displayName: "Ops", members: [{ value: ids[0]! }] });
  const gid = group.id!;
  const renamed = await client.patchGroup(gid, [
    groupPatch.rename("Operations"),
    ...groupPatch.addMembers([ids[1]!, ids[2]!]),
  ]);
  assert.ok(renamed.status === 200 || renamed.status === 204);
  let read = (await client.readGroup(gid)).group;
  assert.equal(read.displayName, "Operations");
  assert.deepEqual(read.members?.map((m) => m.value).sort(), [ids[0], ids[1], ids[2]].sort());

  await client.patchGroup(gid, groupPatch.removeMembers([ids[0]!]));
  read = (await client.readGroup(gid)).group;
  assert.deepEqual(read.members?.map((m) => m.value).sort(), [ids[1], ids[2]].sort());

  await client.patchGroup(gid, [groupPatch.replaceMembers([ids[3]!])]);
  read = (await client.readGroup(gid)).group;
  assert.deepEqual(read.members?.map((m) => m.value), [ids[3]]);

  const byName = await client.searchGroups({ filter: filter`displayName eq ${"Operations"}` });
  assert.deepEqual(byName.groups.map((g) => g.id), [gid]);
  const deleted = await client.deleteGroup(gid);
  assert.equal(deleted.status, 204);
  await assert.rejects(
    client.readGroup(gid),
    (error) => isSCIMApiError(error) && error.status === 404,
  );
});

Deno.test("a user made through v1 is patched and deactivated through SCIM2Client (one store)", async () => {
  const { sim, client } = setup();
  const v1 = await sim.fetch(
    new Request("https://api.slack.com/scim/v1/Users", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        schemas: ["urn:scim:schemas:core:1.0"],
        userName: "v1user",
        emails: [{ value: "v1user@example.com" }],
      }),
    }),
  );
  const { id } = await v1.json();
  const patched = await client.patchUser(id, [userPatch.replace("title", "Moved to v2")]);
  assert.equal(patched.user.title, "Moved to v2");
  assert.ok(patched.user.schemas?.includes("urn:ietf:params:scim:schemas:core:2.0:User"));
  await client.deleteUser(id);
  assert.equal((await client.readUser(id)).user.active, false);
});

Deno.test("discovery on the simulator: service provider config, resource types, schemas", async () => {
  const { client } = setup();
  const { serviceProviderConfig } = await client.readServiceProviderConfig();
  assert.equal(serviceProviderConfig.patch?.supported, true);
  const { resourceTypes } = await client.readResourceTypes();
  assert.deepEqual(resourceTypes.map((type) => type.endpoint).sort(), ["/Groups", "/Users"]);
  const { schemas } = await client.readSchemas();
  assert.ok(schemas.some((schema) => schema.id === "urn:ietf:params:scim:schemas:core:2.0:User"));
  const users = await client.readUserSchema();
  assert.ok(users.schema.attributes?.some((attribute) => attribute.name === "userName"));
  const groups = await client.readGroupSchema();
  assert.ok(groups.schema.attributes?.some((attribute) => attribute.name === "members"));
});

Deno.test("the paging iterator walks every v2 user once", async () => {
  const { client } = setup({ users: 23 });
  const seen = new Set<string>();
  for await (const user of iterateUsers(client, { pageSize: 5 })) seen.add(user.id!);
  assert.equal(seen.size, 23);
});

Deno.test("chunked membership through SCIM2Client: at most chunkSize members per call, 5,000 by default", async () => {
  const { sim, client } = setup({ users: 12 });
  const ids = (await client.searchUsers({ count: 12 })).users.map((user) => user.id!);
  const { group } = await client.createGroup({ displayName: "Big", members: [{ value: ids[0]! }] });
  const before = sim.requests.length;
  const added = await addGroupMembers(client, group.id!, ids.slice(1), { chunkSize: 4 });
  assert.deepEqual(added.chunks.map((chunk) => chunk.userIds.length), [4, 4, 3]);
  assert.equal(sim.requests.slice(before).filter((r) => r.method === "PATCH").length, 3);
  const set = await setGroupMembers(client, group.id!, ids.slice(0, 2), { chunkSize: 4 });
  assert.equal(set.removed, 10);
  const { group: read } = await client.readGroup(group.id!);
  assert.deepEqual(read.members?.map((m) => m.value).sort(), ids.slice(0, 2).sort());
  await assert.rejects(
    addGroupMembers(client, group.id!, ids, { chunkSize: 15_001 }),
    RangeError,
  );
});

// ---- Retries and safe writes, as in v1 -----------------------------------------------------

Deno.test("createUser recovers the user its first attempt created when the retry meets username_taken", async () => {
  const { sim, client } = setup();
  sim.faults.script({ kind: "reset-after", method: "POST", path: "/Users" });
  const created = await client.createUser({
    userName: "cal",
    emails: [{ value: "cal@example.com" }],
  });
  assert.equal(created.recovered, true);
  assert.equal(created.user.userName, "cal");
  const all = await client.searchUsers({ filter: 'userName eq "cal"' });
  assert.equal(all.totalResults, 1, "no duplicate user");
});

Deno.test("createGroup is never re-sent after an attempt without an answer", async () => {
  const { sim, client } = setup();
  sim.faults.script({ kind: "reset-after", method: "POST", path: "/Groups" });
  const ids = (await client.searchUsers({ count: 1 })).users.map((user) => user.id!);
  const error = await client.createGroup({ displayName: "Once", members: [{ value: ids[0]! }] })
    .then(() => assert.fail("resolved"), (e) => e);
  assert.ok(isRequestFailedError(error));
  assert.equal(error.mayHaveBeenApplied, true);
  assert.match(error.message, /not retried/);
  const posts = sim.requests.filter((r) => r.method === "POST" && r.path === "/Groups");
  assert.equal(posts.length, 1);
});

Deno.test("deleteGroup whose retry meets no_such_group is a recovered success", async () => {
  const { sim, client } = setup();
  const [group] = (await client.searchGroups({ count: 1 })).groups;
  sim.faults.script({ kind: "reset-after", method: "DELETE", path: `/Groups/${group!.id}` });
  const deleted = await client.deleteGroup(group!.id!);
  assert.equal(deleted.recovered, true);
});

Deno.test("a v2 PATCH, PUT and DELETE whose connection dropped are re-sent once, as in v1", async () => {
  const { sim, client } = setup();
  const [user] = (await client.searchUsers({ count: 1 })).users;
  const path = `/Users/${user!.id}`;
  sim.faults.script({ kind: "reset-after", method: "PATCH", path });
  sim.faults.script({ kind: "reset-before", method: "PUT", path });
  sim.faults.script({ kind: "reset-after", method: "DELETE", path });
  const patched = await client.patchUser(user!.id!, [userPatch.replace("title", "Retried")]);
  assert.equal(patched.attempts, 2);
  assert.equal(patched.user.title, "Retried");
  const updated = await client.updateUser({ ...patched.user, title: "Again" });
  assert.equal(updated.attempts, 2);
  assert.equal(updated.user.title, "Again");
  const deleted = await client.deleteUser(user!.id!);
  assert.equal(deleted.attempts, 2);
  assert.equal(deleted.status, 204);
  assert.equal((await client.readUser(user!.id!)).user.active, false);
});

Deno.test("a v2 PATCH that may have applied says so when the retry fails too", async () => {
  const { sim, client } = setup();
  const [user] = (await client.searchUsers({ count: 1 })).users;
  sim.faults.script({ kind: "reset-after", method: "PATCH", path: `/Users/${user!.id}` });
  sim.faults.script({ kind: "status-502", method: "PATCH", path: `/Users/${user!.id}` });
  const error = await client.patchUser(user!.id!, [userPatch.replace("title", "Boss")]).then(
    () => assert.fail("resolved"),
    (e) => e,
  );
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 502);
  assert.equal(error.mayHaveBeenApplied, true);
  assert.equal((await client.readUser(user!.id!)).user.title, "Boss");
});

Deno.test("a re-sent add of members after a dropped connection adds each member once", async () => {
  const { sim, client } = setup({ users: 3 });
  const ids = (await client.searchUsers({ count: 3 })).users.map((user) => user.id!);
  const { group } = await client.createGroup({ displayName: "Twice", members: [] });
  sim.faults.script({ kind: "reset-after", method: "PATCH", path: `/Groups/${group.id}` });
  const patched = await client.patchGroup(group.id!, groupPatch.addMembers(ids));
  assert.equal(patched.attempts, 2);
  const members = (await client.readGroup(group.id!)).group.members ?? [];
  assert.deepEqual(members.map((member) => member.value).sort(), [...ids].sort());
});

Deno.test("an untyped operation goes out as given, and Slack's answer decides", async () => {
  const { client } = setup();
  const [user] = (await client.searchUsers({ count: 1 })).users;
  const answer = await client.patchUser(user!.id!, [
    untypedOperation({ op: "replace", path: "title", value: "Untyped" }),
  ]);
  assert.equal(answer.user.title, "Untyped");
});

Deno.test("over loopback: the v2 users and groups walkthrough with the global fetch", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 2, groups: 0, seed: 3 });
  const server = await sim.listen();
  try {
    const client = new SCIM2Client({
      token: TOKEN,
      baseUrl: server.baseUrl.replace("/scim/v1", "/scim/v2"),
      timeout: 10_000,
    });
    const created = await client.createUser({
      userName: "loop",
      emails: [{ value: "loop@example.com", primary: true }],
    });
    const id = created.user.id!;
    const patched = await client.patchUser(id, [userPatch.replace("title", "Looped")]);
    assert.equal(patched.user.title, "Looped");
    const { group } = await client.createGroup({ displayName: "Loop", members: [{ value: id }] });
    await client.patchGroup(group.id!, [groupPatch.rename("Looped")]);
    assert.equal((await client.readGroup(group.id!)).group.displayName, "Looped");
    assert.equal((await client.deleteGroup(group.id!)).status, 204);
    assert.equal((await client.deleteUser(id)).status, 204);
  } finally {
    await server.close();
  }
});

Deno.test("v2 deleteUser() and deleteGroup() answered 2xx with a SCIM error body (detail, no Errors) throw, never read as done", async () => {
  const body = JSON.stringify({
    schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
    detail: "no_such_user",
    status: "404",
  });
  for (const status of [200, 202]) {
    const { client, requests } = answering(body, status);
    for (const call of [() => client.deleteUser("U1"), () => client.deleteGroup("S1")]) {
      const error = await call().catch((e) => e);
      assert.ok(isSCIMApiError(error), `${status}: ${error}`);
      assert.equal(error.status, status);
      assert.match(error.message, /no body/);
    }
    assert.deepEqual(requests.map((r) => r.method), ["DELETE", "DELETE"]);
  }
});
