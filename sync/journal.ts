/**
 * The apply journal: each operation recorded in the state store before it is sent and its
 * outcome after, so a run that was killed can be resumed without repeating what was done.
 *
 * @module
 */

import { stateKey, type SyncStateStore } from "./state_store.ts";

/**
 * Where an operation stands in the journal: `begun` (sent, or about to be, and no outcome
 * recorded: it may or may not have reached Slack, so look before sending again), `done`, or
 * `failed`.
 *
 * @example
 * ```ts
 * import type { JournalState } from "@org/slack-scim/sync";
 *
 * const state: JournalState = "begun";
 * ```
 */
export type JournalState = "begun" | "done" | "failed";

/**
 * An operation's outcome, as recorded.
 *
 * @example A create that made user W1
 * ```ts
 * import type { JournalOutcome } from "@org/slack-scim/sync";
 *
 * const outcome: JournalOutcome = { ok: true, result: "W1" };
 * ```
 */
export interface JournalOutcome {
  /** Whether the operation succeeded. */
  ok: boolean;
  /** What it produced (a created account's id), when it matters to later operations. */
  result?: string;
  /** Why it failed. */
  error?: string;
}

/**
 * The last record of one operation.
 *
 * @example
 * ```ts
 * import type { JournalEntry } from "@org/slack-scim/sync";
 *
 * const entry: JournalEntry = { op: "op-0001", state: "done", at: "2026-01-01T00:00:00.000Z", result: "W1" };
 * ```
 */
export interface JournalEntry {
  /** The operation's id. */
  op: string;
  /** Where it stands. */
  state: JournalState;
  /** When it was recorded (ISO 8601). */
  at: string;
  /** Its result, once done. */
  result?: string;
  /** Its error, once failed. */
  error?: string;
}

/**
 * The journal of one plan's apply in an org. Each record is one JSON line appended to the store
 * (durable before the call resolves); a line torn by a crash is ignored, which leaves its
 * operation as it was before (a `begin` lost means the request was never sent).
 *
 * @example Recording and resuming
 * ```ts
 * import { Journal, MemoryStateStore } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const store = new MemoryStateStore();
 * const journal = await Journal.open(store, "acme", "plan-1");
 * await journal.begin("op-0001");
 * await journal.finish("op-0001", { ok: true, result: "W1" });
 * await journal.begin("op-0002"); // killed here, before its outcome
 *
 * const resumed = await Journal.open(store, "acme", "plan-1");
 * assert.deepEqual([...await resumed.state()], [["op-0001", "done"], ["op-0002", "begun"]]);
 * assert.equal((await resumed.entries()).get("op-0001")?.result, "W1");
 * ```
 */
export class Journal {
  /** The store key of this journal. */
  readonly key: string;
  /** The plan's id. */
  readonly planId: string;
  #store: SyncStateStore;

  private constructor(store: SyncStateStore, key: string, planId: string) {
    this.#store = store;
    this.key = key;
    this.planId = planId;
  }

