/**
 * A {@linkcode LimitStore} on Redis, so that processes and hosts of one org share one budget. It
 * takes your Redis client (node-redis v4 or later, or ioredis): the library adds no dependency and
 * this module runs wherever your client does.
 *
 * Each decision is one Lua script: it reads the server's clock (`TIME`, so the hosts' clocks do not
 * matter), decides for every pool of the request at once, and writes the new times with a TTL, so
 * no two processes ever race past a limit and idle keys disappear.
 *
 * @example Two limiters (as in two processes) sharing one Redis budget
 * ```ts ignore
 * import { createClient } from "redis";
 * import { SCIMClient } from "@org/slack-scim";
 * import { SlackRateLimiter } from "@org/slack-scim/limits";
 * import { RedisLimitStore } from "@org/slack-scim/limits/redis";
 *
 * const redis = await createClient({ url: "redis://127.0.0.1:6379" }).connect();
 * const rateLimiter = new SlackRateLimiter({ store: new RedisLimitStore(redis), org: "acme" });
 * const client = new SCIMClient({ token: "xoxp-…", fetch: rateLimiter.wrap(fetch) });
 * ```
 *
 * @module
 */

import type { LimitStore, PoolCharge } from "./store.ts";

export type { LimitStore, PoolCharge };

/**
 * The scripting commands of node-redis (v4, v5): `eval` and `evalSha` with `{ keys, arguments }`.
 *
 * @example A node-redis client is one
 * ```ts ignore
 * import { createClient } from "redis";
 * import type { NodeRedisScripting } from "@org/slack-scim/limits/redis";
 *
 * const client: NodeRedisScripting = await createClient().connect();
 * ```
 */
