/**
 * The sync engine's state in Redis, for jobs whose processes come and go (and hosts that share
 * one org). It takes your Redis client (node-redis v4 or later, or ioredis): the library adds no
 * dependency. Runtime-agnostic itself, but its own entry, as the limiter's Redis store is.
 *
 * Values are Redis strings (`SET` is atomic), journals are lists (`RPUSH`), the lock is
 * `SET NX PX` with a random token, released and refreshed by a compare-and-set script. How
 * durable an acknowledged write is depends on the server (`appendonly yes` with
 * `appendfsync always` for a journal that survives a Redis crash).
 *
 * @example A store on node-redis
 * ```ts ignore
 * import { createClient } from "redis";
 * import { RedisStateStore } from "@org/slack-scim/sync/redis";
 *
 * const redis = await createClient({ url: "redis://127.0.0.1:6379" }).connect();
 * const state = new RedisStateStore(redis);
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
 * node-redis's generic command (v4, v5): `sendCommand(["SET", key, value])`.
 *
 * @example A node-redis client is one
 * ```ts ignore
 * import { createClient } from "redis";
 * import type { NodeRedisCommands } from "@org/slack-scim/sync/redis";
 *
 * const client: NodeRedisCommands = await createClient().connect();
 * ```
 */
export interface NodeRedisCommands {
  /** Sends one command. */
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * ioredis's generic command: `call("SET", key, value)`.
 *
 * @example An ioredis client is one
 * ```ts ignore
 * import Redis from "ioredis";
 * import type { IORedisCommands } from "@org/slack-scim/sync/redis";
 *
 * const client: IORedisCommands = new Redis();
 * ```
 */
export interface IORedisCommands {
  /** Sends one command. */
  call(command: string, ...args: string[]): Promise<unknown>;
}

/**
 * Options of {@linkcode RedisStateStore}.
 *
 * @example Keys under the app's own prefix
 * ```ts
 * import { RedisStateStore, type RedisStateStoreOptions } from "@org/slack-scim/sync/redis";
 * import assert from "node:assert/strict";
 *
 * const options: RedisStateStoreOptions = { prefix: "hr-sync:state" };
 * const store = new RedisStateStore({ sendCommand: () => Promise.resolve(null) }, options);
 * assert.equal(store.prefix, "hr-sync:state");
 * ```
 */
export interface RedisStateStoreOptions {
  /** The start of every key. Default `"slack-scim:sync"`; keys read `<prefix>:<key>`. */
  prefix?: string;
  /** The clock a lock's `since` and `expires` are written with. Default `Date`. */
  clock?: { now(): number };
}

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const REFRESH = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end
return 0`;

/**
 * Keeps the state in Redis: values as strings, journals as lists, the lock as `SET NX PX`
 * (Redis expires it when its holder dies). Give every process of an org a store on the same
 * Redis (and prefix), and only one apply runs at a time.
 *
 * @example With a client that answers commands (here a stand-in map)
 * ```ts
 * import { RedisStateStore } from "@org/slack-scim/sync/redis";
 * import assert from "node:assert/strict";
 *
 * const data = new Map<string, string>();
 * const client = {
 *   sendCommand: ([command, key, value]: string[]) => {
 *     if (command === "SET") data.set(key!, value!);
 *     return Promise.resolve(command === "GET" ? data.get(key!) ?? null : "OK");
 *   },
 * };
 * const store = new RedisStateStore(client);
 * await store.set("acme/history", "{}");
 * assert.equal(await store.get("acme/history"), "{}");
 * assert.deepEqual([...data.keys()], ["slack-scim:sync:acme/history"]);
 * ```
 */
export class RedisStateStore implements SyncStateStore {
  /** The start of every key. */
  readonly prefix: string;
  /** `"redis <prefix>"` (never the server's URL: it may hold a password). */
  readonly description: string;
  #send: (args: string[]) => Promise<unknown>;
  #clock: { now(): number };

  /**
   * Creates the store on a connected client.
   *
   * @param client A node-redis (v4+) or ioredis client, or anything with `sendCommand` or `call`.
   * @param options The key prefix and the clock.
   * @throws {TypeError} When the client has neither `sendCommand` nor `call`.
   */
  constructor(client: NodeRedisCommands | IORedisCommands, options: RedisStateStoreOptions = {}) {
    this.prefix = options.prefix ?? "slack-scim:sync";
    this.description = `redis ${this.prefix}`;
    this.#clock = options.clock ?? Date;
    if (typeof (client as NodeRedisCommands)?.sendCommand === "function") {
      const redis = client as NodeRedisCommands;
      this.#send = (args) => redis.sendCommand(args);
    } else if (typeof (client as IORedisCommands)?.call === "function") {
      const redis = client as IORedisCommands;
      this.#send = ([command, ...args]) => redis.call(command as string, ...args);
    } else {
      throw new TypeError(
        "Cannot use this Redis client: it has neither sendCommand (node-redis) nor call (ioredis)",
      );
    }
  }

  #key(key: string): string {
    checkKey(key);
    return `${this.prefix}:${key}`;
  }

  /**
   * Reads a value.
   *
   * @param key The key.
   * @returns The value, or `undefined`.
   */
  async get(key: string): Promise<string | undefined> {
    return text(await this.#send(["GET", this.#key(key)]));
  }

  /**
   * Writes a value (`SET`).
   *
   * @param key The key.
   * @param value The value.
   */
  async set(key: string, value: string): Promise<void> {
    if (typeof value !== "string") {
      throw new TypeError(`Cannot store ${typeof value}: use a string`);
    }
    await this.#send(["SET", this.#key(key), value]);
  }

  /**
   * Deletes a value and its lines.
   *
   * @param key The key.
   */
  async delete(key: string): Promise<void> {
    const full = this.#key(key);
    await this.#send(["DEL", full, `${full}:lines`]);
  }

  /**
   * Appends a line (`RPUSH`).
   *
   * @param key The key.
   * @param line The line.
   */
  async append(key: string, line: string): Promise<void> {
    checkLine(line);
    await this.#send(["RPUSH", `${this.#key(key)}:lines`, line]);
  }

