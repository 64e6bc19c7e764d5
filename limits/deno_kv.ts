/**
 * A {@linkcode LimitStore} on Deno KV (`Deno.openKv`): a local SQLite file shared by the processes
 * of one machine, or Deno Deploy's global store shared by every isolate. Deno only.
 *
 * Each decision is one atomic commit that checks the versionstamps it read: a process that lost a
 * race reads again and retries (as it does on SQLite's "database is locked"), so no two processes
 * ever race past a limit. Entries expire (`expireIn`) once their time has passed.
 *
 * @example Two limiters sharing one KV file
 * ```ts
 * import { SlackRateLimiter } from "@org/slack-scim/limits";
 * import { DenoKvLimitStore } from "@org/slack-scim/limits/deno-kv";
 * import assert from "node:assert/strict";
 *
 * const kv = await Deno.openKv(":memory:");
 * const store = new DenoKvLimitStore(kv);
 * const limits = { groupCreateDelete: { perMinute: 600, burst: 1 } };
 * const a = new SlackRateLimiter({ store, limits, org: "acme" });
 * const b = new SlackRateLimiter({ store, limits, org: "acme" });
 * const sent: number[] = [];
 * const fetch = () => (sent.push(Date.now()), Promise.resolve(new Response("{}")));
 * const post = () => new Request("https://api.slack.com/scim/v1/Groups", { method: "POST" });
 * await Promise.all([a.wrap(fetch)(post()), b.wrap(fetch)(post())]);
 * assert.ok(Math.abs(sent[1]! - sent[0]!) >= 90); // 600 a minute: one each 100 ms
 * kv.close();
 * ```
 *
 * @module
 */

import type { LimitStore, PoolCharge } from "./store.ts";

export type { LimitStore, PoolCharge };

/**
 * Options of {@linkcode DenoKvLimitStore}.
 *
 * @example Keys under the app's own prefix, on a test clock
 * ```ts
 * import { DenoKvLimitStore, type DenoKvLimitStoreOptions } from "@org/slack-scim/limits/deno-kv";
 * import assert from "node:assert/strict";
 *
 * const kv = await Deno.openKv(":memory:");
 * const options: DenoKvLimitStoreOptions = { prefix: ["hr-sync", "limits"], clock: { now: () => 0 } };
 * const store = new DenoKvLimitStore(kv, options);
 * const charge = { pool: "reads", interval: 60, tolerance: 0 };
 * assert.equal(await store.reserve("acme", [charge]), 0);
 * assert.equal(await store.reserve("acme", [charge]), 60);
 * assert.equal((await kv.get(["hr-sync", "limits", "acme", "reads", "tat"])).value, 120);
 * kv.close();
 * ```
 */
export interface DenoKvLimitStoreOptions {
  /** The start of every key. Default `["slack-scim", "limits"]`; keys are `[...prefix, org, pool, "tat" | "block"]`. */
  prefix?: Deno.KvKey;
  /**
   * Where time comes from (ms). Default `Date.now`. Unlike Redis (the server's clock), Deno KV has
   * no clock of its own: processes sharing a file must share a clock (NTP keeps hosts within
   * milliseconds). A process whose clock runs behind by `s` waits up to `s` longer per request; one
   * ahead by `s` sees pools up to `s` fuller than they are. The limiter warns of waits over 10 minutes.
   */
  clock?: { now(): number };
  /** How many times a decision is retried after a lost race or a locked database. Default 1000. */
  maxAttempts?: number;
}

/** One decision on a request's pools: their times and blocks read, the new ones set. */
type Decide = (
  now: number,
  times: (number | undefined)[],
  blocks: (number | undefined)[],
  set: (i: number, kind: "tat" | "block", value: number) => void,
) => number;

/**
 * Keeps the limiter's pools in Deno KV: reads a pool's entries, decides, and commits only if no
 * one changed them meanwhile (`atomic().check()`), else tries again.
 *
 * @example Reservations and a block
 * ```ts
 * import { DenoKvLimitStore } from "@org/slack-scim/limits/deno-kv";
 * import assert from "node:assert/strict";
 *
 * let now = 1_000;
 * const kv = await Deno.openKv(":memory:");
 * const store = new DenoKvLimitStore(kv, { clock: { now: () => now } });
 * const writes = { pool: "writes", interval: 100, tolerance: 100 }; // a burst of 2
 * assert.equal(await store.reserve("acme", [writes]), 0);
 * assert.equal(await store.reserve("acme", [writes]), 0);
 * assert.equal(await store.reserve("acme", [writes]), 100);
 * await store.block("acme", [writes], 5_000);
 * assert.equal(await store.reserve("acme", [writes]), 5_000);
 * kv.close();
 * ```
 */
