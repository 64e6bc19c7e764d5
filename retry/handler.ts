/**
 * The `RetryHandler` base class and the view of a call it decides on.
 *
 * @module
 */

import { quote } from "../common/quote.ts";
import { optionsObject } from "../common/options_object.ts";
import {
  BackoffRetryIntervalCalculator,
  type RetryIntervalCalculator,
} from "./interval_calculator.ts";

/**
 * What the handlers of one call share: the retry counter, the time waited so far, and a place to
 * keep their own per-call values. The retrying fetch updates it; handlers read it.
 *
 * @example Give up once 1 s has been waited, saying why
 * ```ts
 * import {
 *   createRetryingFetch,
 *   FixedValueRetryIntervalCalculator,
 *   type RetryContext,
 *   RetryHandler,
 *   type RetryState,
 *   retryStatsOf,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * function overBudget(state: RetryState): boolean {
 *   if (state.totalRetryDelay < 1000) return false;
 *   state.giveUpReason = `already waited ${state.totalRetryDelay} ms in ${state.attempts} attempts`;
 *   return true;
 * }
 * class BudgetedRetryHandler extends RetryHandler {
 *   protected override shouldRetry({ state, response }: RetryContext): boolean {
 *     return response?.status === 503 && !overBudget(state);
 *   }
 * }
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [
 *     new BudgetedRetryHandler({ maxRetryCount: 10, intervalCalculator: new FixedValueRetryIntervalCalculator({ fixedInterval: 400 }) }),
 *   ],
 *   fetch: () => Promise.resolve(new Response(null, { status: 503 })),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const stats = retryStatsOf(await fetch(new Request("https://api.slack.com/scim/v1/Users")));
 * assert.equal(stats?.giveUpReason, "already waited 1200 ms in 4 attempts");
 * ```
 */
export interface RetryState {
  /** Retries made so far in this call, by any handler (0 while the first attempt is judged). */
  readonly currentAttempt: number;
  /** Attempts sent so far, the failed one being judged included. */
  readonly attempts: number;
  /** Milliseconds waited between attempts so far. */
  readonly totalRetryDelay: number;
  /** Free per-call storage for custom handlers (the Python SDK's `custom_values`). */
  readonly customValues: Map<string, unknown>;
  /**
   * Set by a handler that recognises a failure but declines to retry it (for example a
   * `Retry-After` beyond its cap), to say why; it is logged and reported in the response's stats.
   */
  giveUpReason: string | undefined;
}

/**
 * The request as handlers see it. `headers` never contains `Authorization`.
 *
 * @example Retry 503s of reads only
 * ```ts
 * import { createRetryingFetch, type HttpRequest, type RetryContext, RetryHandler } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const seen: HttpRequest[] = [];
 * class ReadOnlyRetryHandler extends RetryHandler {
 *   protected override shouldRetry({ request, response }: RetryContext): boolean {
 *     seen.push(request);
 *     return response?.status === 503 && request.method === "GET";
 *   }
 * }
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ReadOnlyRetryHandler()],
 *   fetch: () => Promise.resolve(new Response(null, { status: 503 })),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const headers = { Authorization: "Bearer xoxp-test" };
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users/U1", { method: "DELETE", headers }));
 * assert.equal(response.status, 503); // not retried
 * assert.equal(seen[0]?.method, "DELETE");
 * assert.equal(seen[0]?.headers.has("Authorization"), false);
 * ```
 */
export interface HttpRequest {
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The full URL. */
  readonly url: string;
  /** The request headers, a copy without `Authorization`. */
  readonly headers: Headers;
}

/**
 * A failed HTTP answer as handlers see it; its body is left for the caller.
 *
 * @example Wait the `Retry-After` of a 503
 * ```ts
 * import {
 *   createRetryingFetch,
 *   type HttpResponse,
 *   parseRetryAfter,
 *   type RetryContext,
 *   RetryHandler,
 *   retryStatsOf,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * function retryAfterOf(response: HttpResponse | undefined, now: number): number | undefined {
 *   if (response?.status !== 503) return undefined;
 *   return parseRetryAfter(response.headers.get("Retry-After"), now);
 * }
 * class UnavailableRetryHandler extends RetryHandler {
 *   protected override shouldRetry({ response, now }: RetryContext): boolean {
 *     return retryAfterOf(response, now) !== undefined;
 *   }
 *   override prepareForNextAttempt({ response, now }: RetryContext): number {
 *     return retryAfterOf(response, now)!;
 *   }
 * }
 * const answers = [new Response(null, { status: 503, headers: { "Retry-After": "3" } }), new Response("ok")];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new UnavailableRetryHandler()],
 *   fetch: () => Promise.resolve(answers.shift()!),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(retryStatsOf(response)?.totalRetryDelay, 3000);
 * ```
 */
export interface HttpResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
}

/**
 * What a handler decides on: exactly one of `response` and `error` is set.
 *
 * @example Record every failure a handler judges
 * ```ts
 * import { createRetryingFetch, type RetryContext, RetryHandler } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const judged: string[] = [];
 * class RecordingRetryHandler extends RetryHandler {
 *   protected override shouldRetry(context: RetryContext): boolean {
 *     const { request, response, error } = context;
 *     judged.push(`${request.method}: ${response ? `HTTP ${response.status}` : String(error)}`);
 *     return true;
 *   }
 * }
 * const script = [
 *   () => Promise.reject(new TypeError("fetch failed")),
 *   () => Promise.resolve(new Response(null, { status: 503 })),
 *   () => Promise.resolve(new Response("ok")),
 * ];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new RecordingRetryHandler({ maxRetryCount: 2 })],
 *   fetch: () => script.shift()!(),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(await response.text(), "ok");
 * assert.deepEqual(judged, ["GET: TypeError: fetch failed", "GET: HTTP 503"]);
 * ```
 */
