/**
 * Proof for issue 13: SlackRateLimiter against the simulator enforcing Slack's limits, with the
 * reactive way (the Python SDK's: RateLimitErrorRetryHandler, no pacing) as the baseline measured
 * in the same run. Time is scaled: the simulator runs Slack's limits 60 times as fast
 * (`timeScale: 60`) and the limiter is given the same table with every rate times 60, so a
 * minute of Slack passes in a second. Retry-After stays in real seconds (a 429 costs the same wall
 * time as on Slack, 60 times as much Slack time).
 *
 * Usage: `deno task bench:limits` (Redis rows need SLACK_SCIM_REDIS_URL; .ci/run's Redis or any).
 *
 * @module
 */

import { createClient } from "redis";
import { SCIMApiError, SCIMClient } from "../mod.ts";
import { type RatePoolName, SlackRateLimiter, slackRatePools } from "../limits/mod.ts";
import { RateLimitErrorRetryHandler } from "../retry/mod.ts";
import { SlackScimSimulator } from "../scim/testing/mod.ts";
import { listen } from "../scim/testing/listen.ts";
import { runWorkers, scaledLimits } from "../tests/limits/_workers.ts";
import type { WorkerConfig } from "./_limits_worker.ts";

const SCALE = 60;
const LIMITS = scaledLimits(SCALE);
const TOKEN = "xoxp-bench-limits";
// The bench's event-loop and loopback delays are real milliseconds, not scaled down with the
// limits: the limiter keeps 30 ms of each burst for them (6 of the 20 user writes at x60).
const JITTER = 30;
const REDIS_URL = Deno.env.get("SLACK_SCIM_REDIS_URL");

interface Row {
  workload: string;
  pacing: string;
  calls: number;
  seconds: number;
  /** The least time Slack's limits allow for the workload, in seconds. */
  minimum: number;
  received: number;
  surfaced: number;
  note: string;
}

const rows: Row[] = [];

function client(sim: SlackScimSimulator, limiter: SlackRateLimiter | undefined): SCIMClient {
  return new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    rateLimiter: limiter ?? false,
    timeout: 300_000,
    // The Python SDK's handler with its defaults (one retry after Retry-After), in both columns.
    retryHandlers: [new RateLimitErrorRetryHandler()],
  });
}

/** Runs the calls all at once; counts 429s the caller saw. */
async function allAtOnce(calls: (() => Promise<unknown>)[]): Promise<number> {
  let surfaced = 0;
  await Promise.all(calls.map(async (call) => {
    try {
      await call();
    } catch (error) {
      if (error instanceof SCIMApiError && error.status === 429) surfaced++;
      else throw error;
    }
  }));
  return surfaced;
}

function received(sim: SlackScimSimulator, from = 0): number {
  return sim.requests.slice(from).filter((request) => request.status === 429).length;
}

/** The least time for `counts` requests per pool: max over pools of (n - burst) / rate. */
function minimumSeconds(counts: Partial<Record<RatePoolName, number>>, share = 1): number {
  let most = 0;
  for (const [pool, n] of Object.entries(counts) as [RatePoolName, number][]) {
    const { perMinute, burst } = LIMITS[pool];
    most = Math.max(most, (Math.max(0, n - burst) / (perMinute * share)) * 60);
  }
  return most;
}

function countPools(requests: { method: string; path: string; status: number }[]) {
  const counts: Partial<Record<RatePoolName, number>> = {};
  for (const request of requests) {
    if (request.status === 429) continue;
    for (const pool of slackRatePools(request.method, request.path).pools) {
      counts[pool] = (counts[pool] ?? 0) + 1;
    }
  }
  return counts;
}

const newUser = (userName: string) => ({
  userName,
  emails: [{ value: `${userName}@example.com` }],
});

async function createUsers(paced: boolean): Promise<void> {
  const n = 1000;
  const sim = new SlackScimSimulator({ token: TOKEN, rateLimits: { timeScale: SCALE } });
  const limiter = paced ? new SlackRateLimiter({ limits: LIMITS, jitter: JITTER }) : undefined;
  const scim = client(sim, limiter);
  const started = performance.now();
  const surfaced = await allAtOnce(
    Array.from({ length: n }, (_, i) => () => scim.createUser(newUser(`c${i}`))),
  );
  rows.push({
    workload: `${n} createUser at once`,
    pacing: paced ? "SlackRateLimiter" : "reactive only",
    calls: n,
    seconds: (performance.now() - started) / 1000,
    minimum: minimumSeconds({ userWrites: n, writes: n }),
    received: received(sim),
    surfaced,
    note: limiter ? `waited ${limiter.stats().waited} calls` : "",
  });
}

