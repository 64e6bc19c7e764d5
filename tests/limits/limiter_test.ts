import assert from "node:assert/strict";
import { SCIMClient } from "../../mod.ts";
import {
  type LimitStore,
  MemoryLimitStore,
  type RatePools,
  SLACK_RATE_LIMITS,
  SlackRateLimiter,
} from "../../limits/mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { RateLimitErrorRetryHandler } from "../../retry/mod.ts";
import { fakeClock } from "./_clock.ts";

const BASE = "https://api.slack.com/scim/v1/";

function request(method: string, path: string, signal?: AbortSignal): Request {
  return new Request(`${BASE}${path}`, signal ? { method, signal } : { method });
}

function recorder(clock: { now(): number }, status = 200) {
  const sent: { at: number; method: string; path: string }[] = [];
  const fetch = (req: Request) => {
    sent.push({ at: clock.now(), method: req.method, path: new URL(req.url).pathname });
    return Promise.resolve(new Response("{}", { status }));
  };
  return { sent, fetch };
}

Deno.test("a request waits for the stricter of the org pool and the endpoint's pool", async () => {
  const clock = fakeClock();
  const limits: Partial<RatePools> = {
    writes: { perMinute: 60, burst: 2 }, // one a second: the stricter
    userWrites: { perMinute: 600, burst: 10 },
  };
  const limiter = new SlackRateLimiter({ headroom: 0, clock, limits, jitter: 0 });
  const { sent, fetch } = recorder(clock);
  const paced = limiter.wrap(fetch);
  await Promise.all(Array.from({ length: 5 }, () => paced(request("POST", "Users"))));
  assert.deepEqual(sent.map((s) => s.at), [0, 0, 1000, 2000, 3000]);
});

Deno.test("the endpoint pool binds when it is the stricter one", async () => {
  const clock = fakeClock();
  const limits: Partial<RatePools> = {
    writes: { perMinute: 600, burst: 10 },
    groupUpdates: { perMinute: 120, burst: 1 }, // one every 500 ms
  };
  const limiter = new SlackRateLimiter({ headroom: 0, clock, limits, jitter: 0 });
  const { sent, fetch } = recorder(clock);
  const paced = limiter.wrap(fetch);
  const ids = ["S1", "S2", "S3"];
  await Promise.all(ids.map((id) => paced(request("PATCH", `Groups/${id}`))));
  assert.deepEqual(sent.map((s) => s.at), [0, 500, 1000]);
});

Deno.test("a burst goes out at once, less what is kept for network jitter", async () => {
  const clock = fakeClock();
  const limiter = new SlackRateLimiter({ headroom: 0, clock }); // Slack's table: userWrites burst 20
  const { sent, fetch } = recorder(clock);
  const paced = limiter.wrap(fetch);
  await Promise.all(Array.from({ length: 22 }, () => paced(request("POST", "Users"))));
  // 1 s of jitter at 180 a minute is 3 requests: 17 of the 20 go at once.
  assert.equal(sent.filter((s) => s.at === 0).length, 17);
  assert.equal(Math.round(sent.at(-1)!.at), Math.round((5 * 60_000) / 180));
  const stats = limiter.stats();
  assert.equal(stats.calls, 22);
  assert.equal(stats.waited, 5);
});

Deno.test("reads draw from reads, reading one also from readOne, writes never from reads", async () => {
  const clock = fakeClock();
  const limits: Partial<RatePools> = {
    reads: { perMinute: 60, burst: 1 },
    readOne: { perMinute: 60, burst: 1 },
  };
  const limiter = new SlackRateLimiter({ headroom: 0, clock, limits, jitter: 0 });
  const { sent, fetch } = recorder(clock);
  const paced = limiter.wrap(fetch);
  await paced(request("GET", "Users/U1"));
  await paced(request("POST", "Users")); // not held up by reads
  assert.deepEqual(sent.map((s) => s.at), [0, 0]);
  await paced(request("GET", "Users"));
  assert.equal(sent.at(-1)!.at, 1000);
});

