import assert from "node:assert/strict";
import { call, createUser, simulator, TOKEN } from "./helpers.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";

Deno.test("a missing or wrong token is 401 invalid_authentication in Slack's shape", async () => {
  const sim = simulator({ users: 1 });
  for (const token of [null, "xoxp-wrong"]) {
    const answer = await call(sim, "GET", "Users", undefined, { token });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, { Errors: { description: "invalid_authentication", code: 401 } });
  }
});

Deno.test("several tokens can be accepted", async () => {
  const sim = simulator({ token: ["xoxp-a", "xoxp-b"] });
  assert.equal((await call(sim, "GET", "Users", undefined, { token: "xoxp-b" })).status, 200);
  assert.equal((await call(sim, "GET", "Users", undefined, { token: TOKEN })).status, 401);
});

Deno.test("GET /ServiceProviderConfigs says patch and filter are supported, 1000 results max", async () => {
  const sim = simulator();
  const answer = await call(sim, "GET", "ServiceProviderConfigs");
  assert.equal(answer.status, 200);
  assert.equal(answer.body.patch.supported, true);
  assert.deepEqual(answer.body.filter, { supported: true, maxResults: 1000 });
  assert.equal(answer.body.bulk.supported, false);
});

Deno.test("GET /Schemas/Users and /Schemas/Groups describe their attributes", async () => {
  const sim = simulator();
  const users = await call(sim, "GET", "Schemas/Users");
  assert.equal(users.status, 200);
  const names = users.body.attributes.map((a: { name: string }) => a.name);
  for (const name of ["userName", "emails", "groups", "manager", "startDate"]) {
    assert.ok(names.includes(name), name);
  }
  const groups = await call(sim, "GET", "Schemas/Groups");
  assert.deepEqual(groups.body.attributes.map((a: { name: string }) => a.name), [
    "id",
    "displayName",
    "members",
  ]);
});

Deno.test("unknown endpoints are 404 bad_endpoint, wrong methods 405 method_not_allowed", async () => {
  const sim = simulator();
  const id = await createUser(sim, "routed");
  assert.equal((await call(sim, "GET", "Nope")).body.Errors.description, "bad_endpoint");
  assert.equal((await call(sim, "GET", `Users/${id}/extra`)).status, 404);
  const wrong = await call(sim, "DELETE", "Users");
  assert.equal(wrong.status, 405);
  assert.equal(wrong.body.Errors.description, "method_not_allowed");
  assert.equal((await call(sim, "POST", "ServiceProviderConfigs", {})).status, 405);
  // v1 and v2 are served; any other version is not.
  const v3 = await sim.fetch(
    new Request("https://api.slack.com/scim/v3/Users", {
      headers: { authorization: `Bearer ${TOKEN}` },
    }),
  );
  assert.equal((await v3.json()).Errors.description, "unsupported_version");
});

Deno.test("the request log records method, path, query and status, never the token", async () => {
  const sim = simulator({ users: 2 });
  await call(sim, "GET", "Users?count=1");
  await call(sim, "GET", "Users/W0", undefined, { token: "xoxp-secret" });
  assert.deepEqual(sim.requests, [
    { method: "GET", path: "/Users", search: "?count=1", status: 200 },
    { method: "GET", path: "/Users/W0", search: "", status: 401 },
  ]);
  assert.doesNotMatch(JSON.stringify(sim.requests), /xoxp/);
});

Deno.test("faults are picked before authentication and recorded in the log", async () => {
  const sim = simulator();
  sim.faults.script({ kind: "status-503", path: "/Users" });
  const answer = await call(sim, "GET", "Users", undefined, { token: null });
  assert.equal(answer.status, 503);
  assert.equal(sim.requests[0]?.fault, "status-503");
  assert.equal((await call(sim, "GET", "Users", undefined, { token: null })).status, 401);
});

Deno.test("a reset after processing applies the write, throws, and logs status 0", async () => {
  const sim = simulator();
  sim.faults.script({ kind: "reset-after", method: "POST", path: "/Users" });
  await assert.rejects(() => createUser(sim, "ghost"), TypeError);
  assert.deepEqual(sim.requests.at(-1), {
    method: "POST",
    path: "/Users",
    search: "",
    status: 0,
    fault: "reset-after",
  });
  const list = await call(sim, "GET", "Users");
  assert.equal(list.body.Resources[0]?.userName, "ghost", "the write happened");
});

Deno.test("rate limits are off by default and answer 429 with Retry-After when on", async () => {
  const now = 0;
  const relaxed = simulator();
  for (let i = 0; i < 30; i++) await createUser(relaxed, `r${i}`);
  const sim = simulator({ rateLimits: true, clock: { now: () => now } });
  const statuses = [];
  for (let i = 0; i < 21; i++) {
    statuses.push(
      (await call(sim, "POST", "Users", {
        schemas: ["urn:scim:schemas:core:1.0"],
        userName: `u${i}`,
        emails: [{ value: `u${i}@example.com` }],
      })).status,
    );
  }
  assert.deepEqual(statuses.slice(0, 20), Array(20).fill(201));
  const refused = await call(sim, "POST", "Users", { schemas: ["urn:scim:schemas:core:1.0"] });
  assert.equal(refused.status, 429);
  assert.match(refused.headers.get("retry-after") ?? "", /^\d+$/);
  assert.equal(refused.body.Errors.description, "too_many_requests");
  assert.equal(refused.body.Errors.code, 429);
});

Deno.test("timeScale makes the rate limiter's buckets refill faster", async () => {
  let now = 0;
  const sim = simulator({ rateLimits: true, timeScale: 60, clock: { now: () => now } });
  const create = (i: number) =>
    call(sim, "POST", "Users", {
      schemas: ["urn:scim:schemas:core:1.0"],
      userName: `t${i}`,
      emails: [{ value: `t${i}@example.com` }],
    });
  for (let i = 0; i < 20; i++) assert.equal((await create(i)).status, 201);
  assert.equal((await create(20)).status, 429);
  now += 1000; // one clock second = one Slack minute: 180 user writes refilled (burst 20)
  assert.equal((await create(21)).status, 201);
});

Deno.test("the request log keeps only the last requestLogLimit requests", async () => {
  const sim = new SlackScimSimulator({ token: "xoxp-test", users: 3, requestLogLimit: 5 });
  for (let i = 0; i < 23; i++) {
    await sim.fetch(
      new Request(`https://api.slack.com/scim/v1/Users?startIndex=${i + 1}`, {
        headers: { authorization: "Bearer xoxp-test" },
      }),
    );
  }
  assert.equal(sim.requests.length, 5);
  assert.deepEqual(
    sim.requests.map((r) => r.search),
    [19, 20, 21, 22, 23].map((n) => `?startIndex=${n}`),
  );
  assert.throws(() => new SlackScimSimulator({ requestLogLimit: -1 }), RangeError);
});
