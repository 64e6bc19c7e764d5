/**
 * Slack's SCIM rate limits: the pools table and which pools a request draws from.
 *
 * @example Slack's user-write pool
 * ```ts
 * import { SLACK_RATE_LIMITS } from "@org/slack-scim/limits";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(SLACK_RATE_LIMITS.userWrites, { perMinute: 180, burst: 20 });
 * ```
 *
 * @module
 */

export * from "./slack_limits.ts";