Deno.test("concurrent writes to one user go one at a time; writes to other users do not wait", async () => {
  const inFlight = new Map<string, number>();
  let most = 0;
  const done: string[] = [];
  const fetch = async (req: Request) => {
    const path = new URL(req.url).pathname;
    const n = (inFlight.get(path) ?? 0) + 1;
    inFlight.set(path, n);
    most = Math.max(most, n);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight.set(path, n - 1);
    done.push(path);
    return new Response("{}");
  };
  const limiter = new SlackRateLimiter();
  const paced = limiter.wrap(fetch);
  const started = performance.now();
  await Promise.all([
    paced(request("PATCH", "Users/U1")),
    paced(request("PUT", "Users/U1")),
    paced(request("DELETE", "Users/%55%31")), // the same user, spelled encoded
    paced(request("PATCH", "Users/U2")),
    paced(request("PATCH", "Groups/U1")), // a group is another resource
  ]);
  assert.equal(most, 1);
  assert.equal(done.filter((path) => path.endsWith("/U2")).length, 1);
  assert.ok(done.indexOf("/scim/v1/Users/U2") < 2, "U2 did not wait for U1's writes");
  assert.ok(performance.now() - started >= 15, "three writes to U1 took three turns");
  assert.equal(limiter.stats().waited, 2);
});

Deno.test("a 429 blocks its pools for Retry-After and lowers their target rate", async () => {
  const clock = fakeClock();
  const limiter = new SlackRateLimiter({ headroom: 0, clock, jitter: 0 });
  let status = 429;
  const sent: number[] = [];
  const paced = limiter.wrap(() => {
    sent.push(clock.now());
    return Promise.resolve(
      new Response("{}", { status, headers: status === 429 ? { "retry-after": "3" } : {} }),
    );
  });
  assert.equal((await paced(request("POST", "Users"))).status, 429);
  status = 201;
  await paced(request("POST", "Users"));
  assert.deepEqual(sent, [0, 3000]);
  const stats = limiter.stats();
  assert.equal(stats.rateLimited, 1);
  // 0.7 of the limit, and 3 s into climbing back (2,000 intervals from 0 to 1).
  assert.equal(stats.pools.userWrites.perMinute, 180 * (0.7 + 3000 / (2000 * 60_000 / 180)));
  assert.equal(stats.pools.writes.perMinute, 600 * (0.7 + 3000 / (2000 * 60_000 / 600)));
  assert.equal(stats.pools.reads.perMinute, 1000);
  await paced(request("GET", "Users")); // reads were never blocked
  assert.equal(sent.at(-1), 3000);
});

Deno.test("requests queued into a 429's block queue again without double-booking later slots", async () => {
  const clock = fakeClock();
  const limits = { userWrites: { perMinute: 60, burst: 1 } }; // one a second
  const limiter = new SlackRateLimiter({ headroom: 0, clock, limits, jitter: 0, adaptive: false });
  const sent: number[] = [];
  const paced = limiter.wrap(() => {
    sent.push(clock.now());
    const refused = sent.length === 1;
    return Promise.resolve(
      new Response("{}", { status: refused ? 429 : 201, headers: { "retry-after": "2" } }),
    );
  });
  // Slots 0, 1, 2, 3 and 4 s; the first is refused and blocks the pool until 2 s.
  await Promise.all(Array.from({ length: 5 }, () => paced(request("POST", "Users"))));
  // The 1 s request lost its slot to the block and goes after the last one, not beside it.
  assert.deepEqual(sent, [0, 2000, 3000, 4000, 5000]);
});

Deno.test("a 429's block does not spin a clock whose sleeps pass no time (tests' clocks)", async () => {
  const clock = { now: () => Date.now(), sleep: () => Promise.resolve() };
  const limiter = new SlackRateLimiter({ clock });
  let calls = 0;
  const paced = limiter.wrap(() => {
    calls++;
    const status = calls === 1 ? 429 : 200;
    return Promise.resolve(new Response("{}", { status, headers: { "retry-after": "30" } }));
  });
  assert.equal((await paced(request("GET", "Users"))).status, 429);
  // Reserved after the block: its slot already respects it, so it goes (its sleep passed at once).
  assert.equal((await paced(request("GET", "Users"))).status, 200);
  assert.equal(calls, 2);
});

Deno.test("the target rate climbs back to the limit once 429s stop", async () => {
  const clock = fakeClock();
  const limiter = new SlackRateLimiter({ headroom: 0, clock });
  const paced = limiter.wrap(() =>
    Promise.resolve(new Response("{}", { status: 429, headers: { "retry-after": "1" } }))
  );
  await paced(request("POST", "Groups"));
  const low = limiter.stats().pools.groupCreateDelete.perMinute;
  assert.ok(low < 180);
  await clock.sleep(60_000);
  const climbing = limiter.stats().pools.groupCreateDelete.perMinute;
  assert.ok(climbing > low && climbing < 180, `${climbing}`);
  await clock.sleep(20 * 60_000);
  assert.equal(limiter.stats().pools.groupCreateDelete.perMinute, 180);
});

