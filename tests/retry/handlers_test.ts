import assert from "node:assert/strict";
import {
  ConnectionErrorRetryHandler,
  RateLimitErrorRetryHandler,
  ServerErrorRetryHandler,
} from "../../retry/builtin_handlers.ts";
import { allBuiltinRetryHandlers, defaultRetryHandlers } from "../../retry/defaults.ts";
import { type RetryContext, RetryHandler, type RetryState } from "../../retry/handler.ts";
import { FixedValueRetryIntervalCalculator } from "../../retry/interval_calculator.ts";
import { networkErrors, USERS } from "./_server.ts";

function state(currentAttempt = 0): RetryState {
  return {
    currentAttempt,
    attempts: currentAttempt + 1,
    totalRetryDelay: 0,
    customValues: new Map(),
    giveUpReason: undefined,
  };
}

function failure(
  what: { status: number; headers?: Record<string, string> } | { error: unknown },
  currentAttempt = 0,
  now = 0,
): RetryContext {
  const request = { method: "GET", url: USERS, headers: new Headers() };
  return "error" in what ? { state: state(currentAttempt), request, error: what.error, now } : {
    state: state(currentAttempt),
    request,
    response: { status: what.status, headers: new Headers(what.headers) },
    now,
  };
}

Deno.test("ConnectionErrorRetryHandler retries each runtime's network errors", async () => {
  const handler = new ConnectionErrorRetryHandler();
  for (const [name, make] of Object.entries(networkErrors)) {
    assert.equal(await handler.canRetry(failure({ error: make() })), true, name);
  }
});

Deno.test("ConnectionErrorRetryHandler never retries an HTTP answer or the caller's abort", async () => {
  const handler = new ConnectionErrorRetryHandler();
  assert.equal(await handler.canRetry(failure({ status: 503 })), false);
  assert.equal(await handler.canRetry(failure({ status: 429 })), false);
  assert.equal(
    await handler.canRetry(failure({ error: new DOMException("aborted", "AbortError") })),
    false,
  );
});

Deno.test("RetryHandler.canRetry() says no once the shared counter reaches maxRetryCount", async () => {
  const handler = new ConnectionErrorRetryHandler({ maxRetryCount: 2 });
  const error = networkErrors.nodeReset();
  assert.equal(await handler.canRetry(failure({ error }, 1)), true);
  assert.equal(await handler.canRetry(failure({ error }, 2)), false);
  assert.equal(
    await new ConnectionErrorRetryHandler({ maxRetryCount: 0 }).canRetry(failure({ error })),
    false,
  );
});

Deno.test("RateLimitErrorRetryHandler retries only 429", async () => {
  const handler = new RateLimitErrorRetryHandler();
  assert.equal(await handler.canRetry(failure({ status: 429 })), true);
  assert.equal(await handler.canRetry(failure({ status: 503 })), false);
  assert.equal(await handler.canRetry(failure({ error: networkErrors.nodeReset() })), false);
});

Deno.test("RateLimitErrorRetryHandler waits Retry-After exactly, in seconds or as an HTTP date", () => {
  const handler = new RateLimitErrorRetryHandler();
  assert.equal(
    handler.prepareForNextAttempt(failure({ status: 429, headers: { "Retry-After": "3" } })),
    3000,
  );
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  assert.equal(
    handler.prepareForNextAttempt(
      failure({ status: 429, headers: { "Retry-After": "Wed, 21 Oct 2015 07:28:04 GMT" } }, 0, now),
    ),
    4000,
  );
});

Deno.test("RateLimitErrorRetryHandler falls back to its calculator without a usable Retry-After", () => {
  const handler = new RateLimitErrorRetryHandler({
    intervalCalculator: new FixedValueRetryIntervalCalculator({ fixedInterval: 1234 }),
  });
  assert.equal(handler.prepareForNextAttempt(failure({ status: 429 })), 1234);
  assert.equal(
    handler.prepareForNextAttempt(failure({ status: 429, headers: { "Retry-After": "soon" } })),
    1234,
  );
});