export class DenoKvLimitStore implements LimitStore {
  #kv: Deno.Kv;
  #prefix: Deno.KvKey;
  #clock: { now(): number };
  #maxAttempts: number;
  /** Per key, the end of the last decision of this process on it. */
  #tails = new Map<string, Promise<void>>();

  /**
   * Creates the store on an open KV.
   *
   * @param kv From `Deno.openKv()` (a file path for processes of one machine).
   * @param options The key prefix, the clock and the retry bound.
   */
  constructor(kv: Deno.Kv, options: DenoKvLimitStoreOptions = {}) {
    this.#kv = kv;
    this.#prefix = options.prefix ?? ["slack-scim", "limits"];
    this.#clock = options.clock ?? { now: () => Date.now() };
    this.#maxAttempts = options.maxAttempts ?? 1000;
  }

  /**
   * Reserves the earliest slot every pool admits.
   *
   * @param org The org's name.
   * @param charges The pools.
   * @returns Milliseconds until the slot.
   */
  reserve(org: string, charges: readonly PoolCharge[]): Promise<number> {
    return this.#decide(org, charges, (now, times, blocks, set) => {
      let slot = now;
      charges.forEach((charge, i) => {
        slot = Math.max(slot, (times[i] ?? now) - charge.tolerance, blocks[i] ?? now);
      });
      charges.forEach((charge, i) => {
        set(i, "tat", Math.max(times[i] ?? now, slot) + charge.interval);
      });
      return slot - now;
    });
  }

  /**
   * Admits nothing in these pools for `ms`, for every process on this KV.
   *
   * @param org The org's name.
   * @param charges The pools.
   * @param ms Milliseconds.
   */
  async block(org: string, charges: readonly PoolCharge[], ms: number): Promise<void> {
    await this.#decide(org, charges, (now, times, blocks, set) => {
      charges.forEach((charge, i) => {
        set(i, "tat", Math.max(times[i] ?? now, now + ms + charge.tolerance));
        set(i, "block", Math.max(blocks[i] ?? now, now + ms));
      });
      return 0;
    });
  }

  /**
   * Runs a decision once every earlier decision of this process on any of its keys is done. They
   * would only conflict in the commit (optimistic: each commit of N at once fails N - 1 others, and
   * 100 at once took 2 s); decisions on other pools go side by side, other processes race as ever.
   */
  async #decide(
    org: string,
    charges: readonly PoolCharge[],
    decide: Decide,
  ): Promise<number> {
    const names = charges.map(({ pool }) => JSON.stringify([org, pool]));
    const before = names.flatMap((name) => this.#tails.get(name) ?? []);
    let done = () => {};
    const tail = new Promise<void>((resolve) => done = resolve);
    for (const name of names) this.#tails.set(name, tail);
    try {
      await Promise.all(before);
      return await this.#attempt(org, charges, decide);
    } finally {
      done();
      for (const name of names) if (this.#tails.get(name) === tail) this.#tails.delete(name);
    }
  }

  async #attempt(
    org: string,
    charges: readonly PoolCharge[],
    decide: Decide,
  ): Promise<number> {
    const keys = charges.flatMap(({ pool }) => [
      [...this.#prefix, org, pool, "tat"],
      [...this.#prefix, org, pool, "block"],
    ]);
    let lastError: unknown;
    for (let attempt = 0; attempt < this.#maxAttempts; attempt++) {
      try {
        const entries = await this.#kv.getMany<number[]>(keys);
        const now = this.#clock.now();
        const value = (i: number) => {
          const entry = entries[i];
          // Anything but a finite number (garbage from elsewhere) counts as absent; a decision
          // writes the time over it.
          return typeof entry?.value === "number" && Number.isFinite(entry.value)
            ? entry.value
            : undefined;
        };
        const times = charges.map((_, i) => value(2 * i));
        const blocks = charges.map((_, i) => value(2 * i + 1));
        const op = this.#kv.atomic();
        for (const entry of entries) op.check(entry);
        const answer = decide(now, times, blocks, (i, kind, at) => {
          const key = keys[2 * i + (kind === "tat" ? 0 : 1)] as Deno.KvKey;
          // A time already past is a full pool: no entry needed.
          if (at <= now) op.delete(key);
          else op.set(key, at, { expireIn: Math.ceil(at - now) + 1000 });
        });
        if ((await op.commit()).ok) return answer;
        lastError = new Error("another process changed the pool first");
      } catch (error) {
        if (!/database is locked|busy/i.test(error instanceof Error ? error.message : "")) {
          throw error;
        }
        lastError = error;
      }
      // Lost a race: back off a little, more after each loss, so a crowd of processes spreads out.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 20)));
    }
    throw new Error(
      `Cannot decide in Deno KV after ${this.#maxAttempts} attempts: ${String(lastError)}`,
      { cause: lastError },
    );
  }
}
