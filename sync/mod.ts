/**
 * The sync engine: make Slack's users and IdP groups match a source of truth (an HR export, a
 * directory) with `planSync` (a reviewable, checksummed plan, guarded against mass
 * deactivation) and `applySync` (journaled, resumable, one apply per org at a time), through
 * `SCIMClient` (v1) or `SCIM2Client` (v2) alike.
 *
 * @example Plan, review, apply
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { applySync, formatPlanSummary, planSync } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan = await planSync(client, [
 *   { externalId: "E1", userName: "ada", email: "ada@example.com", groups: ["eng"] },
 * ], { targetOnly: "report", limits: { deactivations: 10 } });
 * console.log(formatPlanSummary(plan));
 * const report = await applySync(client, plan);
 * assert.equal(report.status, "applied");
 * ```
 *
 * @module
 */

export * from "./apply_sync.ts";
export * from "./format.ts";
export * from "./plan.ts";
export * from "./plan_error.ts";
export * from "./plan_file.ts";
export * from "./plan_sync.ts";
export * from "./target.ts";
