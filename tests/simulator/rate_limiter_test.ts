import assert from "node:assert/strict";
import {
  RateLimiter,
  type RateLimitOptions,
  type RateLimitVerdict,
  SLACK_RATE_LIMITS,
} from "../../scim/testing/rate_limiter.ts";
import { SlackScimSimulator } from "../../scim/testing/simulator.ts";

/** A limiter on a clock the test moves by hand. */
function limiter(options: RateLimitOptions | true = true) {
  const clock = { ms: 1_700_000_000_000, now: () => clock.ms };
  return { limiter: new RateLimiter(options, clock), clock };
}

/** Acquires and releases at once, as a request answered instantly. */
function hit(target: RateLimiter, method: string, path: string): RateLimitVerdict {
  const verdict = target.acquire(method, path);
  if (verdict.allowed) verdict.release();
  return verdict;
}

function allowedCount(target: RateLimiter, method: string, path: string, n: number): number {
  let allowed = 0;
  for (let i = 0; i < n; i++) if (hit(target, method, path).allowed) allowed++;
  return allowed;
}

function denied(verdict: RateLimitVerdict) {
  assert.equal(verdict.allowed, false);
  return verdict as Extract<RateLimitVerdict, { allowed: false }>;
}

Deno.test("SLACK_RATE_LIMITS is Slack's published table", () => {
  assert.deepEqual(SLACK_RATE_LIMITS, {
    writes: { perMinute: 600, burst: 180 },
    reads: { perMinute: 1000, burst: 1000 },
    readOne: { perMinute: 300, burst: 300 },
    userWrites: { perMinute: 180, burst: 20 },
    groupCreateDelete: { perMinute: 180, burst: 20 },
    groupUpdates: { perMinute: 180, burst: 80 },
  });
});

Deno.test("a burst of user writes passes, then 429 too_many_requests with Retry-After 1", () => {
  const { limiter: target } = limiter();
  assert.equal(allowedCount(target, "POST", "/Users", 20), 20);
  assert.deepEqual(target.acquire("PATCH", "/Users/U1"), {
    allowed: false,
    retryAfterSeconds: 1,
    description: "too_many_requests",
    reason: "userWrites",
  });
});

Deno.test("Retry-After is the rounded-up wait for the next token, shrinking as time passes", () => {
  const { limiter: target, clock } = limiter({ readOne: { perMinute: 6, burst: 2 } });
  assert.equal(allowedCount(target, "GET", "/Users/U1", 2), 2);
  assert.equal(denied(hit(target, "GET", "/Users/U1")).retryAfterSeconds, 10);
  clock.ms += 4_000;
  assert.equal(denied(hit(target, "GET", "/Users/U1")).retryAfterSeconds, 6);
  clock.ms += 5_500;
  assert.equal(denied(hit(target, "GET", "/Users/U1")).retryAfterSeconds, 1);
  clock.ms += 500;
  assert.equal(hit(target, "GET", "/Users/U1").allowed, true);
});

Deno.test("buckets refill at the pool's rate and never beyond its burst", () => {
  const { limiter: target, clock } = limiter();
  assert.equal(allowedCount(target, "POST", "/Groups", 25), 20);
  clock.ms += 1_000; // 180 per minute: 3 tokens a second
  assert.equal(allowedCount(target, "POST", "/Groups", 10), 3);
  clock.ms += 3_600_000;
  assert.equal(allowedCount(target, "POST", "/Groups", 100), 20);
});

Deno.test("reading one user or group uses its own pool as well as the org read pool", () => {
  const { limiter: target } = limiter();
  assert.equal(allowedCount(target, "GET", "/Groups/S1", 301), 300);
  assert.equal(denied(hit(target, "GET", "/Users/U9")).reason, "readOne");
  // The list endpoints only draw on the org read pool, 700 tokens of which are left.
  assert.equal(allowedCount(target, "GET", "/Users", 800), 700);
  assert.equal(denied(hit(target, "GET", "/ServiceProviderConfigs")).reason, "reads");
  // Writes are a separate pool.
  assert.equal(hit(target, "POST", "/Users").allowed, true);
});

