import assert from "node:assert/strict";
import {
  ConnectionErrorRetryHandler,
  RateLimitErrorRetryHandler,
  ServerErrorRetryHandler,
} from "../../retry/builtin_handlers.ts";
import { defaultRetryHandlers } from "../../retry/defaults.ts";
import { createRetryingFetch, type RetryingFetchOptions, retryStatsOf } from "../../retry/fetch.ts";
import { RetryHandler } from "../../retry/handler.ts";
import { MAX_ATTEMPTS } from "../../retry/_attempts.ts";
import { FixedValueRetryIntervalCalculator } from "../../retry/interval_calculator.ts";
import { isRequestFailedError } from "../../retry/request_failed_error.ts";
import { isRequestTimeoutError } from "../../retry/request_timeout_error.ts";
import {
  memoryLogger,
  networkErrors,
  recordingSleep,
  scriptedServer,
  sleepUntilAborted,
  USERS,
} from "./_server.ts";

const fixed = (ms: number) => new FixedValueRetryIntervalCalculator({ fixedInterval: ms });
const serverError =
  () => [new ServerErrorRetryHandler({ maxRetryCount: 5, intervalCalculator: fixed(1000) })];

/** A server that never answers until the request's signal aborts, then rejects as fetch does. */
const hangs = (request: Request) =>
  new Promise<Response>((_, reject) =>
    request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true })
  );

Deno.test("an aborted signal rejects at once with its reason, without sending", async () => {
  const server = scriptedServer(new Response("ok"));
  const fetch = createRetryingFetch({ retryHandlers: defaultRetryHandlers, fetch: server.fetch });
  const reason = new Error("caller gave up");
  const error = await fetch(new Request(USERS, { signal: AbortSignal.abort(reason) })).catch((e) =>
    e
  );
  assert.equal(error, reason);
  assert.equal(server.received.length, 0);
});

Deno.test("the caller's abort during a wait rejects with signal.reason unchanged", async () => {
  const controller = new AbortController();
  const server = scriptedServer(new Response(null, { status: 503 }), new Response("ok"));
  const fetch = createRetryingFetch({
    retryHandlers: serverError,
    fetch: server.fetch,
    clock: { sleep: sleepUntilAborted(() => controller.abort()) },
  });
  const error = await fetch(new Request(USERS, { signal: controller.signal })).catch((e) => e);
  assert.ok(error instanceof DOMException);
  assert.equal(error, controller.signal.reason);
  assert.equal(error.name, "AbortError");
  assert.equal(server.received.length, 1);
});

Deno.test("the caller's abort during an attempt is never retried nor wrapped", async () => {
  const controller = new AbortController();
  let calls = 0;
  const fetch = createRetryingFetch({
    retryHandlers: defaultRetryHandlers,
    fetch: (request) => {
      calls++;
      queueMicrotask(() => controller.abort());
      return hangs(request);
    },
    clock: { sleep: recordingSleep().sleep },
  });
  const error = await fetch(new Request(USERS, { signal: controller.signal })).catch((e) => e);
  assert.equal(error, controller.signal.reason);
  assert.equal(calls, 1);
});

Deno.test("a timeout during a wait throws RequestTimeoutError with the attempts so far", async () => {
  const timeout = new AbortController();
  const asked: number[] = [];
  const server = scriptedServer(new Response(null, { status: 503 }), new Response("ok"));
  const fetch = createRetryingFetch({
    retryHandlers: serverError,
    fetch: server.fetch,
    clock: {
      sleep: sleepUntilAborted(() =>
        timeout.abort(new DOMException("Signal timed out.", "TimeoutError"))
      ),
      timeout: (ms) => {
        asked.push(ms);
        return timeout.signal;
      },
      now: () => 0,
    },
  });
  const error = await fetch(new Request(USERS), { timeout: 5000 }).catch((e) => e);
  assert.ok(isRequestTimeoutError(error));
  assert.deepEqual(asked, [5000]);
  assert.equal(error.timeout, 5000);
  assert.equal(error.attempts, 1);
  assert.deepEqual(error.failedAttempts, [{ kind: "response", status: 503 }]);
  assert.equal(error.mayHaveBeenApplied, false);
  assert.equal(
    error.message,
    "Cannot complete GET /scim/v1/Users: timed out after 5000 ms and 1 attempt",
  );
  assert.equal(server.received.length, 1);
});

