/**
 * The built-in retry handlers: connection errors, rate limits (429) and server errors (5xx).
 *
 * @module
 */

import { quote } from "../common/quote.ts";
import { type RetryContext, RetryHandler, type RetryHandlerOptions } from "./handler.ts";
import { isNetworkError } from "./network_error.ts";
import { parseRetryAfter } from "./retry_after.ts";

/**
 * Retries network failures (refused, reset or lost connections, as each runtime reports them),
 * never an HTTP answer and never the caller's own abort. One of these, with one retry, is the
 * default, as in the Python SDK. It takes the {@linkcode RetryHandlerOptions} every handler takes
 * (by default one retry, exponential backoff with jitter).
 *
 * @example Retry a reset connection once
 * ```ts
 * import { ConnectionErrorRetryHandler, createRetryingFetch } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * let calls = 0;
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ConnectionErrorRetryHandler()],
 *   fetch: () => ++calls === 1 ? Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } })) : Promise.resolve(new Response("ok")),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(await response.text(), "ok");
 * assert.equal(calls, 2);
 * ```
 */
export class ConnectionErrorRetryHandler extends RetryHandler {
  /**
   * Says whether the attempt failed with a network error.
   *
   * @param context The failed attempt.
   * @returns True for a network failure without an answer.
   */
  protected override shouldRetry(context: RetryContext): boolean {
    return context.response === undefined && isNetworkError(context.error);
  }
}

/**
 * Options for {@linkcode RateLimitErrorRetryHandler}.
 *
 * @example Wait at most 10 s for a rate limit
 * ```ts
 * import {
 *   createRetryingFetch,
 *   RateLimitErrorRetryHandler,
 *   type RateLimitErrorRetryHandlerOptions,
 *   retryStatsOf,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const options: RateLimitErrorRetryHandlerOptions = { maxRetryCount: 3, maxRetryAfter: 10_000 };
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new RateLimitErrorRetryHandler(options)],
 *   fetch: () => Promise.resolve(new Response(null, { status: 429, headers: { "Retry-After": "30" } })),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(response.status, 429); // 30 s is beyond the cap: the 429 comes back at once
 * assert.equal(retryStatsOf(response)?.attempts, 1);
 * assert.equal(retryStatsOf(response)?.giveUpReason, "Retry-After of 30000 ms exceeds maxRetryAfter of 10000 ms");
 * ```
 */
export interface RateLimitErrorRetryHandlerOptions extends RetryHandlerOptions {
  /**
   * The longest `Retry-After` this handler waits, in milliseconds; a 429 asking for longer is
   * returned to the caller at once. Defaults to 60 000 (Slack's limits are per minute);
   * `Infinity` waits whatever Slack asks.
   */
  maxRetryAfter?: number;
}

/**
 * Retries 429 answers after the `Retry-After` Slack gives (seconds or an HTTP date), without
 * jitter; when the header is missing or garbled it waits what its interval calculator says.
 * A `Retry-After` longer than `maxRetryAfter` is not waited for: the 429 goes back to the caller
 * and the call's stats say why.
 *
 * @example Wait what Slack asks
 * ```ts
 * import { createRetryingFetch, RateLimitErrorRetryHandler, retryStatsOf } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * let calls = 0;
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new RateLimitErrorRetryHandler()],
 *   fetch: () => Promise.resolve(++calls === 1 ? new Response(null, { status: 429, headers: { "Retry-After": "2" } }) : new Response("ok")),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(retryStatsOf(response)?.totalRetryDelay, 2000);
 * ```
 */
export class RateLimitErrorRetryHandler extends RetryHandler {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The longest `Retry-After` waited, in milliseconds. */
  declare readonly maxRetryAfter: number;

  /**
   * Creates the handler.
   *
   * @param options The retry count, the fallback interval calculator and the `Retry-After` cap.
   */
  constructor(options: RateLimitErrorRetryHandlerOptions = {}) {
    super(options);
    const { maxRetryAfter = 60_000 } = options;
    if (Number.isNaN(maxRetryAfter) || maxRetryAfter < 0) {
      throw new RangeError(
        `Cannot use maxRetryAfter: ${quote(maxRetryAfter)} is not a number of milliseconds >= 0`,
      );
    }
    this.maxRetryAfter = maxRetryAfter;
  }

