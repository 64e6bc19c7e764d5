/**
 * The sync engine's state in local files (the default for one machine and cron), and
 * {@linkcode writeFileAtomic} for plans and reports. Runtime-specific: `node:fs/promises` (Deno,
 * Node, Bun), its own entry.
 *
 * Every file is owner-only (0600, its folder 0700): the state holds emails and names. A value is
 * written to a temporary file, flushed, and renamed over the old one, so a crash leaves the old
 * value or the new one, never half of one. A journal line is appended and flushed before
 * `append` resolves. The lock is a file created exclusively (`O_EXCL`) holding who took it, since
 * when and until when; one whose time ran out is taken over.
 *
 * @example State in a folder of the project
 * ```ts
 * import { FileStateStore } from "@org/slack-scim/sync/file";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const store = new FileStateStore(dir);
 * await store.set("acme/history", '{"sourceCount":3}');
 * assert.equal(await store.get("acme/history"), '{"sourceCount":3}');
 * assert.equal((await Deno.stat(`${dir}/v-acme%2Fhistory`)).mode! & 0o777, 0o600);
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @module
 */

import { link, mkdir, open, readFile, rename, unlink } from "node:fs/promises";
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
 * Options of {@linkcode writeFileAtomic}.
 *
 * @example Owner read-only
 * ```ts
 * import { writeFileAtomic, type WriteFileAtomicOptions } from "@org/slack-scim/sync/file";
 *
 * const options: WriteFileAtomicOptions = { mode: 0o400 };
 * const dir = await Deno.makeTempDir();
 * await writeFileAtomic(`${dir}/report.json`, "{}", options);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export interface WriteFileAtomicOptions {
  /** The file's permissions. Default `0o600` (owner read and write only). */
  mode?: number;
}

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside it (created with
 * `mode`, owner-only by default), is flushed to disk, and is renamed over `path`, and the folder
 * is flushed. A crash at any point leaves the old file (or none) or the new one, never a part.
 * For plans, reports and journals: they hold names and emails.
 *
 * @param path The file.
 * @param text Its content.
 * @param options The permissions.
 *
 * @example A plan file, owner-only
 * ```ts
 * import { writeFileAtomic } from "@org/slack-scim/sync/file";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await writeFileAtomic(`${dir}/plan.json`, '{"format":"slack-scim-plan"}');
 * assert.equal(await Deno.readTextFile(`${dir}/plan.json`), '{"format":"slack-scim-plan"}');
 * assert.equal((await Deno.stat(`${dir}/plan.json`)).mode! & 0o777, 0o600);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const { mode = 0o600 } = options;
  if (typeof path !== "string" || path === "") {
    throw new TypeError(`Cannot write to path "${String(path)}"`);
  }
  if (!Number.isInteger(mode) || mode < 0 || mode > 0o777) {
    throw new RangeError(`Cannot use mode "${mode}": it must be a permission like 0o600`);
  }
  const slash = path.lastIndexOf("/");
  const dir = slash === -1 ? "." : slash === 0 ? "/" : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const temp = `${dir}/.${name}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  const handle = await open(temp, "wx", mode);
  try {
    try {
      await handle.chmod(mode); // the umask may have taken bits away; set exactly these
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; not every platform can open a folder (Windows): best effort.
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/**
 * Options of {@linkcode FileStateStore}.
 *
 * @example A test clock
 * ```ts
 * import { FileStateStore, type FileStateStoreOptions } from "@org/slack-scim/sync/file";
 *
 * const options: FileStateStoreOptions = { clock: { now: () => Date.now() } };
 * const dir = await Deno.makeTempDir();
 * const store = new FileStateStore(dir, options);
 * await store.close();
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export interface FileStateStoreOptions {
  /** The clock locks expire on. Default `Date`. */
  clock?: { now(): number };
}

