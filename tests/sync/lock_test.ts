// The apply lock (issue 20: "one apply at a time per org … re-running after a crash must work"):
// applySync refreshes its lock while it runs, takes a short time-to-live so that a re-run after a
// kill -9 is not refused for hours, and stops writing when it loses the lock. Against the memory
// and file stores; the heartbeat runs on real timers (short TTLs, generous margins), and the
// stores' clocks are moved forward where a test needs a lock to have run out.

import assert from "node:assert/strict";
import { SCIMClient } from "../../mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import {
  applySync,
  isSyncLockedError,
  MemoryStateStore,
  planSync,
  type SyncLock,
  type SyncStateStore,
} from "../../sync/mod.ts";
import { FileStateStore } from "../../sync/file_state_store.ts";
import { person } from "./_helpers.ts";

const TOKEN = "xoxp-lock-test";
/** A short lock time-to-live for the tests (the default is a minute). */
const TTL = 600;

function clientOf(fetch: (request: Request) => Promise<Response>): SCIMClient {
  return new SCIMClient({
    token: TOKEN,
    fetch: fetch as typeof globalThis.fetch,
    rateLimiter: false,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Clock {
  now(): number;
}

const STORES: [
  string,
  (clock: Clock) => Promise<{ store: SyncStateStore; done(): Promise<void> }>,
][] = [
  [
    "memory",
    (clock) =>
      Promise.resolve({ store: new MemoryStateStore({ clock }), done: () => Promise.resolve() }),
  ],
  ["file", async (clock) => {
    await Deno.mkdir(".tmp", { recursive: true });
    const dir = await Deno.makeTempDir({ dir: ".tmp", prefix: "sync-lock-" });
    return {
      store: new FileStateStore(`${dir}/state`, { clock }),
      done: () => Deno.remove(dir, { recursive: true }),
    };
  }],
];

/** A clock `offset` milliseconds ahead of the real one. */
function movable(): { clock: Clock; forward(ms: number): void } {
  let offset = 0;
  return { clock: { now: () => Date.now() + offset }, forward: (ms) => void (offset += ms) };
}

const posts = (sim: SlackScimSimulator) =>
  sim.requests.filter((r) => r.method === "POST" && r.path.endsWith("/Users")).length;

for (const [name, open] of STORES) {
  Deno.test(`lock ${name}: an apply that outlasts its lock's time-to-live keeps the lock`, async () => {
    const { store, done } = await open(Date);
    try {
      const sim = new SlackScimSimulator({ token: TOKEN });
      const desired = [person(1), person(2), person(3)];
      const plan = await planSync(clientOf(sim.fetch), desired);
      let writes = 0;
      let second: unknown;
      const slow = async (request: Request): Promise<Response> => {
        if (request.method !== "GET" && ++writes === 2) {
          await sleep(TTL * 2.5); // the apply now outlasts its lock's time-to-live
          second = await applySync(clientOf(sim.fetch), plan, { state: store, lockTtlMs: TTL })
            .catch((error: unknown) => error);
        }
        return await sim.fetch(request);
      };
      const report = await applySync(clientOf(slow), plan, {
        state: store,
        lockTtlMs: TTL,
        holder: "nightly on host-a",
        concurrency: 1,
      });
      assert.equal(report.status, "applied", JSON.stringify(report.warnings));
      assert.ok(isSyncLockedError(second), `the second apply: ${JSON.stringify(second)}`);
      assert.match(second.message, /^Locked by "nightly on host-a", since /);
      assert.equal(posts(sim), 3, "one create each: the second apply sent nothing");
      // Released at the end: the next apply takes the lock at once.
      assert.equal(
        (await applySync(clientOf(sim.fetch), plan, { state: store })).status,
        "applied",
      );
    } finally {
      await done();
    }
  });

  Deno.test(`lock ${name}: after a killed apply, a re-run succeeds once the default time-to-live has passed`, async () => {
    const { clock, forward } = movable();
    const { store, done } = await open(clock);
    try {
      const sim = new SlackScimSimulator({ token: TOKEN });
      const plan = await planSync(clientOf(sim.fetch), [person(1), person(2), person(3)]);
      // The killed run: it dies as its first write reaches Slack, and never releases its lock.
      const crashing: SyncStateStore = {
        description: store.description,
        get: (key) => store.get(key),
        set: (key, value) => store.set(key, value),
        delete: (key) => store.delete(key),
        append: (key, line) => store.append(key, line),
        lines: (key) => store.lines(key),
        lock: async (key, holder, ttlMs): Promise<SyncLock> => {
          const lock = await store.lock(key, holder, ttlMs);
          return { release: () => Promise.resolve(), refresh: (ms) => lock.refresh(ms) };
        },
        close: () => store.close(),
      };
      const controller = new AbortController();
      const dying = async (request: Request): Promise<Response> => {
        const response = await sim.fetch(request);
        if (request.method !== "GET") {
          controller.abort();
          throw new DOMException("The process was killed", "AbortError");
        }
        return response;
      };
      await assert.rejects(
        applySync(clientOf(dying), plan, { state: crashing, signal: controller.signal }),
      );
      // Its lock is still there: a re-run right away is refused, saying by whom.
      await assert.rejects(
        applySync(clientOf(sim.fetch), plan, { state: store }),
        (error: unknown) => {
          assert.ok(isSyncLockedError(error));
          assert.match(error.message, new RegExp(`^Locked by "applySync ${plan.id}", since `));
          return true;
        },
      );
      forward(61_000); // the default time-to-live (a minute) has passed
      const report = await applySync(clientOf(sim.fetch), plan, { state: store });
      assert.equal(report.status, "applied", JSON.stringify(report.warnings));
      assert.equal(posts(sim), 3, "one create each");
    } finally {
      await done();
    }
  });

  Deno.test(`lock ${name}: an apply that loses its lock sends nothing more and ends with "error"`, async () => {
    const { clock, forward } = movable();
    const { store, done } = await open(clock);
    try {
      const sim = new SlackScimSimulator({ token: TOKEN });
      const desired = [1, 2, 3, 4, 5, 6].map((i) => person(i));
      const plan = await planSync(clientOf(sim.fetch), desired);
      let writes = 0;
      let intruder: SyncLock | undefined;
      const takenOver = async (request: Request): Promise<Response> => {
        if (request.method !== "GET" && ++writes === 2) {
          // The lock runs out (a stalled process) and another apply takes it over.
          for (let attempt = 0; intruder === undefined; attempt++) {
            forward(10 * TTL);
            try {
              intruder = await store.lock("default/apply", "apply on host-b", 10 * 60_000);
            } catch (error) {
              if (!isSyncLockedError(error) || attempt > 5) throw error; // a refresh came between
            }
          }
          await sleep(TTL); // a refresh runs meanwhile, and finds the lock gone
        }
        return await sim.fetch(request);
      };
      const report = await applySync(clientOf(takenOver), plan, {
        state: store,
        lockTtlMs: TTL,
        concurrency: 1,
      });
      assert.equal(report.status, "error");
      assert.match(
        report.warnings.join("\n"),
        /Lost the apply lock of org "default" .*Locked by "apply on host-b"/,
      );
      assert.equal(posts(sim), 2, "only the write in flight when the lock was lost");
      // The other holder still has it.
      await assert.rejects(
        store.lock("default/apply", "a third", 1_000),
        /Locked by "apply on host-b"/,
      );
      await intruder!.release();
      const rerun = await applySync(clientOf(sim.fetch), plan, { state: store });
      assert.equal(rerun.status, "applied", JSON.stringify(rerun.warnings));
      assert.equal(posts(sim), 6, "one create each");
    } finally {
      await done();
    }
  });
}

Deno.test("lock: applySync refuses a lock time-to-live under 100 ms", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN });
  const plan = await planSync(clientOf(sim.fetch), [person(1)]);
  for (const lockTtlMs of [0, 99, Number.NaN, Infinity]) {
    await assert.rejects(
      applySync(clientOf(sim.fetch), plan, { lockTtlMs }),
      (error: unknown) => error instanceof RangeError && /lockTtlMs/.test(error.message),
    );
  }
});