Deno.test("group create/delete and group updates have separate pools", () => {
  const { limiter: target } = limiter();
  assert.equal(allowedCount(target, "POST", "/Groups", 20), 20);
  assert.equal(denied(hit(target, "DELETE", "/Groups/S1")).reason, "groupCreateDelete");
  let updates = 0;
  for (let i = 0; i < 90; i++) {
    if (hit(target, i % 2 ? "PUT" : "PATCH", `/Groups/S${i}`).allowed) updates++;
  }
  assert.equal(updates, 80);
  assert.equal(denied(hit(target, "PATCH", "/Groups/S1")).reason, "groupUpdates");
  // User writes still have their own 20.
  assert.equal(allowedCount(target, "DELETE", "/Users/U1", 20), 20);
});

Deno.test("every write draws on the org write pool", () => {
  const { limiter: target } = limiter({ writes: { perMinute: 60, burst: 3 } });
  assert.equal(hit(target, "POST", "/Users").allowed, true);
  assert.equal(hit(target, "PUT", "/Groups/S1").allowed, true);
  assert.equal(hit(target, "DELETE", "/Groups/S2").allowed, true);
  assert.deepEqual(denied(hit(target, "PATCH", "/Users/U1")), {
    allowed: false,
    retryAfterSeconds: 1,
    description: "too_many_requests",
    reason: "writes",
  });
  assert.equal(hit(target, "GET", "/Users").allowed, true);
});

Deno.test("a refused request takes no token from the pools that had some", () => {
  const { limiter: target } = limiter({
    writes: { perMinute: 60, burst: 3 },
    userWrites: { perMinute: 60, burst: 1 },
  });
  assert.equal(hit(target, "POST", "/Users").allowed, true);
  assert.equal(denied(hit(target, "POST", "/Users")).reason, "userWrites");
  assert.equal(denied(hit(target, "POST", "/Users")).reason, "userWrites");
  // Had the refusals taken from the write pool, it would be empty now.
  assert.equal(allowedCount(target, "POST", "/Groups", 3), 2);
});

Deno.test("Retry-After follows the emptiest of the pools that refused", () => {
  const { limiter: target } = limiter({
    reads: { perMinute: 60, burst: 1 },
    readOne: { perMinute: 6, burst: 1 },
  });
  assert.equal(hit(target, "GET", "/Users/U1").allowed, true);
  // Both pools are empty: reads refills in 1 s, readOne in 10 s.
  const refused = denied(hit(target, "GET", "/Users/U1"));
  assert.deepEqual([refused.retryAfterSeconds, refused.reason], [10, "readOne"]);
});

Deno.test("an overlapping write to a locked group update gets resource_locked, a user too_many_requests", () => {
  const { limiter: target } = limiter();
  const group = target.acquire("PATCH", "/Groups/S1");
  const user = target.acquire("PUT", "/Users/U1");
  assert.ok(group.allowed && user.allowed);
  assert.deepEqual(target.acquire("PUT", "/Groups/S1"), {
    allowed: false,
    retryAfterSeconds: 1,
    description: "resource_locked",
    reason: "lock",
  });
  assert.equal(denied(target.acquire("DELETE", "/Groups/S1")).description, "too_many_requests");
  assert.deepEqual(denied(target.acquire("PATCH", "/Users/U1")), {
    allowed: false,
    retryAfterSeconds: 1,
    description: "too_many_requests",
    reason: "lock",
  });
  // Other resources, reads and creates are not locked.
  assert.equal(hit(target, "PATCH", "/Groups/S2").allowed, true);
  assert.equal(hit(target, "GET", "/Groups/S1").allowed, true);
  assert.equal(hit(target, "POST", "/Users").allowed, true);
  group.release();
  user.release();
  assert.equal(hit(target, "PATCH", "/Groups/S1").allowed, true);
  assert.equal(hit(target, "PATCH", "/Users/U1").allowed, true);
});

