import assert from "node:assert/strict";
import { isRequestTimeoutError, SCIMClient } from "../../mod.ts";
import { BASE, call, newUser, simulator, TOKEN } from "./helpers.ts";

/** A POST /Users request carrying `signal`. */
function createRequest(userName: string, signal: AbortSignal): Request {
  return new Request(new URL("Users", BASE), {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(newUser(userName)),
    signal,
  });
}

async function userCount(sim: ReturnType<typeof simulator>): Promise<number> {
  return (await call(sim, "GET", "Users?count=0")).body.totalResults;
}

Deno.test("sim.fetch with an already aborted signal rejects with its reason before anything is processed", async () => {
  const sim = simulator();
  sim.faults.script({ kind: "status-503" });
  const controller = new AbortController();
  const reason = new Error("caller gave up");
  controller.abort(reason);
  await assert.rejects(sim.fetch(createRequest("early", controller.signal)), (error) => {
    assert.equal(error, reason);
    return true;
  });
  assert.deepEqual(sim.requests, []);
  // The scripted fault was not used up: the next request gets it.
  assert.equal((await call(sim, "GET", "Users")).status, 503);
  assert.equal(await userCount(sim), 0);
});

Deno.test("aborting during a slow fault rejects at once with the reason; the request is never handled", async () => {
  const sleeps: number[] = [];
  // A sleep that never ends on its own: only the abort can end the wait.
  const sim = simulator({
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise<void>(() => {});
    },
  });
  sim.faults.script({ kind: "slow", delayMs: 300 });
  const controller = new AbortController();
  const pending = sim.fetch(createRequest("slowpoke", controller.signal));
  await Promise.resolve();
  controller.abort(new DOMException("The operation timed out", "TimeoutError"));
  await assert.rejects(pending, (error) => {
    assert.ok(error instanceof DOMException);
    assert.equal(error.name, "TimeoutError");
    return true;
  });
  assert.deepEqual(sleeps, [300]);
  assert.deepEqual(
    sim.requests.map(({ method, path, status, fault }) => ({
      method,
      path,
      status,
      fault,
    })),
    [{ method: "POST", path: "/Users", status: 0, fault: "slow" }],
  );
  assert.equal(await userCount(sim), 0);
});

Deno.test("the default slow-fault sleep stops on abort, leaving no timer behind", async () => {
  // Deno's op sanitizer fails this test if the 60-second timer were left running.
  const sim = simulator();
  sim.faults.script({ kind: "slow", delayMs: 60_000 });
  const controller = new AbortController();
  const started = Date.now();
  const pending = sim.fetch(createRequest("timer", controller.signal));
  setTimeout(() => controller.abort(new Error("stop")), 1);
  await assert.rejects(pending, { message: "stop" });
  assert.ok(Date.now() - started < 5_000, "the abort did not end the wait");
  assert.equal(await userCount(sim), 0);
});

Deno.test("a write already under way when the caller aborts still completes", async () => {
  const sim = simulator();
  const controller = new AbortController();
  // The route is reading the body when the abort comes.
  const pending = sim.fetch(createRequest("committed", controller.signal));
  controller.abort(new Error("too late"));
  await assert.rejects(pending, { message: "too late" });
  await new Promise((resolve) => setTimeout(resolve, 0)); // lets the abandoned write finish
  const found = await call(sim, "GET", 'Users?filter=userName eq "committed"');
  assert.equal(found.body.totalResults, 1);
  assert.equal(sim.requests[0]?.status, 0);
});

Deno.test("a client's timeout fires against a slow in-process simulator, as it does over HTTP", async () => {
  const sim = simulator({ users: 1, sleep: () => new Promise<void>(() => {}) });
  sim.faults.script({ kind: "slow", delayMs: 300 });
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch, timeout: 20 });
  await assert.rejects(client.searchUsers({ count: 1 }), (error) => {
    assert.ok(isRequestTimeoutError(error), String(error));
    return true;
  });
});

Deno.test("a client call's own signal aborts a slow in-process request", async () => {
  const sim = simulator({ users: 1, sleep: () => new Promise<void>(() => {}) });
  sim.faults.script({ kind: "slow", delayMs: 300 });
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch });
  const controller = new AbortController();
  const pending = client.searchUsers({ count: 1, signal: controller.signal });
  setTimeout(() => controller.abort(new Error("cancelled by the caller")), 1);
  await assert.rejects(pending);
  assert.equal(sim.requests.at(-1)?.status, 0);
});
