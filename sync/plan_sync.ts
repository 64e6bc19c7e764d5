/**
 * `planSync`: compares a source of truth with the org, read by pages, and decides every write.
 *
 * @module
 */

import type { RatePoolName } from "../limits/slack_limits.ts";
import { etaOf } from "./_eta.ts";
import { checkSource, normalizeEmail } from "./check_source.ts";
import type { DesiredUser, SourceProblem, SourceRow } from "./desired_user.ts";
import { SourceError } from "./source_error.ts";
import { sourceRows } from "./source_rows.ts";
import { stateKey, type SyncStateStore } from "./state_store.ts";
import { readHistory, type SyncHistory } from "./sync_history.ts";
import { ABSENT, groupFingerprint, observe, type Observed, userFingerprint } from "./_observe.ts";
import type { GuardResult, PlanSummary, SyncOperation, SyncPlan } from "./plan.ts";
import { SyncPlanError } from "./plan_error.ts";
import { planChecksum } from "./plan_file.ts";
import {
  type NewTargetUser,
  type SyncClient,
  syncTarget,
  type TargetUser,
  type UserChanges,
} from "./target.ts";

/**
 * Caps on destructive changes, checked when the plan is made. Over a cap, the plan is blocked
 * unless `allowDestructive` is set. Counts cap the number; percentages cap the share of the
 * managed accounts (deactivations), of the managed memberships of the groups the source names
 * (membership removals) and of the groups the sync manages (group deletions), rounded up.
 *
 * @example Stricter than the defaults
 * ```ts
 * import type { SyncLimits } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const limits: SyncLimits = { deactivations: 3, deactivationsPercent: 1, membershipRemovals: 50 };
 * assert.equal(limits.deactivations, 3);
 * ```
 */
export interface SyncLimits {
  /** Most users deactivated by one plan. Default 10. */
  deactivations?: number;
  /** Most users deactivated, as a percentage of the managed accounts. Default 5. */
  deactivationsPercent?: number;
  /** Most memberships removed by one plan. Default 500. */
  membershipRemovals?: number;
  /** Most memberships removed, as a percentage of the managed memberships. Default 10. */
  membershipRemovalsPercent?: number;
  /** Most groups deleted by one plan. Default 2. */
  groupDeletions?: number;
  /** Most groups deleted, as a percentage of the groups the sync manages. Default 10. */
  groupDeletionsPercent?: number;
  /** Most a source may shrink since the last applied run, in percent. Default 20. */
  sourceShrinkPercent?: number;
}

/**
 * The defaults of {@linkcode SyncLimits}: conservative, so that a bad source read cannot
 * deactivate many people.
 *
 * @example
 * ```ts
 * import { DEFAULT_SYNC_LIMITS } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DEFAULT_SYNC_LIMITS.deactivations, 10);
 * ```
 */
export const DEFAULT_SYNC_LIMITS: Readonly<Required<SyncLimits>> = Object.freeze({
  deactivations: 10,
  deactivationsPercent: 5,
  membershipRemovals: 500,
  membershipRemovalsPercent: 10,
  groupDeletions: 2,
  groupDeletionsPercent: 10,
  sourceShrinkPercent: 20,
});

/**
 * Options of {@linkcode planSync}.
 *
 * @example Report accounts the source no longer lists, protect two accounts
 * ```ts
 * import type { PlanSyncOptions } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const options: PlanSyncOptions = {
 *   targetOnly: "report",
 *   protect: ["admin@acme.com", "W0123ABC"],
 *   limits: { deactivations: 5 },
 * };
 * assert.equal(options.targetOnly, "report");
 * ```
 */
export interface PlanSyncOptions {
  /** The state store's namespace (one per org). Default `"default"`. */
  org?: string;
  /** Where the history lives (source count, email matches, missing runs). Without it, the checks that need history are off, and the plan says so. */
  state?: SyncStateStore;
  /** Accounts the source does not list: left alone (default), reported, or deactivated. */
  targetOnly?: "ignore" | "report" | "deactivate";
  /** Slack ids, userNames or emails never written, in any mode. */
  protect?: readonly string[];
  /** Caps on destructive changes. */
  limits?: SyncLimits;
  /** Apply what is over a cap anyway. Default false: the plan is blocked. */
  allowDestructive?: boolean;
  /** Deactivate a target-only account only after it was missing this many runs in a row. Default 1. */
  graceRuns?: number;
  /** The share (0 to 1] of Slack's limits the apply may use, for the ETA. Default 1. */
  budget?: number;
  /** Cancels the reads. */
  signal?: AbortSignal;
}