Deno.test("the write lock is on the decoded id: a percent-encoded spelling of the same user waits", () => {
  const { limiter: target } = limiter();
  const plain = target.acquire("PATCH", "/Users/U1");
  assert.ok(plain.allowed);
  assert.equal(denied(target.acquire("PUT", "/Users/%551")).reason, "lock");
  plain.release();
  const encoded = target.acquire("DELETE", "/Users/%55%31");
  assert.ok(encoded.allowed);
  assert.equal(denied(target.acquire("PATCH", "/Users/U1")).reason, "lock");
  encoded.release();
  // Not valid percent-encoding: locked under its raw spelling, never a crash.
  const broken = target.acquire("PATCH", "/Users/%E0%A4%A");
  assert.ok(broken.allowed);
  assert.equal(denied(target.acquire("PATCH", "/Users/%E0%A4%A")).reason, "lock");
  broken.release();
});

Deno.test("a second release() does not free a later writer's lock", () => {
  const { limiter: target } = limiter();
  const first = target.acquire("PATCH", "/Users/U1");
  assert.ok(first.allowed);
  first.release();
  const second = target.acquire("PATCH", "/Users/U1");
  assert.ok(second.allowed);
  first.release();
  assert.equal(denied(target.acquire("PATCH", "/Users/U1")).reason, "lock");
  second.release();
});

Deno.test("a write refused by a lock takes no tokens", () => {
  const { limiter: target } = limiter({ userWrites: { perMinute: 60, burst: 2 } });
  const held = target.acquire("PATCH", "/Users/U1");
  assert.ok(held.allowed);
  for (let i = 0; i < 5; i++) {
    assert.equal(denied(target.acquire("PATCH", "/Users/U1")).reason, "lock");
  }
  assert.equal(hit(target, "PATCH", "/Users/U2").allowed, true);
  held.release();
});

Deno.test("locks: false lets overlapping writes through", () => {
  const { limiter: target } = limiter({ locks: false });
  const first = target.acquire("PATCH", "/Groups/S1");
  assert.equal(first.allowed, true);
  assert.equal(target.acquire("PATCH", "/Groups/S1").allowed, true);
});

Deno.test("timeScale makes the buckets refill that many times faster on the clock", () => {
  const pools = { readOne: { perMinute: 6, burst: 1 } };
  const slack = limiter(pools).limiter;
  const fast = limiter({ ...pools, timeScale: 60 });
  hit(slack, "GET", "/Users/U1");
  hit(fast.limiter, "GET", "/Users/U1");
  assert.equal(denied(hit(slack, "GET", "/Users/U1")).retryAfterSeconds, 10);
  // 10 s of Slack is a sixth of a clock second; Retry-After stays a whole second at least.
  assert.equal(denied(hit(fast.limiter, "GET", "/Users/U1")).retryAfterSeconds, 1);
  fast.clock.ms += 160;
  assert.equal(hit(fast.limiter, "GET", "/Users/U1").allowed, false);
  fast.clock.ms += 7;
  assert.equal(hit(fast.limiter, "GET", "/Users/U1").allowed, true);
});

/**
 * Sends `perMinute` requests a minute, evenly, for an hour of Slack (one clock minute at
 * timeScale 60), and counts how many were let through.
 */
function anHourOfSlack(method: string, path: string, perMinute: number): number {
  const { limiter: target, clock } = limiter({ timeScale: 60 });
  const start = clock.ms;
  const total = perMinute * 60;
  let allowed = 0;
  for (let i = 0; i < total; i++) {
    // One Slack minute is one clock second.
    clock.ms = start + (i * 1000) / perMinute;
    if (hit(target, method, path).allowed) allowed++;
  }
  return allowed;
}

Deno.test("an hour of Slack at the published rates passes without a single 429", () => {
  assert.equal(anHourOfSlack("GET", "/Users", 1000), 60_000);
  assert.equal(anHourOfSlack("GET", "/Users/U1", 300), 18_000);
  assert.equal(anHourOfSlack("POST", "/Users", 180), 10_800);
  assert.equal(anHourOfSlack("PATCH", "/Groups/S1", 180), 10_800);
});

Deno.test("an hour of Slack at 10% over the published rate gets 429s beyond rate plus burst", () => {
  // Sent 1100/min for 60 min: at most the burst plus an hour's refill can pass.
  const reads = anHourOfSlack("GET", "/Users", 1100);
  assert.ok(reads >= 60_000 + 1000 - 2 && reads <= 60_000 + 1000, `${reads} reads allowed`);
  const writes = anHourOfSlack("POST", "/Users", 198);
  assert.ok(writes >= 10_800 + 20 - 2 && writes <= 10_800 + 20, `${writes} writes allowed`);
});

