/**
 * The apply lock as a command needs it. The sync engine takes one lock per org in the state store
 * with a time to live; this wrapper around the store:
 *
 * - names the holder with its process id and host (`slack-scim apply (pid 4242 on ci-1)`), so a
 *   blocked run says who holds the lock;
 * - keeps the lock alive while the run lives (a refresh every third of the TTL), so the TTL can be
 *   short (default 60 s) and a process killed with SIGKILL holds the org for at most that long;
 * - when the holder is a process of this host that is gone, waits for its lock to run out (says
 *   so) and takes over, so a re-run after a crash continues from the journal without a flag.
 *
 * @module
 */

import { hostname } from "node:os";
import process from "node:process";
import type { SyncLock, SyncStateStore } from "../sync/mod.ts";
import type { Output } from "./_output.ts";

/** Whether process `pid` of this host is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/**
 * Wraps `store` so its locks name this process, stay alive while it runs, and are taken over
 * from a dead process of this host once they run out.
 *
 * @param store The state store.
 * @param options `command` (for the holder's name), `ttlMs`, `out` (for the waiting message).
 */
export function livelyLocks(
  store: SyncStateStore,
  options: { command: string; ttlMs: number; out: Output },
): SyncStateStore {
  const host = hostname();
  const holder = `slack-scim ${options.command} (pid ${process.pid} on ${host})`;
  const ttlMs = options.ttlMs;
  const lock = async (key: string): Promise<SyncLock> => {
    for (let attempt = 0;; attempt++) {
      let held: SyncLock;
      try {
        held = await store.lock(key, holder, ttlMs);
      } catch (error) {
        const info = error as { name?: string; holder?: string; expiresAt?: string };
        const match = /\(pid (\d+) on (\S+)\)$/.exec(info.holder ?? "");
        if (
          attempt < 3 && info.name === "SyncLockedError" && match !== null && match[2] === host &&
          !alive(Number(match[1])) && info.expiresAt !== undefined
        ) {
          const wait = Math.max(0, Date.parse(info.expiresAt) - Date.now()) + 100;
          options.out.info(
            `The lock's holder (pid ${match[1]} on this host) is gone; taking over in ${
              Math.ceil(wait / 1000)
            } s, when its lock runs out`,
          );
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        throw error;
      }
      const timer = setInterval(() => {
        held.refresh(ttlMs).catch((error: unknown) =>
          options.out.warn(`Cannot refresh the lock: ${(error as Error).message}`)
        );
      }, Math.max(1000, Math.floor(ttlMs / 3)));
      return {
        release: async () => {
          clearInterval(timer);
          await held.release();
        },
        refresh: (ms?: number) => held.refresh(ms),
      };
    }
  };
  return {
    description: store.description,
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    append: (key, line) => store.append(key, line),
    lines: (key) => store.lines(key),
    lock: (key) => lock(key),
    close: () => store.close(),
  };
}