Deno.test("a timeout during a write's attempt says it may have been applied", async () => {
  const timeout = new AbortController();
  const fetch = createRetryingFetch({
    retryHandlers: defaultRetryHandlers,
    fetch: (request) => {
      queueMicrotask(() => timeout.abort(new DOMException("Signal timed out.", "TimeoutError")));
      return hangs(request);
    },
    clock: { timeout: () => timeout.signal },
  });
  const error = await fetch(new Request(USERS, { method: "POST", body: "{}" }), { timeout: 100 })
    .catch((e) => e);
  assert.ok(isRequestTimeoutError(error));
  assert.equal(error.mayHaveBeenApplied, true);
  assert.equal(error.attempts, 1);
  assert.equal((error.cause as DOMException).name, "TimeoutError");
});

Deno.test("a 429 whose Retry-After ends after the timeout is returned at once, saying why", async () => {
  let clock = 1_000_000;
  const { sleep, delays } = recordingSleep();
  const { logger, lines } = memoryLogger();
  const server = scriptedServer(
    () => {
      clock += 2000; // the attempt took 2 s
      return Promise.resolve(
        new Response('{"Errors":{"description":"too_many_requests","code":429}}', {
          status: 429,
          headers: { "Retry-After": "9" },
        }),
      );
    },
  );
  const fetch = createRetryingFetch({
    retryHandlers: () => [new RateLimitErrorRetryHandler()],
    fetch: server.fetch,
    clock: { sleep, now: () => clock, timeout: () => new AbortController().signal },
    logger,
  });
  const response = await fetch(new Request(USERS), { timeout: 10_000 });
  assert.equal(response.status, 429);
  assert.equal(response.headers.get("retry-after"), "9");
  assert.match(await response.text(), /too_many_requests/, "the body is left for the caller");
  assert.deepEqual(delays, []);
  assert.equal(server.received.length, 1);
  const reason = "Retry-After of 9000 ms exceeds the time left before the timeout (8000 ms)";
  const stats = retryStatsOf(response);
  assert.equal(stats?.giveUpReason, reason);
  assert.equal(stats?.attempts, 1);
  assert.deepEqual(stats?.failedAttempts, []);
  assert.ok(
    lines.some((l) =>
      l.level === "warn" && l.message === `GET /scim/v1/Users answered 429; not retried: ${reason}`
    ),
    JSON.stringify(lines),
  );
});

Deno.test("a backoff that ends after the timeout returns the failed answer, not a timeout", async () => {
  let clock = 0;
  const { sleep, delays } = recordingSleep((ms) => clock += ms);
  const server = scriptedServer(new Response(null, { status: 503 }));
  const fetch = createRetryingFetch({
    retryHandlers: serverError, // waits 1000 ms between attempts
    fetch: server.fetch,
    clock: { sleep, now: () => clock, timeout: () => new AbortController().signal },
  });
  const response = await fetch(new Request(USERS), { timeout: 2500 });
  assert.equal(response.status, 503);
  assert.deepEqual(delays, [1000, 1000]);
  assert.equal(server.received.length, 3);
  const stats = retryStatsOf(response);
  assert.equal(
    stats?.giveUpReason,
    "A retry wait of 1000 ms exceeds the time left before the timeout (500 ms)",
  );
  assert.deepEqual(stats?.failedAttempts, [
    { kind: "response", status: 503 },
    { kind: "response", status: 503 },
  ]);
});

