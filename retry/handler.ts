/**
 * The `RetryHandler` base class and the view of a call it decides on.
 *
 * @module
 */

import {
  BackoffRetryIntervalCalculator,
  type RetryIntervalCalculator,
} from "./interval_calculator.ts";

/**
 * What the handlers of one call share: the retry counter, the time waited so far, and a place to
 * keep their own per-call values. The retrying fetch updates it; handlers read it.
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

/** The request as handlers see it. `headers` never contains `Authorization`. */
export interface HttpRequest {
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The full URL. */
  readonly url: string;
  /** The request headers, a copy without `Authorization`. */
  readonly headers: Headers;
}

/** A failed HTTP answer as handlers see it; its body is left for the caller. */
export interface HttpResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
}

/** What a handler decides on: exactly one of `response` and `error` is set. */
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

/** Options shared by every {@linkcode RetryHandler}. */
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
    const {
      maxRetryCount = 1,
      intervalCalculator = new BackoffRetryIntervalCalculator(),
    } = options;
    if (!Number.isInteger(maxRetryCount) || maxRetryCount < 0) {
      throw new RangeError(`Cannot use maxRetryCount: "${maxRetryCount}" is not an integer >= 0`);
    }
    if (typeof intervalCalculator?.calculateSleepDuration !== "function") {
      throw new TypeError(
        `Cannot use intervalCalculator: "${
          String(intervalCalculator)
        }" has no calculateSleepDuration method`,
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
