/**
 * The sync engine's state in memory: for tests and for one process that needs no history.
 *
 * @module
 */

import type { SyncLock, SyncStateStore } from "./state_store.ts";
import { checkKey, checkLine, checkLock, lockedError, type LockRecord, newLock } from "./_state.ts";

/**
 * Options of {@linkcode MemoryStateStore}.
 *
 * @example A store on a test clock
 * ```ts
 * import { MemoryStateStore, type MemoryStateStoreOptions } from "@org/slack-scim/sync";
 *
 * let now = 0;
 * const options: MemoryStateStoreOptions = { clock: { now: () => now } };
 * const store = new MemoryStateStore(options);
 * await store.lock("acme/lock", "a", 1_000);
 * now = 2_000; // the lock ran out: another holder takes it over
 * await store.lock("acme/lock", "b", 1_000);
 * ```
 */
export interface MemoryStateStoreOptions {
  /** The clock locks expire on. Default `Date`. */
  clock?: { now(): number };
}

/**
 * Keeps the state in this process's memory: gone when it exits (a sync then runs without history,
 * and says so). Every operation is atomic (one process, one thread).
 *
 * @example A value and a lock
 * ```ts
 * import { MemoryStateStore } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const store = new MemoryStateStore();
 * await store.set("acme/history", '{"sourceCount":3}');
 * assert.equal(await store.get("acme/history"), '{"sourceCount":3}');
 * const lock = await store.lock("acme/lock", "job", 60_000);
 * await assert.rejects(store.lock("acme/lock", "other job", 60_000), /Locked by "job"/);
 * await lock.release();
 * ```
 */
export class MemoryStateStore implements SyncStateStore {
  /** `"memory"`. */
  readonly description: string = "memory";
  #values = new Map<string, string>();
  #lines = new Map<string, string[]>();
  #locks = new Map<string, LockRecord>();
  #clock: { now(): number };

  /**
   * Creates an empty store.
   *
   * @param options The clock.
   */
  constructor(options: MemoryStateStoreOptions = {}) {
    this.#clock = options.clock ?? Date;
  }

  /**
   * Reads a value.
   *
   * @param key The key.
   * @returns The value, or `undefined`.
   */
  get(key: string): Promise<string | undefined> {
    return settle(() => {
      checkKey(key);
      return this.#values.get(key);
    });
  }

  /**
   * Writes a value.
   *
   * @param key The key.
   * @param value The value.
   */
  set(key: string, value: string): Promise<void> {
    checkKey(key);
    if (typeof value !== "string") {
      throw new TypeError(`Cannot store ${typeof value}: use a string`);
    }
    this.#values.set(key, value);
    return Promise.resolve();
  }

  /**
   * Deletes a value and its lines.
   *
   * @param key The key.
   */
  delete(key: string): Promise<void> {
    return settle(() => {
      checkKey(key);
      this.#values.delete(key);
      this.#lines.delete(key);
    });
  }

  /**
   * Appends a line.
   *
   * @param key The key.
   * @param line The line.
   */
  append(key: string, line: string): Promise<void> {
    return settle(() => {
      checkKey(key);
      checkLine(line);
      const lines = this.#lines.get(key);
      if (lines === undefined) this.#lines.set(key, [line]);
      else lines.push(line);
    });
  }

  /**
   * Reads the lines.
   *
   * @param key The key.
   * @returns A copy of the lines.
   */
  lines(key: string): Promise<string[]> {
    return settle(() => {
      checkKey(key);
      return [...this.#lines.get(key) ?? []];
    });
  }

  /**
   * Takes a lock.
   *
   * @param key The lock's name.
   * @param holder Who takes it.
   * @param ttlMs For how long.
   * @returns The lock.
   */
  lock(key: string, holder: string, ttlMs: number): Promise<SyncLock> {
    try {
      checkKey(key);
      checkLock(holder, ttlMs);
    } catch (error) {
      return Promise.reject(error);
    }
    const now = this.#clock.now();
    const held = this.#locks.get(key);
    if (held !== undefined && held.expires > now) {
      return Promise.reject(lockedError(held, this.description));
    }
    const record = newLock(holder, ttlMs, now);
    this.#locks.set(key, record);
    return Promise.resolve({
      release: () => {
        if (this.#locks.get(key)?.token === record.token) this.#locks.delete(key);
        return Promise.resolve();
      },
      refresh: (ms: number = ttlMs) => {
        const current = this.#locks.get(key);
        if (current !== undefined && current.token !== record.token) {
          return Promise.reject(lockedError(current, this.description));
        }
        record.expires = this.#clock.now() + ms;
        this.#locks.set(key, record);
        return Promise.resolve();
      },
    });
  }

  /** Nothing to close. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

function settle<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}
