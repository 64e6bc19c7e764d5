/**
 * One process of a multi-process rate-limit run (the limits tests and `deno task bench:limits`):
 * a client on a shared simulator (over loopback), paced by a SlackRateLimiter on a shared store, or
 * not paced at all. Prints `ready`, waits for a line on stdin, creates its users all at once, and
 * prints one JSON line of results.
 *
 * Usage: `deno run --allow-net=127.0.0.1 --allow-env --allow-read --allow-write=.tmp --unstable-kv
 * scripts/_limits_worker.ts '<WorkerConfig as JSON>'`
 *
 * @module
 */

import { createClient } from "redis";
import { SCIMApiError, SCIMClient } from "../mod.ts";
import { type LimitStore, type RatePools, SlackRateLimiter } from "../limits/mod.ts";
import { RedisLimitStore } from "../limits/redis.ts";
import { DenoKvLimitStore } from "../limits/deno_kv.ts";
import { RateLimitErrorRetryHandler } from "../retry/mod.ts";

/** What one worker is told to do. */
export interface WorkerConfig {
  baseUrl: string;
  token: string;
  /** Where the limiter's pools live; `"none"`: no limiter (reactive retries only). */
  store: "redis" | "kv" | "memory" | "none";
  redisUrl?: string;
  kvPath?: string;
  org: string;
  /** Key prefix (Redis), so runs do not share keys. */
  prefix: string;
  limits: RatePools;
  /** The limiter's `jitter` (ms); the scaled runs' network delays are not scaled down. */
  jitter?: number;
  count: number;
  namePrefix: string;
}

/** What one worker reports. */
export interface WorkerResult {
  created: number;
  surfaced429: number;
  otherErrors: string[];
  elapsedMs: number;
  waited: number;
  rateLimited: number;
  degraded: boolean;
}

/**
 * Opens a Deno KV file that other processes may be opening at the same moment: while one of them
 * sets the file up, SQLite answers "database is locked" to the others, so those try again (up to
 * ~5 s). The first read is part of opening: it is where the lock shows.
 */
export async function openSharedKv(path: string): Promise<Deno.Kv> {
  for (let attempt = 0;; attempt++) {
    let kv: Deno.Kv | undefined;
    try {
      kv = await Deno.openKv(path);
      await kv.get(["slack-scim", "opened"]);
      return kv;
    } catch (error) {
      kv?.close();
      if (attempt >= 50 || !/database is locked|busy/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(Deno.args[0] ?? "{}") as WorkerConfig;
  let store: LimitStore | undefined;
  let close = async () => {};
  if (config.store === "redis") {
    const redis = await createClient({ url: config.redisUrl ?? "" }).connect();
    store = new RedisLimitStore(redis, { prefix: config.prefix });
    close = async () => void await redis.quit();
  } else if (config.store === "kv") {
    const kv = await openSharedKv(config.kvPath ?? "");
    store = new DenoKvLimitStore(kv);
    close = () => Promise.resolve(kv.close());
  }
  const limiter = config.store === "none" ? undefined : new SlackRateLimiter({
    limits: config.limits,
    org: config.org,
    ...(config.jitter === undefined ? {} : { jitter: config.jitter }),
    ...(store ? { store } : {}),
  });
  const transport = (request: Request) => fetch(request);
  const client = new SCIMClient({
    token: config.token,
    baseUrl: config.baseUrl,
    fetch: transport,
    rateLimiter: limiter ?? false,
    timeout: 120_000,
    // The Python SDK's way on its own; under the limiter, the same handler retries a rare 429.
    retryHandlers: [new RateLimitErrorRetryHandler()],
  });
  // Warm up (code paths, a connection) outside the measured run, without touching the limiter.
  const warm = await transport(
    new Request(`${config.baseUrl}Users?count=1`, {
      headers: { authorization: `Bearer ${config.token}` },
    }),
  );
  await warm.body?.cancel();
  console.log("ready");
  const reader = Deno.stdin.readable.getReader();
  await reader.read();
  reader.releaseLock();

  const started = performance.now();
  const result: WorkerResult = {
    created: 0,
    surfaced429: 0,
    otherErrors: [],
    elapsedMs: 0,
    waited: 0,
    rateLimited: 0,
    degraded: false,
  };
  await Promise.all(
    Array.from({ length: config.count }, async (_, i) => {
      const userName = `${config.namePrefix}${i}`;
      try {
        await client.createUser({ userName, emails: [{ value: `${userName}@example.com` }] });
        result.created++;
      } catch (error) {
        if (error instanceof SCIMApiError && error.status === 429) result.surfaced429++;
        else result.otherErrors.push(String(error).slice(0, 200));
      }
    }),
  );
  result.elapsedMs = performance.now() - started;
  if (limiter) {
    const stats = limiter.stats();
    result.waited = stats.waited;
    result.rateLimited = stats.rateLimited;
    result.degraded = stats.degraded;
  }
  console.log(JSON.stringify(result));
  await close();
}

if (import.meta.main) await main();