type Ref = string; // a Slack id, or the id of the operation that creates the user

function checkOptions(options: PlanSyncOptions): void {
  const { targetOnly, graceRuns, budget, protect, limits } = options;
  if (targetOnly !== undefined && !["ignore", "report", "deactivate"].includes(targetOnly)) {
    throw new TypeError(
      `Cannot plan the sync: targetOnly must be "ignore", "report" or "deactivate", got "${
        String(targetOnly)
      }"`,
    );
  }
  if (graceRuns !== undefined && !(Number.isInteger(graceRuns) && graceRuns >= 0)) {
    throw new RangeError(
      `Cannot plan the sync: graceRuns must be a non-negative integer, got "${String(graceRuns)}"`,
    );
  }
  if (budget !== undefined && !(typeof budget === "number" && budget > 0 && budget <= 1)) {
    throw new RangeError(
      `Cannot plan the sync: budget must be a number above 0 and at most 1, got "${
        String(budget)
      }"`,
    );
  }
  if (
    protect !== undefined && (!Array.isArray(protect) || protect.some((p) => typeof p !== "string"))
  ) {
    throw new TypeError("Cannot plan the sync: protect must be an array of strings");
  }
  for (const [name, value] of Object.entries(limits ?? {})) {
    if (!(name in DEFAULT_SYNC_LIMITS)) {
      throw new TypeError(`Cannot plan the sync: "${name}" is not a limit`);
    }
    if (
      value !== undefined && !(typeof value === "number" && value >= 0 && Number.isFinite(value))
    ) {
      throw new RangeError(
        `Cannot plan the sync: limits.${name} must be a non-negative number, got "${
          String(value)
        }"`,
      );
    }
  }
}

function given(value: string | undefined): value is string {
  return value !== undefined && value !== "";
}

/** The attributes the source gives that differ from the account (manager apart). */
function changesOf(user: DesiredUser, account: TargetUser): UserChanges {
  const changes: UserChanges = {};
  if (user.userName.toLowerCase() !== account.userName.toLowerCase()) {
    changes.userName = user.userName;
  }
  if (normalizeEmail(user.email) !== normalizeEmail(account.email)) changes.email = user.email;
  if (given(user.givenName) && user.givenName !== account.givenName) {
    changes.givenName = user.givenName;
  }
  if (given(user.familyName) && user.familyName !== account.familyName) {
    changes.familyName = user.familyName;
  }
  if (given(user.displayName) && user.displayName !== account.displayName) {
    changes.displayName = user.displayName;
  }
  if (given(user.title) && user.title !== account.title) changes.title = user.title;
  if (given(user.department) && user.department !== account.department) {
    changes.department = user.department;
  }
  return changes;
}

function newUserOf(user: DesiredUser): NewTargetUser {
  const created: NewTargetUser = {
    externalId: user.externalId,
    userName: user.userName,
    email: user.email,
  };
  if (given(user.givenName)) created.givenName = user.givenName;
  if (given(user.familyName)) created.familyName = user.familyName;
  if (given(user.displayName)) created.displayName = user.displayName;
  if (given(user.title)) created.title = user.title;
  if (given(user.department)) created.department = user.department;
  return created;
}

const describe = (account: TargetUser) => `${account.id} (${account.userName})`;

interface Match {
  row: SourceRow;
  account: TargetUser | undefined;
  remembered: boolean; // matched by something other than externalId: kept in the history
}

