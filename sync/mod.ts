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
 * @example Read an HR export and check it before planning
 * ```ts
 * import { checkSource, readUsersCsv } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const rows = readUsersCsv(
 *   "externalId,userName,email,givenName,familyName,manager,groups\n" +
 *     "E1,ada,ada@example.com,Ada,Lovelace,,Engineering\n" +
 *     "E2,grace,grace@example.com,Grace,Hopper,E1,Engineering;Navy\n",
 * );
 * assert.deepEqual(checkSource(rows), []);
 * assert.deepEqual(rows[1]?.user.groups, ["Engineering", "Navy"]);
 * ```
 *
 * @module
 */

export * from "./desired_user.ts";
export * from "./source_error.ts";
export * from "./read_users_csv.ts";
export * from "./read_users_json.ts";
export * from "./source_rows.ts";
export * from "./check_source.ts";
export * from "./state_store.ts";
export * from "./memory_state_store.ts";
export * from "./sync_history.ts";
export * from "./journal.ts";
export * from "./apply_sync.ts";
export * from "./format.ts";
export * from "./plan.ts";
export * from "./plan_error.ts";
export * from "./plan_file.ts";
export * from "./plan_sync.ts";
export * from "./target.ts";