export interface RetryContext {
  /** The call's shared retry state. */
  readonly state: RetryState;
  /** The request. */
  readonly request: HttpRequest;
  /** The HTTP answer, when the attempt got one (only answers outside 2xx are judged). */
  readonly response?: HttpResponse;
  /** What the transport threw, when the attempt got no answer. */
  readonly error?: unknown;
  /** The time the failure was seen, in milliseconds since the epoch (the fetch's injectable clock). */
  readonly now: number;
}

/**
 * Options shared by every {@linkcode RetryHandler}.
 *
 * @example Three retries of refused connections, 100 ms then doubling
 * ```ts
 * import {
 *   BackoffRetryIntervalCalculator,
 *   ConnectionErrorRetryHandler,
 *   createRetryingFetch,
 *   type RetryHandlerOptions,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const options: RetryHandlerOptions = {
 *   maxRetryCount: 3,
 *   intervalCalculator: new BackoffRetryIntervalCalculator({ backoffFactor: 100, jitter: { recalculate: (ms) => ms } }),
 * };
 * let calls = 0;
 * const waits: number[] = [];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ConnectionErrorRetryHandler(options)],
 *   fetch: () =>
 *     ++calls <= 3
 *       ? Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))
 *       : Promise.resolve(new Response("ok")),
 *   clock: { sleep: (ms) => (waits.push(ms), Promise.resolve()) },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(await response.text(), "ok");
 * assert.deepEqual(waits, [100, 200, 400]);
 * ```
 */
export interface RetryHandlerOptions {
  /** The retries this handler allows per call, counted on the shared counter. Defaults to 1. */
  maxRetryCount?: number;
  /** The wait before each retry. Defaults to a {@linkcode BackoffRetryIntervalCalculator} (500 ms factor, up to 1 s jitter). */
  intervalCalculator?: RetryIntervalCalculator;
}

/**
 * Decides whether a failed attempt is retried, and how long to wait first. Subclasses implement
 * {@linkcode RetryHandler.prototype.shouldRetry}; the retrying fetch consults its handlers in
 * order for every failed attempt and the first whose `canRetry` is true decides.
 *
 * @example Retry once on a reset connection
 * ```ts
 * import {
 *   BackoffRetryIntervalCalculator,
 *   RandomJitter,
 *   RetryHandler,
 *   type RetryContext,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * class MyRetryHandler extends RetryHandler {
 *   protected override shouldRetry({ error }: RetryContext): boolean {
 *     return error instanceof TypeError && /reset/i.test(error.message);
 *   }
 * }
 * const handler = new MyRetryHandler({
 *   maxRetryCount: 1,
 *   intervalCalculator: new BackoffRetryIntervalCalculator({ backoffFactor: 500, jitter: new RandomJitter() }),
 * });
 * const context = {
 *   state: { currentAttempt: 0, attempts: 1, totalRetryDelay: 0, customValues: new Map(), giveUpReason: undefined },
 *   request: { method: "GET", url: "https://api.slack.com/scim/v1/Users", headers: new Headers() },
 *   error: new TypeError("connection reset"),
 *   now: Date.now(),
 * };
 * assert.equal(await handler.canRetry(context), true);
 * assert.equal(await handler.canRetry({ ...context, state: { ...context.state, currentAttempt: 1 } }), false);
 * ```
 */
export abstract class RetryHandler {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The retries this handler allows per call. */
  declare readonly maxRetryCount: number;
  /** The wait before each retry. */
  declare readonly intervalCalculator: RetryIntervalCalculator;

  /**
   * Validates and stores the options.
   *
   * @param options The retry count and the interval calculator.
   */
  constructor(options: RetryHandlerOptions = {}) {
    options = optionsObject(`create ${new.target.name}`, options);
    const {
      maxRetryCount = 1,
      intervalCalculator = new BackoffRetryIntervalCalculator(),
    } = options;
    if (!Number.isInteger(maxRetryCount) || maxRetryCount < 0) {
      throw new RangeError(
        `Cannot use maxRetryCount: ${quote(maxRetryCount)} is not an integer >= 0`,
      );
    }
    if (typeof intervalCalculator?.calculateSleepDuration !== "function") {
      throw new TypeError(
        `Cannot use intervalCalculator: ${
          quote(intervalCalculator)
        } has no calculateSleepDuration method`,
      );
    }
    this.maxRetryCount = maxRetryCount;
    this.intervalCalculator = intervalCalculator;
  }

  /**
   * Says whether this handler retries the failure: false once the call has made
   * `maxRetryCount` retries, otherwise whatever `shouldRetry` says.
   *
   * @param context The failed attempt.
   * @returns Whether to retry.
   */
  canRetry(context: RetryContext): boolean | Promise<boolean> {
    if (context.state.currentAttempt >= this.maxRetryCount) return false;
    return this.shouldRetry(context);
  }

  /**
   * Says whether the failure is one this handler retries. The attempt limit is already checked.
   *
   * @param context The failed attempt.
   * @returns Whether to retry.
   */
  protected abstract shouldRetry(context: RetryContext): boolean | Promise<boolean>;

  /**
   * Returns how long to wait before the next attempt; called only after `canRetry` said yes.
   *
   * @param context The failed attempt.
   * @returns The wait, in milliseconds.
   */
  prepareForNextAttempt(context: RetryContext): number {
    return this.intervalCalculator.calculateSleepDuration(context.state.currentAttempt);
  }
}
