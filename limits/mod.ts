/**
 * Pacing to Slack's SCIM rate limits: {@linkcode SlackRateLimiter} waits for every pool a request
 * draws from (the org's and the endpoint's, bursts included), keeps one write at a time per user
 * or group, and slows down on 429s. Its state lives in a {@linkcode LimitStore}: in memory by
 * default, or shared by processes through Redis (`@org/slack-scim/limits/redis`) or Deno KV
 * (`@org/slack-scim/limits/deno-kv`).
 *
 * @example A client paced to Slack's limits, against the simulator enforcing them
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { SLACK_RATE_LIMITS, SlackRateLimiter } from "@org/slack-scim/limits";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ rateLimits: true });
 * const limiter = new SlackRateLimiter({ limits: SLACK_RATE_LIMITS, org: "acme" });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: limiter });
 * const names = Array.from({ length: 10 }, (_, i) => `user${i}`);
 * await Promise.all(names.map((userName) =>
 *   client.createUser({ userName, emails: [{ value: `${userName}@example.com` }] })
 * ));
 * assert.equal(sim.requests.filter((request) => request.status === 429).length, 0);
 * ```
 *
 * @module
 */

export type { Clock } from "../retry/clock.ts";
export type { Logger } from "../retry/logger.ts";
// Not RATE_POOL_NAMES nor checkRatePools: the limiter's own (it checks the table it is given).
export {
  type RatePool,
  type RatePoolName,
  type RatePools,
  SLACK_RATE_LIMITS,
  slackRatePools,
  type SlackRequestPools,
} from "./slack_limits.ts";
export * from "./store.ts";
export * from "./memory_store.ts";
export * from "./slack_rate_limiter.ts";