function match(
  rows: SourceRow[],
  observed: Observed,
  history: SyncHistory,
): { matches: Match[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const matches: Match[] = [];
  const rowOfAccount = new Map<string, SourceRow>();
  for (const row of rows) {
    const { user, line } = row;
    const found = new Map<string, { account: TargetUser; how: string[] }>();
    const add = (account: TargetUser | undefined, how: string) => {
      if (account === undefined) return;
      const entry = found.get(account.id) ?? { account, how: [] };
      entry.how.push(how);
      found.set(account.id, entry);
    };
    for (const account of observed.byExternalId.get(user.externalId) ?? []) {
      add(account, "externalId");
    }
    const rememberedId = history.emailMatches[user.externalId];
    if (rememberedId !== undefined) add(observed.users.get(rememberedId), "remembered email match");
    for (const account of observed.byEmail.get(normalizeEmail(user.email)) ?? []) {
      add(account, "email");
    }
    for (const account of observed.byUserName.get(user.userName.toLowerCase()) ?? []) {
      add(account, "userName");
    }
    const problem = (message: string) =>
      problems.push({ line, externalId: user.externalId, message });
    if (found.size > 1) {
      problem(
        `externalId "${user.externalId}" matches ${found.size} accounts: ${
          [...found.values()].map(({ account, how }) =>
            `${describe(account)} by ${how.join(" and ")}`
          )
            .join(", ")
        }`,
      );
      continue;
    }
    const only = [...found.values()][0];
    if (only === undefined) {
      matches.push({ row, account: undefined, remembered: false });
      continue;
    }
    const { account, how } = only;
    if (account.externalId !== "" && account.externalId !== user.externalId) {
      problem(
        `externalId "${user.externalId}" finds ${describe(account)} by ${
          how.join(" and ")
        }, but that account belongs to externalId "${account.externalId}"`,
      );
      continue;
    }
    const other = rowOfAccount.get(account.id);
    if (other !== undefined) {
      problem(
        `externalId "${user.externalId}" and line ${other.line} (externalId "${other.user.externalId}") both match ${
          describe(account)
        }`,
      );
      continue;
    }
    rowOfAccount.set(account.id, row);
    matches.push({ row, account, remembered: !how.includes("externalId") });
  }
  return { matches, problems };
}

/** Ceil of a percentage of a total (the most a percentage cap allows). */
function percentCap(percent: number, total: number): number {
  return Math.ceil((percent * total) / 100);
}

/**
 * Calls per pool of an apply, and its ETA at Slack's limits times the budget share.
 */
function estimate(
  operations: SyncOperation[],
  readCalls: number,
  budget: number,
): { calls: Partial<Record<RatePoolName, number>>; etaSeconds: number } {
  const calls: Partial<Record<RatePoolName, number>> = {};
  const count = (pools: RatePoolName[], n: number) => {
    if (n <= 0) return;
    for (const pool of pools) calls[pool] = (calls[pool] ?? 0) + n;
  };
  count(["reads"], readCalls);
  const chunks = (n: number) => Math.ceil(n / 5000);
  for (const op of operations) {
    switch (op.kind) {
      case "createUser":
      case "updateUser":
      case "reactivateUser":
      case "deactivateUser":
      case "setManager":
        count(["writes", "userWrites"], 1);
        break;
      case "createGroup": {
        count(["writes", "groupCreateDelete"], 1);
        const rest = (op.members?.length ?? 0) - 5000;
        if (rest > 0) count(["writes", "groupUpdates"], chunks(rest));
        break;
      }
      case "addMembers":
      case "removeMembers":
        count(["writes", "groupUpdates"], chunks(op.members?.length ?? 0));
        break;
      case "deleteGroup":
        count(["writes", "groupCreateDelete"], 1);
        break;
    }
  }
  return { calls, etaSeconds: etaOf(calls, budget) };
}

/**
 * Plans a sync: checks the source (refusing it whole with `SourceError`), reads the org in
 * 1,000-item pages, matches each row by externalId, then by a remembered email match, then by
 * normalized primary email or userName (accounts that predate the sync), and decides the fewest
 * writes: one create per new user (with its externalId), one PATCH per changed user (only the
 * attributes the source gives; `active` in the same call), reactivation of the same id, group
 * membership through the membership engine, managers after creates. Deactivations, membership
 * removals and group deletions are capped by the guards; a plan over a cap is `blocked`.
 * Nothing is written.
 *
 * @param client A `SCIMClient` or `SCIM2Client`.
 * @param desired The desired users, as rows from a reader or any (async) iterable.
 * @param options Target-only mode, protect list, limits, state store, budget.
 * @returns The plan.
 * @throws {SourceError} When the source has problems (every one listed with its line).
 * @throws {SyncPlanError} When a match is ambiguous (both sides named).
 *
 * @example Plan, then look at the summary
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { planSync } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan = await planSync(client, [
 *   { externalId: "E1", userName: "ada", email: "ada@example.com", groups: ["eng"] },
 * ], { targetOnly: "report" });
 * assert.equal(plan.summary.creates, 1);
 * assert.equal(plan.summary.groupCreates, 1);
 * assert.equal(plan.summary.reported.length, 3); // the seeded accounts
 * assert.equal(plan.blocked, false);
 * ```
 */
export async function planSync(
  client: SyncClient,
  desired: Iterable<DesiredUser> | AsyncIterable<DesiredUser> | SourceRow[],
  options: PlanSyncOptions = {},
): Promise<SyncPlan> {
  checkOptions(options);
  const target = syncTarget(client);
  const org = options.org ?? "default";
  stateKey(org, "history"); // a token-like or odd org is refused before anything is read
  const rows = await sourceRows(desired);
  const sourceProblems = checkSource(rows);
  if (sourceProblems.length > 0) throw new SourceError(sourceProblems);

  const warnings: string[] = [];
  let history: SyncHistory = { emailMatches: {}, missingRuns: {} };
  if (options.state === undefined) {
    warnings.push(
      "No state store: the source-shrink check and grace runs are off, and email matches are not remembered",
    );
  } else {
    const read = await readHistory(options.state, org);
    history = read.history;
    if (read.warning !== undefined) {
      warnings.push(read.warning); // it already says which checks are off
    }
  }

  const observed = await observe(target, options.signal);
  const { matches, problems } = match(rows, observed, history);

  // Groups the source names, and ambiguity among them.
  const groupNames = new Set<string>();
  for (const { user } of rows) {
    for (const name of user.groups ?? []) if (name !== "") groupNames.add(name);
  }
  for (const name of groupNames) {
    const found = observed.groupsByName.get(name) ?? [];
    if (found.length > 1) {
      const line = rows.find((row) => row.user.groups?.includes(name))?.line ?? 0;
      problems.push({
        line,
        field: "groups",
        message: `group "${name}" matches ${found.length} groups: ${
          found.map((group) => group.id).join(", ")
        }`,
      });
    }
  }
  if (problems.length > 0) throw new SyncPlanError(problems);

  // The protect list.
  const protectList = (options.protect ?? []).map((entry) => entry.trim().toLowerCase());
  const protectSet = new Set(protectList);
  const isProtected = (account: TargetUser) =>
    protectSet.has(account.id.toLowerCase()) || protectSet.has(account.userName.toLowerCase()) ||
    account.emails.some((email) => protectSet.has(email)) ||
    protectSet.has(normalizeEmail(account.email));
  const protectedRow = (user: DesiredUser) =>
    protectSet.has(user.userName.toLowerCase()) || protectSet.has(normalizeEmail(user.email));

  const operations: SyncOperation[] = [];
  const lastOn = new Map<string, string>(); // target ref → last op id writing it
  const addOp = (op: Omit<SyncOperation, "id">, after: Iterable<string> = []): string => {
    const id = `op-${String(operations.length + 1).padStart(4, "0")}`;
    const deps = new Set(after);
    if (op.target !== undefined) {
      const previous = lastOn.get(op.target);
      if (previous !== undefined) deps.add(previous);
      lastOn.set(op.target, id);
    }
    const full: SyncOperation = { id, ...op };
    if (deps.size > 0) full.after = [...deps].sort();
    operations.push(full);
    return id;
  };
  const touched = new Set<string>(); // account and group ids whose fingerprint goes in the plan
  const creates = new Set<string>(); // externalIds of users created

  const summary: PlanSummary = {
    creates: 0,
    updates: 0,
    reactivations: 0,
    deactivations: 0,
    managerChanges: 0,
    membershipAdds: 0,
    membershipRemoves: 0,
    groupCreates: 0,
    groupDeletes: 0,
    unchanged: 0,
    protected: 0,
    operations: 0,
    reported: [],
    calls: {},
    etaSeconds: 0,
  };

  const nextHistory: SyncHistory = {
    sourceCount: rows.length,
    emailMatches: {},
    missingRuns: {},
    managedGroups: {},
  };

  // Who is who: the ref of each row's user (its account id, or later its create op).
  const refOf = new Map<string, Ref>(); // externalId → ref
  const matchedIds = new Set<string>();
  for (const { row, account, remembered } of matches) {
    if (account === undefined) continue;
    refOf.set(row.user.externalId, account.id);
    matchedIds.add(account.id);
    if (remembered) nextHistory.emailMatches[row.user.externalId] = account.id;
  }
  const protectedIds = new Set<string>();

  // 1. Creates (no dependencies), in source order.
  for (const { row, account } of matches) {
    const { user } = row;
    if (account !== undefined || user.active === false) continue;
    if (protectedRow(user)) {
      summary.protected++;
      continue;
    }
    const created = newUserOf(user);
    const managerRef = given(user.manager) ? refOf.get(user.manager) : undefined;
    if (managerRef !== undefined && !managerRef.startsWith("op-")) created.manager = managerRef;
    const id = addOp({
      kind: "createUser",
      externalId: user.externalId,
      label: user.userName,
      user: created,
    });
    refOf.set(user.externalId, id);
    creates.add(user.externalId);
    summary.creates++;
  }

  // 2. Updates and reactivations: one PATCH each; deactivations of terminated rows later.
  const deactivate: { account: TargetUser; externalId?: string }[] = [];
  const activated = new Map<string, string>(); // account id → op id that (re)activates it
  const managerOps: { user: DesiredUser; ref: Ref; managerRef: Ref }[] = [];
  for (const { row, account } of matches) {
    const { user } = row;
    if (account === undefined) {
      if (user.active !== false && refOf.get(user.externalId)?.startsWith("op-")) {
        const managerRef = given(user.manager) ? refOf.get(user.manager) : undefined;
        if (managerRef?.startsWith("op-")) {
          managerOps.push({ user, ref: refOf.get(user.externalId)!, managerRef });
        }
      }
      continue;
    }
    if (isProtected(account) || protectedRow(user)) {
      protectedIds.add(account.id);
      summary.protected++;
      continue;
    }
    if (user.active === false) {
      if (account.active) deactivate.push({ account, externalId: user.externalId });
      else summary.unchanged++;
      continue;
    }
    const changes = changesOf(user, account);
    let managerLater: Ref | undefined;
    if (given(user.manager)) {
      const managerRef = refOf.get(user.manager);
      if (managerRef?.startsWith("op-")) managerLater = managerRef;
      else if (managerRef !== undefined && managerRef !== account.manager) {
        changes.manager = managerRef;
      }
    }
    if (!account.active) {
      const id = addOp({
        kind: "reactivateUser",
        target: account.id,
        externalId: user.externalId,
        label: account.userName,
        changes: { ...changes, active: true },
      });
      activated.set(account.id, id);
      touched.add(account.id);
      summary.reactivations++;
    } else if (Object.keys(changes).length > 0) {
      addOp({
        kind: "updateUser",
        target: account.id,
        externalId: user.externalId,
        label: account.userName,
        changes,
      });
      touched.add(account.id);
      summary.updates++;
    } else if (managerLater === undefined) {
      summary.unchanged++;
    }
    if (managerLater !== undefined) {
      managerOps.push({ user, ref: account.id, managerRef: managerLater });
    }
  }

  // 3. Managers that are new users: set once both exist.
  for (const { user, ref, managerRef } of managerOps) {
    const after = [managerRef];
    if (ref.startsWith("op-")) after.push(ref);
    else touched.add(ref);
    addOp({
      kind: "setManager",
      target: ref,
      externalId: user.externalId,
      label: user.userName,
      manager: managerRef,
    }, after);
    summary.managerChanges++;
  }

  // Target-only accounts.
  const targetOnly = options.targetOnly ?? "ignore";
  const grace = options.graceRuns ?? 1;
  const rememberedIds = new Set(Object.values(history.emailMatches));
  let notOwned = 0;
  let managedCount = matchedIds.size;
  for (const account of observed.users.values()) {
    if (matchedIds.has(account.id) || !account.active) continue;
    const owned = account.externalId !== "" || rememberedIds.has(account.id);
    if (owned) managedCount++;
    if (isProtected(account)) {
      if (targetOnly !== "ignore") summary.protected++;
      continue;
    }
    if (targetOnly === "ignore") continue;
    if (owned) {
      const missing = (history.missingRuns[account.id] ?? 0) + 1;
      nextHistory.missingRuns[account.id] = missing;
      if (targetOnly === "deactivate" && missing >= grace) {
        deactivate.push({ account });
        continue;
      }
      summary.reported.push(
        targetOnly === "deactivate"
          ? `${describe(account)}: missing ${missing} of ${grace} runs before deactivation`
          : describe(account),
      );
    } else {
      notOwned++;
      summary.reported.push(describe(account));
    }
  }
  if (targetOnly === "deactivate" && notOwned > 0) {
    warnings.push(
      `${notOwned} account(s) the source does not list were never managed by a sync (no externalId, no remembered match): reported, not deactivated`,
    );
  }

  // 4. Groups: creates, adds, removes. Only groups the source names; only managed accounts removed.
  const wanted = new Map<string, Set<Ref>>(); // group name → member refs
  for (const name of groupNames) wanted.set(name, new Set());
  const deactivating = new Set(deactivate.map(({ account }) => account.id));
  for (const { row, account } of matches) {
    const { user } = row;
    if (user.active === false || (account !== undefined && protectedIds.has(account.id))) continue;
    const ref = refOf.get(user.externalId);
    if (ref === undefined) continue;
    for (const name of user.groups ?? []) if (name !== "") wanted.get(name)?.add(ref);
  }
  const dependsOn = (refs: Iterable<Ref>) => {
    const after = new Set<string>();
    for (const ref of refs) {
      if (ref.startsWith("op-")) after.add(ref);
      const activation = activated.get(ref);
      if (activation !== undefined) after.add(activation);
    }
    return after;
  };
  const removalOps = new Map<string, string[]>(); // account id → removeMembers op ids
  let managedMemberships = 0;
  for (const [name, refs] of wanted) {
    const group = observed.groupsByName.get(name)?.[0];
    if (group === undefined) {
      const members = [...refs];
      addOp({ kind: "createGroup", label: name, displayName: name, members }, dependsOn(members));
      summary.groupCreates++;
      summary.membershipAdds += members.length;
      continue;
    }
    nextHistory.managedGroups![group.id] = name;
    const current = new Set(group.members);
    const adds = [...refs].filter((ref) => !current.has(ref));
    const removes = group.members.filter((id) =>
      matchedIds.has(id) && !protectedIds.has(id) && !refs.has(id)
    );
    managedMemberships += group.members.filter((id) => matchedIds.has(id)).length;
    if (adds.length > 0) {
      addOp(
        { kind: "addMembers", target: group.id, label: name, members: adds },
        dependsOn(adds),
      );
      summary.membershipAdds += adds.length;
      touched.add(group.id);
    }
    if (removes.length > 0) {
      const id = addOp({ kind: "removeMembers", target: group.id, label: name, members: removes });
      for (const member of removes) {
        if (deactivating.has(member)) {
          removalOps.set(member, [...(removalOps.get(member) ?? []), id]);
        }
      }
      summary.membershipRemoves += removes.length;
      touched.add(group.id);
    }
  }

  // 5. Deactivations, after the removals of their memberships.
  for (const { account, externalId } of deactivate) {
    addOp({
      kind: "deactivateUser",
      target: account.id,
      ...(externalId !== undefined ? { externalId } : {}),
      label: account.userName,
    }, removalOps.get(account.id) ?? []);
    touched.add(account.id);
    summary.deactivations++;
  }

  // 6. Groups the sync managed before and the source no longer names.
  const previouslyManaged = history.managedGroups ?? {};
  const managedGroupCount = Object.keys(nextHistory.managedGroups!).length;
  let groupsGone = 0;
  for (const [id, name] of Object.entries(previouslyManaged)) {
    const group = observed.groups.get(id);
    if (group === undefined || groupNames.has(group.displayName)) continue;
    groupsGone++;
    if (targetOnly === "deactivate") {
      addOp({ kind: "deleteGroup", target: id, label: group.displayName });
      touched.add(id);
      summary.groupDeletes++;
    } else {
      if (targetOnly === "report") summary.reported.push(`group ${id} (${name})`);
      nextHistory.managedGroups![id] = group.displayName;
    }
  }

  // Guards.
  const limits = { ...DEFAULT_SYNC_LIMITS, ...definedOnly(options.limits ?? {}) };
  const guards: GuardResult[] = [];
  const guard = (name: GuardResult["name"], actual: number, limit: number, what: string) => {
    const blocked = actual > limit;
    guards.push({
      name,
      actual,
      limit,
      blocked,
      message: `${actual} ${what} ${blocked ? "exceed" : "within"} the limit of ${limit}`,
    });
  };
  guard("deactivations", summary.deactivations, limits.deactivations, "deactivations");
  guard(
    "deactivationsPercent",
    summary.deactivations,
    percentCap(limits.deactivationsPercent, managedCount),
    `deactivations (of ${managedCount} managed accounts, ${limits.deactivationsPercent}%)`,
  );
  guard(
    "membershipRemovals",
    summary.membershipRemoves,
    limits.membershipRemovals,
    "membership removals",
  );
  guard(
    "membershipRemovalsPercent",
    summary.membershipRemoves,
    percentCap(limits.membershipRemovalsPercent, managedMemberships),
    `membership removals (of ${managedMemberships} managed memberships, ${limits.membershipRemovalsPercent}%)`,
  );
  guard("groupDeletions", summary.groupDeletes, limits.groupDeletions, "group deletions");
  guard(
    "groupDeletionsPercent",
    summary.groupDeletes,
    percentCap(limits.groupDeletionsPercent, managedGroupCount + groupsGone),
    `group deletions (of ${
      managedGroupCount + groupsGone
    } managed groups, ${limits.groupDeletionsPercent}%)`,
  );
  if (history.sourceCount !== undefined && history.sourceCount > 0) {
    const shrink = Math.max(0, (1 - rows.length / history.sourceCount) * 100);
    const rounded = Math.round(shrink * 10) / 10;
    guards.push({
      name: "sourceShrinkPercent",
      actual: rounded,
      limit: limits.sourceShrinkPercent,
      blocked: shrink > limits.sourceShrinkPercent,
      message:
        `the source has ${rows.length} rows, ${rounded}% fewer than the ${history.sourceCount} of the last run (limit ${limits.sourceShrinkPercent}%)`,
    });
  }
  const over = guards.filter((g) => g.blocked);
  const blocked = over.length > 0 && options.allowDestructive !== true;
  if (over.length > 0 && options.allowDestructive === true) {
    warnings.push(`Allowed over a limit: ${over.map((g) => g.message).join("; ")}`);
  }

  // Fingerprints of what each operation observed.
  const observedPrints: Record<string, string> = {};
  for (const id of touched) {
    const user = observed.users.get(id);
    if (user !== undefined) observedPrints[id] = await userFingerprint(user);
    const group = observed.groups.get(id);
    if (group !== undefined) observedPrints[id] = await groupFingerprint(group);
  }
  for (const op of operations) {
    if (op.kind === "createUser" && op.user !== undefined) {
      observedPrints[`new:${op.user.externalId}`] = ABSENT;
    }
    if (op.kind === "createGroup") observedPrints[`newgroup:${op.displayName}`] = ABSENT;
  }

  const readCalls = observed.userPages + observed.groupPages + 2;
  const budget = options.budget ?? 1;
  const { calls, etaSeconds } = estimate(operations, readCalls, budget);
  summary.calls = calls;
  summary.etaSeconds = etaSeconds;
  summary.operations = operations.length;

  const plan: SyncPlan = {
    format: "slack-scim-plan",
    version: 1,
    id: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    api: target.api,
    ...(options.org !== undefined ? { org: options.org } : {}),
    operations,
    observed: observedPrints,
    summary,
    guards,
    blocked,
    warnings,
    history: nextHistory,
    checksum: "",
  };
  plan.checksum = await planChecksum(plan);
  return plan;
}

function definedOnly(limits: SyncLimits): SyncLimits {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}
