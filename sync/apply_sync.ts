/**
 * `applySync`: carries out a plan exactly as reviewed, one apply per org at a time, journaled
 * so that a re-run after a crash finishes the job without writing anything twice.
 *
 * @module
 */

import type { Middleware } from "openapi-fetch";
import { type RatePoolName, slackRatePools } from "../limits/slack_limits.ts";
import { retryStatsOf } from "../retry/stats.ts";
import { isSCIMApiError } from "../scim/errors.ts";
import { normalizeEmail } from "./check_source.ts";
import { etaOf } from "./_eta.ts";
import { Journal } from "./journal.ts";
import { MemoryStateStore } from "./memory_state_store.ts";
import { isSyncLockedError, stateKey, type SyncLock, type SyncStateStore } from "./state_store.ts";
import { writeHistory } from "./sync_history.ts";
import {
  ABSENT,
  groupFingerprint,
  holdersOf,
  observe,
  type Observed,
  userFingerprint,
} from "./_observe.ts";
import type { OperationKind, SyncOperation, SyncPlan } from "./plan.ts";
import {
  type NewTargetUser,
  type SyncClient,
  type SyncTarget,
  syncTarget,
  type TargetUser,
  type UserChanges,
} from "./target.ts";

/**
 * Where an apply stands, for a progress bar.
 *
 * @example A progress line
 * ```ts
 * import type { SyncProgress } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const line = (p: SyncProgress) => `${p.done}/${p.total}, ${p.failed} failed, ~${p.etaSeconds} s`;
 * assert.equal(line({ done: 3, total: 10, failed: 1, etaSeconds: 7 }), "3/10, 1 failed, ~7 s");
 * ```
 */
export interface SyncProgress {
  /** Operations decided (done, failed, skipped or stale). */
  done: number;
  /** Operations in the plan. */
  total: number;
  /** Operations failed or skipped so far. */
  failed: number;
  /** Seconds left, estimated. */
  etaSeconds: number;
  /** The operation just decided. */
  op?: SyncOperation;
}

/**
 * Options of {@linkcode applySync}.
 *
 * @example Four operations at a time, with progress
 * ```ts
 * import type { ApplySyncOptions } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const seen: number[] = [];
 * const options: ApplySyncOptions = { concurrency: 4, onProgress: (p) => void seen.push(p.done) };
 * assert.equal(options.concurrency, 4);
 * ```
 *
 * @example Who holds the lock, and for how long without a refresh
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { applySync, MemoryStateStore, planSync } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const state = new MemoryStateStore();
 * const plan = await planSync(client, [{ externalId: "E1", userName: "ada", email: "ada@example.com" }]);
 * // Others see "Locked by "nightly on host-a", since …" while it runs; it refreshes the lock
 * // every 10 s, and a re-run after a crash takes the lock over 30 s after the last refresh.
 * const report = await applySync(client, plan, { state, holder: "nightly on host-a", lockTtlMs: 30_000 });
 * assert.equal(report.status, "applied");
 * ```
 */
export interface ApplySyncOptions {
  /** The state store: journal, lock and history. Default: in memory (nothing outlives the call). */
  state?: SyncStateStore;
  /** The org (state namespace). Default: the plan's, else `"default"`. */
  org?: string;
  /** Operations in flight at once, 1 to 64. Default 4. Pacing is the client's limiter's. */
  concurrency?: number;
  /** Called after each operation is decided. */
  onProgress?: (progress: SyncProgress) => void;
  /** Cancels the apply; the journal lets a re-run continue. */
  signal?: AbortSignal;
  /** The share (0 to 1] of Slack's limits the client's limiter allows, for the ETA before the first operations end. Default 1. */
  budget?: number;
  /** Who holds the lock, as others see it ("locked by …"): a host or job name helps. Default `applySync <plan id>`. */
  holder?: string;
  /**
   * The lock's time-to-live in milliseconds, at least 100. The apply refreshes the lock every
   * third of it while it runs, so a long apply keeps it, and a re-run after a crash (a kill -9
   * leaves the lock behind) takes it over once this much time has passed. An apply that loses
   * its lock (a refresh finds another holder, or fails twice in a row) starts nothing more and
   * ends with status `error`. Default 60,000 (one minute).
   */
  lockTtlMs?: number;
}

