import assert from "node:assert/strict";
import {
  type Fault,
  FAULT_KINDS,
  FaultInjector,
  type FaultKind,
  type FaultRule,
  type RandomFaultOptions,
} from "../../scim/testing/faults.ts";
import { applyFault } from "../../scim/testing/fault_responses.ts";
import {
  isSimulatedConnectionReset,
  SimulatedConnectionReset,
} from "../../scim/testing/fault_connection_reset.ts";
import { SlackScimSimulator } from "../../scim/testing/simulator.ts";
import { isNetworkError } from "../../retry/network_error.ts";
import { parseRetryAfter } from "../../retry/retry_after.ts";

const NOW = Date.UTC(2024, 3, 10, 12, 0, 0, 250);

function fault(kind: FaultKind, extra: Partial<Fault> = {}): Fault {
  return { kind, delayMs: 1000, retryAfterSeconds: 1, scripted: true, ...extra };
}

/** A handler that records whether it ran and answers like a user create. */
function recordingHandler(
  body = '{"id":"U123","userName":"ada","emails":[{"value":"ada@example.com"}]}',
  status = 201,
) {
  const calls: string[] = [];
  const handle = () => {
    calls.push("handle");
    return Promise.resolve(
      new Response(body === "" ? null : body, {
        status,
        headers: { "content-type": "application/json; charset=utf-8", "x-slack-req": "1" },
      }),
    );
  };
  return { calls, handle };
}

const deps = (calls: string[] = []) => ({
  sleep: (ms: number) => {
    calls.push(`sleep ${ms}`);
    return Promise.resolve();
  },
  now: () => NOW,
});

// --- FaultInjector: scripted rules --------------------------------------------------------

Deno.test("script() fails the next count matching requests, then lets them through", () => {
  const faults = new FaultInjector();
  faults.script({ kind: "reset-before", method: "POST", path: "/Users", count: 2 });
  assert.equal(faults.take("POST", "/Users")?.kind, "reset-before");
  assert.equal(faults.take("POST", "/Users")?.kind, "reset-before");
  assert.equal(faults.take("POST", "/Users"), undefined);
  assert.equal(faults.injected["reset-before"], 2);
});

Deno.test("script() matches the method in any case and the path exactly", () => {
  const faults = new FaultInjector();
  faults.script({ kind: "status-503", method: "patch", path: "/Users/U1", count: Infinity });
  assert.equal(faults.take("GET", "/Users/U1"), undefined);
  assert.equal(faults.take("PATCH", "/Users/U12"), undefined);
  assert.equal(faults.take("PATCH", "/Users"), undefined);
  assert.equal(faults.take("PATCH", "/Users/U1")?.kind, "status-503");
  assert.equal(faults.take("Patch", "/Users/U1")?.kind, "status-503");
});

Deno.test("script() with a RegExp path matches every time, even with the g flag", () => {
  const faults = new FaultInjector();
  faults.script({ kind: "html", path: /^\/Groups\/S\d+$/g, count: 3 });
  assert.equal(faults.take("GET", "/Groups"), undefined);
  assert.deepEqual(
    ["/Groups/S1", "/Groups/S1", "/Groups/S22"].map((path) => faults.take("DELETE", path)?.kind),
    ["html", "html", "html"],
  );
  assert.equal(faults.take("GET", "/Groups/S1"), undefined);
});

Deno.test("script() without method or path matches every request; count defaults to 1", () => {
  const faults = new FaultInjector();
  faults.script({ kind: "empty" });
  assert.equal(faults.take("GET", "/ServiceProviderConfigs")?.kind, "empty");
  assert.equal(faults.take("GET", "/ServiceProviderConfigs"), undefined);
});

Deno.test("earlier scripted rules are used before later ones that also match", () => {
  const faults = new FaultInjector();
  faults.script({ kind: "status-500", path: "/Users" });
  faults.script({ kind: "status-502", method: "GET" });
  assert.equal(faults.take("GET", "/Users")?.kind, "status-500");
  assert.equal(faults.take("GET", "/Users")?.kind, "status-502");
  assert.equal(faults.take("GET", "/Users"), undefined);
});

Deno.test("a scripted fault carries its rule's delay and Retry-After", () => {
  const faults = new FaultInjector();
  faults.script({ kind: "slow", delayMs: 2500 });
  faults.script({ kind: "retry-after-seconds", retryAfterSeconds: 30 });
  assert.deepEqual(faults.take("GET", "/Users"), {
    kind: "slow",
    delayMs: 2500,
    retryAfterSeconds: 1,
    scripted: true,
  });
  assert.equal(faults.take("GET", "/Users")?.retryAfterSeconds, 30);
});