export interface NodeRedisScripting {
  /** `EVAL`. */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  /** `EVALSHA`. */
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * The scripting commands of ioredis: `eval` and `evalsha` with the key count and a flat list.
 *
 * @example An ioredis client is one
 * ```ts ignore
 * import Redis from "ioredis";
 * import type { IORedisScripting } from "@org/slack-scim/limits/redis";
 *
 * const client: IORedisScripting = new Redis();
 * ```
 */
export interface IORedisScripting {
  /** `EVAL`. */
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  /** `EVALSHA`. */
  evalsha(sha1: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/**
 * Options of {@linkcode RedisLimitStore}.
 *
 * @example Keys under the app's own prefix
 * ```ts
 * import { RedisLimitStore, type RedisLimitStoreOptions } from "@org/slack-scim/limits/redis";
 * import assert from "node:assert/strict";
 *
 * const options: RedisLimitStoreOptions = { prefix: "hr-sync:limits" };
 * const store = new RedisLimitStore({ eval: () => Promise.resolve("0"), evalSha: () => Promise.resolve("0") }, options);
 * assert.equal(store.prefix, "hr-sync:limits");
 * ```
 */
export interface RedisLimitStoreOptions {
  /** The start of every key. Default `"slack-scim:limits"`. Keys read `<prefix>:{<org>}:<pool>:tat`. */
  prefix?: string;
}

// KEYS: per pool, its time key then its block key. ARGV: op, ms (block), then per pool interval,
// tolerance. Times are ms on the server's clock; replies are strings (Redis would truncate numbers).
// A key holding anything but a finite number (garbage, another type) counts as absent and is
// overwritten by the decision, so one bad write does not disable sharing for good.
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local op = ARGV[1]
local n = #KEYS / 2
local function get(key)
  local raw = redis.pcall('GET', key)
  if type(raw) ~= 'string' then return now end
  local value = tonumber(raw)
  if value == nil or value ~= value or value == math.huge or value == -math.huge then return now end
  return value
end
local function put(key, value)
  local ttl = math.ceil(value - now) + 1000
  redis.call('SET', key, string.format('%.3f', value), 'PX', ttl)
end
if op == 'reserve' then
  local slot = now
  for i = 1, n do
    slot = math.max(slot, get(KEYS[2 * i - 1]) - tonumber(ARGV[2 + 2 * i]), get(KEYS[2 * i]))
  end
  for i = 1, n do
    put(KEYS[2 * i - 1], math.max(get(KEYS[2 * i - 1]), slot) + tonumber(ARGV[1 + 2 * i]))
    if redis.call('EXISTS', KEYS[2 * i]) == 1 and get(KEYS[2 * i]) == now then
      redis.call('DEL', KEYS[2 * i])
    end
  end
  return string.format('%.3f', slot - now)
elseif op == 'block' then
  local untilT = now + tonumber(ARGV[2])
  for i = 1, n do
    put(KEYS[2 * i - 1], math.max(get(KEYS[2 * i - 1]), untilT + tonumber(ARGV[2 + 2 * i])))
    put(KEYS[2 * i], math.max(get(KEYS[2 * i]), untilT))
  end
end
return '0'
`;

let scriptSha: Promise<string> | undefined;

function sha1(text: string): Promise<string> {
  scriptSha ??= crypto.subtle.digest("SHA-1", new TextEncoder().encode(text)).then((digest) =>
    [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("")
  );
  return scriptSha;
}

/**
 * Keeps the limiter's pools in Redis: one Lua script per decision, on the server's clock, keys with
 * a TTL. Give every process of an org a `SlackRateLimiter` with the same `org` on a store over the
 * same Redis, and together they stay within Slack's limits.
 *
 * Errors of the client (Redis down) are thrown to the limiter, which then paces locally at once
 * (one warning per outage) and probes Redis in the background; with node-redis, disable its offline
 * queue or each probe waits the limiter's `storeTimeout`. A key holding anything but a number is
 * taken as an empty pool and overwritten; a time far ahead is kept (it may be a long queue), and
 * the limiter warns once when Redis asks for a wait over 10 minutes: delete
 * `<prefix>:{<org>}:*` if no queue explains it.
 *
 * @example With a client that runs the script (here a stand-in answering "wait 250 ms")
 * ```ts
 * import { RedisLimitStore } from "@org/slack-scim/limits/redis";
 * import assert from "node:assert/strict";
 *
 * const calls: string[][] = [];
 * const client = {
 *   eval: () => Promise.reject(new Error("not used")),
 *   evalSha: (_sha: string, options: { keys: string[]; arguments: string[] }) => {
 *     calls.push(options.keys);
 *     return Promise.resolve("250.000");
 *   },
 * };
 * const store = new RedisLimitStore(client);
 * const wait = await store.reserve("acme", [{ pool: "userWrites", interval: 333, tolerance: 0 }]);
 * assert.equal(wait, 250);
 * assert.deepEqual(calls, [[
 *   "slack-scim:limits:{acme}:userWrites:tat",
 *   "slack-scim:limits:{acme}:userWrites:block",
 * ]]);
 * ```
 */
export class RedisLimitStore implements LimitStore {
  /** The start of every key. */
  readonly prefix: string;
  #run: (sha: string, keys: string[], args: string[]) => Promise<unknown>;
  #load: (keys: string[], args: string[]) => Promise<unknown>;

  /**
   * Creates the store on a connected client.
   *
   * @param client A node-redis (v4+) or ioredis client, or anything with their `eval`/`evalSha`.
   * @param options The key prefix.
   * @throws {TypeError} When the client has neither `evalSha` (node-redis) nor `evalsha` (ioredis).
   */
  constructor(
    client: NodeRedisScripting | IORedisScripting,
    options: RedisLimitStoreOptions = {},
  ) {
    this.prefix = options.prefix ?? "slack-scim:limits";
    if (typeof (client as NodeRedisScripting).evalSha === "function") {
      const redis = client as NodeRedisScripting;
      this.#run = (sha, keys, args) => redis.evalSha(sha, { keys, arguments: args });
      this.#load = (keys, args) => redis.eval(SCRIPT, { keys, arguments: args });
    } else if (typeof (client as IORedisScripting).evalsha === "function") {
      const redis = client as IORedisScripting;
      this.#run = (sha, keys, args) => redis.evalsha(sha, keys.length, ...keys, ...args);
      this.#load = (keys, args) => redis.eval(SCRIPT, keys.length, ...keys, ...args);
    } else {
      throw new TypeError(
        "Cannot use this Redis client: it has neither evalSha (node-redis) nor evalsha (ioredis)",
      );
    }
  }

  /**
   * Reserves the earliest slot every pool admits, on the server's clock.
   *
   * @param org The org's name.
   * @param charges The pools.
   * @returns Milliseconds until the slot.
   */
  async reserve(org: string, charges: readonly PoolCharge[]): Promise<number> {
    const reply = await this.#script("reserve", 0, org, charges);
    const wait = Number(reply);
    if (!Number.isFinite(wait)) {
      throw new TypeError(`Cannot read the Redis script's answer: "${String(reply).slice(0, 40)}"`);
    }
    return Math.max(0, wait);
  }

  /**
   * Admits nothing in these pools for `ms`, for every process on this Redis.
   *
   * @param org The org's name.
   * @param charges The pools.
   * @param ms Milliseconds.
   */
  async block(org: string, charges: readonly PoolCharge[], ms: number): Promise<void> {
    await this.#script("block", ms, org, charges);
  }

  async #script(
    op: string,
    ms: number,
    org: string,
    charges: readonly PoolCharge[],
  ): Promise<unknown> {
    // The {org} hash tag keeps one org's keys in one slot of a Redis Cluster.
    const keys = charges.flatMap(({ pool }) => [
      `${this.prefix}:{${org}}:${pool}:tat`,
      `${this.prefix}:{${org}}:${pool}:block`,
    ]);
    const args = [
      op,
      String(ms),
      ...charges.flatMap(({ interval, tolerance }) => [String(interval), String(tolerance)]),
    ];
    try {
      return await this.#run(await sha1(SCRIPT), keys, args);
    } catch (error) {
      // The server does not have the script yet (or lost it on restart): EVAL loads it.
      if (!/NOSCRIPT/i.test(error instanceof Error ? error.message : String(error))) throw error;
      return await this.#load(keys, args);
    }
  }
}