Deno.test("methods without a pool pass, and a clock going back refills nothing", () => {
  const { limiter: target, clock } = limiter({ userWrites: { perMinute: 60, burst: 1 } });
  assert.equal(allowedCount(target, "OPTIONS", "/Users", 5000), 5000);
  assert.equal(hit(target, "POST", "/Users").allowed, true);
  clock.ms -= 60_000;
  assert.equal(hit(target, "POST", "/Users").allowed, false);
  clock.ms += 60_000 + 1_000;
  assert.equal(hit(target, "POST", "/Users").allowed, true);
});

Deno.test("the limiter rejects a bad time scale and bad pool numbers", () => {
  const clock = { now: () => 0 };
  assert.throws(
    () => new RateLimiter({ timeScale: 0 }, clock),
    new RangeError('Cannot limit rates: timeScale "0" is not a positive number'),
  );
  assert.throws(
    () => new RateLimiter({ writes: { perMinute: -1, burst: 1 } }, clock),
    new RangeError('Cannot limit rates: writes.perMinute "-1" is not a positive number'),
  );
  assert.throws(
    () => new RateLimiter({ reads: { perMinute: 10, burst: 0.5 } }, clock),
    new RangeError('Cannot limit rates: reads.burst "0.5" is not a positive integer'),
  );
});

// --- Through the simulator ----------------------------------------------------------------

const BASE = "https://api.slack.com/scim/v1";

function createUser(sim: SlackScimSimulator, n: number): Promise<Response> {
  return sim.fetch(
    new Request(`${BASE}/Users`, {
      method: "POST",
      headers: { authorization: "Bearer xoxp-test", "content-type": "application/json" },
      body: JSON.stringify({
        schemas: ["urn:scim:schemas:core:1.0"],
        userName: `user${n}`,
        emails: [{ value: `user${n}@example.com` }],
      }),
    }),
  );
}

Deno.test("simulator with rateLimits: true answers the 21st quick create with Slack's 429", async () => {
  let now = 1_700_000_000_000;
  const sim = new SlackScimSimulator({ rateLimits: true, clock: { now: () => now } });
  for (let i = 0; i < 20; i++) {
    const response = await createUser(sim, i);
    await response.body?.cancel();
    assert.equal(response.status, 201);
  }
  const limited = await createUser(sim, 20);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "1");
  assert.deepEqual(await limited.json(), {
    Errors: { description: "too_many_requests", code: 429 },
  });
  now += 1_000;
  const later = await createUser(sim, 20);
  await later.body?.cancel();
  assert.equal(later.status, 201);
});

Deno.test("simulator without rateLimits never answers 429", async () => {
  const sim = new SlackScimSimulator({ clock: { now: () => 0 } });
  const statuses = new Set<number>();
  for (let i = 0; i < 30; i++) {
    const response = await createUser(sim, i);
    await response.body?.cancel();
    statuses.add(response.status);
  }
  assert.deepEqual([...statuses], [201]);
});

Deno.test("simulator: overlapping writes to one user conflict however its id is spelled in the path", async () => {
  const sim = new SlackScimSimulator({ rateLimits: true, clock: { now: () => 0 } });
  const created = await createUser(sim, 0);
  const { id } = await created.json() as { id: string };
  const encoded = [...id].map((char) => `%${char.charCodeAt(0).toString(16)}`).join("");
  const patch = (path: string, title: string) =>
    sim.fetch(
      new Request(`${BASE}/Users/${path}`, {
        method: "PATCH",
        headers: { authorization: "Bearer xoxp-test", "content-type": "application/json" },
        body: JSON.stringify({ schemas: ["urn:scim:schemas:core:1.0"], title }),
      }),
    );
  // The first PATCH holds the lock while it reads its body, so the second overlaps it.
  const answers = await Promise.all([patch(id, "A"), patch(encoded, "B")]);
  for (const answer of answers) await answer.body?.cancel();
  assert.deepEqual(answers.map((answer) => answer.status), [200, 429]);
});
