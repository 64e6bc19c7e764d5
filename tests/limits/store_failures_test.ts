// Slow, hanging and failing stores: a store slows calls down at most to its latency, never makes
// them fail, never holds a call past its abort or timeout, and warns once per outage.
import assert from "node:assert/strict";
import { RequestTimeoutError, SCIMClient } from "../../mod.ts";
import {
  type LimitStore,
  MemoryLimitStore,
  type PoolCharge,
  SlackRateLimiter,
} from "../../limits/mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { fakeClock } from "./_clock.ts";

const BASE = "https://api.slack.com/scim/v1/";

function request(method: string, path: string, signal?: AbortSignal): Request {
  return new Request(`${BASE}${path}`, signal ? { method, signal } : { method });
}

/** A real store answering after `ms` of real time: a Redis far away, without the network. */
function delayed(store: LimitStore, ms: number): LimitStore & { calls: number } {
  const wrapper = {
    calls: 0,
    async reserve(org: string, charges: readonly PoolCharge[]) {
      wrapper.calls++;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return await store.reserve(org, charges);
    },
    async block(org: string, charges: readonly PoolCharge[], blockMs: number) {
      wrapper.calls++;
      await new Promise((resolve) => setTimeout(resolve, ms));
      await store.block(org, charges, blockMs);
    },
  };
  return wrapper;
}

/** A store whose calls wait until the test lets them through (or fails them). */
function gated() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const inner = new MemoryLimitStore();
  let called = () => {};
  let firstCall = new Promise<void>((resolve) => called = resolve);
  const gate = () =>
    new Promise<void>((resolve, reject) => {
      pending.push({ resolve, reject });
      called();
    });
  const store: LimitStore = {
    reserve: async (org, charges) => (await gate(), await inner.reserve(org, charges)),
    block: async (org, charges, ms) => (await gate(), await inner.block(org, charges, ms)),
  };
  return {
    store,
    pending,
    /** Resolves once a call reaches the store (again, after `reset`). */
    called: () => firstCall,
    reset: () => void (firstCall = new Promise<void>((resolve) => called = resolve)),
    openAll: () => pending.splice(0).forEach((call) => call.resolve()),
  };
}

function logger() {
  const warnings: string[] = [];
  return {
    warnings,
    logger: { debug: () => {}, warn: (message: string) => warnings.push(message) },
  };
}

Deno.test("a slow but live store slows calls down, never makes them time out", async () => {
  const sim = new SlackScimSimulator({ users: 5 });
  const store = delayed(new MemoryLimitStore(), 250);
  const { warnings, logger: log } = logger();
  const limiter = new SlackRateLimiter({ store, logger: log });
  const client = new SCIMClient({
    token: "xoxp-test",
    fetch: sim.fetch,
    rateLimiter: limiter,
    timeout: 5_000,
  });
  // 40 decisions of 250 ms each, one after the other, would take 10 s: half the calls time out.
  const results = await Promise.allSettled(
    Array.from({ length: 40 }, () => client.searchUsers({ count: 1 })),
  );
  const timedOut = results.filter((result) =>
    result.status === "rejected" && result.reason instanceof RequestTimeoutError
  );
  assert.equal(timedOut.length, 0);
  assert.ok(results.every((result) => result.status === "fulfilled"));
  assert.equal(store.calls, 40);
  assert.deepEqual(warnings, []);
});

Deno.test("an abort ends a wait for the store at once, and the late slot goes to the next call", async () => {
  const { store, called, pending, openAll } = gated();
  const { warnings, logger: log } = logger();
  const limiter = new SlackRateLimiter({ store, logger: log, storeTimeout: 10_000 });
  const sent: string[] = [];
  const paced = limiter.wrap((req) => (sent.push(req.method), Promise.resolve(new Response("{}"))));
  const controller = new AbortController();
  const waiting = paced(request("GET", "Users", controller.signal));
  await called();
  controller.abort(new Error("shutting down"));
  await assert.rejects(waiting, /shutting down/);
  // Rejected while the store had not answered, long before storeTimeout gave up on it.
  assert.equal(pending.length, 1);
  assert.deepEqual(warnings, []);
  assert.equal(limiter.stats().degraded, false);
  openAll();
  await new Promise((resolve) => setTimeout(resolve, 0));
  // The reservation the store made for the aborted call is taken by the next one: no store call.
  const next = paced(request("GET", "Users"));
  assert.equal((await next).status, 200);
  assert.equal(pending.length, 0);
  assert.deepEqual(sent, ["GET"]);
});

Deno.test("a call's timeout ends a wait for the store", async () => {
  const { store, pending, openAll } = gated();
  const { warnings, logger: log } = logger();
  const sim = new SlackScimSimulator({ users: 1 });
  const limiter = new SlackRateLimiter({ store, logger: log, storeTimeout: 10_000 });
  const client = new SCIMClient({
    token: "xoxp-test",
    fetch: sim.fetch,
    rateLimiter: limiter,
    timeout: 100,
  });
  await assert.rejects(client.searchUsers({ count: 1 }), RequestTimeoutError);
  assert.equal(pending.length, 1); // the store still had not answered
  assert.deepEqual(warnings, []);
  openAll();
});

