/**
 * The one seam for time: what the client, the retrying fetch, the rate limiter and the simulator
 * read the time from, wait with, and time calls out with. Tests give a fake one; nothing else
 * spells time differently.
 *
 * @module
 */

import { abortableSleep } from "./sleep.ts";
import { checkTimeout, TIMER_LIMIT } from "./timeout.ts";

/**
 * A clock: now, an abortable sleep, and a timeout signal.
 *
 * @example A clock whose sleeps pass at once, for tests
 * ```ts
 * import { type Clock, systemClock } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * let now = 0;
 * const fake: Clock = {
 *   now: () => now,
 *   sleep: (ms) => (now += ms, Promise.resolve()),
 *   timeout: systemClock.timeout,
 * };
 * await fake.sleep(1_500);
 * assert.equal(fake.now(), 1_500);
 * ```
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Waits `ms`, rejecting with `signal.reason` as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A signal that aborts with a `TimeoutError` after `ms`. */
  timeout(ms: number): AbortSignal;
}

/**
 * The longest timeout in milliseconds: what runtimes' timers hold (a signed 32-bit number of
 * ms, about 24.8 days).
 *
 * @example
 * ```ts
 * import { MAX_TIMEOUT, systemClock } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => systemClock.timeout(MAX_TIMEOUT + 1), RangeError);
 * ```
 */
export const MAX_TIMEOUT: number = TIMER_LIMIT;

function timeoutSignal(ms: number): AbortSignal {
  // AbortSignal.timeout fires at once past MAX_TIMEOUT (Node throws): the one timeout check
  // refuses it (and NaN, negatives) with the words the options use.
  return AbortSignal.timeout(checkTimeout(ms));
}

/**
 * The real clock: `Date.now`, `setTimeout` and `AbortSignal.timeout`. Sleeps longer than a timer
 * holds run in chunks; a timeout longer than {@linkcode MAX_TIMEOUT} is refused (`RangeError`)
 * rather than firing at once as `AbortSignal.timeout` would.
 *
 * @example
 * ```ts
 * import { systemClock } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const before = systemClock.now();
 * await systemClock.sleep(5);
 * assert.ok(systemClock.now() >= before);
 * ```
 */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) =>
    abortableSleep(ms, signal ?? new AbortController().signal),
  timeout: timeoutSignal,
});