/**
 * Keeps the state in files of one folder (created owner-only on first write): a value per key
 * (`v-<key>`), a journal per key (`j-<key>`), a lock per key (`l-<key>`), keys percent-encoded.
 * For one machine: processes on it share the folder, and so the lock. (Network file systems do
 * not all honour exclusive creation: use Redis or Deno KV for several hosts.)
 *
 * @example A lock refused to a second holder
 * ```ts
 * import { FileStateStore } from "@org/slack-scim/sync/file";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const store = new FileStateStore(dir);
 * const lock = await store.lock("acme/lock", "nightly on host-a", 60_000);
 * await assert.rejects(store.lock("acme/lock", "manual run", 60_000), /Locked by "nightly on host-a", since /);
 * await lock.release();
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export class FileStateStore implements SyncStateStore {
  /** `"file <dir>"`. */
  readonly description: string;
  /** The folder. */
  readonly dir: string;
  #clock: { now(): number };
  #ready: Promise<void> | undefined;

  /**
   * Creates the store; the folder is made on first write.
   *
   * @param dir The folder. Default `.slack-scim/state`.
   * @param options The clock.
   */
  constructor(dir: string = ".slack-scim/state", options: FileStateStoreOptions = {}) {
    if (typeof dir !== "string" || dir === "") {
      throw new TypeError(`Cannot keep state in "${String(dir)}": give a folder`);
    }
    this.dir = dir.length > 1 ? dir.replace(/\/+$/, "") : dir;
    this.description = `file ${this.dir}`;
    this.#clock = options.clock ?? Date;
  }

  #path(kind: "v" | "j" | "l", key: string): string {
    checkKey(key);
    return `${this.dir}/${kind}-${encodeURIComponent(key)}`;
  }

  #mkdir(): Promise<void> {
    this.#ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).then(() => {});
    return this.#ready;
  }

  /**
   * Reads a value.
   *
   * @param key The key.
   * @returns The value, or `undefined`.
   */
  async get(key: string): Promise<string | undefined> {
    return await readText(this.#path("v", key));
  }

  /**
   * Writes a value atomically, owner-only.
   *
   * @param key The key.
   * @param value The value.
   */
  async set(key: string, value: string): Promise<void> {
    const path = this.#path("v", key);
    if (typeof value !== "string") {
      throw new TypeError(`Cannot store ${typeof value}: use a string`);
    }
    await this.#mkdir();
    await writeFileAtomic(path, value);
  }

  /**
   * Deletes a value and its lines.
   *
   * @param key The key.
   */
  async delete(key: string): Promise<void> {
    for (const kind of ["v", "j"] as const) {
      await unlink(this.#path(kind, key)).catch((error) => {
        if (!isNotFound(error)) throw error;
      });
    }
  }

  /**
   * Appends a line and flushes it to disk.
   *
   * @param key The key.
   * @param line The line.
   */
  async append(key: string, line: string): Promise<void> {
    const path = this.#path("j", key);
    checkLine(line);
    await this.#mkdir();
    const handle = await open(path, "a", 0o600);
    try {
      await handle.writeFile(`${line}\n`, "utf8");
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /**
   * Reads the lines; a last line without its line break (torn by a crash) is left out.
   *
   * @param key The key.
   * @returns The lines.
   */
  async lines(key: string): Promise<string[]> {
    const text = await readText(this.#path("j", key));
    if (text === undefined || text === "") return [];
    const lines = text.split("\n");
    lines.pop(); // after the last "\n": empty, or a torn line
    return lines.filter((line) => line !== "");
  }

  /**
   * Takes a lock: creates its file exclusively, or takes over one whose time ran out.
   *
   * @param key The lock's name.
   * @param holder Who takes it.
   * @param ttlMs For how long.
   * @returns The lock.
   */
  async lock(key: string, holder: string, ttlMs: number): Promise<SyncLock> {
    const path = this.#path("l", key);
    checkLock(holder, ttlMs);
    await this.#mkdir();
    for (let attempt = 0; attempt < 5; attempt++) {
      const record = newLock(holder, ttlMs, this.#clock.now());
      if (await createExclusive(path, JSON.stringify(record))) {
        return this.#held(path, record, ttlMs);
      }
      const text = await readText(path);
      if (text === undefined) continue; // released meanwhile: try again
      const held = parseLock(text);
      if (held !== undefined && held.expires > this.#clock.now()) {
        throw lockedError(held, this.description);
      }
      if (held === undefined && !(await this.#tornLockIsOld(path, ttlMs))) {
        // Being written right now by its taker.
        throw lockedError(
          {
            holder: "unknown (the lock file is being written)",
            since: "now",
            expires: 0,
            token: "",
          },
          this.description,
        );
      }
      // Expired: move it aside, and take over only if what was moved is what was read (else
      // someone else took over first: put theirs back).
      const aside = `${path}.${crypto.randomUUID().slice(0, 8)}.stale`;
      try {
        await rename(path, aside);
      } catch (error) {
        if (isNotFound(error)) continue;
        throw error;
      }
      const moved = await readText(aside);
      if (moved !== text) {
        await link(aside, path).catch(() => {});
        await unlink(aside).catch(() => {});
        continue;
      }
      await unlink(aside).catch(() => {});
    }
    const held = parseLock(await readText(path));
    if (held !== undefined) throw lockedError(held, this.description);
    throw new Error(`Cannot take the lock in ${this.description}: it keeps changing hands`);
  }

  async #tornLockIsOld(path: string, ttlMs: number): Promise<boolean> {
    try {
      const handle = await open(path, "r");
      try {
        const { mtimeMs } = await handle.stat();
        return mtimeMs + ttlMs < this.#clock.now();
      } finally {
        await handle.close();
      }
    } catch {
      return true;
    }
  }

  #held(path: string, record: LockRecord, ttlMs: number): SyncLock {
    const mine = async (): Promise<LockRecord | undefined> => {
      const held = parseLock(await readText(path));
      if (held !== undefined && held.token !== record.token) {
        throw lockedError(held, this.description);
      }
      return held;
    };
    return {
      release: async () => {
        try {
          if ((await mine()) !== undefined) await unlink(path);
        } catch (error) {
          if (!isNotFound(error) && !(error instanceof Error && error.name === "SyncLockedError")) {
            throw error;
          }
        }
      },
      refresh: async (ms: number = ttlMs) => {
        await mine();
        record.expires = this.#clock.now() + ms;
        await writeFileAtomic(path, JSON.stringify(record));
      },
    };
  }

  /** Nothing to close (every file is closed after each call). */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

async function createExclusive(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "wx", 0o600);
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === "ENOENT";
}