Deno.test("429s of requests sent before a decrease lower the rate once, not once each", async () => {
  const clock = fakeClock();
  const limiter = new SlackRateLimiter({ headroom: 0, clock });
  // Five requests in flight together, all answered 429 once the fifth is out.
  let answer = () => {};
  const allSent = new Promise<void>((resolve) => answer = resolve);
  let sent = 0;
  const paced = limiter.wrap(async () => {
    if (++sent === 5) answer();
    await allSent;
    return new Response("{}", { status: 429, headers: { "retry-after": "1" } });
  });
  await Promise.all(Array.from({ length: 5 }, () => paced(request("POST", "Users"))));
  assert.equal(limiter.stats().rateLimited, 5);
  assert.equal(limiter.stats().pools.userWrites.perMinute, 180 * 0.7);
});

Deno.test("an aborted wait rejects with the signal's reason, and its slot goes to the next call", async () => {
  const clock = fakeClock();
  const limits = { reads: { perMinute: 60, burst: 1 } };
  const limiter = new SlackRateLimiter({ headroom: 0, clock, limits, jitter: 0 });
  const { sent, fetch } = recorder(clock);
  const paced = limiter.wrap(fetch);
  await paced(request("GET", "Users"));
  const controller = new AbortController();
  const waiting = paced(request("GET", "Users", controller.signal));
  await new Promise((resolve) => setTimeout(resolve, 1));
  controller.abort(new Error("shutting down"));
  await assert.rejects(waiting, /shutting down/);
  await paced(request("GET", "Users"));
  assert.deepEqual(sent.map((s) => s.at), [0, 1000]); // the aborted slot went to the next call
});

Deno.test("a write queued behind another write to the same user can be aborted", async () => {
  let release = () => {};
  const limiter = new SlackRateLimiter();
  const paced = limiter.wrap(() =>
    new Promise<Response>((resolve) => release = () => resolve(new Response("{}")))
  );
  const first = paced(request("PATCH", "Users/U1"));
  const controller = new AbortController();
  const second = paced(request("PATCH", "Users/U1", controller.signal));
  controller.abort(new Error("gave up"));
  await assert.rejects(second, /gave up/);
  await new Promise((resolve) => setTimeout(resolve, 1));
  release();
  assert.equal((await first).status, 200);
});

Deno.test("a failing store degrades to local pacing with one warning, never failing the call", async () => {
  const warnings: string[] = [];
  const broken: LimitStore = {
    reserve: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6399")),
    block: () => Promise.reject(new Error("down")),
  };
  const limiter = new SlackRateLimiter({
    store: broken,
    logger: { debug: () => {}, warn: (message) => warnings.push(message) },
  });
  const { fetch } = recorder({ now: () => 0 });
  const paced = limiter.wrap(fetch);
  for (let i = 0; i < 3; i++) assert.equal((await paced(request("GET", "Users"))).status, 200);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /ECONNREFUSED/);
  assert.equal(limiter.stats().degraded, true);
});

Deno.test("a hanging store is given up after storeTimeout", async () => {
  const warnings: string[] = [];
  const hanging: LimitStore = {
    reserve: () => new Promise(() => {}),
    block: () => new Promise(() => {}),
  };
  const limiter = new SlackRateLimiter({
    store: hanging,
    storeTimeout: 20,
    logger: { debug: () => {}, warn: (message) => warnings.push(message) },
  });
  const paced = limiter.wrap(() => Promise.resolve(new Response("{}")));
  assert.equal((await paced(request("GET", "Users"))).status, 200);
  assert.match(warnings.join(), /did not answer within 20 ms/);
});

Deno.test("limiters sharing one store share one budget", async () => {
  const clock = fakeClock();
  const store = new MemoryLimitStore({ clock });
  const limits = { groupCreateDelete: { perMinute: 60, burst: 1 } };
  const a = new SlackRateLimiter({ headroom: 0, clock, store, limits, jitter: 0, org: "acme" });
  const b = new SlackRateLimiter({ headroom: 0, clock, store, limits, jitter: 0, org: "acme" });
  const other = new SlackRateLimiter({
    headroom: 0,
    clock,
    store,
    limits,
    jitter: 0,
    org: "globex",
  });
  const { sent, fetch } = recorder(clock);
  await Promise.all([
    a.wrap(fetch)(request("POST", "Groups")),
    b.wrap(fetch)(request("POST", "Groups")),
    other.wrap(fetch)(request("POST", "Groups")),
  ]);
  assert.deepEqual(sent.map((s) => s.at).sort((x, y) => x - y), [0, 0, 1000]);
});

Deno.test("requests outside Slack's pools pass untouched", async () => {
  const clock = fakeClock();
  const limiter = new SlackRateLimiter({ headroom: 0, clock });
  const { sent, fetch } = recorder(clock);
  await limiter.wrap(fetch)(request("OPTIONS", "Users"));
  assert.equal(sent.length, 1);
  assert.equal(limiter.stats().calls, 0);
});

