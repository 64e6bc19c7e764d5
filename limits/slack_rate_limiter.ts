/**
 * Pacing to Slack's limits: a fetch wrapper that waits for every pool a request draws from, keeps
 * one write at a time per user or group, and slows down when Slack answers 429.
 *
 * @module
 */

import { abortableSleep } from "../retry/sleep.ts";
import type { Clock } from "../retry/clock.ts";
import type { Logger } from "../retry/logger.ts";
import { parseRetryAfter } from "../retry/retry_after.ts";
import { TIMER_LIMIT } from "../retry/timeout.ts";
import { quote } from "../common/quote.ts";
import { MemoryLimitStore } from "./memory_store.ts";
import {
  checkRatePools,
  looksLikeToken,
  RATE_POOL_NAMES,
  type RatePool,
  type RatePoolName,
  type RatePools,
  SLACK_RATE_LIMITS,
  slackRatePools,
} from "./slack_limits.ts";
import type { LimitStore, PoolCharge } from "./store.ts";

/**
 * Options of {@linkcode SlackRateLimiter}. All optional.
 *
 * @example One org's limiter, on a test clock, with Slack's table scaled 60 times
 * ```ts
 * import {
 *   SLACK_RATE_LIMITS,
 *   SlackRateLimiter,
 *   type SlackRateLimiterOptions,
 * } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * const fast = Object.fromEntries(
 *   Object.entries(SLACK_RATE_LIMITS).map(([name, p]) => [name, { ...p, perMinute: p.perMinute * 60 }]),
 * );
 * const options: SlackRateLimiterOptions = { org: "acme", limits: fast, jitter: 0, headroom: 0 };
 * const limiter = new SlackRateLimiter(options);
 * assert.equal(limiter.stats().pools.userWrites.perMinute, 180 * 60);
 * ```
 */
export interface SlackRateLimiterOptions {
  /**
   * Where the pools' state lives. Default a {@linkcode MemoryLimitStore} of this limiter's own;
   * give several limiters (or processes, with a Redis or Deno KV store) one store to share one budget.
   */
  store?: LimitStore;
  /** The pools; any left out keep Slack's numbers ({@linkcode SLACK_RATE_LIMITS}). */
  limits?: Partial<RatePools>;
  /**
   * The org's name in the store's keys (letters, digits, `.`, `_`, `:`, `-`; at most 100). Default
   * `"default"`. Limiters of one org share its budget; never put a token here.
   */
  org?: string;
  /**
   * Where time comes from and how to wait (a client hands its own). Each one left out is the
   * system's: `Date.now`, and a `setTimeout` that ends when the signal aborts.
   */
  clock?: Partial<Pick<Clock, "now" | "sleep">>;
  /**
   * How much delay on the way to Slack (ms) a request may meet without finding its pool dry: each
   * pool leaves `ceil(jitter / its interval)` of its burst unused (at most half). Default 1000:
   * 3 of the 20 user writes, 10 of the 180 writes. Requests delayed and bunched up by the network
   * then still find a token. 0 uses whole bursts.
   */
  jitter?: number;
  /**
   * The share of each pool's rate left unused (0 to 0.5, default 0.02: user writes at 176.4 a
   * minute, not 180). After the network or a busy host delays a run of requests, Slack's buckets
   * refill this much faster than they are drawn, so the next delay still finds tokens.
   */
  headroom?: number;
  /** Whether a 429 lowers the pool's target rate, which climbs back once 429s stop. Default true. */
  adaptive?: boolean;
  /**
   * Receives the warnings: one when the shared store fails (each outage), one when it answers
   * again, one when the store asks for a wait over 10 minutes (a bad key). Default `console`.
   */
  logger?: Logger;
  /**
   * How long a store call may take before the limiter paces locally instead (ms, above 0 and at
   * most 2³¹−1, what a timer holds). Default 2000.
   */
  storeTimeout?: number;
}

