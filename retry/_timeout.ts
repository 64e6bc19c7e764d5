// Internal: the one check of a timeout in milliseconds, shared by the client's `timeout` option,
// a call's `timeout` and the retrying fetch's call option, so all three refuse the same values
// with the same words.

import { MAX_TIMEOUT } from "./clock.ts";
import { quote } from "./_quote.ts";

/**
 * Checks a timeout: a number of milliseconds from 0 (no limit) to {@linkcode MAX_TIMEOUT}. A
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
  if (value > MAX_TIMEOUT) {
    throw new RangeError(
      `Cannot use ${name}: ${value} ms is more than a timer holds (${MAX_TIMEOUT}); use 0 for none`,
    );
  }
  return value;
}
