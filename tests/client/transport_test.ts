// The transport under every call (scim/transport.ts): openapi-fetch over the retrying fetch, the
// token added beneath middleware, the typed escape hatch `client.openapi`, redirects never
// followed, pacing under the retries, and the URLs Slack gets.

import assert from "node:assert/strict";
import { type Pacer, SCIMClient } from "../../mod.ts";
import {
  isRequestFailedError,
  isRequestTimeoutError,
  type RetryContext,
  RetryHandler,
  ServerErrorRetryHandler,
} from "../../retry/mod.ts";
import { FixedValueRetryIntervalCalculator } from "../../retry/interval_calculator.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { rejection, setup, TOKEN } from "./_helpers.ts";

const fixed = (ms: number) => new FixedValueRetryIntervalCalculator({ fixedInterval: ms });

/** A handler that records what it is shown, and retries 5xx once. */
class Watching extends RetryHandler {
  readonly seen: (string | null)[] = [];
  protected override shouldRetry(context: RetryContext): boolean {
    this.seen.push(context.request.headers.get("authorization"));
    return context.response?.status === 503;
  }
}

Deno.test("the token is added beneath middleware: middleware and handlers never see it, the wire does", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 2, groups: 0, seed: 1 });
  const onWire: (string | null)[] = [];
  let first = true;
  const watching = new Watching({ intervalCalculator: fixed(0) });
  const client = new SCIMClient({
    token: TOKEN,
    retryHandlers: [watching],
    fetch: (request) => {
      onWire.push(request.headers.get("authorization"));
      if (first) {
        first = false;
        return Promise.resolve(new Response(null, { status: 503 }));
      }
      return sim.fetch(request);
    },
  });
  const inMiddleware: (string | null)[] = [];
  client.use({
    onRequest: ({ request }) => void inMiddleware.push(request.headers.get("authorization")),
    onResponse: ({ request }) => void inMiddleware.push(request.headers.get("authorization")),
  });
  const page = await client.searchUsers({ count: 1 });
  assert.equal(page.attempts, 2);
  assert.deepEqual(onWire, [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  assert.deepEqual(inMiddleware, [null, null]);
  assert.deepEqual(watching.seen, [null]);
  // The escape hatch goes the same way.
  const schema = await client.openapi.GET("/Schemas/Users");
  assert.equal(schema.response.status, 200);
  assert.equal(onWire.at(-1), `Bearer ${TOKEN}`);
  assert.deepEqual(inMiddleware, [null, null, null, null]);
});

Deno.test("without middleware the token still reaches only the wire, and middleware added later through client.openapi.use() never sees it", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 2, groups: 0, seed: 1 });
  const onWire: (string | null)[] = [];
  let fail = 1;
  const watching = new Watching({ intervalCalculator: fixed(0) });
  const client = new SCIMClient({
    token: TOKEN,
    retryHandlers: [watching],
    rateLimiter: false,
    fetch: (request) => {
      onWire.push(request.headers.get("authorization"));
      if (fail-- > 0) return Promise.resolve(new Response(null, { status: 503 }));
      return sim.fetch(request);
    },
  });
  // No middleware yet: openapi-fetch's request is sent as the first attempt, the retry a copy.
  const [user] = (await client.searchUsers({ count: 1 })).users;
  assert.deepEqual(onWire, [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  assert.deepEqual(watching.seen, [null]);
  // Middleware registered on the escape hatch's client counts as the client's own.
  const inMiddleware: (string | null)[] = [];
  const requests: Request[] = [];
  client.openapi.use({
    onRequest: ({ request }) => {
      requests.push(request);
      inMiddleware.push(request.headers.get("authorization"));
    },
    onResponse: ({ request }) => void inMiddleware.push(request.headers.get("authorization")),
  });
  fail = 1;
  assert.equal((await client.readUser(user!.id!)).attempts, 2);
  assert.deepEqual(onWire.slice(2), [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  assert.deepEqual(inMiddleware, [null, null]);
  assert.deepEqual(watching.seen, [null, null]);
  // What middleware keeps never gets the token afterwards either.
  assert.deepEqual(requests.map((request) => request.headers.get("authorization")), [null]);
});

Deno.test("middleware sees each call once, retries happening beneath it, and can be ejected", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 1, groups: 0, seed: 1 });
  sim.faults.script({ kind: "status-503", method: "GET", path: "/Users", count: 1 });
  const client = new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    retryHandlers: [new ServerErrorRetryHandler({ intervalCalculator: fixed(0) })],
  });
  const statuses: number[] = [];
  const middleware = {
    onResponse: ({ response }: { response: Response }) => {
      statuses.push(response.status);
    },
  };
  client.use(middleware);
  const page = await client.searchUsers({ count: 1 });
  assert.equal(page.attempts, 2);
  assert.deepEqual(statuses, [200]);
  await rejection(client.readUser("UNOPE"));
  assert.deepEqual(statuses, [200, 404]);
  client.eject(middleware);
  await client.searchUsers({ count: 1 });
  assert.deepEqual(statuses, [200, 404]);
});

