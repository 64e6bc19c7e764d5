import assert from "node:assert/strict";
import { allBuiltinRetryHandlers } from "../../retry/defaults.ts";
import { applySync, exitCodeOf, planSync } from "../../sync/mod.ts";
import { MemoryStateStore } from "../../sync/mod.ts";
import type { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { person, setup, users, VERSIONS, writes } from "./_helpers.ts";

/**
 * A fetch in front of the simulator that answers matching requests itself with Slack's error
 * body (the simulator's faults cover 429 and 5xx; 404 and 409 on a write need a race).
 */
function answering(
  sim: SlackScimSimulator,
  rule: { method: string; path: RegExp; status: number; description: string },
): (request: Request) => Promise<Response> {
  return (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/scim\/v\d/, "");
    if (request.method === rule.method && rule.path.test(path)) {
      const body = url.pathname.includes("/v1/")
        ? { Errors: { description: rule.description, code: rule.status } }
        : {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
          detail: rule.description,
          status: rule.status,
        };
      return Promise.resolve(Response.json(body, { status: rule.status }));
    }
    return sim.fetch(request);
  };
}

for (const version of VERSIONS) {
  Deno.test(`faults ${version}: 400 is skipped and reported, its dependents skipped, the rest applied`, async () => {
    const { sim, client, other } = setup(version);
    await applySync(client, await planSync(client, [person(1, { groups: ["eng"] }), person(2)]));
    const ids = Object.fromEntries((await users(client)).map((u) => [u.externalId, u.id]));
    const plan = await planSync(client, [
      person(1, { groups: ["eng"] }),
      person(2, { groups: ["eng"] }),
      person(3),
    ]);
    // E2 is deactivated by hand after the plan: Slack refuses to add it to a group (400).
    await other.deleteUser(ids.E2!);
    const report = await applySync(client, plan);
    assert.equal(report.status, "partial");
    assert.equal(exitCodeOf(report.status), 3);
    assert.equal(report.counts.addMembers.skipped, 1);
    assert.match(report.failures[0]!.error, /400 unable_to_add_deleted_or_guest_to_group/);
    assert.equal(report.counts.createUser.done, 1);
    void sim;
  });

  Deno.test(`faults ${version}: 404 on a deactivation is done`, async () => {
    const s = setup(version);
    const state = new MemoryStateStore();
    await applySync(s.client, await planSync(s.client, [person(1), person(2)], { state }), {
      state,
    });
    const { client } = setup(version, {}, {
      fetch: answering(s.sim, {
        method: "DELETE",
        path: /^\/Users\//,
        status: 404,
        description: "no_such_user",
      }),
    });
    const plan = await planSync(client, [person(1)], {
      state,
      targetOnly: "deactivate",
      limits: { deactivationsPercent: 100, sourceShrinkPercent: 100 },
    });
    const report = await applySync(client, plan, { state });
    assert.equal(report.status, "applied");
    assert.equal(report.counts.deactivateUser.done, 1);
  });

  Deno.test(`faults ${version}: 409 on a create adopts the same person's account, once`, async () => {
    const base = setup(version);
    let raced = false;
    const racing = async (request: Request) => {
      if (!raced && request.method === "POST" && new URL(request.url).pathname.endsWith("/Users")) {
        raced = true; // someone else creates the same person, without an externalId, just before
        await base.other.createUser({
          userName: "person1",
          emails: [{ value: "person1@example.com" }],
          title: "Old",
        });
      }
      return base.sim.fetch(request);
    };
    const { client } = setup(version, {}, { fetch: racing });
    const state = new MemoryStateStore();
    const plan = await planSync(client, [person(1, { title: "New" })], { state });
    const mark = base.sim.requests.length;
    const report = await applySync(client, plan, { state });
    assert.equal(report.status, "applied");
    const all = await users(base.other as never);
    assert.equal(all.length, 1, "no account exists twice");
    assert.equal(all[0]!.title, "New");
    const sent = writes(base.sim, mark);
    assert.deepEqual(sent.filter((w) => w.startsWith("POST /Users")).length, 2); // the race's, then ours (409)
    assert.deepEqual(sent.at(-1), `PATCH /Users/${all[0]!.id}`);
    // Remembered: the next plan matches it without creating.
    const next = await planSync(client, [
      person(1, { title: "New", email: "p1.new@example.com", userName: "p1" }),
    ], {
      state,
    });
    assert.deepEqual(next.operations.map((op) => [op.kind, op.target]), [[
      "updateUser",
      all[0]!.id,
    ]]);
  });

  Deno.test(`faults ${version}: 409 by another person is a failure, never an adoption`, async () => {
    const base = setup(version);
    let raced = false;
    const racing = async (request: Request) => {
      if (!raced && request.method === "POST" && new URL(request.url).pathname.endsWith("/Users")) {
        raced = true;
        await base.other.createUser({
          userName: "person1",
          emails: [{ value: "someone.else@example.com" }],
        });
      }
      return base.sim.fetch(request);
    };
    const { client } = setup(version, {}, { fetch: racing });
    const report = await applySync(
      client,
      await planSync(client, [person(1, { groups: ["eng"] })]),
    );
    assert.equal(report.status, "partial");
    assert.equal(report.counts.createUser.failed, 1);
    assert.equal(report.counts.createGroup.skipped, 1, "what depends on it is not sent");
    assert.match(report.failures[0]!.error, /username_taken.*not adopted/);
  });

  for (const kind of ["retry-after-seconds", "status-500", "status-503"] as const) {
    Deno.test(`faults ${version}: ${kind} is retried by the handlers; calls and 429s are reported per pool`, async () => {
      const { sim, client } = setup(version, {}, { retryHandlers: allBuiltinRetryHandlers() });
      sim.faults.script({ kind, method: "POST", path: "/Users", count: 1 });
      const report = await applySync(client, await planSync(client, [person(1)]));
      assert.equal(report.status, "applied");
      assert.equal((await users(client)).length, 1);
      assert.equal(report.calls.userWrites, 2);
      assert.equal(report.throttled.userWrites ?? 0, kind === "retry-after-seconds" ? 1 : 0);
    });
  }

  Deno.test(`faults ${version}: 5xx past the retries fails the operation; a re-run finishes it`, async () => {
    const { sim, client } = setup(version, {}, { retryHandlers: allBuiltinRetryHandlers() });
    const state = new MemoryStateStore();
    const plan = await planSync(client, [person(1, { groups: ["eng"] }), person(2)], { state });
    sim.faults.script({ kind: "status-503", method: "POST", path: "/Users", count: 50 });
    const first = await applySync(client, plan, { state });
    assert.equal(first.status, "partial");
    assert.equal(first.counts.createUser.failed, 2);
    assert.equal(first.counts.createGroup.skipped, 1);
    sim.faults.clear();
    const second = await applySync(client, plan, { state });
    assert.equal(second.status, "applied");
    assert.equal((await users(client)).length, 2);
  });
}

Deno.test("faults: a re-read that fails ends the apply with status error, nothing written", async () => {
  const { sim, client } = setup("v1");
  const plan = await planSync(client, [person(1)]);
  sim.faults.script({ kind: "status-503", method: "GET", path: "/Users", count: 1 });
  const mark = sim.requests.length;
  const report = await applySync(client, plan);
  assert.equal(report.status, "error");
  assert.equal(exitCodeOf(report.status), 1);
  assert.match(report.warnings[0]!, /The apply stopped: .*503/);
  assert.deepEqual(writes(sim, mark), []);
});
