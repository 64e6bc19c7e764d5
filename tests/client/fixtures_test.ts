// Real Slack payloads (tests/fixtures/) through the client: every file parses, v1 responses
// become models untouched, v1 request bodies go out byte-for-byte, unknown attributes survive.

import assert from "node:assert/strict";
import { SCIMClient, type User } from "../../mod.ts";
import { answering, fixture, FIXTURES, fixtureText, setup, TOKEN } from "./_helpers.ts";

async function* jsonFiles(dir: URL): AsyncGenerator<URL> {
  for await (const entry of Deno.readDir(dir)) {
    const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), dir);
    if (entry.isDirectory) yield* jsonFiles(url);
    else if (entry.name.endsWith(".json")) yield url;
  }
}

/** A transport that answers every request with its own JSON body (or `{}`) and status 200. */
/** Records what was sent and answers with it, as the resource Slack would return (with an id). */
function echo() {
  const bodies: unknown[] = [];
  return {
    bodies,
    fetch: async (request: Request) => {
      const text = await request.text();
      const sent = text === "" ? undefined : JSON.parse(text);
      bodies.push(sent);
      return Response.json({ id: "U123ABC456", ...(sent ?? {}) });
    },
  };
}

Deno.test("every fixture file parses as JSON", async () => {
  let count = 0;
  for await (const url of jsonFiles(FIXTURES)) {
    const text = await Deno.readTextFile(url);
    assert.doesNotThrow(() => JSON.parse(text), url.pathname);
    count++;
  }
  assert.ok(count > 100, `found ${count} fixture files`);
});

const RESPONSES = [
  {
    file: "slack-java-sdk-samples/v1/Users.json",
    call: (client: SCIMClient) => client.searchUsers(),
    take: (response: Record<string, unknown>) => response.users,
    expected: (json: Record<string, unknown>) => json.Resources,
  },
  {
    file: "slack-java-sdk-samples/v1/Users/00000000000.json",
    call: (client: SCIMClient) => client.readUser("W00000000"),
    take: (response: Record<string, unknown>) => response.user,
    expected: (json: Record<string, unknown>) => json,
  },
  {
    file: "slack-java-sdk-samples/v1/Groups.json",
    call: (client: SCIMClient) => client.searchGroups(),
    take: (response: Record<string, unknown>) => response.groups,
    expected: (json: Record<string, unknown>) => json.Resources,
  },
  {
    file: "slack-java-sdk-samples/v1/Groups/00000000000.json",
    call: (client: SCIMClient) => client.readGroup("S00000000"),
    take: (response: Record<string, unknown>) => response.group,
    expected: (json: Record<string, unknown>) => json,
  },
  {
    file: "slack-java-sdk-samples/v1/ServiceProviderConfigs.json",
    call: (client: SCIMClient) => client.readServiceProviderConfigs(),
    take: (response: Record<string, unknown>) => response.serviceProviderConfig,
    expected: (json: Record<string, unknown>) => json,
  },
  {
    file: "slack-python-sdk-tests/test_internals__search_users_response.json",
    call: (client: SCIMClient) => client.searchUsers(),
    take: (response: Record<string, unknown>) => response.users,
    expected: (json: Record<string, unknown>) => json.Resources,
  },
  {
    file: "slack-python-sdk-tests/test_response__search_users_response_with_unknown_fields.json",
    call: (client: SCIMClient) => client.searchUsers(),
    take: (response: Record<string, unknown>) => response.users,
    expected: (json: Record<string, unknown>) => json.Resources,
  },
];

for (const { file, call, take, expected } of RESPONSES) {
  Deno.test(`the v1 response ${file} becomes models with every attribute kept`, async () => {
    const text = await fixtureText(file);
    const client = new SCIMClient({
      token: TOKEN,
      fetch: answering(text, { headers: { "content-type": "application/json" } }).fetch,
    });
    const response = await call(client) as unknown as Record<string, unknown>;
    assert.equal(response.status, 200);
    assert.deepEqual(take(response), expected(JSON.parse(text)));
  });
}

Deno.test("list numbers come from the v1 list response", async () => {
  const text = await fixtureText(
    "slack-python-sdk-tests/test_internals__search_users_response.json",
  );
  const client = new SCIMClient({ token: TOKEN, fetch: answering(text).fetch });
  const page = await client.searchUsers();
  const json = JSON.parse(text);
  assert.equal(page.totalResults, json.totalResults);
  assert.equal(page.itemsPerPage, json.itemsPerPage);
  assert.equal(page.startIndex, json.startIndex);
});

Deno.test("every documented v1 PATCH body goes out as written (schemas at least as given)", async () => {
  const dir = new URL("slack-docs/v1/", FIXTURES);
  let count = 0;
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.name.startsWith("patch_user_")) continue;
    const body = await fixture<User>(`slack-docs/v1/${entry.name}`);
    const transport = echo();
    const client = new SCIMClient({ token: TOKEN, fetch: transport.fetch });
    await client.patchUser("U123ABC456", body);
    const sent = transport.bodies[0] as User;
    const { schemas: sentSchemas, ...sentRest } = sent;
    const { schemas: givenSchemas, ...givenRest } = body;
    assert.deepEqual(sentRest, givenRest, entry.name);
    for (const urn of givenSchemas ?? []) assert.ok(sentSchemas?.includes(urn), entry.name);
    count++;
  }
  assert.ok(count >= 30, `${count} PATCH fixtures`);
});

Deno.test("the documented v1 create and PUT bodies go out unchanged", async () => {
  const cases = [
    ["create_user_request_enterprise.json", "createUser"],
    ["create_user_request_multi_channel_guest.json", "createUser"],
    ["put_user_request.json", "updateUser"],
    ["create_group_request.json", "createGroup"],
    ["put_group_request.json", "updateGroup"],
  ] as const;
  for (const [file, method] of cases) {
    const body = await fixture(`slack-docs/v1/${file}`);
    const transport = echo();
    const client = new SCIMClient({ token: TOKEN, fetch: transport.fetch });
    const withId = method === "updateGroup" ? { id: "S1", ...body } : body;
    await (client[method] as (value: unknown) => Promise<unknown>).call(client, withId);
    assert.deepEqual(transport.bodies[0], withId, file);
  }
});

Deno.test("unknown attributes survive read → update untouched, at every level", async () => {
  const { client, sent } = setup({ unknownAttributes: true });
  const id = (await client.searchUsers({ count: 1 })).users[0]!.id!;
  const { user } = await client.readUser(id);
  assert.equal(typeof user.newAttribute, "string", "the simulator added an unknown attribute");
  assert.equal(typeof (user.name as Record<string, unknown>).newAttribute, "string");
  user.title = "Changed";
  await client.updateUser(user);
  const put = sent.at(-1)!;
  assert.equal(put.method, "PUT");
  assert.deepEqual(put.json, user);
  assert.equal((put.json as Record<string, unknown>).newAttribute, user.newAttribute);
  assert.deepEqual(
    (put.json as { emails: unknown[] }).emails,
    user.emails,
    "nested unknown attributes too",
  );
});