/**
 * How an apply ended: `noop` (nothing to do), `applied`, `partial` (some operations failed or
 * were skipped), `blocked` (a guard stopped the plan; nothing written), `stale` (some operations
 * were refused because Slack changed since the plan), `error` (the apply could not run).
 *
 * @example
 * ```ts
 * import { exitCodeOf, type SyncStatus } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const status: SyncStatus = "partial";
 * assert.equal(exitCodeOf(status), 3);
 * ```
 */
export type SyncStatus = "noop" | "applied" | "partial" | "blocked" | "stale" | "error";

/**
 * Counts of one kind of operation.
 *
 * @example
 * ```ts
 * import type { OperationCounts } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const counts: OperationCounts = { planned: 2, done: 1, failed: 0, skipped: 1, stale: 0 };
 * assert.equal(counts.planned, counts.done + counts.failed + counts.skipped + counts.stale);
 * ```
 */
export interface OperationCounts {
  /** In the plan. */
  planned: number;
  /** Done (in this run or a previous run of the same plan). */
  done: number;
  /** Failed (after the retry handlers gave up). */
  failed: number;
  /** Not sent: Slack refused it as invalid (400), or an operation it depends on did not succeed. */
  skipped: number;
  /** Refused: what it was planned on changed since the plan. */
  stale: number;
}

/**
 * The report of an apply (JSON-serializable).
 *
 * @example The status of an empty plan's apply
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { applySync, planSync, type SyncReport } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const desired = [{ externalId: "E1", userName: "ada", email: "ada@example.com" }];
 * await applySync(client, await planSync(client, desired));
 * const report: SyncReport = await applySync(client, await planSync(client, desired));
 * assert.equal(report.status, "noop");
 * ```
 */
export interface SyncReport {
  /** How it ended. */
  status: SyncStatus;
  /** The plan applied. */
  planId: string;
  /** Per kind of operation. */
  counts: Record<OperationKind, OperationCounts>;
  /** Each operation that failed or was skipped, with the error. */
  failures: { op: string; kind: OperationKind; label: string; error: string }[];
  /** Each operation refused as stale, and why. */
  stale: { op: string; kind: OperationKind; label: string; reason: string }[];
  /** Calls sent per rate pool (retries included). */
  calls: Partial<Record<RatePoolName, number>>;
  /** 429 answers per rate pool (the retry handlers waited them out). */
  throttled: Partial<Record<RatePoolName, number>>;
  /** Things people should know. */
  warnings: string[];
  /** When the apply started (ISO 8601). */
  startedAt: string;
  /** When it ended (ISO 8601). */
  finishedAt: string;
  /** How long it took. */
  durationMs: number;
}

/**
 * The exit status of a command for a report's status: `noop` and `applied` 0, `error` 1,
 * `partial` 3, `blocked` 4, `stale` 5 (2 is the command line's "plan has changes").
 *
 * @param status The status.
 * @returns The exit code.
 *
 * @example
 * ```ts
 * import { exitCodeOf } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(
 *   (["noop", "applied", "partial", "blocked", "stale", "error"] as const).map(exitCodeOf),
 *   [0, 0, 3, 4, 5, 1],
 * );
 * ```
 */
export function exitCodeOf(status: SyncStatus): number {
  switch (status) {
    case "noop":
    case "applied":
      return 0;
    case "partial":
      return 3;
    case "blocked":
      return 4;
    case "stale":
      return 5;
    default:
      return 1;
  }
}

const KINDS: readonly OperationKind[] = [
  "createUser",
  "updateUser",
  "reactivateUser",
  "deactivateUser",
  "setManager",
  "createGroup",
  "addMembers",
  "removeMembers",
  "deleteGroup",
];

type Decision = "done" | "failed" | "skipped" | "stale";

