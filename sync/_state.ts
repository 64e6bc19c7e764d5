/**
 * What the state stores share: argument checks and the lock's record.
 *
 * @module
 */

import { SyncLockedError } from "./state_store.ts";

/** The content of a lock, as every store keeps it (JSON). */
export interface LockRecord {
  /** Who holds it. */
  holder: string;
  /** When it was taken (ISO 8601). */
  since: string;
  /** When it runs out (ms since the epoch). */
  expires: number;
  /** A random token: only its taker releases or refreshes it. */
  token: string;
}

/**
 * Checks a store call's arguments (shared by the stores).
 *
 * @param key The key.
 */
export function checkKey(key: string): void {
  if (
    typeof key !== "string" || key === "" || key.length > 1_000 ||
    [...key].some((c) => c.charCodeAt(0) < 32)
  ) {
    throw new TypeError(`Cannot use state key "${String(key).slice(0, 40)}"`);
  }
}

/**
 * Checks a lock request (shared by the stores).
 *
 * @param holder Who asks.
 * @param ttlMs For how long.
 */
export function checkLock(holder: string, ttlMs: number): void {
  if (typeof holder !== "string" || holder === "" || holder.length > 200) {
    throw new TypeError(`Cannot lock for holder "${String(holder).slice(0, 40)}"`);
  }
  if (!(Number.isFinite(ttlMs) && ttlMs >= 1)) {
    throw new RangeError(`Cannot lock for ttlMs "${ttlMs}": it must be a number of milliseconds`);
  }
}

/**
 * Checks an appended line (shared by the stores).
 *
 * @param line The line.
 */
export function checkLine(line: string): void {
  if (typeof line !== "string" || /[\r\n]/.test(line)) {
    throw new TypeError(`Cannot append "${String(line).slice(0, 40)}": one line, no line break`);
  }
}

/**
 * Makes a lock's record.
 *
 * @param holder Who holds it.
 * @param ttlMs For how long.
 * @param now The time.
 * @returns The record.
 */
export function newLock(holder: string, ttlMs: number, now: number = Date.now()): LockRecord {
  return {
    holder,
    since: new Date(now).toISOString(),
    expires: now + ttlMs,
    token: crypto.randomUUID(),
  };
}

/**
 * Reads a lock's record; `undefined` for a torn or foreign one.
 *
 * @param text The stored text.
 * @returns The record.
 */
export function parseLock(text: string | undefined): LockRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<LockRecord>;
    if (
      typeof value.holder === "string" && typeof value.since === "string" &&
      typeof value.expires === "number" && typeof value.token === "string"
    ) return value as LockRecord;
  } catch {
    // torn
  }
  return undefined;
}

/**
 * The error for a lock another holder has.
 *
 * @param record The holder's record.
 * @param where The store's description.
 * @returns The error.
 */
export function lockedError(record: LockRecord, where: string): SyncLockedError {
  return new SyncLockedError({
    holder: record.holder,
    since: record.since,
    expiresAt: new Date(record.expires).toISOString(),
  }, where);
}
