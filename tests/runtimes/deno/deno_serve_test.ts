import assert from "node:assert/strict";
import { SCIMClient } from "@org/slack-scim";
import { SlackScimSimulator } from "@org/slack-scim/testing";
import { createHandler } from "../../../examples/deno_serve.ts";

const TOKEN = "xoxp-example-token";
const API_KEY = "example-api-key";

function setUp(token = TOKEN) {
  const sim = new SlackScimSimulator({
    token: TOKEN,
    users: 5,
    groups: 0,
    seed: 2,
  });
  const client = new SCIMClient({ token, fetch: sim.fetch });
  const handler = createHandler({ client, apiKey: API_KEY });
  return { sim, client, handler };
}

function deactivate(
  email: unknown,
  headers: HeadersInit = { authorization: `Bearer ${API_KEY}` },
) {
  return new Request("http://app.test/deactivate", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email }),
  });
}

async function createUser(client: SCIMClient, name: string) {
  const email = `${name}@example.com`;
  const { user } = await client.createUser({
    userName: name,
    emails: [{ value: email }],
  });
  return { id: user.id!, email };
}

Deno.test("deno_serve example deactivates the user found by email, served by Deno.serve", async () => {
  const { client, handler } = setUp();
  const { id, email } = await createUser(client, "leaver");
  await using server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    handler,
  );
  const response = await fetch(
    `http://127.0.0.1:${server.addr.port}/deactivate`,
    {
      method: "POST",
      headers: {
        authorization: `Bearer ${API_KEY}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ email }),
    },
  );
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), {
    id,
    userName: "leaver",
    active: false,
  });
  assert.equal((await client.readUser(id)).user.active, false);
});

Deno.test("deno_serve example answers 401 to a caller without the API key and calls nothing", async () => {
  const { sim, client, handler } = setUp();
  const { id, email } = await createUser(client, "stayer");
  const before = sim.requests.length;
  for (
    const headers of [{}, { authorization: "Bearer wrong-key" }, {
      authorization: "Bearer ",
    }]
  ) {
    const response = await handler(deactivate(email, headers));
    assert.equal(response.status, 401);
    await response.body?.cancel();
  }
  assert.equal(sim.requests.length, before);
  assert.equal((await client.readUser(id)).user.active, true);
});

Deno.test("deno_serve example answers 404 no_such_user for an email nobody has", async () => {
  const { handler } = setUp();
  const response = await handler(deactivate("nobody@example.com"));
  assert.equal(response.status, 404);
  assert.deepEqual(await response.json(), {
    error: "no_such_user",
    email: "nobody@example.com",
  });
});

Deno.test("deno_serve example answers 400 to a body without an email", async () => {
  const { sim, handler } = setUp();
  for (const email of [undefined, 42, "not-an-email"]) {
    const response = await handler(deactivate(email));
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error, "invalid_email");
  }
  assert.equal(sim.requests.length, 0);
});

Deno.test("deno_serve example answers 405 to GET and 404 to other paths", async () => {
  const { handler } = setUp();
  const get = await handler(new Request("http://app.test/deactivate"));
  assert.equal(get.status, 405);
  assert.equal(get.headers.get("allow"), "POST");
  await get.body?.cancel();
  const other = await handler(
    new Request("http://app.test/users", { method: "POST" }),
  );
  assert.equal(other.status, 404);
  await other.body?.cancel();
});

Deno.test("deno_serve example passes Slack's error code on as 502 without the token", async () => {
  const { handler } = setUp("xoxp-revoked-token");
  const response = await handler(deactivate("someone@example.com"));
  assert.equal(response.status, 502);
  const text = await response.text();
  assert.equal(JSON.parse(text).status, 401);
  assert.ok(!text.includes("xoxp-"), text);
});

Deno.test("deno_serve example refuses an empty API key", () => {
  const { client } = setUp();
  assert.throws(() => createHandler({ client, apiKey: "" }), TypeError);
});

Deno.test("deno_serve example refuses with 409 and deactivates nobody when two users answer to the email", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 0 });
  const seeded = new SCIMClient({ token: TOKEN, fetch: sim.fetch });
  const a = await createUser(seeded, "twin.a");
  const b = await createUser(seeded, "twin.b");
  // Slack answering a search with two users (e.g. one holds the address as a secondary email):
  // the search result is rewritten to list both, everything else is the simulator's answer.
  const twoMatches = async (request: Request): Promise<Response> => {
    const response = await sim.fetch(request);
    if (
      request.method !== "GET" ||
      !new URL(request.url).searchParams.has("filter")
    ) return response;
    const list = await response.json() as {
      Resources: unknown[];
      totalResults: number;
    };
    const both = await seeded.searchUsers({
      count: 10,
      filter: 'userName sw "twin."',
    });
    const shared = both.users.map((user) => ({
      ...user,
      emails: [{ value: a.email }],
    }));
    return Response.json({
      ...list,
      Resources: shared,
      totalResults: shared.length,
    });
  };
  const handler = createHandler({
    client: new SCIMClient({ token: TOKEN, fetch: twoMatches }),
    apiKey: API_KEY,
  });
  const response = await handler(deactivate(a.email));
  assert.equal(response.status, 409);
  assert.equal((await response.json()).error, "ambiguous_email");
  assert.equal((await seeded.readUser(a.id)).user.active, true);
  assert.equal((await seeded.readUser(b.id)).user.active, true);
  assert.ok(!sim.requests.some((r) => r.method === "DELETE"));
});