/** The HTTP status Slack answered, looking through wrappers (the membership engine's error). */
function statusOf(error: unknown): number | undefined {
  for (let e = error, depth = 0; e !== undefined && depth < 5; depth++) {
    if (isSCIMApiError(e)) return e.status;
    e = e instanceof Error ? e.cause : undefined;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The changes still needed for an account to hold what a PATCH wanted. */
function remaining(account: TargetUser, changes: UserChanges): UserChanges {
  const left: UserChanges = {};
  const differs = (a: string | undefined, b: string | undefined) => (a ?? "") !== (b ?? "");
  if (
    changes.userName !== undefined &&
    changes.userName.toLowerCase() !== account.userName.toLowerCase()
  ) {
    left.userName = changes.userName;
  }
  if (
    changes.email !== undefined && normalizeEmail(changes.email) !== normalizeEmail(account.email)
  ) {
    left.email = changes.email;
  }
  for (
    const key of [
      "givenName",
      "familyName",
      "displayName",
      "title",
      "department",
      "manager",
    ] as const
  ) {
    if (changes[key] !== undefined && differs(changes[key], account[key])) left[key] = changes[key];
  }
  if (changes.active !== undefined && changes.active !== account.active) {
    left.active = changes.active;
  }
  return left;
}

/**
 * Applies a plan: takes the org's lock in the state store, re-reads the org by pages and refuses
 * each operation whose account or group changed since the plan (stale), journals every operation
 * before it is sent and its outcome after, and runs them in dependency order with bounded
 * concurrency. On a re-run of the same plan, finished operations are skipped and those that were
 * in flight are looked up before anything is re-sent. Failures are classified: a 404 on a
 * deactivation is done, a 409 on a create adopts the account found by userName or email (when
 * it is the same person), a 400 is skipped and reported; 429s and 5xx are the client's retry
 * handlers' job. A create is never retried as a fresh create. A blocked plan writes nothing.
 *
 * @param client The client (of the plan's API version).
 * @param plan The plan, from {@linkcode planSync} or {@linkcode parsePlan}.
 * @param options State store, concurrency, progress, signal.
 * @returns The report; {@linkcode exitCodeOf} turns its status into an exit code.
 * @throws {SyncLockedError} When another apply holds the org's lock.
 *
 * @example Plan and apply against the simulator
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { applySync, exitCodeOf, planSync } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan = await planSync(client, [
 *   { externalId: "E1", userName: "ada", email: "ada@example.com", groups: ["eng"] },
 *   { externalId: "E2", userName: "bob", email: "bob@example.com", manager: "E1" },
 * ]);
 * const report = await applySync(client, plan);
 * assert.equal(report.status, "applied");
 * assert.equal(exitCodeOf(report.status), 0);
 * assert.equal(report.counts.createUser.done, 2);
 * ```
 */
export async function applySync(
  client: SyncClient,
  plan: SyncPlan,
  options: ApplySyncOptions = {},
): Promise<SyncReport> {
  const started = Date.now();
  const target = syncTarget(client);
  const concurrency = options.concurrency ?? 4;
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) {
    throw new RangeError(
      `Cannot apply the plan: concurrency must be an integer from 1 to 64, got "${
        String(concurrency)
      }"`,
    );
  }
  const { budget } = options;
  if (budget !== undefined && !(typeof budget === "number" && budget > 0 && budget <= 1)) {
    throw new RangeError(
      `Cannot apply the plan: budget must be a number above 0 and at most 1, got "${
        String(budget)
      }"`,
    );
  }
  const lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  if (!(typeof lockTtlMs === "number" && Number.isFinite(lockTtlMs) && lockTtlMs >= 100)) {
    throw new RangeError(
      `Cannot apply the plan: lockTtlMs must be a number of milliseconds, at least 100, got "${
        String(lockTtlMs)
      }"`,
    );
  }
  if (plan?.format !== "slack-scim-plan" || !Array.isArray(plan.operations)) {
    throw new TypeError("Cannot apply the plan: it is not a plan from planSync or parsePlan");
  }
  if (plan.api !== target.api) {
    throw new TypeError(
      `Cannot apply the plan: it was made with the ${plan.api} API, and the client speaks ${target.api}`,
    );
  }
  const counts = Object.fromEntries(
    KINDS.map((kind) => [kind, { planned: 0, done: 0, failed: 0, skipped: 0, stale: 0 }]),
  ) as Record<OperationKind, OperationCounts>;
  for (const op of plan.operations) counts[op.kind].planned++;
  const report: SyncReport = {
    status: "noop",
    planId: plan.id,
    counts,
    failures: [],
    stale: [],
    calls: {},
    throttled: {},
    warnings: [],
    startedAt: new Date(started).toISOString(),
    finishedAt: "",
    durationMs: 0,
  };
  const finish = (status: SyncStatus): SyncReport => {
    report.status = status;
    const ended = Date.now();
    report.finishedAt = new Date(ended).toISOString();
    report.durationMs = ended - started;
    return report;
  };
  if (plan.blocked) {
    report.warnings.push(
      `The plan is blocked by its guards: ${
        plan.guards.filter((g) => g.blocked).map((g) => g.message).join("; ")
      }`,
    );
    return finish("blocked");
  }

  const store = options.state ?? new MemoryStateStore();
  const org = options.org ?? plan.org ?? "default";
  const lock = await store.lock(
    stateKey(org, "apply"),
    options.holder ?? `applySync ${plan.id}`,
    lockTtlMs,
  );
  const heartbeat = keepLock(lock, lockTtlMs, org, store.description);
  const counter = callCounter(report);
  client.use(counter);
  try {
    if (plan.operations.length === 0) {
      await writeHistory(store, org, plan.history);
      return finish("noop");
    }
    const journal = await Journal.open(store, org, plan.id);
    const previous = await journal.state();
    let run: ApplyRun;
    try {
      const observed = await observe(target, options.signal);
      run = new ApplyRun(
        target,
        plan,
        journal,
        previous,
        observed,
        report,
        options,
        heartbeat.lost,
      );
      await run.all(concurrency);
      // Lost after the last operation began: the history is not written without the lock either.
      const lost = heartbeat.lost();
      if (lost !== undefined) throw lost;
    } catch (error) {
      if (options.signal?.aborted) throw error; // the caller's abort; the journal lets a re-run go on
      report.warnings.push(`The apply stopped: ${messageOf(error)}`);
      return finish("error");
    }
    // The history of this run: groups created get their ids now.
    const history = structuredClone(plan.history);
    for (const [opId, id] of run.createdGroups) {
      const op = plan.operations.find((o) => o.id === opId);
      if (op?.displayName !== undefined) (history.managedGroups ??= {})[id] = op.displayName;
    }
    for (const [externalId, id] of run.adopted) history.emailMatches[externalId] = id;
    await writeHistory(store, org, history);
    const total = (key: keyof OperationCounts) =>
      KINDS.reduce((sum, kind) => sum + counts[kind][key], 0);
    if (total("stale") > 0) return finish("stale");
    if (total("failed") + total("skipped") > 0) return finish("partial");
    return finish("applied");
  } finally {
    client.eject(counter);
    await heartbeat.stop(); // before the release: a refresh in flight must not take the lock again
    await lock.release();
  }
}

const DEFAULT_LOCK_TTL_MS = 60_000;

/** A lock kept alive while an apply runs. */
interface Heartbeat {
  /** Why the lock is lost, once it is (the apply must then start nothing more). */
  lost: () => Error | undefined;
  /** Stops refreshing (and waits for a refresh in flight). */
  stop: () => Promise<void>;
}

/**
 * Refreshes `lock` every third of its time-to-live until stopped. The lock counts as lost when a
 * refresh finds another holder, or when two refreshes in a row fail (it may run out before the
 * next one). The timer is cleared by `stop`: it keeps no process alive after the apply.
 */
function keepLock(lock: SyncLock, ttlMs: number, org: string, where: string): Heartbeat {
  let lost: Error | undefined;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let beating: Promise<void> = Promise.resolve();
  const beat = async () => {
    try {
      await lock.refresh(); // by the time-to-live it was taken with (a wrapping store's own)
      failures = 0;
    } catch (error) {
      failures++;
      if (isSyncLockedError(error) || failures >= 2) {
        lost = new Error(
          `Lost the apply lock of org "${org}" in ${where} (${
            messageOf(error)
          }): nothing more was sent; re-run the plan to finish`,
          { cause: error },
        );
      }
    }
    if (!stopped && lost === undefined) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => {
      beating = beat();
    }, ttlMs / 3);
  };
  schedule();
  return {
    lost: () => lost,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await beating;
    },
  };
}

