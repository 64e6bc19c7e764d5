import assert from "node:assert/strict";
import {
  ConnectionErrorRetryHandler,
  RateLimitErrorRetryHandler,
  ServerErrorRetryHandler,
} from "../../retry/builtin_handlers.ts";
import { defaultRetryHandlers } from "../../retry/defaults.ts";
import { createRetryingFetch, retryStatsOf } from "../../retry/fetch.ts";
import { type RetryContext, RetryHandler } from "../../retry/handler.ts";
import {
  BackoffRetryIntervalCalculator,
  FixedValueRetryIntervalCalculator,
} from "../../retry/interval_calculator.ts";
import { isRequestFailedError, RequestFailedError } from "../../retry/request_failed_error.ts";
import {
  memoryLogger,
  networkErrors,
  noJitter,
  recordingSleep,
  scriptedServer,
  USERS,
} from "./_server.ts";

const fixed = (ms: number) => new FixedValueRetryIntervalCalculator({ fixedInterval: ms });
const status = (code: number, headers?: Record<string, string>) =>
  new Response(code === 204 ? null : `{"status":${code}}`, {
    status: code,
    ...(headers ? { headers } : {}),
  });

Deno.test("each attempt is a copy of the request: headers the transport adds never reach the caller's", async () => {
  const server = scriptedServer(status(503), status(200));
  const fetch = createRetryingFetch({
    retryHandlers: () => [new ServerErrorRetryHandler({ intervalCalculator: fixed(0) })],
    fetch: (attempt) => {
      attempt.headers.set("authorization", "Bearer secret");
      return server.fetch(attempt);
    },
  });
  const request = new Request(USERS, { headers: { "x-trace": "1" } });
  const response = await fetch(request);
  assert.equal(server.received.length, 2);
  for (const { request: attempt } of server.received) {
    assert.notEqual(attempt, request);
    assert.equal(attempt.url, request.url);
    assert.equal(attempt.headers.get("x-trace"), "1");
  }
  assert.equal(request.headers.get("authorization"), null);
  assert.deepEqual(retryStatsOf(response), {
    attempts: 2,
    totalRetryDelay: 0,
    failedAttempts: [{ kind: "response", status: 503 }],
  });
});

Deno.test("the default handlers retry a reset connection once after a jittered backoff", async () => {
  const server = scriptedServer(networkErrors.nodeReset(), status(200));
  const { sleep, delays } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: defaultRetryHandlers,
    fetch: server.fetch,
    clock: { sleep },
  });
  const response = await fetch(new Request(USERS));
  assert.equal(response.status, 200);
  assert.equal(server.received.length, 2);
  assert.equal(delays.length, 1);
  assert.ok(delays[0]! >= 500 && delays[0]! < 1500, `backoff ${delays[0]}`);
  const stats = retryStatsOf(response);
  assert.equal(stats?.attempts, 2);
  assert.equal(stats?.totalRetryDelay, delays[0]);
  assert.equal(stats?.failedAttempts[0]?.kind, "error");
});

Deno.test("a transport error on the last attempt throws RequestFailedError with the last error as cause", async () => {
  const last = networkErrors.denoReset();
  const server = scriptedServer(networkErrors.denoRefused(), last);
  const { sleep } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: defaultRetryHandlers,
    fetch: server.fetch,
    clock: { sleep },
  });
  const error = await fetch(new Request(`${USERS}?filter=email%20eq%20%22a%40b.c%22`)).catch((e) =>
    e
  );
  assert.ok(isRequestFailedError(error));
  assert.equal(error.cause, last);
  assert.equal(error.attempts, 2);
  assert.equal(error.method, "GET");
  assert.equal(error.mayHaveBeenApplied, false, "a GET is never applied");
  assert.equal(error.failedAttempts.length, 2);
  assert.equal(error.message, "Cannot reach GET /scim/v1/Users: no answer after 2 attempts");
});

Deno.test("a write that got no answer may have been applied", async () => {
  const server = scriptedServer(networkErrors.nodeSocket());
  const fetch = createRetryingFetch({ retryHandlers: () => [], fetch: server.fetch });
  const error = await fetch(new Request(USERS, { method: "POST", body: "{}" })).catch((e) => e);
  assert.ok(error instanceof RequestFailedError);
  assert.equal(error.mayHaveBeenApplied, true);
  assert.equal(error.attempts, 1);
});

