// The default sleep: waits longer than a timer can hold (2^31-1 ms, ~24.8 days) are slept in
// chunks, since setTimeout fires at once for them.

import assert from "node:assert/strict";
import { abortableSleep, type Schedule } from "../../retry/sleep.ts";
import { RateLimitErrorRetryHandler } from "../../retry/builtin_handlers.ts";
import { createRetryingFetch } from "../../retry/fetch.ts";
import { scriptedServer, USERS } from "./_server.ts";

const MAX = 2 ** 31 - 1;

/** Timers run by hand: `fire()` runs the pending one. */
function manualTimers() {
  const asked: number[] = [];
  let pending: (() => void) | undefined;
  let cancelled = 0;
  const schedule: Schedule = (callback, ms) => {
    asked.push(ms);
    pending = callback;
    return () => {
      cancelled++;
      pending = undefined;
    };
  };
  const fire = () => {
    const callback = pending;
    pending = undefined;
    callback?.();
  };
  return { schedule, asked, fire, cancelled: () => cancelled };
}

Deno.test("a wait longer than a timer can hold is slept in chunks a timer can hold", async () => {
  const timers = manualTimers();
  let resolved = false;
  const ms = 30 * 24 * 3600 * 1000; // 30 days
  const sleep = abortableSleep(ms, new AbortController().signal, timers.schedule).then(() =>
    resolved = true
  );
  timers.fire();
  await Promise.resolve();
  assert.equal(resolved, false, "still waiting after the first chunk");
  timers.fire();
  await sleep;
  assert.deepEqual(timers.asked, [MAX, ms - MAX]);
  assert.ok(timers.asked.every((chunk) => chunk <= MAX));
});

Deno.test("a chunked wait still ends on abort, with the signal's reason", async () => {
  const timers = manualTimers();
  const controller = new AbortController();
  const sleep = abortableSleep(3 * MAX, controller.signal, timers.schedule).catch((e) => e);
  timers.fire();
  const reason = new Error("caller gave up");
  controller.abort(reason);
  assert.equal(await sleep, reason);
  assert.deepEqual(timers.asked, [MAX, MAX]);
  assert.equal(timers.cancelled(), 1, "the pending chunk's timer is cleared");
});

Deno.test("a short wait takes one timer", async () => {
  const timers = manualTimers();
  const sleep = abortableSleep(1500, new AbortController().signal, timers.schedule);
  timers.fire();
  await sleep;
  assert.deepEqual(timers.asked, [1500]);
});

Deno.test("a 30-day Retry-After with maxRetryAfter: Infinity is waited for, not retried at once", async () => {
  // Real timers: the overflowing setTimeout fired after 1 ms, so 20 ms tells the two apart.
  const server = scriptedServer(
    new Response(null, { status: 429, headers: { "Retry-After": "2592000" } }),
    new Response("ok"),
  );
  const fetch = createRetryingFetch({
    retryHandlers: () => [new RateLimitErrorRetryHandler({ maxRetryAfter: Infinity })],
    fetch: server.fetch,
  });
  const controller = new AbortController();
  const call = fetch(new Request(USERS, { signal: controller.signal })).catch((e) => e);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const reason = new Error("stop waiting");
  controller.abort(reason);
  assert.equal(await call, reason);
  assert.equal(server.received.length, 1, "no second attempt before the 30 days are up");
});