/**
 * One pool in {@linkcode SlackRateLimiterStats}.
 *
 * @example The user-write pool after a 429
 * ```ts
 * import { type PoolStats, SlackRateLimiter } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * const clock = { now: () => 0, sleep: () => Promise.resolve() };
 * const limiter = new SlackRateLimiter({ clock, headroom: 0 });
 * const fetch = limiter.wrap(() =>
 *   Promise.resolve(new Response(null, { status: 429, headers: { "retry-after": "2" } }))
 * );
 * await fetch(new Request("https://api.slack.com/scim/v1/Users", { method: "POST" }));
 * const pool: PoolStats = limiter.stats().pools.userWrites;
 * assert.equal(pool.perMinute, 180 * 0.7);
 * assert.equal(pool.blockedUntil, 2_000);
 * ```
 */
export interface PoolStats {
  /** The rate aimed at now: the pool's limit less `headroom`, lowered after 429s. */
  readonly perMinute: number;
  /** The pool's burst (before `jitter` leaves some of it unused). */
  readonly burst: number;
  /** Until when (ms since the epoch) a 429's `Retry-After` holds the pool, if it still does. */
  readonly blockedUntil?: number;
}

/**
 * What a limiter did so far.
 *
 * @example Counting a job's waits
 * ```ts
 * import { SlackRateLimiter, type SlackRateLimiterStats } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * let now = 0;
 * const clock = { now: () => now, sleep: (ms: number) => (now += ms, Promise.resolve()) };
 * const limiter = new SlackRateLimiter({
 *   clock,
 *   limits: { reads: { perMinute: 60, burst: 1 } },
 *   headroom: 0,
 * });
 * const fetch = limiter.wrap(() => Promise.resolve(new Response("{}")));
 * for (let i = 0; i < 3; i++) await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * const stats: SlackRateLimiterStats = limiter.stats();
 * assert.equal(stats.calls, 3);
 * assert.equal(stats.waited, 2);
 * assert.equal(stats.waitedMs, 2_000);
 * assert.equal(stats.rateLimited, 0);
 * ```
 */
export interface SlackRateLimiterStats {
  /** Requests that went through the limiter. */
  readonly calls: number;
  /** Requests that had to wait (for a pool or for another write to the same resource). */
  readonly waited: number;
  /** Milliseconds waited in all. */
  readonly waitedMs: number;
  /** 429 answers seen. */
  readonly rateLimited: number;
  /** Whether the store failed and the limiter paces locally until it answers again. */
  readonly degraded: boolean;
  /** Each pool's current target rate. */
  readonly pools: Readonly<Record<RatePoolName, PoolStats>>;
}

// AWS's adaptive limiter drops to 0.7 of its rate on a throttle; so do we.
const DECREASE = 0.7;
const MIN_FACTOR = 0.05;
// From the lowest rate back to the full one over 2,000 of the pool's intervals (a user-write
// pool climbs from 0.7 back to 1 in about 3 minutes of Slack time).
const RECOVERY_INTERVALS = 2000;
// After a store failure, probe it again after this long.
const STORE_RETRY_MS = 5_000;
// A store's answer to wait longer than this is worth a warning: a bad key or a skewed clock.
const LONG_WAIT_MS = 10 * 60_000;
const ORG = /^[\w.:-]{1,100}$/;

interface PoolState {
  readonly limit: RatePool;
  /** ms per request at the full rate. */
  readonly interval: number;
  readonly tolerance: number;
  /** The factor right after the last decrease, and when it happened. */
  floor: number;
  since: number;
  blockedUntil: number;
  /** When the last block was recorded. */
  blockedAt: number;
}