Deno.test("client.openapi: typed calls of the spec with the client's token; HTTP errors are values", async () => {
  const { client } = setup();
  const [user] = (await client.searchUsers({ count: 1 })).users;
  const patched = await client.openapi.PATCH("/Users/{id}", {
    params: { path: { id: user!.id! } },
    body: { schemas: ["urn:scim:schemas:core:1.0"], title: "Captain" },
  });
  assert.equal(patched.error, undefined);
  assert.equal(patched.data?.title, "Captain");
  assert.equal((await client.readUser(user!.id!)).user.title, "Captain");

  const missing = await client.openapi.GET("/Users/{id}", { params: { path: { id: "UNOPE" } } });
  assert.equal(missing.data, undefined);
  assert.equal(missing.response.status, 404);
  assert.deepEqual(missing.error, { Errors: { description: "no_such_user", code: 404 } });
});

Deno.test("client.openapi: no answer throws RequestFailedError, its timeout RequestTimeoutError", async () => {
  const refused = new SCIMClient({
    token: TOKEN,
    retryHandlers: [],
    fetch: () => Promise.reject(new TypeError("fetch failed")),
  });
  const failed = await rejection(
    refused.openapi.POST("/Groups", {
      body: { schemas: ["urn:scim:schemas:core:1.0"], displayName: "Ops", members: [] },
    }),
  );
  assert.ok(isRequestFailedError(failed), String(failed));
  assert.equal(failed.mayHaveBeenApplied, true);

  const hanging = new SCIMClient({
    token: TOKEN,
    fetch: (request) =>
      new Promise((_, reject) =>
        request.signal.addEventListener("abort", () => reject(request.signal.reason))
      ),
  });
  const timedOut = await rejection(hanging.openapi.GET("/Schemas/Users", { timeout: 20 }));
  assert.ok(isRequestTimeoutError(timedOut), String(timedOut));
  assert.equal(timedOut.timeout, 20);
  await assert.rejects(
    hanging.openapi.GET("/Schemas/Users", { timeout: -1 }),
    { name: "RangeError", message: /timeout/ },
  );
});

Deno.test("client.openapi: retryAfterSendFailure: false never re-sends a write that got no answer", async () => {
  let calls = 0;
  const client = new SCIMClient({
    token: TOKEN,
    fetch:
      () => (calls++,
        Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }))),
    clock: { sleep: () => Promise.resolve() },
  });
  const body = { schemas: ["urn:scim:schemas:core:1.0"], displayName: "Ops", members: [] };
  await rejection(client.openapi.POST("/Groups", { body }));
  assert.equal(calls, 2, "the default handlers retry a reset once");
  calls = 0;
  const error = await rejection(
    client.openapi.POST("/Groups", { body, retryAfterSendFailure: false }),
  );
  assert.ok(isRequestFailedError(error));
  assert.equal(calls, 1);
});

Deno.test("every request goes out with redirect: manual, even when middleware asks to follow", async () => {
  const { client, sim } = setup();
  const modes: string[] = [];
  const recording = new SCIMClient({
    token: TOKEN,
    fetch: (request) => (modes.push(request.redirect), sim.fetch(request)),
  });
  recording.use({ onRequest: ({ request }) => new Request(request, { redirect: "follow" }) });
  await recording.searchUsers({ count: 1 });
  await recording.openapi.GET("/Schemas/Users", { redirect: "follow" });
  await recording.apiCall("GET", "ResourceTypes").catch(() => {});
  assert.deepEqual(modes, ["manual", "manual", "manual"]);
  assert.ok(client);
});