function callCounter(report: SyncReport): Middleware {
  const add = (
    record: Partial<Record<RatePoolName, number>>,
    pools: readonly RatePoolName[],
    n: number,
  ) => {
    if (n <= 0) return;
    for (const pool of pools) record[pool] = (record[pool] ?? 0) + n;
  };
  return {
    onResponse({ request, response }) {
      const { pools } = slackRatePools(request.method, new URL(request.url).pathname);
      const stats = retryStatsOf(response);
      add(report.calls, pools, stats?.attempts ?? 1);
      const throttled =
        (stats?.failedAttempts ?? []).filter((a) => a.kind === "response" && a.status === 429)
          .length + (response.status === 429 ? 1 : 0);
      add(report.throttled, pools, throttled);
      return undefined;
    },
    onError({ request }) {
      const { pools } = slackRatePools(request.method, new URL(request.url).pathname);
      add(report.calls, pools, 1);
      return undefined;
    },
  };
}

class ApplyRun {
  readonly createdUsers = new Map<string, string>(); // op id → Slack id
  readonly createdGroups = new Map<string, string>(); // op id → Slack id
  readonly adopted = new Map<string, string>(); // externalId → Slack id adopted without externalId
  readonly #decided = new Map<string, Decision>();
  readonly #ops: SyncOperation[];
  readonly #byId: Map<string, SyncOperation>;
  readonly #exempt = new Set<string>(); // targets written by this plan before: not stale-checked
  #failed = 0;
  readonly #started = Date.now();

