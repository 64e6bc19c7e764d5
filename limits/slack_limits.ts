/**
 * Slack's SCIM rate limits: one table of pools, and which pools a request draws from. The
 * limiter ({@linkcode SlackRateLimiter}) and the simulator (`@org/slack-scim/testing`) both read
 * it, so a test that scales one side scales the other alike.
 *
 * @module
 */

import { quote } from "../common/quote.ts";

/**
 * One pool: a sustained rate and how many requests may come at once.
 *
 * @example A tight pool for user writes, so a test reaches the 429 after two creates
 * ```ts
 * import { SCIMApiError, SCIMClient } from "@org/slack-scim";
 * import type { RatePool } from "@org/slack-scim/limits";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const userWrites: RatePool = { perMinute: 60, burst: 2 };
 * const sim = new SlackScimSimulator({ rateLimits: { userWrites }, clock: { now: () => 0 } });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const create = (userName: string) =>
 *   client.createUser({ userName, emails: [{ value: `${userName}@example.com` }] });
 * await create("ann");
 * await create("bob");
 * await assert.rejects(
 *   create("cal"),
 *   (error) => error instanceof SCIMApiError && error.status === 429 && error.retryAfter === 1000,
 * );
 * ```
 */
export interface RatePool {
  /** Requests per minute, refilled continuously. */
  perMinute: number;
  /** The bucket's size: how many requests may come back to back after a quiet spell. */
  burst: number;
}

/**
 * The pools of Slack's table; a request must pass every pool that applies to it.
 *
 * @example Slack's table at a tenth of its size
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { type RatePools, SLACK_RATE_LIMITS } from "@org/slack-scim/limits";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const tenth = Object.fromEntries(
 *   Object.entries(SLACK_RATE_LIMITS).map(([name, pool]) => [
 *     name,
 *     { perMinute: pool.perMinute / 10, burst: Math.ceil(pool.burst / 10) },
 *   ]),
 * ) as unknown as RatePools;
 * assert.deepEqual(tenth.userWrites, { perMinute: 18, burst: 2 });
 *
 * const sim = new SlackScimSimulator({ users: 1, rateLimits: tenth, clock: { now: () => 0 } });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const id = (await client.searchUsers()).users[0]!.id!;
 * for (const title of ["A", "B", "C"]) await client.patchUser(id, { title }).catch(() => {});
 * assert.deepEqual(sim.requests.map((request) => request.status), [200, 200, 200, 429]);
 * ```
 */
export interface RatePools {
  /** All writes (POST, PUT, PATCH, DELETE) of the org. */
  writes: RatePool;
  /** All reads (GET) of the org. */
  reads: RatePool;
  /** GET `Users/{id}` and GET `Groups/{id}`. */
  readOne: RatePool;
  /** POST, PUT, PATCH and DELETE on `Users`. */
  userWrites: RatePool;
  /** POST and DELETE on `Groups`. */
  groupCreateDelete: RatePool;
  /** PUT and PATCH on `Groups/{id}`. */
  groupUpdates: RatePool;
}

/**
 * The name of one pool of {@linkcode RatePools}.
 *
 * @example The pools a user update draws from
 * ```ts
 * import { type RatePoolName, slackRatePools } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * const pools: readonly RatePoolName[] = slackRatePools("PATCH", "Users/U1").pools;
 * assert.deepEqual(pools, ["writes", "userWrites"]);
 * ```
 */
export type RatePoolName = keyof RatePools;

/**
 * Slack's published SCIM rate limits (per org, shared by every app).
 *
 * @example The org-wide write pool
 * ```ts
 * import { SLACK_RATE_LIMITS } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(SLACK_RATE_LIMITS.writes, { perMinute: 600, burst: 180 });
 * ```
 */
export const SLACK_RATE_LIMITS: Readonly<RatePools> = Object.freeze({
  writes: Object.freeze({ perMinute: 600, burst: 180 }),
  reads: Object.freeze({ perMinute: 1000, burst: 1000 }),
  readOne: Object.freeze({ perMinute: 300, burst: 300 }),
  userWrites: Object.freeze({ perMinute: 180, burst: 20 }),
  groupCreateDelete: Object.freeze({ perMinute: 180, burst: 20 }),
  groupUpdates: Object.freeze({ perMinute: 180, burst: 80 }),
});

/**
 * The names of Slack's pools, in the table's order.
 *
 * @example Every pool has a rate
 * ```ts
 * import { RATE_POOL_NAMES, SLACK_RATE_LIMITS } from "./slack_limits.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(RATE_POOL_NAMES.every((name) => SLACK_RATE_LIMITS[name].perMinute > 0));
 * ```
 */
export const RATE_POOL_NAMES: readonly RatePoolName[] = Object.freeze(
  Object.keys(SLACK_RATE_LIMITS) as RatePoolName[],
);

/**
 * What one request draws from Slack's limits.
 *
 * @example A group's member update
 * ```ts
 * import { type SlackRequestPools, slackRatePools } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * const drawn: SlackRequestPools = slackRatePools("PATCH", "Groups/S1");
 * assert.deepEqual(drawn, { pools: ["writes", "groupUpdates"], resource: "Groups/S1" });
 * ```
 */