Deno.test("a POST body is re-sent identically, headers included, on every attempt", async () => {
  const server = scriptedServer(networkErrors.bunClosed(), status(503), status(201));
  const { sleep } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [
      new ConnectionErrorRetryHandler({ maxRetryCount: 3, intervalCalculator: fixed(1) }),
      new ServerErrorRetryHandler({ maxRetryCount: 3, intervalCalculator: fixed(1) }),
    ],
    fetch: server.fetch,
    clock: { sleep },
  });
  const body = JSON.stringify({ userName: "ada", emails: [{ value: "ada@example.com" }] });
  const response = await fetch(
    new Request(USERS, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", Authorization: "Bearer xoxp-1" },
    }),
  );
  assert.equal(response.status, 201);
  assert.deepEqual(server.received.map((r) => r.body), [body, body, body]);
  assert.deepEqual(server.received.map((r) => r.method), ["POST", "POST", "POST"]);
  assert.deepEqual(
    server.received.map((r) => [r.headers.get("content-type"), r.headers.get("authorization")]),
    Array(3).fill(["application/json", "Bearer xoxp-1"]),
  );
});

Deno.test("handlers share one retry counter per call", async () => {
  const server = scriptedServer(networkErrors.nodeReset(), status(503), status(503), status(200));
  const { sleep } = recordingSleep();
  const counters: number[] = [];
  class Spy extends RetryHandler {
    protected override shouldRetry(context: RetryContext): boolean {
      counters.push(context.state.currentAttempt);
      return false;
    }
  }
  const fetch = createRetryingFetch({
    retryHandlers: () => [
      new Spy({ maxRetryCount: 10 }),
      new ConnectionErrorRetryHandler({ maxRetryCount: 1, intervalCalculator: fixed(1) }),
      new ServerErrorRetryHandler({ maxRetryCount: 2, intervalCalculator: fixed(1) }),
    ],
    fetch: server.fetch,
    clock: { sleep },
  });
  const response = await fetch(new Request(USERS));
  // reset → retry 1 (connection), 503 → retry 2 (server), 503 → server's 2 are used up.
  assert.equal(response.status, 503);
  assert.equal(server.received.length, 3);
  assert.deepEqual(counters, [0, 1, 2]);
  assert.deepEqual(retryStatsOf(response)?.failedAttempts.map((a) => a.kind), [
    "error",
    "response",
  ]);
});

Deno.test("the first handler that says yes decides the wait", async () => {
  const server = scriptedServer(status(503), status(200));
  const { sleep, delays } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [
      new ServerErrorRetryHandler({ intervalCalculator: fixed(111) }),
      new ServerErrorRetryHandler({ intervalCalculator: fixed(222) }),
    ],
    fetch: server.fetch,
    clock: { sleep },
  });
  await fetch(new Request(USERS));
  assert.deepEqual(delays, [111]);
});

Deno.test("the issue's MyRetryHandler retries what it recognises, with its own backoff", async () => {
  class MyRetryHandler extends RetryHandler {
    protected override shouldRetry({ error }: {
      state: unknown;
      request: unknown;
      response?: unknown;
      error?: unknown;
    }): boolean {
      return error instanceof TypeError && /reset/i.test(String(error.message));
    }
  }
  const server = scriptedServer(new TypeError("connection reset by peer"), status(200));
  const { sleep, delays } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [
      new MyRetryHandler({
        maxRetryCount: 1,
        intervalCalculator: new BackoffRetryIntervalCalculator({
          backoffFactor: 300,
          jitter: noJitter,
        }),
      }),
    ],
    fetch: server.fetch,
    clock: { sleep },
  });
  assert.equal((await fetch(new Request(USERS))).status, 200);
  assert.deepEqual(delays, [300]);
});

Deno.test("an async shouldRetry is awaited", async () => {
  class AsyncHandler extends RetryHandler {
    protected override async shouldRetry(context: RetryContext): Promise<boolean> {
      await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
      return context.response?.status === 502;
    }
  }
  const server = scriptedServer(status(502), status(200));
  const { sleep } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [new AsyncHandler({ intervalCalculator: fixed(5) })],
    fetch: server.fetch,
    clock: { sleep },
  });
  assert.equal((await fetch(new Request(USERS))).status, 200);
  assert.equal(server.received.length, 2);
});

