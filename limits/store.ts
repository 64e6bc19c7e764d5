/**
 * Where a limiter keeps its pools' state, and the one decision a store makes atomically.
 *
 * @module
 */

/**
 * One pool as a store sees it: GCRA's emission interval and burst tolerance, already scaled by
 * the limiter's current target rate.
 *
 * @example User writes at Slack's rate, 18 of its burst of 20 usable
 * ```ts
 * import type { PoolCharge } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * const interval = 60_000 / 180;
 * const charge: PoolCharge = { pool: "userWrites", interval, tolerance: 17 * interval };
 * assert.equal(Math.round(charge.tolerance), 5_667);
 * ```
 */
export interface PoolCharge {
  /** The pool's name, part of the store's key (with the org). */
  readonly pool: string;
  /** Milliseconds one request occupies the pool at the target rate (60,000 / perMinute). */
  readonly interval: number;
  /** Milliseconds ahead of now the pool's theoretical arrival time may run: (burst - 1) × interval. */
  readonly tolerance: number;
}

/**
 * A limiter's shared state: one "theoretical arrival time" (GCRA) per org and pool. Each method is
 * one atomic decision inside the store, so processes sharing it never race past a limit.
 *
 * - `reserve` finds the earliest time every pool admits one more request (`slot = max(now,
 *   max(tat - tolerance))`), moves each pool's time to `max(tat, slot) + interval`, and answers
 *   how long to wait for that slot (ms from the store's now).
 * - `block` pushes each pool's time so that nothing is admitted for `ms` (a 429's `Retry-After`).
 *
 * Keys expire once their time has passed: an idle pool is a full pool.
 *
 * @example A store that admits everything at once (what the limiter would do with no limits)
 * ```ts
 * import { type LimitStore, SlackRateLimiter } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * const unlimited: LimitStore = {
 *   reserve: () => Promise.resolve(0),
 *   block: () => Promise.resolve(),
 * };
 * const limiter = new SlackRateLimiter({ store: unlimited });
 * const fetch = limiter.wrap(() => Promise.resolve(new Response("{}")));
 * assert.equal((await fetch(new Request("https://api.slack.com/scim/v1/Users"))).status, 200);
 * assert.equal(limiter.stats().waited, 0);
 * ```
 */
export interface LimitStore {
  /**
   * Reserves the earliest slot every pool admits.
   *
   * @param org The org's name (a key prefix; never a token).
   * @param charges The pools the request draws from.
   * @returns Milliseconds until the slot (0 = go now).
   */
  reserve(org: string, charges: readonly PoolCharge[]): Promise<number>;
  /**
   * Admits nothing in these pools for `ms`.
   *
   * @param org The org's name.
   * @param charges The pools to block.
   * @param ms How long, in milliseconds.
   */
  block(org: string, charges: readonly PoolCharge[], ms: number): Promise<void>;
}
