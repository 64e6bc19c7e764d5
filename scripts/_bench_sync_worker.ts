/**
 * One workload of `deno task bench:sync`, in its own process so its peak RSS and its timing are
 * its own (the simulator runs in the parent, over loopback). Prints one JSON line.
 *
 *   _bench_sync_worker.ts sync   <baseUrl> <source.jsonl>   planSync then applySync
 *   _bench_sync_worker.ts naive  <users> <groups> <source.jsonl>   a GET per user, a PUT per
 *                                 difference, against the same seeded directory in this process
 *                                 (no loopback: faster than over HTTP, so in the baseline's favour)
 *   _bench_sync_worker.ts load   <n> <scale>                 initial load, limits time-scaled
 *
 * @module
 */

import { SCIMClient } from "../mod.ts";
import { type RatePoolName, SLACK_RATE_LIMITS, SlackRateLimiter } from "../limits/mod.ts";
import { allBuiltinRetryHandlers } from "../retry/mod.ts";
import { filter } from "../scim/filter.ts";
import { SlackScimSimulator } from "../scim/testing/mod.ts";
import { applySync, type DesiredUser, planSync, readUsersJsonl } from "../sync/mod.ts";
import { scaledLimits } from "../tests/limits/_workers.ts";

export const TOKEN = "xoxp-bench-sync";

/** Counts the requests a client sends (every attempt), reads and writes apart. */
export function counting(inner: (request: Request) => Promise<Response>) {
  const counter = {
    gets: 0,
    writes: 0,
    reset() {
      counter.gets = 0;
      counter.writes = 0;
    },
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.method === "GET") counter.gets++;
      else counter.writes++;
      return inner(request);
    }) as typeof fetch,
  };
  return counter;
}

/** The process's peak RSS in MB: the kernel's high-water mark (VmHWM), else samples. */
function peakMb(sampled: number): number {
  try {
    const status = Deno.readTextFileSync("/proc/self/status");
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    if (Number.isFinite(kb) && kb > 0) return kb / 1024;
  } catch {
    // not Linux
  }
  return sampled / 2 ** 20;
}

/** The least time (Slack seconds) for these calls per pool: max over pools of (n − burst) / rate. */
export function minimumSeconds(calls: Partial<Record<RatePoolName, number>>): number {
  let most = 0;
  for (const [pool, n] of Object.entries(calls) as [RatePoolName, number][]) {
    const { perMinute, burst } = SLACK_RATE_LIMITS[pool];
    most = Math.max(most, (Math.max(0, n - burst) / perMinute) * 60);
  }
  return most;
}

async function sync(baseUrl: string, source: string) {
  const desired = readUsersJsonl(await Deno.readTextFile(source));
  const rssBefore = Deno.memoryUsage().rss;
  const counter = counting((request) => fetch(request));
  const client = new SCIMClient({
    token: TOKEN,
    baseUrl,
    fetch: counter.fetch,
    rateLimiter: false,
    timeout: 300_000,
    retryHandlers: allBuiltinRetryHandlers(),
  });
  let sampled = rssBefore;
  const timer = setInterval(() => (sampled = Math.max(sampled, Deno.memoryUsage().rss)), 10);
  const started = performance.now();
  const plan = await planSync(client, desired);
  const planMs = performance.now() - started;
  clearInterval(timer);
  const planPeakMb = peakMb(sampled);
  const planGets = counter.gets;
  counter.reset();
  const report = await applySync(client, plan);
  return {
    planGets,
    planMs,
    rssBeforeMb: rssBefore / 2 ** 20,
    planPeakMb,
    operations: plan.operations.map((op) => op.kind),
    applyGets: counter.gets,
    writes: counter.writes,
    status: report.status,
  };
}

async function naive(users: number, groups: number, source: string) {
  const sim = new SlackScimSimulator({ token: TOKEN, users, groups });
  const desired: DesiredUser[] = readUsersJsonl(await Deno.readTextFile(source)).map((row) =>
    row.user
  );
  const counter = counting(sim.fetch);
  const client = new SCIMClient({
    token: TOKEN,
    fetch: counter.fetch,
    rateLimiter: false,
    timeout: 300_000,
  });
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < desired.length) {
      const want = desired[next++]!;
      const { users } = await client.searchUsers({
        filter: filter`email eq ${want.email}`,
        count: 1,
        startIndex: 1,
      });
      const have = users[0];
      if (have === undefined) continue;
      const differs = (want.title !== undefined && want.title !== (have.title ?? "")) ||
        (want.givenName !== undefined && want.givenName !== (have.name?.givenName ?? "")) ||
        (want.familyName !== undefined && want.familyName !== (have.name?.familyName ?? "")) ||
        (want.active !== undefined && want.active !== (have.active !== false));
      if (differs) {
        await client.updateUser({ ...have, title: want.title ?? have.title ?? "" });
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { gets: counter.gets, writes: counter.writes, ms: performance.now() - started };
}

async function load(n: number, scale: number, jitter: number) {
  const sim = new SlackScimSimulator({ token: TOKEN, rateLimits: { timeScale: scale } });
  const limiter = new SlackRateLimiter({ limits: scaledLimits(scale), org: "bench", jitter });
  const client = new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    rateLimiter: limiter,
    timeout: 300_000,
    retryHandlers: allBuiltinRetryHandlers(),
  });
  const desired = Array.from({ length: n }, (_, i): DesiredUser => ({
    externalId: `H${i}`,
    userName: `hire${i}`,
    email: `hire${i}@example.com`,
    givenName: "New",
    familyName: `Hire ${i}`,
  }));
  const plan = await planSync(client, desired);
  const from = sim.requests.length;
  const started = performance.now();
  const report = await applySync(client, plan, { concurrency: 8 });
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    slackSeconds: seconds * scale,
    minimumSeconds: minimumSeconds(report.calls),
    etaSeconds: plan.summary.etaSeconds,
    calls: report.calls,
    created: report.counts.createUser.done,
    received429: sim.requests.slice(from).filter((request) => request.status === 429).length,
    surfaced429: report.failures.filter((failure) => /\b429\b/.test(failure.error)).length,
    failures: report.failures.length,
    status: report.status,
  };
}

if (import.meta.main) {
  const [mode, a, b, c] = Deno.args;
  const result = mode === "sync"
    ? await sync(a!, b!)
    : mode === "naive"
    ? await naive(Number(a), Number(b), c!)
    : await load(Number(a), Number(b), Number(c ?? 30));
  console.log(JSON.stringify(result));
}