Deno.test("a 3xx is an answer outside 2xx, never followed", async () => {
  const client = new SCIMClient({
    token: TOKEN,
    fetch: () =>
      Promise.resolve(
        new Response(null, { status: 302, headers: { location: "https://elsewhere.example/" } }),
      ),
  });
  const error = await rejection(client.readUser("U1"));
  assert.equal((error as { status?: number }).status, 302);
});

Deno.test("rateLimiter paces every attempt under the retries, and its wait ends on the call's timeout", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 1, groups: 0, seed: 1 });
  sim.faults.script({ kind: "status-503", method: "GET", path: "/Users", count: 1 });
  const paced: string[] = [];
  const counting: Pacer = {
    wrap: (fetch) => (request) => {
      paced.push(`${request.method} ${new URL(request.url).pathname}`);
      assert.equal(request.headers.get("authorization"), null, "the pacer never sees the token");
      return fetch(request);
    },
  };
  const client = new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    rateLimiter: counting,
    retryHandlers: [new ServerErrorRetryHandler({ intervalCalculator: fixed(0) })],
  });
  await client.searchUsers({ count: 1 });
  assert.deepEqual(paced, ["GET /scim/v1/Users", "GET /scim/v1/Users"]);

  const stuck: Pacer = {
    wrap: () => (request) =>
      new Promise((_, reject) =>
        request.signal.addEventListener("abort", () => reject(request.signal.reason))
      ),
  };
  const waiting = new SCIMClient({ token: TOKEN, fetch: sim.fetch, rateLimiter: stuck });
  const error = await rejection(waiting.readUser("U1", { timeout: 20 }));
  assert.ok(isRequestTimeoutError(error), String(error));
  assert.throws(
    () => new SCIMClient({ token: TOKEN, rateLimiter: {} as Pacer }),
    { name: "TypeError", message: /rateLimiter/ },
  );
});

Deno.test("client.openapi is typed by the spec: path parameters required, bodies and queries checked", () => {
  const client = new SCIMClient({ token: TOKEN });
  const typed = (call: () => unknown) => call;
  const calls = [
    // @ts-expect-error: the id is a required path parameter.
    typed(() => client.openapi.GET("/Users/{id}")),
    // @ts-expect-error: count is a number in the spec.
    typed(() => client.openapi.GET("/Users", { params: { query: { count: "1" } } })),
    // @ts-expect-error: a POST of a group must send its body.
    typed(() => client.openapi.POST("/Groups", {})),
    // @ts-expect-error: no such path in the spec.
    typed(() => client.openapi.GET("/Nope")),
    typed(() => client.openapi.GET("/Users", { params: { query: { count: 1, filter: "x" } } })),
  ];
  assert.equal(calls.length, 5); // never called: the compiler is the test
});

Deno.test("path parameters are percent-encoded and the query writes spaces as %20", async () => {
  const { client, sent } = setup();
  await rejection(client.readUser("U 1?#"));
  assert.equal(sent[0]!.url.pathname, "/scim/v1/Users/U%201%3F%23");
  await client.searchUsers({ startIndex: 1, filter: 'email eq "a+b@x.com"' });
  assert.equal(sent[1]!.url.search, "?startIndex=1&filter=email%20eq%20%22a%2Bb%40x.com%22");
  await client.searchGroups();
  assert.equal(sent[2]!.url.search, "");
});

Deno.test("a lone surrogate in the query is refused, not sent as U+FFFD", async () => {
  const { client, sent } = setup();
  await assert.rejects(
    client.searchUsers({ filter: 'userName eq "ab\ud800"' }),
    { name: "TypeError", message: /filter is not well-formed Unicode/ },
  );
  assert.equal(sent.length, 0);
});

Deno.test("a missing path parameter is refused, even one Object.prototype has", async () => {
  const client = new SCIMClient({ token: TOKEN, fetch: () => Promise.reject(new Error("sent")) });
  const untyped = client.openapi as unknown as {
    GET(path: string, init: unknown): Promise<unknown>;
  };
  for (const path of ["/Users/{id}", "/Users/{constructor}"]) {
    await assert.rejects(
      untyped.GET(path, { params: { path: {} } }),
      { name: "TypeError", message: `Cannot build ${path}: no ${path.slice(8, -1)}` },
    );
  }
});