async function mixedJob(paced: boolean): Promise<void> {
  const sim = new SlackScimSimulator({ token: TOKEN, rateLimits: { timeScale: SCALE } });
  // 100 users and 40 groups to update, made beforehand (paced), then the buckets fill up again.
  const setup = client(sim, new SlackRateLimiter({ limits: LIMITS, jitter: JITTER }));
  const users = await Promise.all(
    Array.from(
      { length: 100 },
      async (_, i) => (await setup.createUser(newUser(`s${i}`))).user.id!,
    ),
  );
  const groups = await Promise.all(
    Array.from(
      { length: 40 },
      async (_, i) => (await setup.createGroup({ displayName: `S${i}`, members: [] })).group.id!,
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const from = sim.requests.length;
  const limiter = paced ? new SlackRateLimiter({ limits: LIMITS, jitter: JITTER }) : undefined;
  const scim = client(sim, limiter);
  const calls: (() => Promise<unknown>)[] = [];
  for (let i = 0; i < 200; i++) {
    calls.push(() => scim.createUser(newUser(`m${i}`)));
    // Two patches per user and five member updates per group: writes that must take turns.
    calls.push(() => scim.patchUser(users[i % 100]!, { title: `T${i}` }));
    calls.push(() => scim.patchGroup(groups[i % 40]!, { members: [{ value: users[i % 100]! }] }));
    calls.push(() => scim.searchUsers({ count: 5, startIndex: 1 + (i % 50) }));
    if (i % 2 === 0) calls.push(() => scim.readUser(users[i % 100]!));
    if (i % 5 === 0) {
      calls.push(() => scim.createGroup({ displayName: `G${i}`, members: [] }));
    }
  }
  const started = performance.now();
  const surfaced = await allAtOnce(calls);
  const seconds = (performance.now() - started) / 1000;
  const done = sim.requests.slice(from);
  const counts = countPools(done);
  rows.push({
    workload: "mixed job (creates, patches, groups, reads)",
    pacing: paced ? "SlackRateLimiter" : "reactive only",
    calls: calls.length,
    seconds,
    minimum: minimumSeconds(counts),
    received: received(sim, from),
    surfaced,
    note: Object.entries(counts).map(([pool, n]) => `${pool} ${n}`).join(", "),
  });
}

async function processes(store: "redis" | "kv" | "none", count: number): Promise<void> {
  const n = 1000;
  const sim = new SlackScimSimulator({ token: TOKEN, rateLimits: { timeScale: SCALE } });
  const server = await listen(sim.fetch);
  const kvPath = store === "kv"
    ? await Deno.makeTempFile({ dir: ".tmp", prefix: "bench-limits-", suffix: ".kv" })
    : undefined;
  try {
    const prefix = `bench:${crypto.randomUUID()}`;
    const configs = Array.from({ length: count }, (_, i): WorkerConfig => ({
      baseUrl: server.baseUrl,
      token: TOKEN,
      store,
      org: "acme",
      prefix,
      limits: LIMITS,
      jitter: JITTER,
      count: n / count,
      namePrefix: `p${i}u`,
      ...(REDIS_URL ? { redisUrl: REDIS_URL } : {}),
      ...(kvPath ? { kvPath } : {}),
    }));
    const { results, elapsedMs } = await runWorkers(configs);
    const created = results.reduce((sum, r) => sum + r.created, 0);
    const errors = results.flatMap((r) => r.otherErrors);
    if (errors.length > 0) throw new Error(`Workers failed: ${errors.slice(0, 3).join("; ")}`);
    const seconds = elapsedMs / 1000;
    rows.push({
      workload: `${n} createUser, ${count} processes`,
      pacing: store === "none"
        ? "reactive only"
        : `SlackRateLimiter, shared ${store === "kv" ? "Deno KV file" : "Redis"}`,
      calls: n,
      seconds,
      minimum: minimumSeconds({ userWrites: n, writes: n }),
      received: received(sim),
      surfaced: results.reduce((sum, r) => sum + r.surfaced429, 0),
      note: `${(created / seconds * 60 / SCALE).toFixed(0)}/min combined (limit 180)` +
        (results.some((r) => r.degraded) ? ", store degraded" : ""),
    });
  } finally {
    await server.close();
    if (kvPath) {
      for (const suffix of ["", "-shm", "-wal"]) await Deno.remove(kvPath + suffix).catch(() => {});
    }
  }
}

async function anotherApp(paced: boolean): Promise<void> {
  const n = 500;
  const sim = new SlackScimSimulator({ token: TOKEN, rateLimits: { timeScale: SCALE } });
  const setup = client(sim, new SlackRateLimiter({ limits: LIMITS, jitter: JITTER }));
  const theirUsers = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => (await setup.createUser(newUser(`o${i}`))).user.id!),
  );
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const from = sim.requests.length;
  // The other app paces itself to half the org's user-write budget (and half of all writes),
  // patching its own users until our job is done.
  const half = {
    ...LIMITS,
    writes: { perMinute: LIMITS.writes.perMinute / 2, burst: LIMITS.writes.burst / 2 },
    userWrites: { perMinute: LIMITS.userWrites.perMinute / 2, burst: LIMITS.userWrites.burst / 2 },
  };
  const theirs = client(sim, new SlackRateLimiter({ limits: half, jitter: JITTER }));
  let running = true;
  let theirCalls = 0;
  const other = Promise.all(theirUsers.map(async (id, i) => {
    while (running) {
      theirCalls++;
      await theirs.patchUser(id, { title: `other ${i}` }).catch(() => {});
    }
  }));
  await new Promise((resolve) => setTimeout(resolve, 500)); // the other app is at its pace
  const limiter = paced ? new SlackRateLimiter({ limits: LIMITS, jitter: JITTER }) : undefined;
  const scim = client(sim, limiter);
  const started = performance.now();
  const surfaced = await allAtOnce(
    Array.from({ length: n }, (_, i) => () => scim.createUser(newUser(`a${i}`))),
  );
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await other;
  const ourRefusals =
    sim.requests.slice(from).filter((request) =>
      request.status === 429 && request.method === "POST"
    ).length;
  rows.push({
    workload: `${n} createUser, another app using half the user-write budget`,
    pacing: paced ? "SlackRateLimiter (adaptive)" : "reactive only",
    calls: n,
    seconds,
    minimum: minimumSeconds({ userWrites: n }, 0.5),
    received: ourRefusals,
    surfaced,
    note: (limiter ? `ran at ${(n / seconds * 60 / SCALE).toFixed(0)}/min of the 90 left; ` : "") +
      `the other app: ${theirCalls} calls` +
      (limiter
        ? `; target at the end ${
          (limiter.stats().pools.userWrites.perMinute / SCALE).toFixed(0)
        }/min, climbing back`
        : ""),
  });
}