Deno.test("clear() drops pending scripted rules but keeps the counts", () => {
  const faults = new FaultInjector();
  faults.script({ kind: "truncated", count: 5 });
  faults.take("GET", "/Users");
  faults.clear();
  assert.equal(faults.take("GET", "/Users"), undefined);
  assert.equal(faults.injected.truncated, 1);
});

Deno.test("injected counts every kind from zero and is a snapshot, not a live view", () => {
  const faults = new FaultInjector();
  const before = faults.injected;
  assert.deepEqual(Object.keys(before).sort(), [...FAULT_KINDS].sort());
  assert.ok(Object.values(before).every((n) => n === 0));
  faults.script({ kind: "status-504" });
  faults.take("GET", "/Users");
  assert.equal(before["status-504"], 0);
  assert.equal(faults.injected["status-504"], 1);
  assert.ok(Object.isFrozen(faults.injected));
});

Deno.test("script() rejects an unknown kind, a bad count, delay or Retry-After", () => {
  const faults = new FaultInjector();
  assert.throws(
    () => faults.script({ kind: "boom" as FaultKind }),
    new TypeError('Cannot inject a fault: kind "boom" is not a known fault kind'),
  );
  assert.throws(
    () => faults.script({ kind: "html", count: 0 }),
    new RangeError('Cannot script a fault: count "0" is not a positive integer or Infinity'),
  );
  assert.throws(() => faults.script({ kind: "html", count: 1.5 }), RangeError);
  assert.throws(() => faults.script({ kind: "slow", delayMs: -1 }), RangeError);
  assert.throws(
    () => faults.script({ kind: "retry-after-seconds", retryAfterSeconds: 0.5 }),
    RangeError,
  );
  assert.equal(faults.take("GET", "/Users"), undefined);
});

Deno.test("script() refuses a path that can never match, saying why", () => {
  const faults = new FaultInjector();
  const refused: [string | RegExp, string][] = [
    ["/scim/v1/Users", "paths are what follows the version prefix"],
    ["https://api.slack.com/scim/v1/Users", "paths are what follows the version prefix"],
    [/^\/scim\/v1\/Users/, "paths are what follows the version prefix"],
    ["/Users?count=1", "the query string is not part of the path"],
    ["/Users#top", "the query string is not part of the path"],
    [/^\/Users\?count=1/, "the query string is not part of the path"],
    ["Users", "it must start with an endpoint"],
    ["/users", "it must start with an endpoint"],
    ["/Userz/U1", "it must start with an endpoint"],
  ];
  for (const [path, reason] of refused) {
    assert.throws(
      () => faults.script({ kind: "status-503", path }),
      (error: Error) =>
        error instanceof RangeError &&
        error.message.startsWith(
          `Cannot script a fault: path "${String(path)}" can never match: `,
        ) &&
        error.message.includes(reason),
      String(path),
    );
  }
  assert.throws(
    () => faults.script({ kind: "status-503", path: 42 as unknown as string }),
    new TypeError("Cannot script a fault: path must be a string or a RegExp, got number"),
  );
  // Nothing refused was kept.
  assert.equal(faults.take("GET", "/Users"), undefined);
  for (
    const path of ["/Users", "/Users/U1", "/Groups/S1", "/ServiceProviderConfigs", "/Schemas/Users"]
  ) {
    faults.script({ kind: "status-503", path });
  }
  faults.script({ kind: "status-503", path: /^\/Users\/W/ });
});

Deno.test("script() refuses an unknown method, an unknown option and a rule that is no object", () => {
  const faults = new FaultInjector();
  assert.throws(
    () => faults.script({ kind: "html", method: "PTCH" }),
    new RangeError(
      'Cannot script a fault: method "PTCH" never reaches the simulator (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)',
    ),
  );
  assert.throws(
    () => faults.script({ kind: "html", method: 1 as unknown as string }),
    new TypeError('Cannot script a fault: method must be a string such as "POST", got number'),
  );
  assert.throws(
    () => faults.script({ kind: "html", times: 2 } as FaultRule),
    new TypeError(
      'Cannot script a fault: "times" is not an option (kind, method, path, count, delayMs, retryAfterSeconds)',
    ),
  );
  assert.throws(
    () => faults.script(null as unknown as FaultRule),
    new TypeError(
      "Cannot script a fault: the rule must be an object such as { kind, method, path }",
    ),
  );
  assert.throws(
    () => faults.random({ rate: 0.5, kind: ["html"] } as RandomFaultOptions),
    new TypeError(
      'Cannot inject random faults: "kind" is not an option (rate, kinds, seed, delayMs, retryAfterSeconds)',
    ),
  );
  assert.equal(faults.take("GET", "/Users"), undefined);
});

