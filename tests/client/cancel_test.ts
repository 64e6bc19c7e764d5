// Timeouts and cancellation reach the transport, and reject with the documented errors.

import assert from "node:assert/strict";
import { isRequestTimeoutError, SCIMClient } from "../../mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { rejection, TOKEN } from "./_helpers.ts";

/** A transport that never answers; it rejects when the request's signal aborts. */
function hanging() {
  const seen: Request[] = [];
  return {
    seen,
    fetch: (request: Request) =>
      new Promise<Response>((_, reject) => {
        seen.push(request);
        request.signal.addEventListener("abort", () => reject(request.signal.reason), {
          once: true,
        });
      }),
  };
}

Deno.test("the client's timeout ends a call that gets no answer with RequestTimeoutError", async () => {
  const transport = hanging();
  const client = new SCIMClient({ token: TOKEN, fetch: transport.fetch, timeout: 5 });
  const error = await rejection(client.readUser("U1"));
  assert.ok(isRequestTimeoutError(error), String(error));
  assert.equal(transport.seen.length, 1);
  assert.ok(!String(error).includes(TOKEN));
});

Deno.test("a per-call timeout overrides the client's", async () => {
  const transport = hanging();
  const client = new SCIMClient({ token: TOKEN, fetch: transport.fetch, timeout: 0 });
  const error = await rejection(client.searchUsers({ timeout: 5 }));
  assert.ok(isRequestTimeoutError(error), String(error));
});

Deno.test("the caller's signal cancels a call in flight with its reason", async () => {
  const transport = hanging();
  const client = new SCIMClient({ token: TOKEN, fetch: transport.fetch });
  const controller = new AbortController();
  const call = client.deleteUser("U1", { signal: controller.signal });
  await Promise.resolve();
  const reason = new DOMException("user cancelled", "AbortError");
  controller.abort(reason);
  assert.equal(await rejection(call), reason);
});

/**
 * A transport whose answer's headers arrive but whose body stalls after a first chunk; the body
 * errors with the request signal's reason when it aborts, as fetch's does.
 */
function stallingBody(status: number) {
  let attempts = 0;
  return {
    attempts: () => attempts,
    fetch: (request: Request) => {
      attempts++;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"Resources":['));
          request.signal.addEventListener("abort", () => controller.error(request.signal.reason), {
            once: true,
          });
        },
      });
      return Promise.resolve(
        new Response(body, { status, headers: { "content-type": "application/json" } }),
      );
    },
  };
}

Deno.test("a timeout while the answer's body streams in is a RequestTimeoutError, not an API error", async () => {
  const transport = stallingBody(200);
  const client = new SCIMClient({ token: TOKEN, fetch: transport.fetch, timeout: 5 });
  const error = await rejection(client.searchUsers({ count: 1 }));
  assert.ok(isRequestTimeoutError(error), String(error));
  assert.equal(error.method, "GET");
  assert.match(error.url, /\/scim\/v1\/Users\?/);
  assert.equal(error.timeout, 5);
  assert.equal(error.attempts, 1);
  assert.equal(error.mayHaveBeenApplied, false);
  assert.equal((error.cause as DOMException).name, "TimeoutError");
  assert.equal(transport.attempts(), 1);
  assert.ok(!String(error).includes(TOKEN));
});

Deno.test("a write's 2xx whose body times out may have been applied", async () => {
  const transport = stallingBody(200);
  const client = new SCIMClient({ token: TOKEN, fetch: transport.fetch, timeout: 5 });
  const error = await rejection(client.patchUser("U1", { active: true }));
  assert.ok(isRequestTimeoutError(error), String(error));
  assert.equal(error.method, "PATCH");
  assert.equal(error.mayHaveBeenApplied, true);
});

Deno.test("client.openapi: a timeout while a 2xx body streams in is a RequestTimeoutError too", async () => {
  const transport = stallingBody(201);
  const client = new SCIMClient({ token: TOKEN, fetch: transport.fetch, timeout: 5 });
  const error = await rejection(
    client.openapi.POST("/Groups", {
      body: { schemas: ["urn:scim:schemas:core:1.0"], displayName: "Ops", members: [] },
    }),
  );
  assert.ok(isRequestTimeoutError(error), String(error));
  assert.equal(error.mayHaveBeenApplied, true); // a 201 came: the group may exist
});

Deno.test("what middleware throws comes through as it is, never as an unreadable answer", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 1, groups: 0, seed: 1 });
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch });
  const boom = new Error("metrics backend down");
  client.use({
    onResponse: () => {
      throw boom;
    },
  });
  assert.equal(await rejection(client.searchUsers({ count: 1 })), boom);
});