  /**
   * Says whether the answer is a 429 whose `Retry-After` is within `maxRetryAfter`.
   *
   * @param context The failed attempt.
   * @returns True for a 429 worth waiting for.
   */
  protected override shouldRetry(context: RetryContext): boolean {
    const { response } = context;
    if (response?.status !== 429) return false;
    const wait = parseRetryAfter(response.headers.get("retry-after"), context.now);
    if (wait !== undefined && wait > this.maxRetryAfter) {
      context.state.giveUpReason =
        `Retry-After of ${wait} ms exceeds maxRetryAfter of ${this.maxRetryAfter} ms`;
      return false;
    }
    return true;
  }

  /**
   * Returns the `Retry-After` wait, or the interval calculator's when the header is missing or garbled.
   *
   * @param context The failed attempt.
   * @returns The wait, in milliseconds.
   */
  override prepareForNextAttempt(context: RetryContext): number {
    const header = context.response?.headers.get("retry-after") ?? null;
    return parseRetryAfter(header, context.now) ?? super.prepareForNextAttempt(context);
  }
}

/**
 * Options for {@linkcode ServerErrorRetryHandler}.
 *
 * @example Retry 502 too, twice, 100 ms apart
 * ```ts
 * import {
 *   createRetryingFetch,
 *   FixedValueRetryIntervalCalculator,
 *   retryStatsOf,
 *   ServerErrorRetryHandler,
 *   type ServerErrorRetryHandlerOptions,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const options: ServerErrorRetryHandlerOptions = {
 *   statusCodes: [500, 502, 503],
 *   maxRetryCount: 2,
 *   intervalCalculator: new FixedValueRetryIntervalCalculator({ fixedInterval: 100 }),
 * };
 * const answers = [502, 502, 200];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ServerErrorRetryHandler(options)],
 *   fetch: () => Promise.resolve(new Response(null, { status: answers.shift()! })),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(response.status, 200);
 * assert.equal(retryStatsOf(response)?.totalRetryDelay, 200);
 * ```
 */
export interface ServerErrorRetryHandlerOptions extends RetryHandlerOptions {
  /** The statuses retried. Defaults to 500 and 503, as in the Python SDK. */
  statusCodes?: readonly number[];
}

/**
 * Retries server errors: 500 and 503 by default.
 *
 * @example Also retry 502 and 504
 * ```ts
 * import { ServerErrorRetryHandler } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const handler = new ServerErrorRetryHandler({ statusCodes: [500, 502, 503, 504] });
 * assert.deepEqual(handler.statusCodes, [500, 502, 503, 504]);
 * ```
 */
export class ServerErrorRetryHandler extends RetryHandler {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The statuses retried. */
  declare readonly statusCodes: readonly number[];

  /**
   * Creates the handler.
   *
   * @param options The retry count, interval calculator and statuses.
   */
  constructor(options: ServerErrorRetryHandlerOptions = {}) {
    super(options);
    const { statusCodes = [500, 503] } = options;
    if (!Array.isArray(statusCodes)) {
      throw new TypeError(`Cannot use statusCodes: ${quote(statusCodes)} is not an array`);
    }
    for (const status of statusCodes) {
      if (!Number.isInteger(status) || status < 100 || status > 599) {
        throw new RangeError(`Cannot use statusCodes: ${quote(status)} is not an HTTP status`);
      }
    }
    this.statusCodes = Object.freeze([...statusCodes]);
  }

  /**
   * Says whether the answer's status is one of `statusCodes`.
   *
   * @param context The failed attempt.
   * @returns True for a listed server error.
   */
  protected override shouldRetry(context: RetryContext): boolean {
    return context.response !== undefined && this.statusCodes.includes(context.response.status);
  }
}