// --- FaultInjector: random faults ---------------------------------------------------------

function draws(options: ConstructorParameters<typeof FaultInjector>[0], n: number) {
  const faults = new FaultInjector(options);
  return Array.from({ length: n }, () => faults.take("GET", "/Users")?.kind ?? null);
}

Deno.test("random faults are the same for the same seed and differ for another seed", () => {
  const a = draws({ random: { rate: 0.3, seed: 42 } }, 200);
  assert.deepEqual(draws({ random: { rate: 0.3, seed: 42 } }, 200), a);
  assert.notDeepEqual(draws({ random: { rate: 0.3, seed: 43 } }, 200), a);
  assert.ok(a.some((kind) => kind !== null) && a.some((kind) => kind === null));
});

Deno.test("random faults honour the rate over 10,000 requests and use every kind of the mix", () => {
  const kinds: FaultKind[] = ["reset-before", "status-503", "retry-after-date"];
  const results = draws({ random: { rate: 0.1, kinds, seed: 9 } }, 10_000);
  const failed = results.filter((kind) => kind !== null);
  // 1,000 expected; a binomial standard deviation is 30, so ±150 is five of them.
  assert.ok(failed.length > 850 && failed.length < 1150, `${failed.length} faults`);
  for (const kind of kinds) {
    const share = failed.filter((k) => k === kind).length / failed.length;
    assert.ok(share > 0.25 && share < 0.42, `${kind}: ${share}`);
  }
  assert.ok(failed.every((kind) => kinds.includes(kind)));
});

Deno.test("random faults mark themselves unscripted and count by kind", () => {
  const faults = new FaultInjector({ random: { rate: 1, kinds: ["slow"], delayMs: 5 } });
  assert.deepEqual(faults.take("GET", "/Users"), {
    kind: "slow",
    delayMs: 5,
    retryAfterSeconds: 1,
    scripted: false,
  });
  faults.take("GET", "/Users");
  assert.equal(faults.injected.slow, 2);
});

Deno.test("rate 0 never fails a request and rate 1 fails every one", () => {
  assert.ok(draws({ random: { rate: 0 } }, 1000).every((kind) => kind === null));
  assert.ok(draws({ random: { rate: 1 } }, 1000).every((kind) => kind !== null));
});

Deno.test("scripted rules take precedence over random faults", () => {
  const faults = new FaultInjector({ random: { rate: 1, kinds: ["status-500"] } });
  faults.script({ kind: "reset-after", method: "POST", path: "/Users" });
  assert.equal(faults.take("GET", "/Users")?.kind, "status-500");
  assert.deepEqual(faults.take("POST", "/Users"), {
    kind: "reset-after",
    delayMs: 1000,
    retryAfterSeconds: 1,
    scripted: true,
  });
  assert.equal(faults.take("POST", "/Users")?.kind, "status-500");
  assert.deepEqual(
    [faults.injected["reset-after"], faults.injected["status-500"]],
    [1, 2],
  );
});

Deno.test("random() replaces the random faults and restarts from the seed; undefined stops them", () => {
  const faults = new FaultInjector({ random: { rate: 0.5, seed: 3 } });
  const first = Array.from({ length: 50 }, () => faults.take("GET", "/Users")?.kind ?? null);
  faults.random({ rate: 0.5, seed: 3 });
  const again = Array.from({ length: 50 }, () => faults.take("GET", "/Users")?.kind ?? null);
  assert.deepEqual(again, first);
  faults.random(undefined);
  assert.equal(faults.take("GET", "/Users"), undefined);
});

Deno.test("random faults reject a rate outside 0..1, an empty mix and an unknown kind", () => {
  assert.throws(
    () => new FaultInjector({ random: { rate: 1.5 } }),
    new RangeError('Cannot inject random faults: rate "1.5" is not between 0 and 1'),
  );
  assert.throws(() => new FaultInjector({ random: { rate: Number.NaN } }), RangeError);
  assert.throws(
    () => new FaultInjector({ random: { rate: 0.1, kinds: [] } }),
    new RangeError("Cannot inject random faults: kinds is empty"),
  );
  assert.throws(
    () => new FaultInjector({ random: { rate: 0.1, kinds: ["nope" as FaultKind] } }),
    TypeError,
  );
});

// --- applyFault: each kind's effect -------------------------------------------------------