Deno.test("a 429 is retried after exactly Retry-After seconds", async () => {
  const server = scriptedServer(status(429, { "Retry-After": "7" }), status(200));
  const { sleep, delays } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [new RateLimitErrorRetryHandler()],
    fetch: server.fetch,
    clock: { sleep },
  });
  const response = await fetch(new Request(USERS));
  assert.equal(response.status, 200);
  assert.deepEqual(delays, [7000]);
  assert.deepEqual(retryStatsOf(response), {
    attempts: 2,
    totalRetryDelay: 7000,
    failedAttempts: [{ kind: "response", status: 429 }],
  });
});

Deno.test("a 429 with an HTTP-date Retry-After waits until that date on the injected clock", async () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  const server = scriptedServer(
    status(429, { "Retry-After": "Wed, 21 Oct 2015 07:28:09 GMT" }),
    status(200),
  );
  const { sleep, delays } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [new RateLimitErrorRetryHandler()],
    fetch: server.fetch,
    clock: { sleep, now: () => now },
  });
  await fetch(new Request(USERS));
  assert.deepEqual(delays, [9000]);
});

Deno.test("a 429 with a garbled Retry-After waits what the calculator says", async () => {
  const server = scriptedServer(status(429, { "Retry-After": "later" }), status(200));
  const { sleep, delays } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [new RateLimitErrorRetryHandler({ intervalCalculator: fixed(321) })],
    fetch: server.fetch,
    clock: { sleep },
  });
  await fetch(new Request(USERS));
  assert.deepEqual(delays, [321]);
});

Deno.test("a 429 asking longer than maxRetryAfter is returned at once, and the stats and log say why", async () => {
  const server = scriptedServer(status(429, { "Retry-After": "120" }), status(200));
  const { sleep, delays } = recordingSleep();
  const { logger, lines } = memoryLogger();
  const fetch = createRetryingFetch({
    retryHandlers: () => [new RateLimitErrorRetryHandler({ maxRetryAfter: 60_000 })],
    fetch: server.fetch,
    clock: { sleep },
    logger,
  });
  const response = await fetch(new Request(USERS));
  assert.equal(response.status, 429);
  assert.equal(response.headers.get("retry-after"), "120");
  assert.deepEqual(
    JSON.parse(await response.text()),
    { status: 429 },
    "the body is left for the caller",
  );
  assert.deepEqual(delays, []);
  assert.equal(server.received.length, 1);
  const reason = "Retry-After of 120000 ms exceeds maxRetryAfter of 60000 ms";
  assert.equal(retryStatsOf(response)?.giveUpReason, reason);
  assert.ok(lines.some((l) => l.level === "warn" && l.message.includes(reason)));
});

Deno.test("2xx answers never consult the handlers", async () => {
  let consulted = 0;
  class Counting extends RetryHandler {
    protected override shouldRetry(): boolean {
      consulted++;
      return true;
    }
  }
  const server = scriptedServer(status(200), status(201), status(204));
  const fetch = createRetryingFetch({ retryHandlers: () => [new Counting()], fetch: server.fetch });
  for (let i = 0; i < 3; i++) await fetch(new Request(USERS));
  assert.equal(consulted, 0);
});

Deno.test("an answer no handler retries is returned with its body unread", async () => {
  const server = scriptedServer(status(404));
  const fetch = createRetryingFetch({ retryHandlers: defaultRetryHandlers, fetch: server.fetch });
  const response = await fetch(new Request(USERS));
  assert.equal(response.status, 404);
  assert.equal(await response.text(), '{"status":404}');
  assert.equal(retryStatsOf(response)?.attempts, 1);
});

Deno.test("the body of a retried answer is cancelled", async () => {
  let cancelled = false;
  const stream = new ReadableStream({
    cancel() {
      cancelled = true;
    },
  });
  const server = scriptedServer(
    () => Promise.resolve(new Response(stream, { status: 503 })),
    status(200),
  );
  const { sleep } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [new ServerErrorRetryHandler({ intervalCalculator: fixed(1) })],
    fetch: server.fetch,
    clock: { sleep },
  });
  await fetch(new Request(USERS));
  assert.equal(cancelled, true);
});

