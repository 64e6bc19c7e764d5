/**
 * A second process for the state stores' tests: holds a lock until killed, or writes a file (or
 * appends journal lines) in a loop until killed.
 *
 * Usage: deno run -A tests/sync/_state_worker.ts '<json config>'
 */

import { createClient } from "redis";
import type { SyncStateStore } from "../../sync/mod.ts";
import { FileStateStore, writeFileAtomic } from "../../sync/file_state_store.ts";
import { DenoKvStateStore } from "../../sync/deno_kv_state_store.ts";
import { RedisStateStore } from "../../sync/redis_state_store.ts";

export interface WorkerConfig {
  op: "lock" | "write" | "append";
  store?: "file" | "kv" | "redis";
  /** The folder (file), KV file (kv), URL (redis), or file to write (write). */
  where: string;
  key?: string;
  holder?: string;
  ttlMs?: number;
  /** For "write": characters per version. */
  size?: number;
}

const config = JSON.parse(Deno.args[0] ?? "{}") as WorkerConfig;
const encoder = new TextEncoder();
const say = (text: string) => Deno.stdout.write(encoder.encode(`${text}\n`));

async function open(): Promise<SyncStateStore> {
  if (config.store === "file") return new FileStateStore(config.where);
  if (config.store === "kv") return new DenoKvStateStore(await Deno.openKv(config.where));
  const client = await createClient({ url: config.where }).connect();
  return new RedisStateStore(client);
}

if (config.op === "lock") {
  const store = await open();
  await store.lock(config.key!, config.holder!, config.ttlMs ?? 60_000);
  await say("held");
  setInterval(() => {}, 60_000); // until killed
} else if (config.op === "write") {
  const size = config.size ?? 1_000_000;
  for (let i = 0;; i++) {
    await writeFileAtomic(config.where, `${i}:${String(i % 10).repeat(size)}:end`);
    if (i === 0) await say("written");
  }
} else {
  const store = await open();
  for (let i = 0;; i++) {
    await store.append(config.key!, JSON.stringify({ op: `op-${i}`, pad: "x".repeat(5_000) }));
    if (i === 0) await say("appended");
  }
}
