import assert from "node:assert/strict";
import { createClient } from "redis";
import {
  isSyncLockedError,
  Journal,
  MemoryStateStore,
  readHistory,
  stateKey,
  type SyncStateStore,
  writeHistory,
} from "../../sync/mod.ts";
import { FileStateStore, writeFileAtomic } from "../../sync/file_state_store.ts";
import { DenoKvStateStore } from "../../sync/deno_kv_state_store.ts";
import { RedisStateStore } from "../../sync/redis_state_store.ts";
import type { WorkerConfig } from "./_state_worker.ts";

const REDIS_URL = Deno.env.get("SLACK_SCIM_REDIS_URL");
const CI = Deno.env.get("CI") === "true";
const run = crypto.randomUUID().slice(0, 8);

/** A test that needs Redis: skipped locally without SLACK_SCIM_REDIS_URL, failed under CI=true. */
function redisTest(name: string, fn: (url: string) => Promise<void>): void {
  Deno.test({
    name: `${name} (Redis)`,
    ignore: REDIS_URL === undefined && !CI,
    fn: async () => {
      if (REDIS_URL === undefined) {
        throw new Error(
          "SLACK_SCIM_REDIS_URL is unset under CI=true: this test needs redis-server",
        );
      }
      await fn(REDIS_URL);
    },
  });
}

async function tempDir(): Promise<string> {
  await Deno.mkdir(".tmp", { recursive: true });
  return await Deno.makeTempDir({ dir: ".tmp", prefix: "sync-state-" });
}

async function removeKv(path: string): Promise<void> {
  for (const suffix of ["", "-shm", "-wal"]) await Deno.remove(path + suffix).catch(() => {});
}

interface Harness {
  store: SyncStateStore;
  /** Sets the clock locks expire on (stores that take one). */
  advance?: (ms: number) => void;
  done: () => Promise<void>;
}

/** The behaviour every store shares. */
async function conformance(make: () => Promise<Harness>): Promise<void> {
  const { store, advance, done } = await make();
  try {
    const key = stateKey("acme", `t-${crypto.randomUUID().slice(0, 8)}`);
    assert.equal(await store.get(key), undefined);
    await store.set(key, "one");
    await store.set(key, "two ✓ ünïcode");
    assert.equal(await store.get(key), "two ✓ ünïcode");
    const big = "0123456789".repeat(50_000); // 500 KB: over a KV entry's 64 KiB
    await store.set(key, big);
    assert.equal(await store.get(key), big);
    await store.set(key, "small again");
    assert.equal(await store.get(key), "small again");

    assert.deepEqual(await store.lines(key), []);
    for (let i = 0; i < 30; i++) await store.append(key, `line ${i}`);
    assert.deepEqual(await store.lines(key), Array.from({ length: 30 }, (_, i) => `line ${i}`));
    await assert.rejects(store.append(key, "two\nlines"), TypeError);

    await store.delete(key);
    assert.equal(await store.get(key), undefined);
    assert.deepEqual(await store.lines(key), []);

    const lockKey = `${key}-lock`;
    const lock = await store.lock(lockKey, "first holder", 5_000);
    await assert.rejects(store.lock(lockKey, "second holder", 5_000), (error) => {
      assert.ok(isSyncLockedError(error));
      assert.equal(error.holder, "first holder");
      assert.match(error.message, /^Locked by "first holder", since \d{4}-\d\d-\d\dT/);
      return true;
    });
    await lock.refresh();
    await lock.release();
    const again = await store.lock(lockKey, "second holder", 5_000);
    await lock.release(); // a released lock's holder cannot release another's
    await assert.rejects(store.lock(lockKey, "third holder", 5_000), /Locked by "second holder"/);
    await again.release();
    if (advance !== undefined) {
      const stale = await store.lock(lockKey, "crashed holder", 1_000);
      advance(2_000);
      const taken = await store.lock(lockKey, "next holder", 1_000);
      await assert.rejects(stale.refresh(), /Locked by "next holder"/);
      await stale.release(); // no effect: not its lock any more
      await assert.rejects(store.lock(lockKey, "x", 1_000), /Locked by "next holder"/);
      await taken.release();
    }
  } finally {
    await done();
  }
}

Deno.test("MemoryStateStore keeps values, lines and locks", async () => {
  await conformance(() => {
    let now = Date.now();
    const store = new MemoryStateStore({ clock: { now: () => now } });
    return Promise.resolve({ store, advance: (ms) => (now += ms), done: () => store.close() });
  });
});

Deno.test("FileStateStore keeps values, lines and locks", async () => {
  const dir = await tempDir();
  await conformance(() => {
    let now = Date.now();
    const store = new FileStateStore(dir, { clock: { now: () => now } });
    return Promise.resolve({
      store,
      advance: (ms) => (now += ms),
      done: () => Deno.remove(dir, { recursive: true }),
    });
  });
});

