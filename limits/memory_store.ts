/**
 * The default store: GCRA in this process's memory.
 *
 * @module
 */

import type { LimitStore, PoolCharge } from "./store.ts";

/**
 * Options of {@linkcode MemoryLimitStore}.
 *
 * @example A store on a test clock
 * ```ts
 * import { MemoryLimitStore, type MemoryLimitStoreOptions } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * const options: MemoryLimitStoreOptions = { clock: { now: () => 0 } };
 * const store = new MemoryLimitStore(options);
 * const charge = { pool: "reads", interval: 100, tolerance: 0 };
 * assert.equal(await store.reserve("acme", [charge]), 0);
 * assert.equal(await store.reserve("acme", [charge]), 100);
 * ```
 */
export interface MemoryLimitStoreOptions {
  /** Where the time comes from, in milliseconds. Default `Date.now`. */
  clock?: { now(): number };
}

/**
 * Pools kept in a `Map` of this process: every limiter given the same store shares its budget
 * (several clients of one org in one process). Decisions are synchronous, hence atomic; entries
 * are dropped once their time has passed.
 *
 * @example Two limiters, one budget
 * ```ts
 * import { MemoryLimitStore } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * let now = 0;
 * const store = new MemoryLimitStore({ clock: { now: () => now } });
 * const userWrites = { pool: "userWrites", interval: 333, tolerance: 333 }; // a burst of 2
 * assert.equal(await store.reserve("acme", [userWrites]), 0);
 * assert.equal(await store.reserve("acme", [userWrites]), 0);
 * assert.equal(await store.reserve("acme", [userWrites]), 333);
 * now = 333;
 * assert.equal(await store.reserve("acme", [userWrites]), 333); // the slot after the last one
 * await store.block("acme", [userWrites], 1_000);
 * assert.equal(await store.reserve("acme", [userWrites]), 1_000);
 * ```
 */
export class MemoryLimitStore implements LimitStore {
  #times = new Map<string, number>();
  #blocks = new Map<string, number>();
  #clock: { now(): number };
  #decisions = 0;
  /** Each org's keys by pool, so a decision builds no string. */
  #keys = new Map<string, Map<string, string>>();

  /**
   * Creates an empty store: every pool full.
   *
   * @param options The clock.
   */
  constructor(options: MemoryLimitStoreOptions = {}) {
    this.#clock = options.clock ?? { now: () => Date.now() };
  }

  /**
   * Reserves the earliest slot every pool admits (see {@linkcode LimitStore.reserve}).
   *
   * @param org The org's name.
   * @param charges The pools.
   * @returns Milliseconds until the slot.
   */
  reserve(org: string, charges: readonly PoolCharge[]): Promise<number> {
    const now = this.#clock.now();
    this.#sweep(now);
    let slot = now;
    for (const charge of charges) {
      const k = this.#key(org, charge);
      const tat = this.#times.get(k) ?? now;
      slot = Math.max(slot, tat - charge.tolerance, this.#blocks.get(k) ?? now);
    }
    for (const charge of charges) {
      const k = this.#key(org, charge);
      this.#times.set(k, Math.max(this.#times.get(k) ?? now, slot) + charge.interval);
    }
    return Promise.resolve(slot - now);
  }

  /**
   * Admits nothing in these pools for `ms`.
   *
   * @param org The org's name.
   * @param charges The pools.
   * @param ms Milliseconds.
   */
  block(org: string, charges: readonly PoolCharge[], ms: number): Promise<void> {
    const now = this.#clock.now();
    for (const charge of charges) {
      const k = this.#key(org, charge);
      this.#times.set(k, Math.max(this.#times.get(k) ?? now, now + ms + charge.tolerance));
      this.#blocks.set(k, Math.max(this.#blocks.get(k) ?? now, now + ms));
    }
    return Promise.resolve();
  }

  #key(org: string, charge: PoolCharge): string {
    let keys = this.#keys.get(org);
    if (keys === undefined) this.#keys.set(org, keys = new Map());
    let k = keys.get(charge.pool);
    if (k === undefined) keys.set(charge.pool, k = key(org, charge));
    return k;
  }

  #sweep(now: number): void {
    // Every so often, drop pools whose time has passed (they are full again).
    if (++this.#decisions % 1024 !== 0) return;
    for (const [k, tat] of this.#times) if (tat <= now) this.#times.delete(k);
    for (const [k, until] of this.#blocks) if (until <= now) this.#blocks.delete(k);
  }
}

function key(org: string, charge: PoolCharge): string {
  return `${org}\u0000${charge.pool}`;
}
