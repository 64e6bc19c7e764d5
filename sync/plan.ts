/**
 * The plan of a sync: what {@linkcode planSync} decided and {@linkcode applySync} carries out,
 * exactly as reviewed.
 *
 * @module
 */

import type { RatePoolName } from "../limits/slack_limits.ts";
import type { NewTargetUser, UserChanges } from "./target.ts";
import type { SyncHistory } from "./sync_history.ts";

/**
 * What one operation does.
 *
 * - `createUser`: POST Users with the externalId; `reactivateUser`: PATCH with `active: true`
 *   and any changed attributes, same id; `updateUser`: one PATCH with every changed attribute;
 *   `deactivateUser`: DELETE Users/{id}; `setManager`: a PATCH of the manager once both users
 *   exist; `createGroup`, `addMembers`, `removeMembers` (the membership engine, at most 5,000
 *   members a call), `deleteGroup`.
 *
 * @example Every kind
 * ```ts
 * import type { OperationKind } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const kinds: OperationKind[] = ["createUser", "updateUser", "reactivateUser", "deactivateUser",
 *   "setManager", "createGroup", "addMembers", "removeMembers", "deleteGroup"];
 * assert.equal(new Set(kinds).size, 9);
 * ```
 */
export type OperationKind =
  | "createUser"
  | "updateUser"
  | "reactivateUser"
  | "deactivateUser"
  | "createGroup"
  | "addMembers"
  | "removeMembers"
  | "setManager"
  | "deleteGroup";

/**
 * One operation of a plan. A user or group made by an earlier operation of the same plan is
 * named by that operation's id (`"op-0003"`), in `target`, `manager` and `members`, and resolved
 * to its Slack id when applied.
 *
 * @example An update of one user
 * ```ts
 * import type { SyncOperation } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const op: SyncOperation = {
 *   id: "op-0001",
 *   kind: "updateUser",
 *   target: "W0123ABC",
 *   externalId: "E1",
 *   label: "ada",
 *   changes: { title: "Engineer" },
 * };
 * assert.equal(op.changes?.title, "Engineer");
 * ```
 */
export interface SyncOperation {
  /** Stable id, `op-0001` onwards, in dependency order. */
  id: string;
  /** What it does. */
  kind: OperationKind;
  /** The Slack id of the user or group it writes (or the id of the operation creating it). */
  target?: string;
  /** The source row's externalId, for user operations. */
  externalId?: string;
  /** For people: the userName or the group's display name. */
  label: string;
  /** Ids of operations that must have succeeded first. */
  after?: string[];
  /** `createUser`: the whole new user. */
  user?: NewTargetUser;
  /** `updateUser`, `reactivateUser`: the attributes to write. */
  changes?: UserChanges;
  /** `setManager`: the manager's Slack id or the id of the operation creating it. */
  manager?: string;
  /** `createGroup`: the display name. */
  displayName?: string;
  /** `createGroup`, `addMembers`, `removeMembers`: user ids or ids of creating operations. */
  members?: string[];
}

/**
 * One guard's verdict: the count found against its limit.
 *
 * @example A guard that blocks
 * ```ts
 * import type { GuardResult } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const guard: GuardResult = {
 *   name: "deactivations",
 *   actual: 11,
 *   limit: 10,
 *   blocked: true,
 *   message: "11 deactivations exceed the limit of 10",
 * };
 * assert.ok(guard.blocked);
 * ```
 */
export interface GuardResult {
  /** Which guard. */
  name:
    | "deactivations"
    | "deactivationsPercent"
    | "membershipRemovals"
    | "membershipRemovalsPercent"
    | "groupDeletions"
    | "groupDeletionsPercent"
    | "sourceShrinkPercent";
  /** The count (or percentage) the plan would reach. */
  actual: number;
  /** The limit it is held to. */
  limit: number;
  /** Whether it is over the limit. */
  blocked: boolean;
  /** A sentence for people. */
  message: string;
}

/**
 * The counts of a plan, its calls per rate pool and its ETA.
 *
 * @example Read a summary
 * ```ts
 * import type { PlanSummary } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const summary: PlanSummary = {
 *   creates: 1, updates: 0, reactivations: 0, deactivations: 0, managerChanges: 0,
 *   membershipAdds: 1, membershipRemoves: 0, groupCreates: 0, groupDeletes: 0,
 *   unchanged: 9, protected: 0, operations: 2, reported: [],
 *   calls: { reads: 2, writes: 2, userWrites: 1, groupUpdates: 1 }, etaSeconds: 0,
 * };
 * assert.equal(summary.operations, 2);
 * ```
 */
export interface PlanSummary {
  /** Users created. */
  creates: number;
  /** Users changed (one PATCH each). */
  updates: number;
  /** Deactivated users made active again (same id). */
  reactivations: number;
  /** Users deactivated. */
  deactivations: number;
  /** Managers set after creates. */
  managerChanges: number;
  /** Memberships added (users, not calls). */
  membershipAdds: number;
  /** Memberships removed (users, not calls). */
  membershipRemoves: number;
  /** Groups created. */
  groupCreates: number;
  /** Groups deleted. */
  groupDeletes: number;
  /** Matched users left as they are. */
  unchanged: number;
  /** Matched or target-only users on the protect list, never written. */
  protected: number;
  /** Operations in the plan. */
  operations: number;
  /** With `targetOnly: "report"` (or accounts a sync may not deactivate): `userName (id)`. */
  reported: string[];
  /** Calls an apply makes per rate pool, the re-read included. */
  calls: Partial<Record<RatePoolName, number>>;
  /** Seconds an apply should take at Slack's limits and the budget share. */
  etaSeconds: number;
}

/**
 * A plan: serializable, versioned, checksummed ({@linkcode serializePlan}), applied exactly
 * as reviewed by {@linkcode applySync}.
 *
 * @example The shape of an empty plan
 * ```ts
 * import { planSync, type SyncPlan } from "@org/slack-scim/sync";
 * import { SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan: SyncPlan = await planSync(client, [
 *   { externalId: "E1", userName: "ada", email: "ada@example.com" },
 * ]);
 * assert.equal(plan.format, "slack-scim-plan");
 * assert.equal(plan.operations[0]?.kind, "createUser");
 * ```
 */
export interface SyncPlan {
  /** Always `"slack-scim-plan"`. */
  format: "slack-scim-plan";
  /** The plan format's version: 1. */
  version: 1;
  /** A random id; the journal of its apply is kept under it. */
  id: string;
  /** When it was made (ISO 8601). */
  createdAt: string;
  /** The client's API version; a plan is applied with the same version. */
  api: "v1" | "v2";
  /** The org (state store namespace). */
  org?: string;
  /** The operations, in dependency order. */
  operations: SyncOperation[];
  /** Fingerprint of what was observed per account or group touched (`new:<externalId>` for creates). */
  observed: Record<string, string>;
  /** Counts, calls and ETA. */
  summary: PlanSummary;
  /** Every guard's verdict. */
  guards: GuardResult[];
  /** Whether a guard is over its limit (and destructive changes were not allowed). */
  blocked: boolean;
  /** Things people should know (absent history, accounts left alone, …). */
  warnings: string[];
  /** The history an apply of this plan records (source count, email matches, missing runs). */
  history: SyncHistory;
  /** SHA-256 of the plan without this field, hex; set by {@linkcode serializePlan}. */
  checksum: string;
}
