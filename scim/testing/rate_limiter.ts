/**
 * Slack's SCIM rate limits for the simulator: token buckets per pool, and one write at a time
 * per user or group.
 *
 * @module
 */

import {
  type RatePool,
  type RatePoolName,
  type RatePools,
  SLACK_RATE_LIMITS,
  slackRatePools,
} from "../../limits/slack_limits.ts";

// One definition of Slack's limits, in limits/: the simulator enforces the table the client paces to.
export { type RatePool, type RatePoolName, type RatePools, SLACK_RATE_LIMITS };

/**
 * Rate limits for the simulator. Every pool left out keeps Slack's numbers
 * ({@linkcode SLACK_RATE_LIMITS}), so `{}` is Slack's table.
 *
 * @example A minute of Slack in one second of a test clock
 * ```ts
 * import { SCIMApiError, SCIMClient } from "@org/slack-scim";
 * import { type RateLimitOptions, SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * let now = 0;
 * const rateLimits: RateLimitOptions = { userWrites: { perMinute: 60, burst: 1 }, timeScale: 60 };
 * const sim = new SlackScimSimulator({ rateLimits, clock: { now: () => now } });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const create = (userName: string) =>
 *   client.createUser({ userName, emails: [{ value: `${userName}@example.com` }] });
 * await create("ann");
 * await assert.rejects(create("bob"), SCIMApiError); // 429: the bucket is empty
 * now += 17; // a token per Slack second, so one per 1/60 s of the clock
 * assert.equal((await create("bob")).status, 201);
 * ```
 */
export interface RateLimitOptions extends Partial<RatePools> {
  /**
   * How many seconds of Slack pass in one second of the clock (default 1): 60 makes a minute of
   * Slack pass in one clock second, so buckets refill 60 times as fast and a test with an
   * injected clock runs "an hour of Slack" in a clock minute. `Retry-After` stays in clock seconds.
   */
  timeScale?: number;
  /** Whether an overlapping write to the same user or group is refused (default true). */
  locks?: boolean;
}

const POOL_NAMES = Object.keys(SLACK_RATE_LIMITS) as RatePoolName[];

/**
 * The request may go ahead; call `release()` once it is answered.
 *
 * @example A write holds its user until released
 * ```ts
 * import { type RateLimitAllowed, RateLimiter } from "./rate_limiter.ts";
 * import assert from "node:assert/strict";
 *
 * const limiter = new RateLimiter(true, { now: () => 0 });
 * const first = limiter.acquire("PUT", "/Users/U1");
 * assert.ok(first.allowed);
 * const allowed: RateLimitAllowed = first;
 * assert.equal(limiter.acquire("PATCH", "/Users/U1").allowed, false);
 * allowed.release();
 * assert.equal(limiter.acquire("PATCH", "/Users/U1").allowed, true);
 * ```
 */
export interface RateLimitAllowed {
  /** Always `true`. */
  readonly allowed: true;
  /** Frees the resource's write lock, if any; calling it again does nothing. */
  release(): void;
}

/**
 * The request must be answered with 429.
 *
 * @example An overlapping update of the same group
 * ```ts
 * import { type RateLimitDenied, RateLimiter } from "./rate_limiter.ts";
 * import assert from "node:assert/strict";
 *
 * const limiter = new RateLimiter(true, { now: () => 0 });
 * limiter.acquire("PATCH", "/Groups/G1"); // not released yet
 * const second = limiter.acquire("PATCH", "/Groups/G1");
 * assert.ok(!second.allowed);
 * const denied: RateLimitDenied = second;
 * assert.equal(denied.description, "resource_locked");
 * assert.equal(denied.reason, "lock");
 * assert.equal(denied.retryAfterSeconds, 1);
 * ```
 */
export interface RateLimitDenied {
  /** Always `false`. */
  readonly allowed: false;
  /** The `Retry-After` to send, in whole seconds, at least 1. */
  readonly retryAfterSeconds: number;
  /** Slack's error code: `too_many_requests`, or `resource_locked` for an update of a locked group. */
  readonly description: string;
  /** Why: a pool ran dry (the emptiest one is named) or another write holds the resource. */
  readonly reason: RatePoolName | "lock";
}

/**
 * The limiter's answer for one request.
 *
 * @example A burst of reads, then a refusal
 * ```ts
 * import { RateLimiter, type RateLimitVerdict } from "./rate_limiter.ts";
 * import assert from "node:assert/strict";
 *
 * const limiter = new RateLimiter({ reads: { perMinute: 60, burst: 3 } }, { now: () => 0 });
 * const verdicts: RateLimitVerdict[] = Array.from(
 *   { length: 4 },
 *   () => limiter.acquire("GET", "/Users"),
 * );
 * assert.deepEqual(verdicts.map((verdict) => verdict.allowed), [true, true, true, false]);
 * ```
 */
export type RateLimitVerdict = RateLimitAllowed | RateLimitDenied;

interface Bucket {
  readonly capacity: number;
  /** Tokens per clock millisecond. */
  readonly refill: number;
  tokens: number;
  updatedAt: number;
}

// Float refills can land a hair below a whole token when requests arrive exactly on the rate.
const EPSILON = 1e-9;