Deno.test("while the store is down, calls pace locally at once; a background probe finds it back", async () => {
  let now = 0;
  const clock = { now: () => now, sleep: () => Promise.resolve() };
  const gate = gated();
  let down = true;
  const store: LimitStore = {
    reserve: (org, charges) =>
      down ? Promise.reject(new Error("ECONNREFUSED")) : gate.store.reserve(org, charges),
    block: (org, charges, ms) =>
      down ? Promise.reject(new Error("ECONNREFUSED")) : gate.store.block(org, charges, ms),
  };
  const { warnings, logger: log } = logger();
  const limiter = new SlackRateLimiter({ store, clock, logger: log, storeTimeout: 30_000 });
  const paced = limiter.wrap(() => Promise.resolve(new Response("{}")));
  assert.equal((await paced(request("GET", "Users"))).status, 200);
  assert.equal(limiter.stats().degraded, true);
  // The store comes back slow (a client's offline queue replaying): the next probe hangs on it.
  down = false;
  now += 6_000;
  const during = paced(request("GET", "Users"));
  await gate.called();
  // The call does not wait for the probe (it would, until storeTimeout, if it were the probe).
  const outcome = await Promise.race([
    during.then(() => "answered"),
    new Promise((resolve) => setTimeout(() => resolve("stalled"), 5_000)),
  ]);
  assert.equal(outcome, "answered");
  assert.equal(gate.pending.length, 1);
  assert.equal(limiter.stats().degraded, true);
  gate.openAll();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(limiter.stats().degraded, false);
  assert.match(warnings.at(-1)!, /answers again/);
});

Deno.test("a second outage after a recovery warns again", async () => {
  let now = 0;
  const clock = { now: () => now, sleep: () => Promise.resolve() };
  let down = false;
  const inner = new MemoryLimitStore({ clock });
  const store: LimitStore = {
    reserve: (org, charges) =>
      down ? Promise.reject(new Error("connection lost")) : inner.reserve(org, charges),
    block: (org, charges, ms) =>
      down ? Promise.reject(new Error("connection lost")) : inner.block(org, charges, ms),
  };
  const { warnings, logger: log } = logger();
  const limiter = new SlackRateLimiter({ store, clock, logger: log });
  const paced = limiter.wrap(() => Promise.resolve(new Response("{}")));
  const get = () => paced(request("GET", "Users"));
  await get();
  for (const outage of [1, 2]) {
    down = true;
    await get();
    await get();
    assert.equal(warnings.filter((w) => /store failed/.test(w)).length, outage);
    down = false;
    now += 6_000;
    await get(); // starts the probe
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(limiter.stats().degraded, false);
  }
  assert.equal(warnings.filter((w) => /answers again/.test(w)).length, 2);
});

Deno.test("a store's wait far ahead (a bad key, a skewed clock) is warned about once", async () => {
  const day = 24 * 60 * 60_000;
  const store: LimitStore = { reserve: () => Promise.resolve(day), block: () => Promise.resolve() };
  const { warnings, logger: log } = logger();
  const limiter = new SlackRateLimiter({ store, logger: log, org: "acme" });
  const paced = limiter.wrap(() => Promise.resolve(new Response("{}")));
  for (let i = 0; i < 2; i++) {
    await assert.rejects(
      paced(request("POST", "Users", AbortSignal.timeout(20))),
      (error: Error) => error.name === "TimeoutError",
    );
  }
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /wait 86400 s for writes and userWrites \(org "acme"\)/);
});

Deno.test("a slot given up by an aborted wait goes to any request drawing from its pool", async () => {
  const clock = fakeClock();
  const limits = { reads: { perMinute: 60, burst: 1 } }; // one read a second
  const limiter = new SlackRateLimiter({ headroom: 0, clock, limits, jitter: 0 });
  const sent: { at: number; path: string }[] = [];
  const paced = limiter.wrap((req) => {
    sent.push({ at: clock.now(), path: new URL(req.url).pathname });
    return Promise.resolve(new Response("{}"));
  });
  await paced(request("GET", "Users"));
  const controller = new AbortController();
  const waits = Array.from({ length: 10 }, () => paced(request("GET", "Users", controller.signal)));
  await new Promise((resolve) => setTimeout(resolve, 1));
  controller.abort(new Error("gave up"));
  for (const wait of waits) await assert.rejects(wait, /gave up/);
  // Reading one user draws from reads and readOne: it takes the first read slot given up.
  await paced(request("GET", "Users/U1"));
  assert.deepEqual(sent.map((s) => s.at), [0, 1000]);
  // And a slot given up by a read of one user serves a search.
  const second = new AbortController();
  const one = paced(request("GET", "Users/U2", second.signal));
  await new Promise((resolve) => setTimeout(resolve, 1));
  second.abort(new Error("gave up"));
  await assert.rejects(one, /gave up/);
  await paced(request("GET", "Users"));
  assert.equal(sent.at(-1)!.at, 2000);
});