Deno.test("reset-before throws a connection reset without running the handler", async () => {
  const { calls, handle } = recordingHandler();
  const error = await applyFault(fault("reset-before"), handle, deps()).then(
    () => assert.fail("expected a reset"),
    (e: unknown) => e,
  );
  assert.ok(isSimulatedConnectionReset(error));
  assert.equal(error.processed, false);
  assert.deepEqual(calls, []);
});

Deno.test("reset-after runs the handler (the write happens) and then throws", async () => {
  const { calls, handle } = recordingHandler();
  const error = await applyFault(fault("reset-after"), handle, deps()).then(
    () => assert.fail("expected a reset"),
    (e: unknown) => e,
  );
  assert.ok(isSimulatedConnectionReset(error));
  assert.equal(error.processed, true);
  assert.deepEqual(calls, ["handle"]);
});

Deno.test("a simulated reset looks like a runtime's network error to retry code", () => {
  const error = new SimulatedConnectionReset({ processed: false });
  assert.ok(error instanceof TypeError);
  assert.equal(error.name, "TypeError");
  assert.match(error.message, /^error sending request: connection reset by peer$/);
  assert.equal((error.cause as { code?: string }).code, "ECONNRESET");
  assert.equal(isNetworkError(error), true);
  assert.equal(isSimulatedConnectionReset(new TypeError(error.message)), false);
});

async function answer(kind: FaultKind, extra: Partial<Fault> = {}) {
  const { calls, handle } = recordingHandler();
  const response = await applyFault(fault(kind, extra), handle, deps(calls));
  return {
    calls,
    status: response.status,
    type: response.headers.get("content-type"),
    retryAfter: response.headers.get("retry-after"),
    text: await response.text(),
  };
}

Deno.test("status-500 and status-503 answer Slack's JSON error without running the handler", async () => {
  assert.deepEqual(await answer("status-500"), {
    calls: [],
    status: 500,
    type: "application/json; charset=utf-8",
    retryAfter: null,
    text: '{"Errors":{"description":"internal_error","code":500}}',
  });
  assert.deepEqual(await answer("status-503"), {
    calls: [],
    status: 503,
    type: "application/json; charset=utf-8",
    retryAfter: null,
    text: '{"Errors":{"description":"service_unavailable","code":503}}',
  });
});

Deno.test("status-502 answers a proxy's plain text and status-504 a load balancer's HTML", async () => {
  const bad = await answer("status-502");
  assert.deepEqual(
    [bad.calls, bad.status, bad.type, bad.text],
    [[], 502, "text/plain; charset=utf-8", "Bad Gateway"],
  );
  const timeout = await answer("status-504");
  assert.deepEqual([timeout.calls, timeout.status, timeout.type], [[], 504, "text/html"]);
  assert.match(timeout.text, /<h1>504 Gateway Time-out<\/h1>/);
  assert.throws(() => JSON.parse(timeout.text), SyntaxError);
});

Deno.test("html answers a 502 HTML error page without running the handler", async () => {
  const page = await answer("html");
  assert.deepEqual([page.calls, page.status, page.type], [[], 502, "text/html; charset=utf-8"]);
  assert.match(page.text, /^<!DOCTYPE html>/);
  assert.throws(() => JSON.parse(page.text), SyntaxError);
});

Deno.test("slow sleeps delayMs on the injected sleep, then answers normally", async () => {
  const slow = await answer("slow", { delayMs: 2500 });
  assert.deepEqual(slow.calls, ["sleep 2500", "handle"]);
  assert.equal(slow.status, 201);
  assert.equal(JSON.parse(slow.text).id, "U123");
});

Deno.test("empty keeps the status and headers and drops the body", async () => {
  const empty = await answer("empty");
  assert.deepEqual(
    [empty.calls, empty.status, empty.type, empty.text],
    [["handle"], 201, "application/json; charset=utf-8", ""],
  );
});

Deno.test("truncated cuts the JSON body in the middle, keeping status and content type", async () => {
  const full = '{"id":"U123","userName":"ada","emails":[{"value":"ada@example.com"}]}';
  const cut = await answer("truncated");
  assert.deepEqual(
    [cut.calls, cut.status, cut.type],
    [["handle"], 201, "application/json; charset=utf-8"],
  );
  assert.equal(cut.text, full.slice(0, full.length >> 1));
  assert.throws(() => JSON.parse(cut.text), SyntaxError);
});

Deno.test("truncated leaves an already empty body empty", async () => {
  const { handle } = recordingHandler("", 204);
  const response = await applyFault(fault("truncated"), handle, deps());
  assert.equal(response.status, 204);
  assert.equal(await response.text(), "");
});

