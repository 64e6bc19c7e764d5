// The client over real HTTP on 127.0.0.1: the global fetch, real sockets, real resets.

import assert from "node:assert/strict";
import {
  isRequestTimeoutError,
  isSCIMApiError,
  SCIMClient,
  UNPARSEABLE_RESPONSE,
} from "../../mod.ts";
import { type RetryContext, RetryHandler, ServerErrorRetryHandler } from "../../retry/mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { rejection, TOKEN } from "./_helpers.ts";

async function withServer(
  run: (client: SCIMClient, sim: SlackScimSimulator) => Promise<void>,
): Promise<void> {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 3, groups: 1, seed: 2 });
  const server = await sim.listen();
  try {
    const client = new SCIMClient({
      token: TOKEN,
      baseUrl: server.baseUrl,
      timeout: 10_000,
      clock: { sleep: () => Promise.resolve() },
    });
    await run(client, sim);
  } finally {
    await server.close();
  }
}

Deno.test("over loopback: the user walkthrough works with the global fetch", async () => {
  await withServer(async (client) => {
    const created = await client.createUser({
      userName: "loop",
      name: { givenName: "L", familyName: "Oop" },
      emails: [{ value: "loop@example.com" }],
    });
    assert.equal(created.status, 201);
    const found = await client.searchUsers({
      startIndex: 1,
      count: 100,
      filter: 'userName eq "loop"',
    });
    assert.deepEqual(found.users.map((user) => user.id), [created.user.id]);
    const patched = await client.patchUser(created.user.id!, { userName: "loop2" });
    const user = patched.user;
    user.name = { givenName: "Lou", familyName: "Oop" };
    const updated = await client.updateUser(user);
    assert.equal(updated.user.name?.givenName, "Lou");
    assert.equal((await client.deleteUser(user.id!)).status, 200);
    assert.equal((await client.readUser(user.id!)).user.active, false);
  });
});

Deno.test("over loopback: the group walkthrough works, patchGroup answers 204", async () => {
  await withServer(async (client) => {
    const member = (await client.searchUsers({ count: 1 })).users[0]!.id!;
    const { group } = await client.createGroup({
      displayName: "Loop",
      members: [{ value: member }],
    });
    assert.equal((await client.patchGroup(group.id!, { displayName: "Loop 2" })).status, 204);
    group.displayName = "Loop 3";
    assert.equal((await client.updateGroup(group)).group.displayName, "Loop 3");
    assert.equal((await client.deleteGroup(group.id!)).status, 204);
  });
});

Deno.test("over loopback: a real connection reset after a create is recovered", async () => {
  await withServer(async (client, sim) => {
    sim.faults.script({ kind: "reset-after", method: "POST", path: "/Users" });
    const created = await client.createUser({
      userName: "reset",
      emails: [{ value: "reset@example.com" }],
    });
    assert.equal(created.recovered, true);
    assert.equal(created.user.userName, "reset");
  });
});

Deno.test("over loopback: a truncated body and an HTML page become SCIMApiError", async () => {
  await withServer(async (client, sim) => {
    sim.faults.script({ kind: "truncated", method: "GET", path: "/Users" });
    const truncated = await rejection(client.searchUsers());
    assert.ok(isSCIMApiError(truncated), String(truncated));
    assert.equal(truncated.description, UNPARSEABLE_RESPONSE);

    sim.faults.script({ kind: "html", method: "GET", path: "/Groups" });
    const html = await rejection(client.searchGroups());
    assert.ok(isSCIMApiError(html), String(html));
    assert.equal(html.status, 502);
    assert.match(html.message, /an HTML page/);
  });
});

// On the global fetch a typed call's first attempt is fetch(url, init), with no Request object;
// a retry, the handlers' view and errors build the Request then. These prove the two agree.

Deno.test("over loopback: a PATCH answered 503 is re-sent with the same body, and handlers see the request without its token", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 3, groups: 0, seed: 2 });
  const server = await sim.listen();
  const seen: { method: string; url: string; authorization: string | null }[] = [];
  class Watching extends RetryHandler {
    protected override shouldRetry(context: RetryContext): boolean {
      const { method, url, headers } = context.request;
      seen.push({ method, url, authorization: headers.get("authorization") });
      return false;
    }
  }
  try {
    const client = new SCIMClient({
      token: TOKEN,
      baseUrl: server.baseUrl,
      retryHandlers: [new Watching(), new ServerErrorRetryHandler({ maxRetryCount: 1 })],
      clock: { sleep: () => Promise.resolve() },
    });
    const user = (await client.searchUsers({ count: 1 })).users[0]!;
    sim.faults.script({ kind: "status-503", method: "PATCH", path: `/Users/${user.id}` });
    const patched = await client.patchUser(user.id!, { title: "it's 'quoted'" });
    assert.equal(patched.attempts, 2);
    assert.equal(patched.user.title, "it's 'quoted'");
    assert.deepEqual(seen, [{
      method: "PATCH",
      url: `${server.baseUrl}Users/${user.id}`,
      authorization: null,
    }]);
    assert.deepEqual(sim.requests.slice(-2).map((r) => r.status), [503, 200]);
  } finally {
    await server.close();
  }
});

Deno.test("over loopback: a first attempt that times out reports the URL as a Request writes it", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 1, groups: 0, seed: 2 });
  const server = await sim.listen();
  try {
    const client = new SCIMClient({ token: TOKEN, baseUrl: server.baseUrl, timeout: 50 });
    sim.faults.script({ kind: "slow", path: "/Users", delayMs: 1_000 });
    const error = await rejection(client.searchUsers({ filter: 'userName eq "o\'neil"' }));
    assert.ok(isRequestTimeoutError(error), String(error));
    assert.equal(error.method, "GET");
    // A Request percent-encodes the quote in a query; the URL shown is the one that was sent.
    assert.equal(error.url, `${server.baseUrl}Users?filter=userName%20eq%20%22o%27neil%22`);
    assert.equal(error.url, new Request(error.url).url);
  } finally {
    await server.close();
  }
});

Deno.test("a global fetch installed after the library loaded gets a Request, as a custom fetch does", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 2, groups: 0, seed: 2 });
  const seen: string[] = [];
  const original = globalThis.fetch;
  // A stub written for Requests only, as the simulator's handler is.
  globalThis.fetch = ((input: Request) => {
    seen.push(input instanceof Request ? `Request ${input.method}` : typeof input);
    return sim.fetch(input);
  }) as typeof fetch;
  try {
    const client = new SCIMClient({ token: TOKEN, baseUrl: "https://api.slack.com/scim/v1/" });
    assert.equal((await client.searchUsers({ count: 1 })).status, 200);
    const { group } = await client.createGroup({ displayName: "Stubbed", members: [] });
    assert.equal(group.displayName, "Stubbed");
    assert.deepEqual(seen, ["Request GET", "Request POST"]);
  } finally {
    globalThis.fetch = original;
  }
});