export interface SlackRequestPools {
  /** Every pool the request must pass (the org pool and the endpoint's). */
  readonly pools: readonly RatePoolName[];
  /** For a write to one user or group, `Users/{id}` or `Groups/{id}` (id decoded): one at a time. */
  readonly resource?: string;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Classifies a request into Slack's pools, as Slack counts it: reads are `reads` (and `readOne`
 * for `Users/{id}` or `Groups/{id}`), writes are `writes` and the endpoint's own pool; a write to
 * one user or group also names that resource, since Slack lets only one write at a time touch it.
 *
 * @param method The HTTP method, in any case.
 * @param path The path after the version (`Users/U1`, `/Groups`), or a whole URL path such as
 * `/scim/v2/Users/U1` (everything up to `/scim/vN/` is ignored). The query is ignored.
 * @returns The pools, and the resource a write holds.
 *
 * @example Reads, writes and locks
 * ```ts
 * import { slackRatePools } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(slackRatePools("GET", "/scim/v1/Users?count=5").pools, ["reads"]);
 * assert.deepEqual(slackRatePools("GET", "/scim/v2/Groups/S1").pools, ["reads", "readOne"]);
 * assert.deepEqual(slackRatePools("POST", "Groups"), { pools: ["writes", "groupCreateDelete"] });
 * assert.equal(slackRatePools("DELETE", "/scim/v1/Users/%55123").resource, "Users/U123");
 * ```
 */
export function slackRatePools(method: string, path: string): SlackRequestPools {
  const upper = method.toUpperCase();
  let rest = path.split(/[?#]/, 1)[0] ?? "";
  const version = /\/scim\/v\d+\//.exec(rest);
  if (version !== null) rest = rest.slice(version.index + version[0].length);
  const segments = rest.split("/").filter((segment) => segment !== "");
  // Behind a proxy with another prefix: the last Users or Groups segment names the endpoint.
  const at = Math.max(segments.lastIndexOf("Users"), segments.lastIndexOf("Groups"));
  const [resource, rawId, extra] = at >= 0 && version === null ? segments.slice(at) : segments;
  const entity = resource === "Users" || resource === "Groups";
  const id = entity && rawId !== undefined && extra === undefined ? decodeId(rawId) : undefined;
  if (upper === "GET" || upper === "HEAD") {
    return { pools: id !== undefined ? ["reads", "readOne"] : ["reads"] };
  }
  if (!WRITE_METHODS.has(upper)) return { pools: [] };
  const pools: RatePoolName[] = resource === "Users"
    ? ["writes", "userWrites"]
    : resource === "Groups"
    ? (upper === "POST" || upper === "DELETE"
      ? ["writes", "groupCreateDelete"]
      : ["writes", "groupUpdates"])
    : ["writes"];
  return id === undefined ? { pools } : { pools, resource: `${resource}/${id}` };
}

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Whether a name holds something shaped like a Slack token (`xoxp-…`, `xoxb-…`, `xoxe.xoxp-…`)
 * anywhere in it: such a name is refused without being quoted.
 *
 * @param name The name to check.
 * @returns `true` when a token may be in it.
 *
 * @example An org name with a token in the middle
 * ```ts
 * import { looksLikeToken } from "./slack_limits.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(looksLikeToken("prod:xoxp-1-2"), true);
 * assert.equal(looksLikeToken("acme-prod"), false);
 * ```
 */
export function looksLikeToken(name: string): boolean {
  return /xox[a-z]{0,2}[-.]/i.test(name);
}

/**
 * Checks a pools table: only the pools of {@linkcode RATE_POOL_NAMES} (a misspelled name would
 * otherwise be ignored), each an object whose rate is a positive number and whose burst a
 * positive integer.
 *
 * @param limits The table, complete or partial.
 * @throws {TypeError} For a table or pool that is not an object, or a pool name Slack does not
 * have (the message lists the known names).
 * @throws {RangeError} Naming the first bad rate or burst.
 *
 * @example A burst of zero, and a misspelled pool, are refused
 * ```ts
 * import { checkRatePools } from "./slack_limits.ts";
 * import assert from "node:assert/strict";
 *
 * checkRatePools({ reads: { perMinute: 60, burst: 1 } });
 * assert.throws(() => checkRatePools({ reads: { perMinute: 60, burst: 0 } }), RangeError);
 * assert.throws(
 *   () => checkRatePools({ userwrites: { perMinute: 60, burst: 1 } } as never),
 *   /unknown pool "userwrites".*userWrites/,
 * );
 * ```
 */
export function checkRatePools(limits: Partial<RatePools>): void {
  if (typeof limits !== "object" || limits === null || Array.isArray(limits)) {
    throw new TypeError(
      `Cannot limit rates: limits ${quote(limits)} is not an object of pools (${
        RATE_POOL_NAMES.join(", ")
      })`,
    );
  }
  for (const name of Object.keys(limits)) {
    if (!(RATE_POOL_NAMES as readonly string[]).includes(name)) {
      const shown = looksLikeToken(name) ? "(a name that looks like a token)" : quote(name);
      throw new TypeError(
        `Cannot limit rates: unknown pool ${shown}; the pools are ${RATE_POOL_NAMES.join(", ")}`,
      );
    }
  }
  for (const name of RATE_POOL_NAMES) {
    const pool: unknown = limits[name];
    if (pool === undefined) continue;
    if (typeof pool !== "object" || pool === null) {
      throw new TypeError(
        `Cannot limit rates: ${name} ${quote(pool)} is not a pool ({ perMinute, burst })`,
      );
    }
    const { perMinute, burst } = pool as Partial<RatePool>;
    if (!(typeof perMinute === "number" && Number.isFinite(perMinute) && perMinute > 0)) {
      throw new RangeError(
        `Cannot limit rates: ${name}.perMinute ${quote(perMinute)} is not a positive number`,
      );
    }
    if (!(typeof burst === "number" && Number.isInteger(burst) && burst >= 1)) {
      throw new RangeError(
        `Cannot limit rates: ${name}.burst ${quote(burst)} is not a positive integer`,
      );
    }
  }
}