Deno.test("DenoKvStateStore keeps values, lines and locks", async () => {
  const dir = await tempDir();
  await conformance(async () => {
    let now = Date.now();
    const kv = await Deno.openKv(`${dir}/state.kv`);
    const store = new DenoKvStateStore(kv, { clock: { now: () => now } });
    return {
      store,
      advance: (ms) => (now += ms),
      done: async () => {
        kv.close();
        await Deno.remove(dir, { recursive: true });
      },
    };
  });
});

redisTest("RedisStateStore keeps values, lines and locks", async (url) => {
  await conformance(async () => {
    const client = await createClient({ url }).connect();
    const store = new RedisStateStore(client, { prefix: `test-${run}` });
    return { store, done: async () => void (await client.close()) };
  });
});

Deno.test("FileStateStore's files and folder are owner-only", async () => {
  const dir = await tempDir();
  try {
    const store = new FileStateStore(`${dir}/state`);
    await store.set("acme/history", "{}");
    await store.append("acme/journal/p1", "{}");
    const lock = await store.lock("acme/lock", "me", 60_000);
    const modes: Record<string, number> = {};
    for await (const entry of Deno.readDir(`${dir}/state`)) {
      modes[entry.name] = (await Deno.stat(`${dir}/state/${entry.name}`)).mode! & 0o777;
    }
    assert.deepEqual(modes, {
      "v-acme%2Fhistory": 0o600,
      "j-acme%2Fjournal%2Fp1": 0o600,
      "l-acme%2Flock": 0o600,
    });
    assert.equal((await Deno.stat(`${dir}/state`)).mode! & 0o777, 0o700);
    await lock.release();
    await writeFileAtomic(`${dir}/plan.json`, "{}");
    assert.equal((await Deno.stat(`${dir}/plan.json`)).mode! & 0o777, 0o600);
    // Even over a file that was world-readable before.
    await Deno.writeTextFile(`${dir}/report.json`, "old", { mode: 0o644 });
    await Deno.chmod(`${dir}/report.json`, 0o644);
    await writeFileAtomic(`${dir}/report.json`, "new");
    assert.equal((await Deno.stat(`${dir}/report.json`)).mode! & 0o777, 0o600);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("FileStateStore.lines() leaves out a line torn by a crash", async () => {
  const dir = await tempDir();
  try {
    const store = new FileStateStore(dir);
    await store.append("acme/journal/p1", '{"op":"op-1"}');
    await Deno.writeTextFile(`${dir}/j-acme%2Fjournal%2Fp1`, '{"op":"op-2","st', { append: true });
    assert.deepEqual(await store.lines("acme/journal/p1"), ['{"op":"op-1"}']);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

function spawnWorker(config: WorkerConfig): { child: Deno.ChildProcess; ready: Promise<void> } {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "tests/sync/_state_worker.ts", JSON.stringify(config)],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const ready = (async () => {
    const { value, done } = await reader.read();
    if (done || !value) throw new Error("the worker ended before it was ready");
    reader.releaseLock();
  })();
  return { child, ready };
}

async function kill(child: Deno.ChildProcess): Promise<void> {
  try {
    child.kill("SIGKILL");
  } catch {
    // already gone
  }
  await child.status;
  await child.stdout.cancel().catch(() => {});
}

/** A second process holds the lock: this one is refused with who and since when, then takes it over once the holder died and the lock ran out. */
async function lockAcrossProcesses(
  store: SyncStateStore,
  config: Omit<WorkerConfig, "op" | "key" | "holder" | "ttlMs">,
): Promise<void> {
  const key = stateKey("acme", `lock-${crypto.randomUUID().slice(0, 8)}`);
  const { child, ready } = spawnWorker({
    ...config,
    op: "lock",
    key,
    holder: "apply on host-b (pid 4242)",
    ttlMs: 1_500,
  });
  try {
    await ready;
    await assert.rejects(store.lock(key, "apply on host-a", 60_000), (error) => {
      assert.ok(isSyncLockedError(error));
      assert.match(
        (error as Error).message,
        /^Locked by "apply on host-b \(pid 4242\)", since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(until /,
      );
      return true;
    });
  } finally {
    await kill(child);
  }
  // The holder died without releasing: its lock runs out, then this process gets it.
  for (let attempt = 0;; attempt++) {
    try {
      const lock = await store.lock(key, "apply on host-a", 60_000);
      await lock.release();
      break;
    } catch (error) {
      if (!isSyncLockedError(error) || attempt > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

Deno.test("the file lock refuses a second process with who holds it and since when", async () => {
  const dir = await tempDir();
  try {
    await lockAcrossProcesses(new FileStateStore(dir), { store: "file", where: dir });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the Deno KV lock refuses a second process with who holds it and since when", async () => {
  const dir = await tempDir();
  const kv = await Deno.openKv(`${dir}/state.kv`);
  try {
    await lockAcrossProcesses(new DenoKvStateStore(kv), { store: "kv", where: `${dir}/state.kv` });
  } finally {
    kv.close();
    await removeKv(`${dir}/state.kv`);
    await Deno.remove(dir, { recursive: true });
  }
});

redisTest(
  "the Redis lock refuses a second process with who holds it and since when",
  async (url) => {
    const client = await createClient({ url }).connect();
    try {
      await lockAcrossProcesses(new RedisStateStore(client), { store: "redis", where: url });
    } finally {
      await client.close();
    }
  },
);

Deno.test("writeFileAtomic() leaves the old file or the new one whole when killed mid-write", async () => {
  const dir = await tempDir();
  const path = `${dir}/plan.json`;
  const size = 500_000;
  try {
    for (let round = 0; round < 5; round++) {
      const { child, ready } = spawnWorker({ op: "write", where: path, size });
      await ready;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 60));
      await kill(child);
      const text = await Deno.readTextFile(path);
      const match = /^(\d+):(\d)+:end$/.exec(text);
      assert.ok(
        match !== null,
        `a half-written file: ${text.length} characters, ends ${text.slice(-10)}`,
      );
      assert.equal(text.length, `${match[1]}:`.length + size + 4);
      assert.equal(text[`${match[1]}:`.length], String(Number(match[1]) % 10));
      assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a journal appended by a killed process reads back whole lines only", async () => {
  const dir = await tempDir();
  try {
    const { child, ready } = spawnWorker({
      op: "append",
      store: "file",
      where: dir,
      key: "acme/journal/p",
    });
    await ready;
    await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 100));
    await kill(child);
    const lines = await new FileStateStore(dir).lines("acme/journal/p");
    assert.ok(lines.length >= 1);
    lines.forEach((line, i) => assert.equal(JSON.parse(line).op, `op-${i}`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

for (
  const [name, make] of [
    ["an empty store", (store: SyncStateStore) => Promise.resolve(store)],
    ["a damaged history", async (store: SyncStateStore) => {
      await store.set("acme/history", '{"format":"slack-scim-sync-hist');
      return store;
    }],
    ["a store that cannot be read", (store: SyncStateStore) =>
      Promise.resolve({
        ...store,
        description: "broken",
        get: () => Promise.reject(new Error("ECONNREFUSED")),
      } as SyncStateStore)],
  ] as const
) {
  Deno.test(`readHistory() on ${name} gives an empty history and a warning, not an error`, async () => {
    const store = await make(new MemoryStateStore());
    const { history, warning } = await readHistory(store, "acme");
    assert.deepEqual(history, { emailMatches: {}, missingRuns: {} });
    assert.match(warning ?? "", /the checks that need it are off this run/);
  });
}

Deno.test("a lost file store (folder deleted) reads as an empty history with a warning", async () => {
  const dir = await tempDir();
  const store = new FileStateStore(`${dir}/state`);
  await writeHistory(store, "acme", {
    sourceCount: 5,
    emailMatches: { "a@b.co": "W1" },
    missingRuns: { W2: 1 },
  });
  assert.equal((await readHistory(store, "acme")).history.sourceCount, 5);
  await Deno.remove(dir, { recursive: true });
  const { history, warning } = await readHistory(store, "acme");
  assert.deepEqual(history, { emailMatches: {}, missingRuns: {} });
  assert.match(warning ?? "", /No sync history in file .*state for org "acme"/);
});

Deno.test("writeHistory() round-trips and refuses what is not a history or a token as org", async () => {
  const store = new MemoryStateStore();
  const history = {
    sourceCount: 2,
    emailMatches: { E1: "W1" },
    missingRuns: { W9: 2 },
    managedGroups: { S1: "Engineering" },
  };
  await writeHistory(store, "acme", history);
  assert.deepEqual(await readHistory(store, "acme"), { history });
  // deno-lint-ignore no-explicit-any
  await assert.rejects(writeHistory(store, "acme", { emailMatches: [] } as any), TypeError);
  await assert.rejects(readHistory(store, "xoxp-1234"), /looks like a Slack token/);
});

Deno.test("Journal records begin and outcome, and resumes from the store", async () => {
  const dir = await tempDir();
  try {
    const journal = await Journal.open(new FileStateStore(dir), "acme", "plan-7");
    await journal.begin("op-0001");
    await journal.finish("op-0001", { ok: true, result: "W1" });
    await journal.begin("op-0002");
    await journal.finish("op-0002", { ok: false, error: "400 invalid_email" });
    await journal.begin("op-0003");
    const resumed = await Journal.open(new FileStateStore(dir), "acme", "plan-7");
    assert.deepEqual([...await resumed.state()], [
      ["op-0001", "done"],
      ["op-0002", "failed"],
      ["op-0003", "begun"],
    ]);
    const entries = await resumed.entries();
    assert.equal(entries.get("op-0001")?.result, "W1");
    assert.equal(entries.get("op-0002")?.error, "400 invalid_email");
    const other = await Journal.open(new FileStateStore(dir), "acme", "plan-8");
    assert.equal((await other.state()).size, 0);
    await resumed.clear();
    assert.equal((await resumed.state()).size, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