  constructor(
    readonly target: SyncTarget,
    readonly plan: SyncPlan,
    readonly journal: Journal,
    readonly previous: Map<string, "begun" | "done" | "failed">,
    readonly observed: Observed,
    readonly report: SyncReport,
    readonly options: ApplySyncOptions,
    readonly lockLost: () => Error | undefined = () => undefined,
  ) {
    this.#ops = plan.operations;
    this.#byId = new Map(plan.operations.map((op) => [op.id, op]));
    for (const op of this.#ops) {
      const state = previous.get(op.id);
      if (state === undefined) continue;
      if (op.target !== undefined) this.#exempt.add(op.target);
    }
    // Users and groups created by a previous run of this plan: found again by what they hold.
    for (const op of this.#ops) {
      if (previous.get(op.id) !== "done") continue;
      if (op.kind === "createUser" && op.user !== undefined) {
        const found = this.#findCreated(op.user);
        if (found !== undefined) this.createdUsers.set(op.id, found.id);
      }
      if (op.kind === "createGroup" && op.displayName !== undefined) {
        const found = observed.groupsByName.get(op.displayName);
        if (found?.length === 1) this.createdGroups.set(op.id, found[0]!.id);
      }
    }
  }

  #findCreated(user: NewTargetUser): TargetUser | undefined {
    const byExternalId = this.observed.byExternalId.get(user.externalId);
    if (byExternalId?.length === 1) return byExternalId[0];
    return holdersOf(this.observed, user).find((account) =>
      account.externalId === "" && normalizeEmail(account.email) === normalizeEmail(user.email)
    );
  }

  /** A ref (Slack id or creating op) to a Slack id, once known. */
  #resolve(ref: string): string | undefined {
    if (!ref.startsWith("op-")) return ref;
    return this.createdUsers.get(ref) ?? this.createdGroups.get(ref);
  }

  #progress(op: SyncOperation): void {
    const onProgress = this.options.onProgress;
    if (onProgress === undefined) return;
    const done = this.#decided.size;
    const total = this.#ops.length;
    const elapsed = (Date.now() - this.#started) / 1000;
    const etaSeconds = done > 0
      ? Math.round((elapsed / done) * (total - done) * 10) / 10
      : etaOf(this.plan.summary.calls, this.options.budget ?? 1);
    onProgress({ done, total, failed: this.#failed, etaSeconds, op });
  }

  #decide(op: SyncOperation, decision: Decision, detail?: string): void {
    this.#decided.set(op.id, decision);
    this.report.counts[op.kind][decision]++;
    if (decision === "failed" || decision === "skipped") {
      this.#failed++;
      this.report.failures.push({ op: op.id, kind: op.kind, label: op.label, error: detail ?? "" });
    }
    if (decision === "stale") {
      this.report.stale.push({ op: op.id, kind: op.kind, label: op.label, reason: detail ?? "" });
    }
    this.#progress(op);
  }

  async all(concurrency: number): Promise<void> {
    const pending = [...this.#ops];
    const running = new Map<string, Promise<void>>();
    const signal = this.options.signal;
    let fatal: { error: unknown } | undefined; // an abort: stop starting, let the others settle
    while (pending.length > 0 || running.size > 0) {
      let started = false;
      for (let i = 0; i < pending.length && running.size < concurrency && !fatal; i++) {
        const op = pending[i]!;
        const deps = op.after ?? [];
        if (deps.some((dep) => !this.#decided.has(dep) && this.#byId.has(dep))) continue;
        if (signal?.aborted) {
          fatal = { error: signal.reason };
          break;
        }
        const lost = this.lockLost();
        if (lost !== undefined) {
          fatal = { error: lost }; // never write without the lock
          break;
        }
        pending.splice(i--, 1);
        const blocker = deps.find((dep) =>
          this.#byId.has(dep) && this.#decided.get(dep) !== "done"
        );
        if (blocker !== undefined) {
          this.#decide(op, "skipped", `not sent: ${blocker} did not succeed`);
          started = true;
          continue;
        }
        const task = this.#one(op)
          .catch((error) => void (fatal ??= { error }))
          .finally(() => running.delete(op.id));
        running.set(op.id, task);
        started = true;
      }
      if (running.size > 0) await Promise.race(running.values());
      else if (fatal) break;
      else if (!started && pending.length > 0) {
        // Dependencies on operations not in the plan: refuse rather than loop.
        for (const op of pending.splice(0)) {
          this.#decide(op, "skipped", "not sent: unknown dependency");
        }
      }
    }
    if (fatal) throw fatal.error;
  }

  async #one(op: SyncOperation): Promise<void> {
    const state = this.previous.get(op.id);
    if (state === "done") {
      this.#decide(op, "done");
      return;
    }
    // Begun (a crash) or failed in a previous run of this plan: it may have been applied, so
    // look before re-sending; only operations never sent are checked for staleness.
    const inFlight = state === "begun" || state === "failed";
    if (!inFlight) {
      const stale = await this.#staleReason(op);
      if (stale !== undefined) {
        this.#decide(op, "stale", stale);
        return;
      }
    }
    const lost = this.lockLost();
    if (lost !== undefined) throw lost; // lost while it was checked: not sent
    await this.journal.begin(op.id);
    try {
      const result = await this.#send(op, inFlight);
      await this.journal.finish(op.id, { ok: true, ...(result ? { result } : {}) });
      this.#decide(op, "done");
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      const rejected = statusOf(error) === 400;
      await this.journal.finish(op.id, { ok: false, error: messageOf(error) });
      this.#decide(op, rejected ? "skipped" : "failed", messageOf(error));
    }
  }

  /** Why an operation that was never sent may not be sent now, if it may not. */
  async #staleReason(op: SyncOperation): Promise<string | undefined> {
    if (op.kind === "createUser" && op.user !== undefined) {
      const holders = holdersOf(this.observed, op.user);
      return holders.length === 0
        ? undefined
        : `an account now holds its externalId, email or userName: ${
          holders.map((h) => `${h.id} (${h.userName})`).join(", ")
        }`;
    }
    if (op.kind === "createGroup" && op.displayName !== undefined) {
      if (this.plan.observed[`newgroup:${op.displayName}`] !== ABSENT) return undefined;
      const found = this.observed.groupsByName.get(op.displayName);
      return found === undefined
        ? undefined
        : `a group named "${op.displayName}" now exists: ${found.map((g) => g.id).join(", ")}`;
    }
    const id = op.target;
    if (id === undefined || id.startsWith("op-") || this.#exempt.has(id)) return undefined;
    const expected = this.plan.observed[id];
    if (expected === undefined) return undefined;
    const user = this.observed.users.get(id);
    const group = this.observed.groups.get(id);
    if (user === undefined && group === undefined) return `${id} no longer exists`;
    const now = user !== undefined ? await userFingerprint(user) : await groupFingerprint(group!);
    return now === expected ? undefined : `${id} changed since the plan was made`;
  }

  /** Sends one operation; `inFlight`: a previous run began it, so look before re-sending. */
  async #send(op: SyncOperation, inFlight: boolean): Promise<string | undefined> {
    const signal = this.options.signal;
    const call = signal ? { signal } : {};
    switch (op.kind) {
      case "createUser": {
        const user = op.user!;
        if (inFlight) {
          const found = this.#findCreated(user);
          if (found !== undefined) return await this.#adopt(op, found);
        }
        try {
          const created = await this.target.createUser(user, call);
          this.createdUsers.set(op.id, created.id);
          return created.id;
        } catch (error) {
          if (!(isSCIMApiError(error) && error.status === 409)) throw error;
          // Taken: find the account by userName and email; adopt it only if it is this person.
          const found = await this.target.findUsers(
            { userName: user.userName, email: user.email },
            call,
          );
          const same = found.find((account) =>
            account.externalId === user.externalId ||
            (account.externalId === "" &&
              normalizeEmail(account.email) === normalizeEmail(user.email))
          );
          if (same === undefined) {
            throw new Error(
              `${messageOf(error)}; held by ${
                found.map((a) => `${a.id} (${a.userName}, externalId "${a.externalId}")`).join(
                  ", ",
                ) ||
                "an account the look-up did not find"
              }, not this person: not adopted`,
              { cause: error },
            );
          }
          return await this.#adopt(op, same);
        }
      }
      case "updateUser":
      case "reactivateUser": {
        const id = op.target!;
        let changes = op.changes ?? {};
        if (inFlight) {
          const now = this.observed.users.get(id);
          if (now !== undefined) changes = remaining(now, changes);
          if (Object.keys(changes).length === 0) return undefined;
        }
        await this.target.patchUser(id, changes, call);
        return undefined;
      }
      case "setManager": {
        const id = this.#resolve(op.target!);
        const manager = this.#resolve(op.manager!);
        if (id === undefined || manager === undefined) {
          throw new Error(`Cannot set the manager: the user or manager was not created`);
        }
        if (inFlight && this.observed.users.get(id)?.manager === manager) return undefined;
        await this.target.patchUser(id, { manager }, call);
        return undefined;
      }
      case "deactivateUser": {
        const id = op.target!;
        if (inFlight && this.observed.users.get(id)?.active === false) return undefined;
        try {
          await this.target.deactivateUser(id, call);
        } catch (error) {
          if (isSCIMApiError(error) && error.status === 404) return "already gone";
          throw error;
        }
        return undefined;
      }
      case "createGroup": {
        const name = op.displayName!;
        if (inFlight) {
          const found = this.observed.groupsByName.get(name);
          if (found?.length === 1) {
            const group = found[0]!;
            this.createdGroups.set(op.id, group.id);
            const missing = this.#ids(op.members).filter((id) => !group.members.includes(id));
            if (missing.length > 0) await this.target.addMembers(group.id, missing, call);
            return group.id;
          }
        }
        const group = await this.target.createGroup(name, this.#ids(op.members), call);
        this.createdGroups.set(op.id, group.id);
        return group.id;
      }
      case "addMembers":
      case "removeMembers": {
        const id = op.target!;
        let ids = this.#ids(op.members);
        if (inFlight) {
          const current = new Set(this.observed.groups.get(id)?.members ?? []);
          ids = ids.filter((member) => current.has(member) === (op.kind === "removeMembers"));
          if (ids.length === 0) return undefined;
        }
        if (op.kind === "addMembers") await this.target.addMembers(id, ids, call);
        else await this.target.removeMembers(id, ids, call);
        return undefined;
      }
      case "deleteGroup": {
        const id = op.target!;
        if (inFlight && !this.observed.groups.has(id)) return undefined;
        try {
          await this.target.deleteGroup(id, call);
        } catch (error) {
          if (isSCIMApiError(error) && error.status === 404) return "already gone";
          throw error;
        }
        return undefined;
      }
    }
  }

  #ids(refs: readonly string[] | undefined): string[] {
    const ids: string[] = [];
    for (const ref of refs ?? []) {
      const id = this.#resolve(ref);
      if (id === undefined) {
        throw new Error(`Cannot resolve member ${ref}: its create did not succeed`);
      }
      ids.push(id);
    }
    return ids;
  }

  /** Takes an existing account as the created one, and writes what differs (one PATCH). */
  async #adopt(op: SyncOperation, account: TargetUser): Promise<string> {
    const user = op.user!;
    this.createdUsers.set(op.id, account.id);
    if (account.externalId !== user.externalId) this.adopted.set(user.externalId, account.id);
    const { externalId: _, ...wanted } = user;
    const changes = remaining(account, { ...wanted, active: true });
    if (Object.keys(changes).length > 0) {
      const signal = this.options.signal;
      await this.target.patchUser(account.id, changes, signal ? { signal } : {});
    }
    return account.id;
  }
}