  /**
   * Reads the lines (`LRANGE`).
   *
   * @param key The key.
   * @returns The lines.
   */
  async lines(key: string): Promise<string[]> {
    const reply = await this.#send(["LRANGE", `${this.#key(key)}:lines`, "0", "-1"]);
    if (!Array.isArray(reply)) return [];
    return reply.map((item) => text(item) ?? "");
  }

  /**
   * Takes a lock (`SET NX PX`).
   *
   * @param key The lock's name.
   * @param holder Who takes it.
   * @param ttlMs For how long.
   * @returns The lock.
   */
  async lock(key: string, holder: string, ttlMs: number): Promise<SyncLock> {
    const full = this.#key(key);
    checkLock(holder, ttlMs);
    for (let attempt = 0; attempt < 5; attempt++) {
      const record = newLock(holder, ttlMs, this.#clock.now());
      const value = JSON.stringify(record);
      const reply = await this.#send(["SET", full, value, "NX", "PX", String(Math.ceil(ttlMs))]);
      if (text(reply) === "OK") return this.#held(full, record, value, ttlMs);
      const held = parseLock(text(await this.#send(["GET", full])));
      if (held !== undefined) throw lockedError(held, this.description);
      // Expired or released meanwhile (or not ours to read): try again.
    }
    throw new Error(`Cannot take the lock in ${this.description}: it keeps changing hands`);
  }

  #held(full: string, record: LockRecord, value: string, ttlMs: number): SyncLock {
    let current = value;
    return {
      release: async () => {
        await this.#send(["EVAL", RELEASE, "1", full, current]);
      },
      refresh: async (ms: number = ttlMs) => {
        const next = JSON.stringify({ ...record, expires: this.#clock.now() + ms });
        const reply = await this.#send([
          "EVAL",
          REFRESH,
          "1",
          full,
          current,
          next,
          String(Math.ceil(ms)),
        ]);
        if (Number(reply) !== 1) {
          // Expired: take it again if no one else has; else say who has it.
          const again = await this.#send(["SET", full, next, "NX", "PX", String(Math.ceil(ms))]);
          if (text(again) !== "OK") {
            const held = parseLock(text(await this.#send(["GET", full])));
            throw lockedError(
              held ?? { holder: "unknown", since: record.since, expires: 0, token: "" },
              this.description,
            );
          }
        }
        current = next;
      },
    };
  }

  /** Nothing to close: the client is yours. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

function text(reply: unknown): string | undefined {
  if (reply === null || reply === undefined) return undefined;
  if (typeof reply === "string") return reply;
  if (reply instanceof Uint8Array) return new TextDecoder().decode(reply);
  return String(reply);
}