/**
 * Slack's rate limits as token buckets, one per pool, full at the start. A request takes a token
 * from every pool that applies to it, or from none if any of them is empty; then it is refused
 * with `Retry-After` = the seconds until the emptiest of them has a token again (rounded up, at
 * least 1). A write to `Users/{id}` or `Groups/{id}` also holds that resource until `release()`:
 * an overlapping write is refused with `Retry-After: 1` (`resource_locked` for a group update,
 * `too_many_requests` otherwise), taking no tokens.
 *
 * @example A burst of user writes, then a 429
 * ```ts
 * import { RateLimiter } from "./rate_limiter.ts";
 * import assert from "node:assert/strict";
 *
 * let now = 0;
 * const limiter = new RateLimiter(true, { now: () => now });
 * for (let i = 0; i < 20; i++) {
 *   const verdict = limiter.acquire("POST", "/Users");
 *   assert.equal(verdict.allowed, true);
 *   if (verdict.allowed) verdict.release();
 * }
 * const refused = limiter.acquire("POST", "/Users");
 * assert.deepEqual(
 *   refused,
 *   { allowed: false, retryAfterSeconds: 1, description: "too_many_requests", reason: "userWrites" },
 * );
 * now += 334; // 180 per minute: a token every third of a second
 * assert.equal(limiter.acquire("POST", "/Users").allowed, true);
 * ```
 */
export class RateLimiter {
  #buckets: Map<RatePoolName, Bucket> = new Map();
  #clock: { now(): number };
  #locks: Set<string> | undefined;

  /**
   * Creates the limiter with every bucket full.
   *
   * @param options `true` or `"slack"` for Slack's numbers, or custom pools and a time scale.
   * @param clock The simulator's clock, in milliseconds.
   */
  constructor(options: RateLimitOptions | true | "slack", clock: { now(): number }) {
    const custom: RateLimitOptions = typeof options === "object" ? options : {};
    const timeScale = custom.timeScale ?? 1;
    if (!(Number.isFinite(timeScale) && timeScale > 0)) {
      throw new RangeError(`Cannot limit rates: timeScale "${timeScale}" is not a positive number`);
    }
    this.#clock = clock;
    const start = clock.now();
    for (const name of POOL_NAMES) {
      const pool = custom[name] ?? SLACK_RATE_LIMITS[name];
      checkPool(name, pool);
      this.#buckets.set(name, {
        capacity: pool.burst,
        refill: (pool.perMinute / 60_000) * timeScale,
        tokens: pool.burst,
        updatedAt: start,
      });
    }
    this.#locks = custom.locks === false ? undefined : new Set();
  }

  /**
   * Asks to let one request through now.
   *
   * @param method The HTTP method.
   * @param path The path after the base URL, such as `"/Users/U123"`, without the query. The id
   * may be percent-encoded: the lock is on the decoded id.
   * @returns Allowed (with `release()`), or refused with the `Retry-After` and Slack's error code.
   */
  acquire(method: string, path: string): RateLimitVerdict {
    const upper = method.toUpperCase();
    // The client's limiter classifies with the same function: both agree on every request's pools.
    const { pools, resource: lock } = slackRatePools(upper, path);
    const now = this.#clock.now();
    const buckets = pools.map((name) => {
      const bucket = this.#buckets.get(name) as Bucket;
      refill(bucket, now);
      return { name, bucket };
    });

    if (lock !== undefined && this.#locks?.has(lock)) {
      const groupUpdate = pools.includes("groupUpdates");
      return Object.freeze({
        allowed: false,
        retryAfterSeconds: 1,
        description: groupUpdate ? "resource_locked" : "too_many_requests",
        reason: "lock",
      });
    }

    let emptiest: { name: RatePoolName; waitMs: number } | undefined;
    for (const { name, bucket } of buckets) {
      if (bucket.tokens >= 1 - EPSILON) continue;
      const waitMs = (1 - bucket.tokens) / bucket.refill;
      if (emptiest === undefined || waitMs > emptiest.waitMs) emptiest = { name, waitMs };
    }
    if (emptiest !== undefined) {
      return Object.freeze({
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(emptiest.waitMs / 1000)),
        description: "too_many_requests",
        reason: emptiest.name,
      });
    }

    for (const { bucket } of buckets) bucket.tokens = Math.max(0, bucket.tokens - 1);
    if (lock === undefined || this.#locks === undefined) {
      return Object.freeze({ allowed: true, release: () => {} });
    }
    const locks = this.#locks as Set<string>;
    locks.add(lock);
    let held = true;
    return Object.freeze({
      allowed: true,
      release: () => {
        if (held) locks.delete(lock);
        held = false;
      },
    });
  }
}

function checkPool(name: string, pool: RatePool): void {
  const { perMinute, burst } = pool;
  if (!(Number.isFinite(perMinute) && perMinute > 0)) {
    throw new RangeError(
      `Cannot limit rates: ${name}.perMinute "${perMinute}" is not a positive number`,
    );
  }
  if (!(Number.isInteger(burst) && burst >= 1)) {
    throw new RangeError(`Cannot limit rates: ${name}.burst "${burst}" is not a positive integer`);
  }
}

function refill(bucket: Bucket, now: number): void {
  // A clock that goes back (a test resetting it) refills nothing rather than draining.
  const elapsed = Math.max(0, now - bucket.updatedAt);
  bucket.tokens = Math.min(bucket.capacity, bucket.tokens + elapsed * bucket.refill);
  bucket.updatedAt = Math.max(bucket.updatedAt, now);
}