Deno.test("a network error whose retry would start after the timeout throws RequestFailedError", async () => {
  let clock = 0;
  const reset = networkErrors.denoReset();
  const server = scriptedServer(() => {
    clock += 4500;
    return Promise.reject(reset);
  });
  const fetch = createRetryingFetch({
    retryHandlers: () => [
      new ConnectionErrorRetryHandler({ maxRetryCount: 3, intervalCalculator: fixed(1000) }),
    ],
    fetch: server.fetch,
    clock: {
      sleep: recordingSleep().sleep,
      now: () => clock,
      timeout: () => new AbortController().signal,
    },
  });
  const error = await fetch(new Request(USERS), { timeout: 5000 }).catch((e) => e);
  assert.ok(isRequestFailedError(error), String(error));
  assert.equal(error.cause, reset);
  assert.equal(error.attempts, 1);
  assert.deepEqual(error.failedAttempts, [{ kind: "error", error: reset }]);
  assert.equal(
    error.message,
    "Cannot reach GET /scim/v1/Users: no answer after 1 attempt; not retried: " +
      "A retry wait of 1000 ms exceeds the time left before the timeout (500 ms)",
  );
});

Deno.test("without a timeout no timeout signal is made", async () => {
  let made = 0;
  const fetch = createRetryingFetch({
    retryHandlers: defaultRetryHandlers,
    fetch: () => Promise.resolve(new Response("ok")),
    clock: {
      timeout: () => {
        made++;
        return new AbortController().signal;
      },
    },
  });
  await fetch(new Request(USERS));
  await fetch(new Request(USERS), { timeout: 0 });
  assert.equal(made, 0);
});

Deno.test("the default sleep and timeout signal end a call stuck in retries", async () => {
  // The one test that uses real timers, with tiny values, to prove the defaults are wired.
  const server = scriptedServer(new Response(null, { status: 503 }));
  const fetch = createRetryingFetch({
    retryHandlers:
      () => [new ServerErrorRetryHandler({ maxRetryCount: 100, intervalCalculator: fixed(15) })],
    fetch: server.fetch,
    clock: { now: () => 0 }, // frozen, so only the real timer can end the call
  });
  const error = await fetch(new Request(USERS), { timeout: 40 }).catch((e) => e);
  assert.ok(isRequestTimeoutError(error));
  assert.ok(
    server.received.length >= 2 && server.received.length <= 4,
    `${server.received.length} attempts`,
  );
});

Deno.test("createRetryingFetch() rejects bad options up front, naming the option", () => {
  const bad = (options: unknown) => () => createRetryingFetch(options as RetryingFetchOptions);
  assert.throws(bad({ retryHandlers: [] }), {
    name: "TypeError",
    message: 'Cannot use retryHandlers: "" is not a function',
  });
  assert.throws(bad({ retryHandlers: () => [], fetch: "https://x" }), {
    name: "TypeError",
    message: /fetch/,
  });
  assert.throws(bad({ retryHandlers: () => [], clock: { sleep: 5 } }), {
    name: "TypeError",
    message: /clock\.sleep/,
  });
  assert.throws(bad({ retryHandlers: () => [], clock: 5 }), {
    name: "TypeError",
    message: /clock/,
  });
  assert.throws(bad({ retryHandlers: () => [], logger: {} }), {
    name: "TypeError",
    message: /logger/,
  });
  assert.throws(bad(null), TypeError);
});

Deno.test("a call rejects a bad timeout, retryAfterSendFailure or handler list before sending", async () => {
  const server = scriptedServer(new Response("ok"));
  let handlers: unknown = [];
  const fetch = createRetryingFetch({
    retryHandlers: () => handlers as RetryHandler[],
    fetch: server.fetch,
  });
  for (const timeout of [-1, NaN, Infinity]) {
    await assert.rejects(fetch(new Request(USERS), { timeout }), {
      name: "RangeError",
      message: `Cannot use timeout: "${timeout}" is not a finite number of milliseconds >= 0`,
    });
  }
  await assert.rejects(
    fetch(new Request(USERS), { retryAfterSendFailure: "no" as unknown as boolean }),
    { name: "TypeError", message: /retryAfterSendFailure/ },
  );
  handlers = [() => true];
  await assert.rejects(fetch(new Request(USERS)), {
    name: "TypeError",
    message: /Cannot use retry handler 0/,
  });
  handlers = "nope";
  await assert.rejects(fetch(new Request(USERS)), { name: "TypeError", message: /retryHandlers/ });
  assert.equal(server.received.length, 0);
});

