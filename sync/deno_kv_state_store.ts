/**
 * The sync engine's state in Deno KV (a local file for processes of one machine, or Deno Deploy's
 * KV), for jobs whose processes come and go. Runtime-specific (`Deno.Kv`), its own entry.
 *
 * A value larger than one KV entry allows (64 KiB) is written in chunks under a new generation,
 * then made current by one atomic switch: a reader sees the old value or the new one, never a
 * mix. Journal lines are entries of their own, in order. The lock is an entry taken by an atomic
 * check (`versionstamp` unchanged) with `expireIn`; "database is locked" is retried.
 *
 * @example State in a KV file
 * ```ts
 * import { DenoKvStateStore } from "@org/slack-scim/sync/deno-kv";
 * import assert from "node:assert/strict";
 *
 * const kv = await Deno.openKv(":memory:");
 * const store = new DenoKvStateStore(kv);
 * await store.set("acme/history", "x".repeat(200_000));
 * assert.equal((await store.get("acme/history"))?.length, 200_000);
 * kv.close();
 * ```
 *
 * @module
 */

import type { SyncLock, SyncStateStore } from "./state_store.ts";
import {
  checkKey,
  checkLine,
  checkLock,
  lockedError,
  type LockRecord,
  newLock,
  parseLock,
} from "./_state.ts";

export type { SyncLock, SyncStateStore };

/**
 * Options of {@linkcode DenoKvStateStore}.
 *
 * @example Keys under the app's own prefix
 * ```ts
 * import { DenoKvStateStore, type DenoKvStateStoreOptions } from "@org/slack-scim/sync/deno-kv";
 *
 * const options: DenoKvStateStoreOptions = { prefix: ["hr-sync", "state"] };
 * const kv = await Deno.openKv(":memory:");
 * const store = new DenoKvStateStore(kv, options);
 * await store.close();
 * kv.close();
 * ```
 */
export interface DenoKvStateStoreOptions {
  /** The start of every key. Default `["slack-scim", "sync"]`. */
  prefix?: Deno.KvKey;
  /** The clock locks expire on. Default `Date`. */
  clock?: { now(): number };
}

/** Characters per chunk: a UTF-16 string of 16 Ki characters is at most 48 KiB of UTF-8 (and V8 serialization). */
const CHUNK = 16_384;
/** Mutations per atomic operation (Deno KV allows 1,000; chunks of 16 Ki characters: ~10 MB). */
const PER_COMMIT = 10;

interface Head {
  /** The value, when it fits one entry. */
  inline?: string;
  /** Otherwise its generation and chunk count. */
  generation?: string;
  chunks?: number;
}

/**
 * Keeps the state in a Deno KV: `[...prefix, "value", key]` (and its chunks), `[...prefix,
 * "line", key, n]`, `[...prefix, "lock", key]`. It uses the KV you open (a file path for
 * processes of one machine) and leaves closing it to you.
 *
 * @example A lock refused to a second holder, and a journal
 * ```ts
 * import { DenoKvStateStore } from "@org/slack-scim/sync/deno-kv";
 * import assert from "node:assert/strict";
 *
 * const kv = await Deno.openKv(":memory:");
 * const store = new DenoKvStateStore(kv);
 * const lock = await store.lock("acme/lock", "job a", 60_000);
 * await assert.rejects(store.lock("acme/lock", "job b", 60_000), /Locked by "job a"/);
 * await lock.release();
 * await store.append("acme/journal/p1", "one");
 * await store.append("acme/journal/p1", "two");
 * assert.deepEqual(await store.lines("acme/journal/p1"), ["one", "two"]);
 * kv.close();
 * ```
 */
export class DenoKvStateStore implements SyncStateStore {
  /** `"deno-kv <prefix>"`. */
  readonly description: string;
  #kv: Deno.Kv;
  #prefix: Deno.KvKey;
  #clock: { now(): number };
  #sequence = 0;

  /**
   * Creates the store on an open KV.
   *
   * @param kv From `Deno.openKv()`.
   * @param options The key prefix and the clock.
   */
  constructor(kv: Deno.Kv, options: DenoKvStateStoreOptions = {}) {
    this.#kv = kv;
    this.#prefix = options.prefix ?? ["slack-scim", "sync"];
    this.description = `deno-kv ${this.#prefix.join("/")}`;
    this.#clock = options.clock ?? Date;
  }

  #key(kind: string, key: string, ...rest: Deno.KvKeyPart[]): Deno.KvKey {
    checkKey(key);
    return [...this.#prefix, kind, key, ...rest];
  }

