// A request body is read once before the first attempt; that read obeys the call's timeout and
// the caller's signal like everything else in the call.

import assert from "node:assert/strict";
import { ServerErrorRetryHandler } from "../../retry/builtin_handlers.ts";
import { createRetryingFetch } from "../../retry/fetch.ts";
import { FixedValueRetryIntervalCalculator } from "../../retry/interval_calculator.ts";
import { isRequestTimeoutError } from "../../retry/request_timeout_error.ts";
import { recordingSleep, scriptedServer, USERS } from "./_server.ts";

/** A body that sends one byte and never closes, like an upload whose source stalled. */
function stalledBody() {
  const seen = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("{"));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

function post(body: ReadableStream<Uint8Array>, signal?: AbortSignal): Request {
  return new Request(USERS, {
    method: "POST",
    body,
    duplex: "half",
    ...(signal ? { signal } : {}),
  } as RequestInit);
}

Deno.test("a stream body that never closes ends with RequestTimeoutError when the timeout elapses", async () => {
  const timeout = new AbortController();
  const server = scriptedServer(new Response("ok"));
  const fetch = createRetryingFetch({
    retryHandlers: () => [],
    fetch: server.fetch,
    clock: { timeout: () => timeout.signal },
  });
  const { stream, seen } = stalledBody();
  const call = fetch(post(stream), { timeout: 100 }).catch((e) => e);
  await new Promise((resolve) => setTimeout(resolve, 0)); // let the read start
  timeout.abort(new DOMException("Signal timed out.", "TimeoutError"));
  const error = await call;
  assert.ok(isRequestTimeoutError(error), String(error));
  assert.equal(error.method, "POST");
  assert.equal(error.timeout, 100);
  assert.equal(error.attempts, 0);
  assert.equal(error.mayHaveBeenApplied, false);
  assert.equal((error.cause as DOMException).name, "TimeoutError");
  assert.equal(seen.cancelled, true, "the stalled body is cancelled");
  assert.equal(server.received.length, 0, "nothing was sent");
});

Deno.test("the caller's abort while the body is read rejects with its reason", async () => {
  const controller = new AbortController();
  const server = scriptedServer(new Response("ok"));
  const fetch = createRetryingFetch({ retryHandlers: () => [], fetch: server.fetch });
  const { stream, seen } = stalledBody();
  const call = fetch(post(stream, controller.signal), { timeout: 60_000 }).catch((e) => e);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const reason = new Error("caller gave up");
  controller.abort(reason);
  assert.equal(await call, reason);
  assert.equal(seen.cancelled, true);
  assert.equal(server.received.length, 0);
});

Deno.test("a stream body that closes is sent whole, on every attempt", async () => {
  const server = scriptedServer(new Response(null, { status: 503 }), new Response("ok"));
  const fetch = createRetryingFetch({
    retryHandlers: () => [
      new ServerErrorRetryHandler({
        intervalCalculator: new FixedValueRetryIntervalCalculator({ fixedInterval: 1 }),
      }),
    ],
    fetch: server.fetch,
    clock: { sleep: recordingSleep().sleep, timeout: () => new AbortController().signal },
  });
  const parts = ['{"userName":', '"jane"}'];
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts.shift();
      if (part === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(part));
    },
  });
  const response = await fetch(post(stream), { timeout: 1000 });
  assert.equal(response.status, 200);
  assert.deepEqual(server.received.map((r) => r.body), [
    '{"userName":"jane"}',
    '{"userName":"jane"}',
  ]);
});