function table(): string {
  const header =
    "| workload | pacing | calls | time (s) | ÷ minimum | 429s received | 429s surfaced | notes |";
  const lines = [header, "|---|---|---:|---:|---:|---:|---:|---|"];
  for (const row of rows) {
    lines.push(
      `| ${row.workload} | ${row.pacing} | ${row.calls} | ${row.seconds.toFixed(2)} | ` +
        `${
          row.surfaced > 0 ? "— (calls failed)" : `${(row.seconds / row.minimum).toFixed(2)}×`
        } | ${row.received} ` +
        `(${(row.received / row.calls * 100).toFixed(1)}%) | ${row.surfaced} | ${row.note} |`,
    );
  }
  return lines.join("\n");
}

async function redisReachable(): Promise<boolean> {
  if (REDIS_URL === undefined) return false;
  try {
    const redis = await createClient({ url: REDIS_URL }).connect();
    await redis.quit();
    return true;
  } catch {
    return false;
  }
}

if (import.meta.main) {
  const started = performance.now();
  await Deno.mkdir(".tmp", { recursive: true });
  // `deno task bench:limits <word>` runs only the steps whose name contains it.
  const only = Deno.args[0];
  const step = async (name: string, run: () => Promise<void>) => {
    if (only !== undefined && !name.includes(only)) return;
    const at = performance.now();
    await run();
    const row = rows.at(-1)!;
    console.error(
      `${name}: ${((performance.now() - at) / 1000).toFixed(1)} s; ` +
        `${
          (row.seconds / row.minimum).toFixed(2)
        }x, ${row.received} received, ${row.surfaced} surfaced`,
    );
  };
  await step("1,000 creates, paced", () => createUsers(true));
  await step("1,000 creates, reactive", () => createUsers(false));
  await step("mixed, paced", () => mixedJob(true));
  await step("mixed, reactive", () => mixedJob(false));
  const redis = await redisReachable();
  if (!redis) console.error("SLACK_SCIM_REDIS_URL unset or unreachable: no Redis rows");
  for (const count of [2, 4]) {
    if (redis) await step(`${count} processes, Redis`, () => processes("redis", count));
    await step(`${count} processes, Deno KV`, () => processes("kv", count));
    await step(`${count} processes, reactive`, () => processes("none", count));
  }
  await step("another app, paced", () => anotherApp(true));
  await step("another app, reactive", () => anotherApp(false));
  console.log(
    `Slack's limits x${SCALE} on both sides (simulator timeScale ${SCALE}; limiter rates x${SCALE}), ` +
      `jitter ${JITTER} ms; RateLimitErrorRetryHandler() (1 retry) in every row. ` +
      `"÷ minimum": time over the least the limits allow. Load average: ${
        Deno.loadavg().map((x) => x.toFixed(1)).join(" ")
      }.\n`,
  );
  console.log(table());
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
}