  /**
   * Reads a value (and its chunks, of the generation current when read).
   *
   * @param key The key.
   * @returns The value, or `undefined`.
   */
  async get(key: string): Promise<string | undefined> {
    const head = await retry(() => this.#kv.get<Head>(this.#key("value", key)));
    const value = head.value;
    if (value === null) return undefined;
    if (typeof value.inline === "string") return value.inline;
    const parts: string[] = [];
    const list = this.#kv.list<string>({
      prefix: this.#key("chunk", key, value.generation ?? ""),
    });
    for await (const entry of list) parts.push(entry.value);
    if (parts.length !== value.chunks) {
      throw new Error(
        `Cannot read "${key}" from ${this.description}: ${parts.length} of ${value.chunks} chunks`,
      );
    }
    return parts.join("");
  }

  /**
   * Writes a value: inline when it fits one entry, else chunks of a new generation made current
   * by one atomic switch; the old generation's chunks are deleted after.
   *
   * @param key The key.
   * @param value The value.
   */
  async set(key: string, value: string): Promise<void> {
    const headKey = this.#key("value", key);
    if (typeof value !== "string") {
      throw new TypeError(`Cannot store ${typeof value}: use a string`);
    }
    const old = await retry(() => this.#kv.get<Head>(headKey));
    let head: Head;
    if (value.length <= CHUNK) head = { inline: value };
    else {
      const generation = crypto.randomUUID();
      const chunks = Math.ceil(value.length / CHUNK);
      for (let first = 0; first < chunks; first += PER_COMMIT) {
        const op = this.#kv.atomic();
        for (let i = first; i < Math.min(chunks, first + PER_COMMIT); i++) {
          op.set(this.#key("chunk", key, generation, i), value.slice(i * CHUNK, (i + 1) * CHUNK));
        }
        await retry(() => op.commit());
      }
      head = { generation, chunks };
    }
    await retry(() => this.#kv.atomic().set(headKey, head).commit());
    if (old.value?.generation !== undefined) {
      await this.#deleteChunks(key, old.value.generation);
    }
  }

  async #deleteChunks(key: string, generation: string): Promise<void> {
    const keys: Deno.KvKey[] = [];
    for await (const entry of this.#kv.list({ prefix: this.#key("chunk", key, generation) })) {
      keys.push(entry.key);
    }
    for (let i = 0; i < keys.length; i += PER_COMMIT * 10) {
      const op = this.#kv.atomic();
      for (const chunk of keys.slice(i, i + PER_COMMIT * 10)) op.delete(chunk);
      await retry(() => op.commit());
    }
  }

  /**
   * Deletes a value (its chunks) and its lines.
   *
   * @param key The key.
   */
  async delete(key: string): Promise<void> {
    const headKey = this.#key("value", key);
    const old = await retry(() => this.#kv.get<Head>(headKey));
    await retry(() => this.#kv.delete(headKey));
    if (old.value?.generation !== undefined) await this.#deleteChunks(key, old.value.generation);
    const keys: Deno.KvKey[] = [];
    for await (const entry of this.#kv.list({ prefix: this.#key("line", key) })) {
      keys.push(entry.key);
    }
    for (let i = 0; i < keys.length; i += 100) {
      const op = this.#kv.atomic();
      for (const line of keys.slice(i, i + 100)) op.delete(line);
      await retry(() => op.commit());
    }
  }

  /**
   * Appends a line: one entry, ordered by time, then by this store's counter.
   *
   * @param key The key.
   * @param line The line.
   */
  async append(key: string, line: string): Promise<void> {
    checkLine(line);
    const order = [
      BigInt(this.#clock.now()),
      BigInt(++this.#sequence),
      crypto.randomUUID().slice(0, 8),
    ];
    await retry(() => this.#kv.set(this.#key("line", key, ...order), line));
  }

  /**
   * Reads the lines, in order.
   *
   * @param key The key.
   * @returns The lines.
   */
  async lines(key: string): Promise<string[]> {
    const lines: string[] = [];
    for await (const entry of this.#kv.list<string>({ prefix: this.#key("line", key) })) {
      lines.push(entry.value);
    }
    return lines;
  }

  /**
   * Takes a lock by an atomic check, or takes over one whose time ran out.
   *
   * @param key The lock's name.
   * @param holder Who takes it.
   * @param ttlMs For how long.
   * @returns The lock.
   */
  async lock(key: string, holder: string, ttlMs: number): Promise<SyncLock> {
    const lockKey = this.#key("lock", key);
    checkLock(holder, ttlMs);
    for (let attempt = 0; attempt < 20; attempt++) {
      const entry = await retry(() => this.#kv.get<string>(lockKey));
      const held = parseLock(entry.value ?? undefined);
      const now = this.#clock.now();
      if (held !== undefined && held.expires > now) throw lockedError(held, this.description);
      const record = newLock(holder, ttlMs, now);
      const committed = await retry(() =>
        this.#kv.atomic().check(entry).set(lockKey, JSON.stringify(record), {
          expireIn: Math.ceil(ttlMs),
        }).commit()
      );
      if (committed.ok) return this.#held(lockKey, record, ttlMs);
    }
    throw new Error(`Cannot take the lock in ${this.description}: it keeps changing hands`);
  }

  #held(lockKey: Deno.KvKey, record: LockRecord, ttlMs: number): SyncLock {
    const mine = async () => {
      const entry = await retry(() => this.#kv.get<string>(lockKey));
      const held = parseLock(entry.value ?? undefined);
      if (held !== undefined && held.token !== record.token) {
        throw lockedError(held, this.description);
      }
      return entry;
    };
    return {
      release: async () => {
        let entry;
        try {
          entry = await mine();
        } catch {
          return; // another holder's now: nothing of ours to release
        }
        if (entry.value !== null) {
          await retry(() => this.#kv.atomic().check(entry).delete(lockKey).commit());
        }
      },
      refresh: async (ms: number = ttlMs) => {
        const entry = await mine();
        record.expires = this.#clock.now() + ms;
        const committed = await retry(() =>
          this.#kv.atomic().check(entry).set(lockKey, JSON.stringify(record), {
            expireIn: Math.ceil(ms),
          }).commit()
        );
        if (!committed.ok) await mine(); // lost a race: say to whom
      },
    };
  }

  /** Nothing to close: the KV is yours. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Retries what SQLite refuses while another process writes ("database is locked"). */
async function retry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0;; attempt++) {
    try {
      return await run();
    } catch (error) {
      const busy = /database is locked|busy/i.test(error instanceof Error ? error.message : "");
      if (!busy || attempt >= 200) throw error;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(attempt + 1, 20))
      );
    }
  }
}
