// The limiter's options as plain JavaScript may pass them: every bad value is refused up front,
// naming the option (never a runtime internal), and a token is never quoted.
import assert from "node:assert/strict";
import { SLACK_RATE_LIMITS, SlackRateLimiter } from "../../limits/mod.ts";

// deno-lint-ignore no-explicit-any
const loose = (options: unknown) => new SlackRateLimiter(options as any);

Deno.test("an org name holding a token anywhere is refused, and the token is never quoted", () => {
  const token = "xoxp-1234-5678-abcdef";
  for (
    const org of [` ${token}`, `acme/${token}`, `prod:${token}`, `a.${token}`, "xoxe.xoxp-1-2"]
  ) {
    assert.throws(
      () => new SlackRateLimiter({ org }),
      (error) =>
        error instanceof TypeError && /looks like a Slack token/.test(error.message) &&
        !error.message.includes("1234") && !error.message.includes("xoxe"),
      org,
    );
  }
  // Plain names that merely contain the letters are fine.
  assert.equal(new SlackRateLimiter({ org: "boxox" }).stats().calls, 0);
});

Deno.test("plain-JS misuse names the argument, not a runtime internal", () => {
  const cases: [unknown, RegExp][] = [
    [null, /^Cannot create a SlackRateLimiter: options "null" is not an object$/],
    ["acme", /options "acme" is not an object/],
    [{ limits: null }, /^Cannot limit rates: limits "null" is not an object of pools/],
    [{ limits: [] }, /limits "" is not an object of pools/],
    [{ limits: { userWrites: null } }, /^Cannot limit rates: userWrites "null" is not a pool/],
    [{ limits: { userWrites: 5 } }, /userWrites "5" is not a pool/],
    [{ limits: { userWrites: { perMinute: "60", burst: 1 } } }, /userWrites\.perMinute "60"/],
    [{ limits: { reads: { perMinute: 60 } } }, /reads\.burst "undefined" is not a positive/],
    [{ org: 1.5e300 }, /^Cannot use org "1\.5e\+300": it must be a string/],
    [{ org: null }, /^Cannot use org "null"/],
    [{ jitter: "100" }, /^Cannot use jitter "100"/],
    [{ headroom: "0.1" }, /^Cannot use headroom "0.1"/],
    [{ store: {} }, /^Cannot use store .*reserve\(\) and block\(\)/],
    [{ store: null }, /^Cannot use store "null"/],
    [{ clock: { now: 5 } }, /^Cannot use clock/],
    [{ logger: { warn: () => {} } }, /^Cannot use logger/],
  ];
  for (const [options, message] of cases) {
    assert.throws(
      () => loose(options),
      (error) =>
        (error instanceof TypeError || error instanceof RangeError) && message.test(error.message),
      JSON.stringify(options),
    );
  }
});

Deno.test("a misspelled pool name is refused, naming it and the known names", () => {
  assert.throws(
    () => loose({ limits: { userwrites: { perMinute: 60, burst: 1 } } }),
    (error) =>
      error instanceof TypeError &&
      error.message ===
        'Cannot limit rates: unknown pool "userwrites"; the pools are writes, reads, readOne, ' +
          "userWrites, groupCreateDelete, groupUpdates",
  );
  // A name holding a token is not quoted.
  assert.throws(
    () => loose({ limits: { "xoxb-99-secret": { perMinute: 60, burst: 1 } } }),
    (error) => error instanceof TypeError && !error.message.includes("secret"),
  );
});

Deno.test("storeTimeout beyond what a timer holds, Infinity, 0 or NaN is refused", () => {
  for (const storeTimeout of [2 ** 31, Infinity, 0, -1, NaN, "100"]) {
    assert.throws(
      () => loose({ storeTimeout }),
      (error) => error instanceof RangeError && /^Cannot use storeTimeout /.test(error.message),
      String(storeTimeout),
    );
  }
  // The largest a timer holds is fine.
  assert.equal(new SlackRateLimiter({ storeTimeout: 2 ** 31 - 1 }).stats().degraded, false);
});

Deno.test("the default pacing is 98% of Slack's rates: 588 writes, 176.4 user writes a minute", () => {
  const { pools } = new SlackRateLimiter().stats();
  assert.equal(pools.writes.perMinute, 588);
  assert.equal(Math.round(pools.userWrites.perMinute * 1000) / 1000, 176.4);
  for (const [name, pool] of Object.entries(SLACK_RATE_LIMITS)) {
    const paced = pools[name as keyof typeof pools];
    assert.equal(paced.perMinute, pool.perMinute * 0.98, name);
    assert.equal(paced.burst, pool.burst, name);
  }
});

Deno.test("the default pacing spaces user writes 60,000 / 176.4 ms apart once the burst is spent", async () => {
  let now = 0;
  const waits: number[] = [];
  const clock = {
    now: () => now,
    sleep: (ms: number) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
  const limiter = new SlackRateLimiter({ clock });
  const paced = limiter.wrap(() => Promise.resolve(new Response("{}", { status: 201 })));
  for (let i = 0; i < 20; i++) {
    await paced(new Request("https://api.slack.com/scim/v1/Users", { method: "POST" }));
  }
  // 17 of the burst of 20 go at once (1 s kept for jitter), then one each 340.1 ms.
  assert.equal(waits.length, 3);
  for (const wait of waits) assert.equal(Math.round(wait * 10), Math.round(600_000 / 176.4));
});