Deno.test("retry-after-seconds answers 429 too_many_requests with Retry-After in seconds", async () => {
  const limited = await answer("retry-after-seconds", { retryAfterSeconds: 7 });
  assert.deepEqual(limited, {
    calls: [],
    status: 429,
    type: "application/json; charset=utf-8",
    retryAfter: "7",
    text: '{"Errors":{"description":"too_many_requests","code":429}}',
  });
});

Deno.test("retry-after-date answers 429 with an IMF-fixdate at least N seconds ahead", async () => {
  const limited = await answer("retry-after-date", { retryAfterSeconds: 3 });
  assert.equal(limited.status, 429);
  assert.deepEqual(limited.calls, []);
  // NOW is 12:00:00.250, so 3 s ahead rounds up to 12:00:04.
  assert.equal(limited.retryAfter, "Wed, 10 Apr 2024 12:00:04 GMT");
  const waitMs = parseRetryAfter(limited.retryAfter, NOW);
  assert.ok(waitMs !== undefined && waitMs >= 3000 && waitMs < 4000, `${waitMs} ms`);
  assert.equal(JSON.parse(limited.text).Errors.description, "too_many_requests");
});

Deno.test("retry-after-garbled answers 429 with a Retry-After nobody can parse", async () => {
  const limited = await answer("retry-after-garbled");
  assert.deepEqual([limited.calls, limited.status, limited.retryAfter], [[], 429, "soon"]);
  assert.equal(parseRetryAfter(limited.retryAfter, NOW), undefined);
});

Deno.test("every fault kind has an effect in applyFault", async () => {
  // A new kind added to FaultKind without a case would answer undefined here.
  for (const kind of FAULT_KINDS) {
    const { handle } = recordingHandler();
    const outcome = await applyFault(fault(kind), handle, deps()).catch((e: unknown) => e);
    assert.ok(
      outcome instanceof Response || outcome instanceof SimulatedConnectionReset,
      `${kind} gave ${String(outcome)}`,
    );
  }
});

// --- Through the simulator ----------------------------------------------------------------

const BASE = "https://api.slack.com/scim/v1";

function request(method: string, path: string, body?: unknown): Request {
  return new Request(`${BASE}${path}`, {
    method,
    headers: { authorization: "Bearer xoxp-test", "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const ada = {
  schemas: ["urn:scim:schemas:core:1.0"],
  userName: "ada",
  emails: [{ value: "ada@example.com", primary: true }],
};

async function countAda(sim: SlackScimSimulator): Promise<number> {
  const response = await sim.fetch(
    request("GET", `/Users?filter=${encodeURIComponent('userName eq "ada"')}`),
  );
  return (await response.json()).totalResults;
}

Deno.test("simulator: a reset-after POST /Users throws, yet the user was created", async () => {
  const sim = new SlackScimSimulator({ clock: { now: () => NOW } });
  sim.faults.script({ kind: "reset-after", method: "POST", path: "/Users" });
  await assert.rejects(sim.fetch(request("POST", "/Users", ada)), SimulatedConnectionReset);
  assert.equal(await countAda(sim), 1);
  // The retry a client would send now meets Slack's duplicate check.
  const retry = await sim.fetch(request("POST", "/Users", ada));
  assert.equal(retry.status, 409);
  assert.equal(sim.requests[0]?.fault, "reset-after");
});

Deno.test("simulator: a reset-before POST /Users throws and nothing is created", async () => {
  const sim = new SlackScimSimulator({ clock: { now: () => NOW } });
  sim.faults.script({ kind: "reset-before", method: "POST", path: "/Users" });
  await assert.rejects(sim.fetch(request("POST", "/Users", ada)), SimulatedConnectionReset);
  assert.equal(await countAda(sim), 0);
  assert.equal((await sim.fetch(request("POST", "/Users", ada))).status, 201);
});

Deno.test("simulator: a fault comes before authentication, as from a proxy", async () => {
  const sim = new SlackScimSimulator();
  sim.faults.script({ kind: "status-503", path: "/Users" });
  const anonymous = await sim.fetch(new Request(`${BASE}/Users`));
  assert.equal(anonymous.status, 503);
  assert.equal((await sim.fetch(new Request(`${BASE}/Users`))).status, 401);
});

Deno.test("simulator: random faults from the options are reproducible from the seed", async () => {
  const run = async () => {
    const sim = new SlackScimSimulator({
      faults: { rate: 0.5, kinds: ["status-500", "truncated"], seed: 11 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await sim.fetch(request("GET", "/Users"))).status);
    return { statuses, faults: sim.requests.map((entry) => entry.fault ?? null) };
  };
  const first = await run();
  assert.deepEqual(await run(), first);
  assert.ok(first.statuses.includes(500) && first.statuses.includes(200));
});
