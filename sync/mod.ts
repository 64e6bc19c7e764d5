/**
 * The sync engine: make Slack's users and IdP groups match a source of truth (an HR export, a
 * directory). Read the source (CSV, JSON, JSONL, or code), check it, plan, review, apply, resume.
 * What must outlive one run (the journal, the lock, the history) lives in a
 * {@linkcode SyncStateStore}: in memory here, in a file (`@org/slack-scim/sync/file`), Redis
 * (`@org/slack-scim/sync/redis`) or Deno KV (`@org/slack-scim/sync/deno-kv`).
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