/**
 * Paces requests to Slack's SCIM rate limits. {@linkcode SlackRateLimiter.wrap} turns a fetch into
 * one that, for each request:
 *
 * 1. finds the pools it draws from ({@linkcode slackRatePools}): the org pool *and* the endpoint's;
 * 2. waits for any write to the same user or group still under way (one at a time, as Slack
 *    requires; writes to different resources go on together);
 * 3. reserves the earliest moment every pool admits it, atomically in the store (GCRA: bursts up
 *    to each pool's burst, then its rate), and sleeps until then — abortable by `request.signal`;
 *    a slot given up that way goes to the next request of the same kind in this process;
 * 4. sends it; on a 429, blocks its pools for `Retry-After` for everyone sharing the store and
 *    lowers their target rate to 0.7×, which climbs back while no 429 comes (the caller's retry
 *    handlers still retry the 429).
 *
 * A store that fails or hangs (Redis down mid-run) does not fail the call: the limiter logs one
 * warning per outage and paces with a local store at once, while a probe in the background asks
 * the shared store again every 5 s; it logs a second warning when the store answers and pacing is
 * shared again. Store calls run side by side (a slow store delays a call by its latency, never
 * queues it behind others), each for at most `storeTimeout`, and a call's abort or timeout ends
 * its wait for the store as it ends every other wait.
 *
 * @example 25 user creates at once: the first 17 go out together, the rest at 180 a minute
 * ```ts
 * import { SlackRateLimiter } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * let now = 0;
 * // A test clock: a sleep ends on a later turn of the event loop, its time then reached.
 * const sleep = (ms: number) => {
 *   const until = now + ms;
 *   return new Promise((resolve) => setTimeout(resolve, 0)).then(() => void (now = Math.max(now, until)));
 * };
 * const clock = { now: () => now, sleep };
 * const limiter = new SlackRateLimiter({ clock });
 * const sent: number[] = [];
 * const fetch = limiter.wrap((request) => {
 *   sent.push(now);
 *   return Promise.resolve(new Response("{}", { status: 201 }));
 * });
 * const post = () => fetch(new Request("https://api.slack.com/scim/v1/Users", { method: "POST" }));
 * await Promise.all(Array.from({ length: 25 }, post));
 * assert.equal(sent.filter((at) => at === 0).length, 17); // the burst of 20, less 1 s of jitter
 * assert.ok(now >= 7 * 333);
 * ```
 */
export class SlackRateLimiter {
  #store: LimitStore;
  #fallback: LimitStore;
  #org: string;
  #clock: Pick<Clock, "now" | "sleep">;
  #adaptive: boolean;
  #logger: Logger;
  #storeTimeout: number;
  #pools: Record<RatePoolName, PoolState>;
  #locks = new Map<string, (() => void)[]>();
  /** Slots given up by aborted waits (local clock), ascending: any request of a pool may take one. */
  #freed: FreedSlot[] = [];
  /** Whether the shared store failed: calls pace locally while a probe checks it now and then. */
  #degraded = false;
  /** Bumped by each failure, so that calls begun before it do not count as new failures. */
  #outage = 0;
  /** When the next probe of a failed store may start, and whether one is under way. */
  #nextProbe = -Infinity;
  #probing = false;
  #warnedLongWait = false;
  #calls = 0;
  #waited = 0;
  #waitedMs = 0;
  #rateLimited = 0;