Deno.test("RateLimitErrorRetryHandler declines a Retry-After beyond maxRetryAfter and says why", async () => {
  const handler = new RateLimitErrorRetryHandler({ maxRetryAfter: 10_000 });
  const within = failure({ status: 429, headers: { "Retry-After": "10" } });
  assert.equal(await handler.canRetry(within), true);
  assert.equal(within.state.giveUpReason, undefined);
  const beyond = failure({ status: 429, headers: { "Retry-After": "11" } });
  assert.equal(await handler.canRetry(beyond), false);
  assert.equal(
    beyond.state.giveUpReason,
    "Retry-After of 11000 ms exceeds maxRetryAfter of 10000 ms",
  );
  assert.equal(new RateLimitErrorRetryHandler().maxRetryAfter, 60_000);
});

Deno.test("ServerErrorRetryHandler retries 500 and 503 by default, and the statuses it is given", async () => {
  const byDefault = new ServerErrorRetryHandler();
  const results = [];
  for (const status of [500, 502, 503, 504, 429, 404]) {
    results.push(await byDefault.canRetry(failure({ status })));
  }
  assert.deepEqual(results, [true, false, true, false, false, false]);
  const custom = new ServerErrorRetryHandler({ statusCodes: [502] });
  assert.equal(await custom.canRetry(failure({ status: 502 })), true);
  assert.equal(await custom.canRetry(failure({ status: 500 })), false);
  assert.equal(await custom.canRetry(failure({ error: networkErrors.nodeReset() })), false);
});

Deno.test("handler options are validated up front, naming the option", () => {
  assert.throws(() => new ConnectionErrorRetryHandler({ maxRetryCount: -1 }), {
    name: "RangeError",
    message: 'Cannot use maxRetryCount: "-1" is not an integer >= 0',
  });
  assert.throws(() => new ConnectionErrorRetryHandler({ maxRetryCount: 1.5 }), RangeError);
  assert.throws(() => new ConnectionErrorRetryHandler({ maxRetryCount: Infinity }), RangeError);
  assert.throws(() => new RateLimitErrorRetryHandler({ maxRetryAfter: NaN }), {
    name: "RangeError",
    message: /maxRetryAfter/,
  });
  assert.throws(() => new ServerErrorRetryHandler({ statusCodes: [600] }), {
    name: "RangeError",
    message: 'Cannot use statusCodes: "600" is not an HTTP status',
  });
  assert.throws(
    // @ts-expect-error: not a calculator
    () => new ServerErrorRetryHandler({ intervalCalculator: () => 5 }),
    { name: "TypeError", message: /intervalCalculator/ },
  );
});

Deno.test("defaultRetryHandlers() is one ConnectionErrorRetryHandler, fresh on every call", () => {
  const a = defaultRetryHandlers();
  const b = defaultRetryHandlers();
  assert.equal(a.length, 1);
  assert.ok(a[0] instanceof ConnectionErrorRetryHandler);
  assert.equal(a[0].maxRetryCount, 1);
  assert.notEqual(a, b);
  assert.notEqual(a[0], b[0]);
});

Deno.test("allBuiltinRetryHandlers() lists connection, rate-limit and server handlers, fresh on every call", () => {
  const a = allBuiltinRetryHandlers();
  assert.deepEqual(a.map((h) => h.constructor), [
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
  ]);
  assert.notEqual(a[1], allBuiltinRetryHandlers()[1]);
});

Deno.test("a subclass only implements shouldRetry; the count limit still applies", async () => {
  class MyRetryHandler extends RetryHandler {
    protected override shouldRetry(
      { error }: { state: RetryState; request: unknown; response?: unknown; error?: unknown },
    ): boolean {
      return error instanceof TypeError && /reset/i.test(String(error.message));
    }
  }
  const handler = new MyRetryHandler({ maxRetryCount: 1 });
  assert.equal(await handler.canRetry(failure({ error: new TypeError("connection reset") })), true);
  assert.equal(
    await handler.canRetry(failure({ error: new TypeError("connection reset") }, 1)),
    false,
  );
  assert.equal(await handler.canRetry(failure({ error: new TypeError("other") })), false);
});