  /**
   * Opens (or starts) the journal of a plan in an org.
   *
   * @param store The state store.
   * @param org The org's name.
   * @param planId The plan's id.
   * @returns The journal.
   * @throws {TypeError} For a token-like org or an unusable plan id.
   *
   * @example
   * ```ts
   * import { Journal, MemoryStateStore } from "@org/slack-scim/sync";
   * import assert from "node:assert/strict";
   *
   * const journal = await Journal.open(new MemoryStateStore(), "acme", "plan-1");
   * assert.equal(journal.key, "acme/journal/plan-1");
   * ```
   */
  static open(store: SyncStateStore, org: string, planId: string): Promise<Journal> {
    try {
      return Promise.resolve(new Journal(store, stateKey(org, "journal", planId), planId));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Records that an operation is about to be sent. Await it before sending.
   *
   * @param opId The operation's id.
   *
   * @example
   * ```ts
   * import { Journal, MemoryStateStore } from "@org/slack-scim/sync";
   *
   * const journal = await Journal.open(new MemoryStateStore(), "acme", "plan-1");
   * await journal.begin("op-0001");
   * ```
   */
  async begin(opId: string): Promise<void> {
    checkOp(opId);
    await this.#store.append(
      this.key,
      JSON.stringify({ op: opId, state: "begun", at: new Date().toISOString() }),
    );
  }

  /**
   * Records an operation's outcome.
   *
   * @param opId The operation's id.
   * @param outcome Whether it succeeded, with its result or error.
   *
   * @example
   * ```ts
   * import { Journal, MemoryStateStore } from "@org/slack-scim/sync";
   *
   * const journal = await Journal.open(new MemoryStateStore(), "acme", "plan-1");
   * await journal.begin("op-0001");
   * await journal.finish("op-0001", { ok: false, error: "400 invalid_email" });
   * ```
   */
  async finish(opId: string, outcome: JournalOutcome): Promise<void> {
    checkOp(opId);
    const entry: JournalEntry = {
      op: opId,
      state: outcome.ok ? "done" : "failed",
      at: new Date().toISOString(),
    };
    if (outcome.result !== undefined) entry.result = String(outcome.result);
    if (outcome.error !== undefined) entry.error = String(outcome.error).slice(0, 2_000);
    await this.#store.append(this.key, JSON.stringify(entry));
  }

  /**
   * Reads where each operation stands (its last record).
   *
   * @returns Operation id → state, in the order operations first appear.
   *
   * @example
   * ```ts
   * import { Journal, MemoryStateStore } from "@org/slack-scim/sync";
   * import assert from "node:assert/strict";
   *
   * const journal = await Journal.open(new MemoryStateStore(), "acme", "plan-1");
   * assert.equal((await journal.state()).size, 0);
   * ```
   */
  async state(): Promise<Map<string, JournalState>> {
    const states = new Map<string, JournalState>();
    for (const [op, entry] of await this.entries()) states.set(op, entry.state);
    return states;
  }

  /**
   * Reads each operation's last record, with its result or error.
   *
   * @returns Operation id → last record.
   *
   * @example
   * ```ts
   * import { Journal, MemoryStateStore } from "@org/slack-scim/sync";
   * import assert from "node:assert/strict";
   *
   * const journal = await Journal.open(new MemoryStateStore(), "acme", "plan-1");
   * await journal.begin("op-0001");
   * await journal.finish("op-0001", { ok: true, result: "W9" });
   * assert.equal((await journal.entries()).get("op-0001")?.result, "W9");
   * ```
   */
  async entries(): Promise<Map<string, JournalEntry>> {
    const entries = new Map<string, JournalEntry>();
    for (const line of await this.#store.lines(this.key)) {
      const entry = parseEntry(line);
      if (entry !== undefined) entries.set(entry.op, entry);
    }
    return entries;
  }

  /**
   * Deletes the journal (after a finished apply, if the caller wants no trace).
   *
   * @example
   * ```ts
   * import { Journal, MemoryStateStore } from "@org/slack-scim/sync";
   * import assert from "node:assert/strict";
   *
   * const journal = await Journal.open(new MemoryStateStore(), "acme", "plan-1");
   * await journal.begin("op-0001");
   * await journal.clear();
   * assert.equal((await journal.state()).size, 0);
   * ```
   */
  async clear(): Promise<void> {
    await this.#store.delete(this.key);
  }
}

function checkOp(opId: string): void {
  if (typeof opId !== "string" || opId === "" || opId.length > 200) {
    throw new TypeError(`Cannot journal operation "${String(opId).slice(0, 40)}"`);
  }
}

function parseEntry(line: string): JournalEntry | undefined {
  try {
    const value = JSON.parse(line) as Partial<JournalEntry>;
    if (
      typeof value.op === "string" && typeof value.at === "string" &&
      (value.state === "begun" || value.state === "done" || value.state === "failed")
    ) return value as JournalEntry;
  } catch {
    // a torn line
  }
  return undefined;
}