Deno.test("a transport error that is not a network error is not retried by default", async () => {
  const server = scriptedServer(new TypeError("Invalid header value"), new Response("ok"));
  const fetch = createRetryingFetch({
    retryHandlers: defaultRetryHandlers,
    fetch: server.fetch,
    clock: { sleep: recordingSleep().sleep },
  });
  const error = await fetch(new Request(USERS)).catch((e) => e);
  assert.ok(isRequestFailedError(error));
  assert.equal(error.attempts, 1);
});

Deno.test("workerd's lost connection is retried like any other network error", async () => {
  const server = scriptedServer(networkErrors.workerdLost(), new Response("ok"));
  const fetch = createRetryingFetch({
    retryHandlers: defaultRetryHandlers,
    fetch: server.fetch,
    clock: { sleep: recordingSleep().sleep },
  });
  assert.equal(await (await fetch(new Request(USERS))).text(), "ok");
});

Deno.test("a call's signal option stands for the request's: its abort cancels the call", async () => {
  const server = scriptedServer(new Response("ok"));
  const fetch = createRetryingFetch({ retryHandlers: defaultRetryHandlers, fetch: server.fetch });
  const controller = new AbortController();
  controller.abort(new Error("stop"));
  await assert.rejects(fetch(new Request(USERS), { signal: controller.signal }), /stop/);
  assert.equal(server.received.length, 0);
  // null: the call has no signal of its own, and the request's is not consulted.
  const request = new Request(USERS, { signal: controller.signal });
  const response = await fetch(request, { signal: null, timeout: 1000 });
  assert.equal(await response.text(), "ok");
  await assert.rejects(
    fetch(new Request(USERS), { signal: "nope" as unknown as AbortSignal }),
    { name: "TypeError", message: /signal/ },
  );
});

Deno.test("a 429 whose Retry-After equals the time left before the timeout is returned at once, not waited for", async () => {
  let clock = 0;
  const { sleep, delays } = recordingSleep((ms) => clock += ms);
  const server = scriptedServer(() => {
    clock += 2000; // the attempt took 2 s: 8 s of the 10 s are left
    return Promise.resolve(new Response(null, { status: 429, headers: { "Retry-After": "8" } }));
  });
  const fetch = createRetryingFetch({
    retryHandlers: () => [new RateLimitErrorRetryHandler()],
    fetch: server.fetch,
    clock: { sleep, now: () => clock, timeout: () => new AbortController().signal },
  });
  const response = await fetch(new Request(USERS), { timeout: 10_000 });
  assert.equal(response.status, 429);
  assert.deepEqual(delays, [], "no wait that would end exactly at the timeout");
  assert.equal(server.received.length, 1);
  assert.equal(
    retryStatsOf(response)?.giveUpReason,
    "Retry-After of 8000 ms equals the time left before the timeout (8000 ms)",
  );
});

Deno.test("a handler that never stops retrying ends after MAX_ATTEMPTS with a reason, not an endless loop", async () => {
  // The guard of the suite against a retry loop that never ends: without the cap this call would
  // run until the heap is gone; here the caller gives up at twice the cap, so the test fails fast.
  class Forever extends RetryHandler {
    override canRetry() {
      return true;
    }
    protected override shouldRetry() {
      return true;
    }
    override prepareForNextAttempt() {
      return 0;
    }
  }
  const caller = new AbortController();
  let sent = 0;
  const fetch = createRetryingFetch({
    retryHandlers: () => [new Forever()],
    fetch: () => {
      if (++sent > 2 * MAX_ATTEMPTS) caller.abort(new Error("no cap: the retry loop never ended"));
      return Promise.resolve(new Response(null, { status: 503 }));
    },
    clock: { sleep: () => Promise.resolve() },
  });
  const response = await fetch(new Request(USERS), { signal: caller.signal });
  assert.equal(response.status, 503);
  assert.equal(sent, MAX_ATTEMPTS);
  const stats = retryStatsOf(response);
  assert.equal(stats?.attempts, MAX_ATTEMPTS);
  assert.equal(stats?.giveUpReason, `${MAX_ATTEMPTS} attempts is the most one call makes`);
});