  /**
   * Creates a limiter; every pool starts full.
   *
   * @param options The store, the limits, the org and the clock.
   * @throws {RangeError} For a bad rate, burst, `jitter`, `headroom` or `storeTimeout`.
   * @throws {TypeError} For an org name that is not a plain name (or looks like a token).
   */
  constructor(options: SlackRateLimiterOptions = {}) {
    if (typeof options !== "object" || options === null) {
      throw new TypeError(
        `Cannot create a SlackRateLimiter: options ${quote(options)} is not an object`,
      );
    }
    const { limits = {}, org = "default", jitter = 1_000, headroom = 0.02, storeTimeout = 2_000 } =
      options;
    checkRatePools(limits);
    if (typeof org !== "string") {
      throw new TypeError(`Cannot use org ${quote(org)}: it must be a string, the org's name`);
    }
    if (looksLikeToken(org)) {
      // Not quoted, not even in part: it may hold a token.
      throw new TypeError(
        "Cannot use org: it holds what looks like a Slack token; use the org's name",
      );
    }
    if (!ORG.test(org)) {
      throw new TypeError(
        `Cannot use org ${quote(org.slice(0, 40))}: use a plain name (letters, digits, . _ : -)`,
      );
    }
    if (!(typeof headroom === "number" && headroom >= 0 && headroom <= 0.5)) {
      throw new RangeError(`Cannot use headroom ${quote(headroom)}: it must be between 0 and 0.5`);
    }
    if (!(typeof jitter === "number" && jitter >= 0 && jitter < Infinity)) {
      throw new RangeError(
        `Cannot use jitter ${quote(jitter)}: it must be a number of milliseconds >= 0`,
      );
    }
    // A timer holds 2^31 - 1 ms: beyond it, it fires at once and a healthy store looks failed.
    if (!(typeof storeTimeout === "number" && storeTimeout > 0 && storeTimeout <= TIMER_LIMIT)) {
      throw new RangeError(
        `Cannot use storeTimeout ${
          quote(storeTimeout)
        }: it must be a number of milliseconds above 0 and at most ${TIMER_LIMIT} (what a timer holds)`,
      );
    }
    const { store, clock, logger } = options;
    if (
      store !== undefined &&
      (typeof store?.reserve !== "function" || typeof store?.block !== "function")
    ) {
      throw new TypeError(
        `Cannot use store ${quote(store)}: it must have reserve() and block() (a LimitStore)`,
      );
    }
    if (
      clock !== undefined &&
      (typeof clock !== "object" || clock === null ||
        (clock.now !== undefined && typeof clock.now !== "function") ||
        (clock.sleep !== undefined && typeof clock.sleep !== "function"))
    ) {
      throw new TypeError(`Cannot use clock ${quote(clock)}: now and sleep must be functions`);
    }
    if (
      logger !== undefined &&
      (typeof logger?.warn !== "function" || typeof logger?.debug !== "function")
    ) {
      throw new TypeError(`Cannot use logger ${quote(logger)}: it must have debug() and warn()`);
    }
    // Not systemClock: its module creates an AbortController at load, which Workers refuse in
    // the global scope, and the client's main entry carries this module.
    this.#clock = {
      now: options.clock?.now ?? (() => Date.now()),
      sleep: options.clock?.sleep ??
        ((ms, signal) => abortableSleep(ms, signal ?? new AbortController().signal)),
    };
    this.#org = org;
    this.#adaptive = options.adaptive ?? true;
    this.#logger = options.logger ?? console;
    this.#storeTimeout = storeTimeout;
    this.#fallback = new MemoryLimitStore({ clock: this.#clock });
    this.#store = options.store ?? this.#fallback;
    const pools = {} as Record<RatePoolName, PoolState>;
    for (const name of RATE_POOL_NAMES) {
      const limit = limits[name] ?? SLACK_RATE_LIMITS[name];
      const perMinute = limit.perMinute * (1 - headroom);
      const interval = 60_000 / perMinute;
      const spare = Math.min(Math.floor(limit.burst / 2), Math.ceil(jitter / interval));
      const usable = limit.burst - spare;
      pools[name] = {
        limit: { perMinute, burst: limit.burst },
        interval,
        tolerance: (usable - 1) * interval,
        floor: 1,
        since: -Infinity,
        blockedUntil: -Infinity,
        blockedAt: -Infinity,
      };
    }
    this.#pools = pools;
  }

  /**
   * Wraps a fetch so that every request it is given is paced first.
   *
   * @param fetch The fetch to pace (the transport, or the simulator's handler).
   * @returns A fetch with the same contract; its waits end with `request.signal`.
   *
   * @example Under a client, against the simulator enforcing Slack's limits
   * ```ts
   * import { SCIMClient } from "@org/slack-scim";
   * import { SlackRateLimiter } from "@org/slack-scim/limits";
   * import { SlackScimSimulator } from "@org/slack-scim/testing";
   * import assert from "node:assert/strict";
   *
   * const sim = new SlackScimSimulator({ rateLimits: true });
   * const limiter = new SlackRateLimiter();
   * // The client puts it under its retries; limiter.wrap(fetch) does the same for any fetch.
   * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: limiter });
   * const results = await Promise.all(["ann", "bob", "cal"].map((userName) =>
   *   client.createUser({ userName, emails: [{ value: `${userName}@example.com` }] })
   * ));
   * assert.deepEqual(results.map((result) => result.status), [201, 201, 201]);
   * assert.equal(limiter.stats().calls, 3);
   * ```
   */
  wrap(
    fetch: (request: Request) => Promise<Response>,
  ): (request: Request) => Promise<Response> {
    return async (request) => {
      const { pools, resource } = slackRatePools(request.method, pathOf(request.url));
      if (pools.length === 0) return await fetch(request);
      this.#calls++;
      const started = this.#clock.now();
      const lock = resource === undefined ? undefined : await this.#lock(resource, request.signal);
      try {
        const { reservedAt, slept } = await this.#admit(pools, request.signal);
        if (slept || lock?.queued) {
          this.#waited++;
          this.#waitedMs += this.#clock.now() - started;
        }
        const response = await fetch(request);
        if (response.status === 429) this.#throttled(pools, response, reservedAt);
        return response;
      } finally {
        lock?.unlock();
      }
    };
  }

  /**
   * What the limiter did so far, and each pool's target rate now.
   *
   * @returns Counts, time waited, and the pools.
   *
   * @example Before any request
   * ```ts
   * import { SlackRateLimiter } from "@org/slack-scim/limits";
   * import assert from "node:assert/strict";
   *
   * const stats = new SlackRateLimiter().stats();
   * assert.equal(stats.calls, 0);
   * assert.deepEqual(stats.pools.writes, { perMinute: 588, burst: 180 }); // 2% headroom
   * ```
   */
  stats(): SlackRateLimiterStats {
    const now = this.#clock.now();
    const pools = {} as Record<RatePoolName, PoolStats>;
    for (const name of RATE_POOL_NAMES) {
      const state = this.#pools[name];
      const perMinute = state.limit.perMinute * this.#factor(state, now);
      pools[name] = state.blockedUntil > now
        ? { perMinute, burst: state.limit.burst, blockedUntil: state.blockedUntil }
        : { perMinute, burst: state.limit.burst };
    }
    return {
      calls: this.#calls,
      waited: this.#waited,
      waitedMs: this.#waitedMs,
      rateLimited: this.#rateLimited,
      degraded: this.#degraded,
      pools,
    };
  }

  #factor(state: PoolState, now: number): number {
    if (state.floor >= 1) return 1;
    const climbed = state.floor + (now - state.since) / (RECOVERY_INTERVALS * state.interval);
    if (climbed < 1) return climbed;
    state.floor = 1;
    return 1;
  }

  #charges(pools: readonly RatePoolName[], now: number): PoolCharge[] {
    return pools.map((pool) => {
      const state = this.#pools[pool];
      const interval = state.interval / this.#factor(state, now);
      return { pool, interval, tolerance: state.tolerance };
    });
  }

  /** Waits for a slot in every pool; answers when the reservation was made, and if it slept. */
  async #admit(
    pools: readonly RatePoolName[],
    signal: AbortSignal,
  ): Promise<{ reservedAt: number; slept: boolean }> {
    let slept = false;
    for (;;) {
      signal.throwIfAborted();
      const reservedAt = this.#clock.now();
      // Slots other requests of these pools gave up come first; the store decides the rest.
      const taken = this.#freed.length === 0 ? undefined : this.#takeFreed(pools, reservedAt);
      const rest = taken?.rest ?? pools;
      let slot = taken?.slot ?? -Infinity;
      if (rest.length > 0) {
        const charges = this.#charges(rest, reservedAt);
        const decision = this.#withStore((store) => store.reserve(this.#org, charges));
        let wait: number;
        try {
          wait = await abortable(decision, signal);
        } catch (error) {
          // The caller gave up while the store decided: the slots taken go back, and the one the
          // store is still deciding goes to the next request of these pools once it is known.
          for (const entry of taken?.entries ?? []) this.#free(entry.pools, entry.slot);
          decision.then((late) => this.#free(rest, this.#clock.now() + late), () => {});
          throw error;
        }
        this.#noticeLongWait(wait, rest);
        slot = Math.max(slot, this.#clock.now() + wait);
      }
      const wait = slot - this.#clock.now();
      try {
        if (wait > 0) {
          slept = true;
          await this.#clock.sleep(wait, signal);
        } else signal.throwIfAborted();
      } catch (error) {
        // The caller gave up: the next request drawing from these pools here takes this very slot.
        // (Giving it back to the store would let a new request double-book a later, taken slot.)
        this.#free(pools, slot);
        throw error;
      }
      // A 429 blocked a pool after we reserved, and our slot falls in the block: its capacity is
      // gone; queue again (the new slot respects the block).
      const now = this.#clock.now();
      const stale = pools.some((pool) => {
        const state = this.#pools[pool];
        return state.blockedAt >= reservedAt && state.blockedUntil > now;
      });
      if (!stale) return { reservedAt, slept };
    }
  }

  #noticeLongWait(wait: number, pools: readonly RatePoolName[]): void {
    if (wait <= LONG_WAIT_MS || this.#warnedLongWait) return;
    this.#warnedLongWait = true;
    this.#logger.warn(
      `Rate-limit store asks to wait ${Math.round(wait / 1000)} s for ${pools.join(" and ")} ` +
        `(org "${this.#org}"): unless that many requests are queued, its keys hold a time far ` +
        `ahead (a bad value or a skewed clock); calls wait until their timeout or abort`,
    );
  }

  #free(pools: readonly RatePoolName[], slot: number): void {
    // A slot more than one interval late is gone: using it would bunch up with later requests.
    const stale = Math.min(...pools.map((pool) => this.#pools[pool].interval));
    let at = this.#freed.length;
    while (at > 0 && (this.#freed[at - 1] as FreedSlot).slot > slot) at--;
    this.#freed.splice(at, 0, { slot, pools, stale });
  }

  /**
   * The earliest slots given up by other requests that cover some of these pools: the latest of
   * them, the entries taken, and the pools none of them covers.
   */
  #takeFreed(
    pools: readonly RatePoolName[],
    now: number,
  ): { slot: number; rest: readonly RatePoolName[]; entries: FreedSlot[] } | undefined {
    this.#freed = this.#freed.filter((entry) => entry.slot >= now - entry.stale);
    let rest = pools;
    let slot = -Infinity;
    const entries: FreedSlot[] = [];
    while (rest.length > 0) {
      // The earliest entry covering the most of what is left.
      let best = -1;
      let most = 0;
      this.#freed.forEach((entry, i) => {
        const covered = rest.filter((pool) => entry.pools.includes(pool)).length;
        if (covered > most) [best, most] = [i, covered];
      });
      if (best < 0) break;
      const [entry] = this.#freed.splice(best, 1) as [FreedSlot];
      entries.push(entry);
      slot = Math.max(slot, entry.slot);
      rest = rest.filter((pool) => !entry.pools.includes(pool));
    }
    return entries.length === 0 ? undefined : { slot, rest, entries };
  }

  #throttled(pools: readonly RatePoolName[], response: Response, reservedAt: number): void {
    this.#rateLimited++;
    const now = this.#clock.now();
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"), now) ?? 1_000;
    for (const pool of pools) {
      const state = this.#pools[pool];
      state.blockedUntil = Math.max(state.blockedUntil, now + retryAfter);
      state.blockedAt = now;
      // One decrease per throttle: requests reserved before the last decrease say nothing new.
      if (this.#adaptive && reservedAt > state.since) {
        state.floor = Math.max(MIN_FACTOR, this.#factor(state, now) * DECREASE);
        state.since = now;
      }
    }
    // Slots given up before the 429 were planned at the old rate, and most fall in the block.
    this.#freed = this.#freed.filter((entry) => !entry.pools.some((pool) => pools.includes(pool)));
    const charges = this.#charges(pools, now);
    void this.#withStore((store) => store.block(this.#org, charges, retryAfter));
  }

  async #lock(
    resource: string,
    signal: AbortSignal,
  ): Promise<{ unlock: () => void; queued: boolean }> {
    const unlock = () => {
      const queue = this.#locks.get(resource);
      const next = queue?.shift();
      if (next !== undefined) next();
      else this.#locks.delete(resource);
    };
    const queue = this.#locks.get(resource);
    if (queue === undefined) {
      this.#locks.set(resource, []);
      return { unlock, queued: false };
    }
    signal.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = queue.indexOf(go);
        if (at >= 0) queue.splice(at, 1);
        reject(signal.reason);
      };
      const go = () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      };
      queue.push(go);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    return { unlock, queued: true };
  }

  /**
   * Runs a call on the shared store, each call on its own (a slow store slows calls down to its
   * latency, never queues them behind each other). A call that fails or takes `storeTimeout` hands
   * over to the local store; from then on calls pace locally at once, while one probe every few
   * seconds asks the shared store in the background until it answers again.
   */
  async #withStore<T>(call: (store: LimitStore) => Promise<T>): Promise<T> {
    // The default, local store decides synchronously, in call order.
    if (this.#store === this.#fallback) return await call(this.#fallback);
    if (this.#degraded) {
      this.#probe(call);
      return await call(this.#fallback);
    }
    const outage = this.#outage;
    try {
      return await withTimeout(call(this.#store), this.#storeTimeout);
    } catch (error) {
      if (outage === this.#outage) this.#failed(error);
      return await call(this.#fallback);
    }
  }

  #probe<T>(call: (store: LimitStore) => Promise<T>): void {
    if (this.#probing || this.#clock.now() < this.#nextProbe) return;
    this.#probing = true;
    // A probe's reservation goes unused: the shared pools count one request more, every few seconds.
    withTimeout(call(this.#store), this.#storeTimeout).then(
      () => {
        this.#probing = false;
        this.#degraded = false;
        this.#logger.warn("Rate-limit store answers again: pacing with it");
      },
      () => {
        this.#probing = false;
        this.#nextProbe = this.#clock.now() + STORE_RETRY_MS;
      },
    );
  }

  #failed(error: unknown): void {
    this.#outage++;
    this.#degraded = true;
    this.#nextProbe = this.#clock.now() + STORE_RETRY_MS;
    // One warning per outage: each new one after a recovery is worth an operator's look.
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    this.#logger.warn(
      `Rate-limit store failed, pacing in this process only until it answers: ${reason}`,
    );
  }
}

/** A slot an aborted wait gave up, for the next request drawing from any of its pools. */
interface FreedSlot {
  readonly slot: number;
  readonly pools: readonly RatePoolName[];
  /** How late it may still be used: the shortest interval of its pools. */
  readonly stale: number;
}

/** The promise's outcome, or the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * The path (and query) of a request's URL, without parsing it again: a Request's `url` is already
 * serialized, `scheme://authority/path…`, with no `/` in the authority.
 */
function pathOf(url: string): string {
  const authority = url.indexOf("//");
  const path = authority < 0 ? -1 : url.indexOf("/", authority + 2);
  return path < 0 ? new URL(url).pathname : url.slice(path);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the store did not answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
