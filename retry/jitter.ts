/**
 * Jitter: randomness added to a computed backoff so that many clients do not retry in step.
 *
 * @module
 */

import { quote } from "../common/quote.ts";
import { optionsObject } from "../common/options_object.ts";

/**
 * Turns a computed wait into the wait actually used.
 *
 * @example A jitter that adds nothing
 * ```ts
 * import type { Jitter } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const none: Jitter = { recalculate: (duration) => duration };
 * assert.equal(none.recalculate(500), 500);
 * ```
 */
export interface Jitter {
  /**
   * Returns the wait to use instead of `duration`.
   *
   * @param duration The computed wait, in milliseconds.
   * @returns The jittered wait, in milliseconds.
   */
  recalculate(duration: number): number;
}

/**
 * Options for {@linkcode RandomJitter}.
 *
 * @example At most 200 ms of jitter, with a fixed random source
 * ```ts
 * import { BackoffRetryIntervalCalculator, RandomJitter, type RandomJitterOptions } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const options: RandomJitterOptions = { maxJitter: 200, random: () => 0.5 };
 * const calculator = new BackoffRetryIntervalCalculator({ backoffFactor: 1000, jitter: new RandomJitter(options) });
 * assert.equal(calculator.calculateSleepDuration(1), 2100);
 * ```
 */
export interface RandomJitterOptions {
  /** The most that is ever added, in milliseconds. Defaults to 1000, as in the Python SDK. */
  maxJitter?: number;
  /** Returns a number in [0, 1); defaults to `Math.random`. Tests inject a fixed one. */
  random?: () => number;
}

/**
 * Adds a random amount between 0 and `maxJitter` (default 1000 ms) to every wait, as the Python
 * SDK's `RandomJitter` adds up to one second.
 *
 * @example Add at most 1000 ms
 * ```ts
 * import { RandomJitter } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const jitter = new RandomJitter({ random: () => 0.25 });
 * assert.equal(jitter.recalculate(500), 750);
 * ```
 */
export class RandomJitter implements Jitter {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The most that is ever added, in milliseconds. */
  declare readonly maxJitter: number;
  #random: () => number;

  /**
   * Creates a jitter that adds up to `options.maxJitter` milliseconds.
   *
   * @param options The bound and the random source.
   */
  constructor(options: RandomJitterOptions = {}) {
    options = optionsObject(`create ${new.target.name}`, options);
    const { maxJitter = 1000, random = Math.random } = options;
    if (!Number.isFinite(maxJitter) || maxJitter < 0) {
      throw new RangeError(
        `Cannot use maxJitter: ${quote(maxJitter)} is not a finite number of milliseconds >= 0`,
      );
    }
    if (typeof random !== "function") {
      throw new TypeError(`Cannot use random: ${quote(random)} is not a function`);
    }
    this.maxJitter = maxJitter;
    this.#random = random;
  }

  /**
   * Returns `duration` plus a random amount in [0, maxJitter).
   *
   * @param duration The computed wait, in milliseconds.
   * @returns The jittered wait, in milliseconds.
   */
  recalculate(duration: number): number {
    // Clamp so that a misbehaving random source can never push us outside the documented bounds.
    return duration + Math.min(Math.max(this.#random(), 0), 1) * this.maxJitter;
  }
}
