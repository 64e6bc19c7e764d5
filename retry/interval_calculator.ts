/**
 * Interval calculators: how long a handler waits before the next attempt.
 *
 * @module
 */

import { quote } from "../common/quote.ts";
import { optionsObject } from "../common/options_object.ts";
import { type Jitter, RandomJitter } from "./jitter.ts";

/**
 * Computes the wait before the next attempt from the number of retries made so far.
 *
 * @example A calculator that always waits 100 ms
 * ```ts
 * import type { RetryIntervalCalculator } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const calculator: RetryIntervalCalculator = { calculateSleepDuration: () => 100 };
 * assert.equal(calculator.calculateSleepDuration(3), 100);
 * ```
 */
export interface RetryIntervalCalculator {
  /**
   * Returns the wait before the next attempt.
   *
   * @param currentAttempt The number of retries already made in this call (0 before the first retry).
   * @returns The wait, in milliseconds.
   */
  calculateSleepDuration(currentAttempt: number): number;
}

/**
 * Options for {@linkcode BackoffRetryIntervalCalculator}.
 *
 * @example 1 s doubling, up to 100 ms of jitter, never more than 5 s
 * ```ts
 * import {
 *   BackoffRetryIntervalCalculator,
 *   type BackoffRetryIntervalCalculatorOptions,
 *   RandomJitter,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const options: BackoffRetryIntervalCalculatorOptions = {
 *   backoffFactor: 1000,
 *   jitter: new RandomJitter({ maxJitter: 100, random: () => 0.5 }),
 *   maxInterval: 5000,
 * };
 * const calculator = new BackoffRetryIntervalCalculator(options);
 * assert.deepEqual([0, 1, 2, 3].map((n) => calculator.calculateSleepDuration(n)), [1050, 2050, 4050, 5000]);
 * ```
 */
export interface BackoffRetryIntervalCalculatorOptions {
  /** The first wait, doubled on every retry, in milliseconds. Defaults to 500 (the Python SDK's 0.5 s). */
  backoffFactor?: number;
  /** Randomness added to every wait. Defaults to a {@linkcode RandomJitter} (up to 1000 ms), as in the Python SDK. */
  jitter?: Jitter;
  /** The longest wait ever returned, jitter included, in milliseconds. Defaults to no cap. */
  maxInterval?: number;
}

/**
 * Exponential backoff: `backoffFactor * 2 ** currentAttempt`, plus jitter, capped at `maxInterval`.
 *
 * @example Backoff without jitter, capped at 3 s
 * ```ts
 * import { BackoffRetryIntervalCalculator } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const calculator = new BackoffRetryIntervalCalculator({
 *   backoffFactor: 500,
 *   jitter: { recalculate: (d) => d },
 *   maxInterval: 3000,
 * });
 * assert.deepEqual([0, 1, 2, 3].map((n) => calculator.calculateSleepDuration(n)), [500, 1000, 2000, 3000]);
 * ```
 */
export class BackoffRetryIntervalCalculator implements RetryIntervalCalculator {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The first wait, in milliseconds. */
  declare readonly backoffFactor: number;
  /** The jitter added to every wait. */
  declare readonly jitter: Jitter;
  /** The longest wait ever returned, in milliseconds (`Infinity` when uncapped). */
  declare readonly maxInterval: number;

  /**
   * Creates an exponential backoff.
   *
   * @param options The factor, jitter and cap.
   */
  constructor(options: BackoffRetryIntervalCalculatorOptions = {}) {
    options = optionsObject(`create ${new.target.name}`, options);
    const { backoffFactor = 500, jitter = new RandomJitter(), maxInterval = Infinity } = options;
    if (!Number.isFinite(backoffFactor) || backoffFactor < 0) {
      throw new RangeError(
        `Cannot use backoffFactor: ${
          quote(backoffFactor)
        } is not a finite number of milliseconds >= 0`,
      );
    }
    if (Number.isNaN(maxInterval) || maxInterval < 0) {
      throw new RangeError(
        `Cannot use maxInterval: ${quote(maxInterval)} is not a number of milliseconds >= 0`,
      );
    }
    if (typeof jitter?.recalculate !== "function") {
      throw new TypeError(`Cannot use jitter: ${quote(jitter)} has no recalculate method`);
    }
    this.backoffFactor = backoffFactor;
    this.jitter = jitter;
    this.maxInterval = maxInterval;
  }

  /**
   * Returns `backoffFactor * 2 ** currentAttempt` plus jitter, capped at `maxInterval`.
   *
   * @param currentAttempt The number of retries already made in this call.
   * @returns The wait, in milliseconds.
   */
  calculateSleepDuration(currentAttempt: number): number {
    return Math.min(
      this.jitter.recalculate(this.backoffFactor * 2 ** currentAttempt),
      this.maxInterval,
    );
  }
}

/**
 * Options for {@linkcode FixedValueRetryIntervalCalculator}.
 *
 * @example Wait 2 s when a 429 has no `Retry-After`
 * ```ts
 * import {
 *   createRetryingFetch,
 *   FixedValueRetryIntervalCalculator,
 *   type FixedValueRetryIntervalCalculatorOptions,
 *   RateLimitErrorRetryHandler,
 *   retryStatsOf,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const options: FixedValueRetryIntervalCalculatorOptions = { fixedInterval: 2000 };
 * const answers = [new Response(null, { status: 429 }), new Response("ok")];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [
 *     new RateLimitErrorRetryHandler({ intervalCalculator: new FixedValueRetryIntervalCalculator(options) }),
 *   ],
 *   fetch: () => Promise.resolve(answers.shift()!),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(retryStatsOf(response)?.totalRetryDelay, 2000);
 * ```
 */
export interface FixedValueRetryIntervalCalculatorOptions {
  /** The wait before every retry, in milliseconds. Defaults to 500. */
  fixedInterval?: number;
}

/**
 * Waits the same time before every retry.
 *
 * @example Always 250 ms
 * ```ts
 * import { FixedValueRetryIntervalCalculator } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const calculator = new FixedValueRetryIntervalCalculator({ fixedInterval: 250 });
 * assert.equal(calculator.calculateSleepDuration(5), 250);
 * ```
 */
export class FixedValueRetryIntervalCalculator implements RetryIntervalCalculator {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The wait before every retry, in milliseconds. */
  declare readonly fixedInterval: number;

  /**
   * Creates a calculator that always returns `options.fixedInterval`.
   *
   * @param options The fixed wait.
   */
  constructor(options: FixedValueRetryIntervalCalculatorOptions = {}) {
    options = optionsObject(`create ${new.target.name}`, options);
    const { fixedInterval = 500 } = options;
    if (!Number.isFinite(fixedInterval) || fixedInterval < 0) {
      throw new RangeError(
        `Cannot use fixedInterval: ${
          quote(fixedInterval)
        } is not a finite number of milliseconds >= 0`,
      );
    }
    this.fixedInterval = fixedInterval;
  }

  /**
   * Returns the fixed wait.
   *
   * @param _currentAttempt Ignored.
   * @returns The wait, in milliseconds.
   */
  calculateSleepDuration(_currentAttempt: number): number {
    return this.fixedInterval;
  }
}