Deno.test("an org name that is not a plain name, or looks like a token, is refused", () => {
  assert.throws(
    () => new SlackRateLimiter({ org: "xoxp-123-456" }),
    (error) => error instanceof TypeError && !error.message.includes("123"),
  );
  assert.throws(() => new SlackRateLimiter({ org: "a b" }), /Cannot use org "a b"/);
  assert.throws(() => new SlackRateLimiter({ jitter: -1 }), RangeError);
  assert.throws(
    () => new SlackRateLimiter({ limits: { writes: { perMinute: 0, burst: 1 } } }),
    /writes\.perMinute "0"/,
  );
});

Deno.test("against the simulator enforcing Slack's limits x60, 60 creates at once get no 429", async () => {
  const scaled = Object.fromEntries(
    Object.entries(SLACK_RATE_LIMITS).map(([name, pool]) => [
      name,
      { perMinute: pool.perMinute * 60, burst: pool.burst },
    ]),
  ) as unknown as RatePools;
  // One virtual clock for the simulator, the limiter and the client: no machine load in the way.
  const clock = fakeClock();
  const sim = new SlackScimSimulator({ rateLimits: { timeScale: 60 }, clock });
  const limiter = new SlackRateLimiter({ limits: scaled, clock, jitter: 0, headroom: 0 });
  const client = new SCIMClient({
    token: "xoxp-test",
    fetch: sim.fetch,
    rateLimiter: limiter,
    retryHandlers: [new RateLimitErrorRetryHandler({ maxRetryCount: 3 })],
    clock,
  });
  const names = Array.from({ length: 60 }, (_, i) => `u${i}`);
  const results = await Promise.all(
    names.map((userName) =>
      client.createUser({ userName, emails: [{ value: `${userName}@example.com` }] })
    ),
  );
  assert.ok(results.every((result) => result.status === 201));
  assert.equal(sim.requests.filter((r) => r.status === 429).length, 0);
  // 40 beyond the burst of 20, at 180 a second: 222 ms, not a millisecond less.
  assert.equal(Math.ceil(clock.now()), Math.ceil(40 * 1000 / 180));
});

Deno.test("three or more writes queued on one user or group reach Slack in the order called", async () => {
  const clock = fakeClock();
  const limiter = new SlackRateLimiter({ clock });
  const order: string[] = [];
  const paced = limiter.wrap(async (req) => {
    order.push(`${new URL(req.url).pathname.split("/").pop()} ${req.headers.get("x-n")}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    return new Response("{}");
  });
  const write = (path: string, n: number) =>
    paced(new Request(`${BASE}${path}`, { method: "PATCH", headers: { "x-n": String(n) } }));
  await Promise.all([1, 2, 3, 4, 5].flatMap((n) => [write("Users/U1", n), write("Groups/S1", n)]));
  assert.deepEqual(order.filter((line) => line.startsWith("U1")), [
    "U1 1",
    "U1 2",
    "U1 3",
    "U1 4",
    "U1 5",
  ]);
  assert.deepEqual(order.filter((line) => line.startsWith("S1")), [
    "S1 1",
    "S1 2",
    "S1 3",
    "S1 4",
    "S1 5",
  ]);
});

Deno.test("after more than 1,024 reservations the memory store still keeps the pools in use", async () => {
  const store = new MemoryLimitStore({ clock: { now: () => 0 } });
  await store.block("acme", [{ pool: "groupUpdates", interval: 100, tolerance: 0 }], 1_000_000);
  const reads = { pool: "reads", interval: 10, tolerance: 0 };
  const waits: number[] = [];
  for (let i = 0; i < 3_000; i++) waits.push(await store.reserve("acme", [reads]));
  // Every sweep came and went: each reservation still one interval after the last.
  assert.deepEqual(waits, Array.from({ length: 3_000 }, (_, i) => i * 10));
  const updates = { pool: "groupUpdates", interval: 100, tolerance: 0 };
  assert.equal(await store.reserve("acme", [updates]), 1_000_000);
});

Deno.test("after a 429's block ends, the memory store lets one request through, then spaces them", async () => {
  let now = 0;
  const store = new MemoryLimitStore({ clock: { now: () => now } });
  const writes = { pool: "writes", interval: 100, tolerance: 900 }; // a burst of 10
  await store.block("acme", [writes], 5_000);
  now = 5_000;
  const waits = [];
  for (let i = 0; i < 4; i++) waits.push(await store.reserve("acme", [writes]));
  assert.deepEqual(waits, [0, 100, 200, 300]);
});
