/**
 * What one sync run leaves for the next, in the state store: the source's size (to refuse a
 * source that shrank), the accounts matched by email (so a later email change is still a PATCH
 * of the same account), and how many runs in a row each account has been missing (for grace).
 *
 * @module
 */

import { stateKey, type SyncStateStore } from "./state_store.ts";

/**
 * The history of an org's syncs.
 *
 * @example An empty history, and one after a run
 * ```ts
 * import type { SyncHistory } from "@org/slack-scim/sync";
 *
 * const empty: SyncHistory = { emailMatches: {}, missingRuns: {} };
 * const after: SyncHistory = {
 *   sourceCount: 1200,
 *   emailMatches: { "E1001": "W0123ABC" },
 *   missingRuns: { "W0456DEF": 1 },
 *   managedGroups: { "S0789GHI": "Engineering" },
 * };
 * ```
 */
export interface SyncHistory {
  /** How many rows the previous run's source had; absent before the first run. */
  sourceCount?: number;
  /**
   * The source's `externalId` → the Slack user id of the account it was matched to by email
   * (accounts made before the sync have no `externalId`, and Slack refuses to set one later), so a
   * later email change in the source is still a PATCH of the same account.
   */
  emailMatches: Record<string, string>;
  /** Slack user id → how many runs in a row the source has not listed it. */
  missingRuns: Record<string, number>;
  /**
   * Slack group id → display name, for the groups the source named in the last applied run: the
   * only groups a sync may delete once the source no longer names them. Absent: none.
   */
  managedGroups?: Record<string, string>;
}

/**
 * What {@linkcode readHistory} found: the history, and a warning when there was none to read.
 *
 * @example
 * ```ts
 * import type { HistoryRead } from "@org/slack-scim/sync";
 *
 * const read: HistoryRead = {
 *   history: { emailMatches: {}, missingRuns: {} },
 *   warning: "No sync history in memory for org \"acme\": the checks that need it are off this run",
 * };
 * ```
 */
export interface HistoryRead {
  /** The history (empty when none could be read). */
  history: SyncHistory;
  /** Why the history is empty when a previous run should have left one; absent when read. */
  warning?: string;
}

const FORMAT = "slack-scim-sync-history";

/**
 * Reads an org's sync history. A store that is empty, lost or unreadable gives an empty history
 * and a warning, never an error: with no history the checks that need it (source shrink, grace,
 * email matches) are off, and the planner must write nothing a full history would not.
 *
 * @param store The state store.
 * @param org The org's name.
 * @returns The history and, when it is empty for want of one, a warning.
 * @throws {TypeError} For a token-like or unusable org.
 *
 * @example The first run: nothing yet
 * ```ts
 * import { MemoryStateStore, readHistory, writeHistory } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const store = new MemoryStateStore();
 * const first = await readHistory(store, "acme");
 * assert.deepEqual(first.history, { emailMatches: {}, missingRuns: {} });
 * assert.match(first.warning ?? "", /No sync history/);
 * await writeHistory(store, "acme", { ...first.history, sourceCount: 3 });
 * assert.equal((await readHistory(store, "acme")).history.sourceCount, 3);
 * ```
 */
export async function readHistory(store: SyncStateStore, org: string): Promise<HistoryRead> {
  const key = stateKey(org, "history");
  const empty = (): SyncHistory => ({ emailMatches: {}, missingRuns: {} });
  let text: string | undefined;
  try {
    text = await store.get(key);
  } catch (error) {
    return {
      history: empty(),
      warning: `Cannot read the sync history from ${store.description}: ${
        error instanceof Error ? error.message : String(error)
      }; the checks that need it are off this run`,
    };
  }
  if (text === undefined || text.trim() === "") {
    return {
      history: empty(),
      warning:
        `No sync history in ${store.description} for org "${org}" (a first run, or a lost store): the checks that need it are off this run`,
    };
  }
  const history = parseHistory(text);
  if (history === undefined) {
    return {
      history: empty(),
      warning:
        `The sync history in ${store.description} for org "${org}" cannot be read (damaged): the checks that need it are off this run`,
    };
  }
  return { history };
}

/**
 * Writes an org's sync history (whole, atomically as the store writes).
 *
 * @param store The state store.
 * @param org The org's name.
 * @param history The history.
 * @throws {TypeError} For a token-like org or a history that is not one.
 *
 * @example Remembering an email match
 * ```ts
 * import { MemoryStateStore, readHistory, writeHistory } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const store = new MemoryStateStore();
 * await writeHistory(store, "acme", {
 *   sourceCount: 1,
 *   emailMatches: { E1: "W1" },
 *   missingRuns: {},
 * });
 * const { history, warning } = await readHistory(store, "acme");
 * assert.equal(history.emailMatches.E1, "W1");
 * assert.equal(warning, undefined);
 * ```
 */
export async function writeHistory(
  store: SyncStateStore,
  org: string,
  history: SyncHistory,
): Promise<void> {
  const key = stateKey(org, "history");
  if (
    history === null || typeof history !== "object" ||
    !isRecordOf(history.emailMatches, "string") ||
    !isRecordOf(history.missingRuns, "number") ||
    (history.sourceCount !== undefined && !Number.isSafeInteger(history.sourceCount)) ||
    (history.managedGroups !== undefined && !isRecordOf(history.managedGroups, "string"))
  ) {
    throw new TypeError("Cannot write the sync history: it is not a SyncHistory");
  }
  await store.set(
    key,
    JSON.stringify({
      format: FORMAT,
      version: 1,
      updatedAt: new Date().toISOString(),
      ...(history.sourceCount === undefined ? {} : { sourceCount: history.sourceCount }),
      emailMatches: history.emailMatches,
      missingRuns: history.missingRuns,
      ...(history.managedGroups === undefined ? {} : { managedGroups: history.managedGroups }),
    }),
  );
}

function parseHistory(text: string): SyncHistory | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (value?.format !== FORMAT || value.version !== 1) return undefined;
    if (!isRecordOf(value.emailMatches, "string") || !isRecordOf(value.missingRuns, "number")) {
      return undefined;
    }
    const history: SyncHistory = {
      emailMatches: value.emailMatches,
      missingRuns: value.missingRuns,
    };
    if (typeof value.sourceCount === "number" && Number.isSafeInteger(value.sourceCount)) {
      history.sourceCount = value.sourceCount;
    }
    if (isRecordOf(value.managedGroups, "string")) history.managedGroups = value.managedGroups;
    return history;
  } catch {
    return undefined;
  }
}

function isRecordOf<T extends "string" | "number">(
  value: unknown,
  type: T,
): value is Record<string, T extends "string" ? string : number> {
  return value !== null && typeof value === "object" && !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === type);
}
