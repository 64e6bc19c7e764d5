/**
 * Where what must outlive one sync run lives: the apply journal, the one-apply-at-a-time lock,
 * the previous run's source count, the accounts matched by email, and how many runs in a row
 * each account has been missing. One interface, four stores: memory (tests, one process), a
 * local file (`@org/slack-scim/sync/file`, the default for one machine and cron), Redis
 * (`@org/slack-scim/sync/redis`) and Deno KV (`@org/slack-scim/sync/deno-kv`) for jobs whose
 * processes come and go.
 *
 * @module
 */

/**
 * A held lock. Release it when done; refresh it before its time-to-live runs out in a long run.
 *
 * @example Holding and releasing
 * ```ts
 * import { MemoryStateStore, type SyncLock } from "@org/slack-scim/sync";
 *
 * const store = new MemoryStateStore();
 * const lock: SyncLock = await store.lock("acme/lock", "nightly job", 60_000);
 * await lock.refresh();
 * await lock.release();
 * ```
 */
export interface SyncLock {
  /** Gives the lock up (only if this holder still holds it). */
  release(): Promise<void>;
  /**
   * Extends the lock by its time-to-live (or `ttlMs`) from now.
   *
   * @throws {SyncLockedError} When another holder took it over (it had expired).
   */
  refresh(ttlMs?: number): Promise<void>;
}

/**
 * The store of the sync engine's state. Values are strings (JSON); keys are plain strings that
 * {@linkcode stateKey} namespaces by org. Never a credential in a key, a value or `description`.
 *
 * @example A value, a journal and a lock in memory
 * ```ts
 * import { MemoryStateStore, type SyncStateStore } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const store: SyncStateStore = new MemoryStateStore();
 * await store.set("acme/history", "{}");
 * assert.equal(await store.get("acme/history"), "{}");
 * await store.append("acme/journal/p1", '{"op":"op-0001"}');
 * assert.deepEqual(await store.lines("acme/journal/p1"), ['{"op":"op-0001"}']);
 * const lock = await store.lock("acme/lock", "job 1", 60_000);
 * await lock.release();
 * await store.close();
 * ```
 */
export interface SyncStateStore {
  /** Where the state is, for messages ("file .slack-scim/state"); never a credential. */
  readonly description: string;
  /**
   * Reads a value.
   *
   * @returns The value, or `undefined` when there is none.
   */
  get(key: string): Promise<string | undefined>;
  /** Writes a value whole: a reader sees the old value or the new one, never a mix; durable when it resolves. */
  set(key: string, value: string): Promise<void>;
  /** Deletes a value and its lines. */
  delete(key: string): Promise<void>;
  /** Appends one line (no line break in it); durable when it resolves. */
  append(key: string, line: string): Promise<void>;
  /**
   * Reads the lines appended, in order (a line torn by a crash is left out).
   *
   * @returns The lines; empty when there are none.
   */
  lines(key: string): Promise<string[]>;
  /**
   * Takes the lock named `key` for `ttlMs`, or throws if another holder has it. A lock whose
   * time-to-live ran out (its holder crashed) is taken over.
   *
   * @throws {SyncLockedError} With who holds it and since when.
   */
  lock(key: string, holder: string, ttlMs: number): Promise<SyncLock>;
  /** Closes what the store opened itself (not a client or KV passed in). */
  close(): Promise<void>;
}

/**
 * Thrown when another holder has the lock: "Locked by …, since …".
 *
 * @example What a second apply sees
 * ```ts
 * import { MemoryStateStore, SyncLockedError } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const store = new MemoryStateStore();
 * await store.lock("acme/lock", "apply on host-a", 60_000);
 * await assert.rejects(store.lock("acme/lock", "apply on host-b", 60_000), (error) => {
 *   assert.ok(error instanceof SyncLockedError);
 *   assert.equal(error.holder, "apply on host-a");
 *   assert.match(error.message, /^Locked by "apply on host-a", since /);
 *   return true;
 * });
 * ```
 */
export class SyncLockedError extends Error {
  /** Who holds the lock. */
  readonly holder: string;
  /** When they took it (ISO 8601). */
  readonly since: string;
  /** When it runs out unless refreshed (ISO 8601). */
  readonly expiresAt: string;

  /**
   * Creates the error.
   *
   * @param info Who holds the lock, since when, until when.
   * @param where The store's description, for the message.
   */
  constructor(info: { holder: string; since: string; expiresAt: string }, where?: string) {
    super(
      `Locked by ${JSON.stringify(info.holder)}, since ${info.since} (until ${info.expiresAt}${
        where === undefined ? "" : `, in ${where}`
      }): one apply at a time`,
    );
    this.name = "SyncLockedError";
    this.holder = info.holder;
    this.since = info.since;
    this.expiresAt = info.expiresAt;
  }
}

/**
 * Tells whether a value is a {@linkcode SyncLockedError} (also across copies of the library).
 *
 * @param value Anything caught.
 * @returns True for a lock held by another.
 *
 * @example
 * ```ts
 * import { isSyncLockedError, SyncLockedError } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const error = new SyncLockedError({ holder: "a", since: "2026-01-01T00:00:00.000Z", expiresAt: "2026-01-01T00:01:00.000Z" });
 * assert.ok(isSyncLockedError(error));
 * assert.ok(!isSyncLockedError(new Error("Locked")));
 * ```
 */
export function isSyncLockedError(value: unknown): value is SyncLockedError {
  return value instanceof SyncLockedError ||
    (value instanceof Error && value.name === "SyncLockedError" &&
      typeof (value as { holder?: unknown }).holder === "string");
}

const ORG = /^[\w.:-]{1,100}$/;
const PART = /^[\w.:-]{1,200}$/;

/**
 * The store key of an org's piece of state: `org/part/…`. Refuses an org that looks like a
 * token (a token must never be a key) or is not a plain name, as the rate limiter does.
 *
 * @param org The org's name (letters, digits, `_ . : -`).
 * @param parts The piece: `"history"`, `"journal", planId`, `"lock"`.
 * @returns The key.
 * @throws {TypeError} For a token-like or unusable org or part.
 *
 * @example
 * ```ts
 * import { stateKey } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * assert.equal(stateKey("acme", "journal", "plan-1"), "acme/journal/plan-1");
 * assert.throws(() => stateKey("xoxp-123", "history"), TypeError);
 * ```
 */
export function stateKey(org: string, ...parts: string[]): string {
  if (typeof org !== "string" || /^xox/i.test(org)) {
    // Not quoted: it may be a token.
    throw new TypeError("Cannot use org: it looks like a Slack token; use the org's name");
  }
  if (!ORG.test(org)) {
    throw new TypeError(
      `Cannot use org "${org.slice(0, 40)}": use a plain name (letters, digits, . _ : -)`,
    );
  }
  for (const part of parts) {
    if (typeof part !== "string" || !PART.test(part) || /^xox/i.test(part)) {
      throw new TypeError(
        `Cannot use state key part "${String(part).slice(0, 40)}": use letters, digits, . _ : -`,
      );
    }
  }
  return [org, ...parts].join("/");
}