Deno.test("retryAfterSendFailure: false throws the first transport error without consulting handlers", async () => {
  let consulted = 0;
  class Counting extends RetryHandler {
    protected override shouldRetry(): boolean {
      consulted++;
      return true;
    }
  }
  const reset = networkErrors.nodeReset();
  const server = scriptedServer(reset, status(201));
  const fetch = createRetryingFetch({ retryHandlers: () => [new Counting()], fetch: server.fetch });
  const error = await fetch(new Request(USERS, { method: "POST", body: "{}" }), {
    retryAfterSendFailure: false,
  }).catch((e) => e);
  assert.ok(isRequestFailedError(error));
  assert.equal(error.cause, reset);
  assert.equal(error.mayHaveBeenApplied, true);
  assert.equal(error.attempts, 1);
  assert.equal(server.received.length, 1);
  assert.equal(consulted, 0);
});

Deno.test("retryAfterSendFailure: false still retries HTTP answers", async () => {
  const server = scriptedServer(status(429, { "Retry-After": "1" }), status(201));
  const { sleep } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => [new RateLimitErrorRetryHandler()],
    fetch: server.fetch,
    clock: { sleep },
  });
  const response = await fetch(new Request(USERS, { method: "POST", body: "{}" }), {
    retryAfterSendFailure: false,
  });
  assert.equal(response.status, 201);
});

Deno.test("the handler list is read at every call", async () => {
  const handlers: RetryHandler[] = [];
  const server = scriptedServer(status(503));
  const { sleep } = recordingSleep();
  const fetch = createRetryingFetch({
    retryHandlers: () => handlers,
    fetch: server.fetch,
    clock: { sleep },
  });
  await fetch(new Request(USERS));
  assert.equal(server.received.length, 1);
  handlers.push(new ServerErrorRetryHandler({ intervalCalculator: fixed(1) }));
  await fetch(new Request(USERS));
  assert.equal(server.received.length, 3);
});

Deno.test("handlers see the request without its Authorization header", async () => {
  let seen: Headers | undefined;
  class Peek extends RetryHandler {
    protected override shouldRetry(context: RetryContext): boolean {
      seen = context.request.headers;
      return false;
    }
  }
  const server = scriptedServer(status(500));
  const fetch = createRetryingFetch({ retryHandlers: () => [new Peek()], fetch: server.fetch });
  await fetch(
    new Request(USERS, {
      headers: { Authorization: "Bearer xoxp-secret", Accept: "application/json" },
    }),
  );
  assert.equal(seen?.get("authorization"), null);
  assert.equal(seen?.get("accept"), "application/json");
  assert.equal(server.received[0]?.headers.get("authorization"), "Bearer xoxp-secret");
});

Deno.test("logs never contain the token", async () => {
  const server = scriptedServer(networkErrors.nodeReset(), status(503), networkErrors.denoReset());
  const { sleep } = recordingSleep();
  const { logger, lines } = memoryLogger();
  const fetch = createRetryingFetch({
    retryHandlers: () => [
      new ConnectionErrorRetryHandler({ maxRetryCount: 5, intervalCalculator: fixed(1) }),
      new ServerErrorRetryHandler({ maxRetryCount: 5, intervalCalculator: fixed(1) }),
    ],
    fetch: server.fetch,
    clock: { sleep },
    logger,
  });
  const error = await fetch(
    new Request(USERS, {
      method: "PATCH",
      body: "{}",
      headers: { Authorization: "Bearer xoxp-secret" },
    }),
  ).catch((e) => e);
  assert.ok(isRequestFailedError(error));
  assert.ok(
    lines.filter((l) => l.level === "warn").length >= 5,
    "a warning per retry and the give-up",
  );
  assert.ok(lines.some((l) => l.level === "debug"));
  const everything = JSON.stringify(lines) + JSON.stringify(error) + String(error) +
    Deno.inspect(error, { depth: 10 });
  assert.ok(!everything.includes("xoxp-secret"));
});

Deno.test("a handler returning an invalid delay is reported as a RangeError", async () => {
  class Broken extends RetryHandler {
    protected override shouldRetry(): boolean {
      return true;
    }
    override prepareForNextAttempt(): number {
      return NaN;
    }
  }
  const server = scriptedServer(status(500));
  const fetch = createRetryingFetch({ retryHandlers: () => [new Broken()], fetch: server.fetch });
  await assert.rejects(fetch(new Request(USERS)), { name: "RangeError", message: /Broken/ });
});
