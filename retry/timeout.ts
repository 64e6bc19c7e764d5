/**
 * The one check of a timeout in milliseconds, shared by the client's `timeout` option, a call's
 * `timeout`, the retrying fetch's call option and the system clock's timeout signal, so all of
 * them refuse the same values with the same words. Shared inside the project; the `./retry` entry
 * exposes the limit as `MAX_TIMEOUT` (clock.ts).
 *
 * @example 0 means none; a negative or too long timeout is a RangeError
 * ```ts
 * import { checkTimeout, TIMER_LIMIT } from "./timeout.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkTimeout(0), 0);
 * assert.throws(() => checkTimeout(-1), RangeError);
 * assert.throws(() => checkTimeout(TIMER_LIMIT + 1, "timeout"), /more than a timer holds/);
 * ```
 *
 * @module
 */

import { quote } from "../common/quote.ts";

/** What a runtime's timer holds: a signed 32-bit number of ms (public as clock.ts's MAX_TIMEOUT). */
export const TIMER_LIMIT: number = 2 ** 31 - 1;

/**
 * Checks a timeout: a number of milliseconds from 0 (no limit) to {@linkcode TIMER_LIMIT}. A
 * longer one is refused up front: a runtime's timer would fire it at once (or throw on Node).
 *
 * @param value The caller's value.
 * @param name The option's name for the message, such as `"timeout"`.
 * @returns The timeout.
 */
export function checkTimeout(value: unknown, name = "timeout"): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Cannot use ${name}: ${quote(value)} is not a finite number of milliseconds >= 0`,
    );
  }
  if (value > TIMER_LIMIT) {
    throw new RangeError(
      `Cannot use ${name}: ${value} ms is more than a timer holds (${TIMER_LIMIT}); use 0 for none`,
    );
  }
  return value;
}
