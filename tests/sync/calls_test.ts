import assert from "node:assert/strict";
import { applySync, type DesiredUser, MemoryStateStore, planSync } from "../../sync/mod.ts";
import { setup, users, VERSIONS } from "./_helpers.ts";

const N = 2_500;
const G = 3;

for (const version of VERSIONS) {
  Deno.test(`calls ${version}: a no-change sync of ${N} users reads by pages and writes nothing; one change is one write`, async () => {
    const { sim, client } = setup(version, { users: N, groups: G });
    const desired: DesiredUser[] = (await users(client)).map((u, i) => ({
      externalId: `E${i}`,
      userName: u.userName,
      email: u.email,
      active: u.active,
      ...(u.givenName ? { givenName: u.givenName } : {}),
      ...(u.title ? { title: u.title } : {}),
    }));
    const state = new MemoryStateStore();
    const mark = sim.requests.length;
    const plan = await planSync(client, desired, { state });
    const reads = sim.requests.slice(mark);
    assert.ok(
      reads.every((r) => r.method === "GET" && (r.path === "/Users" || r.path === "/Groups")),
    );
    assert.ok(
      reads.length <= Math.ceil(N / 1000) + Math.ceil(G / 1000) + 5,
      `${reads.length} GETs`,
    );
    assert.equal(plan.operations.length, 0);
    const noop = await applySync(client, plan, { state });
    assert.equal(noop.status, "noop");
    assert.equal(sim.requests.length, mark + reads.length, "a no-change apply calls nothing");

    desired[1234] = { ...desired[1234]!, title: "Changed" };
    const one = await planSync(client, desired, { state });
    assert.equal(one.operations.length, 1);
    const before = sim.requests.length;
    const report = await applySync(client, one, { state });
    const sent = sim.requests.slice(before);
    assert.deepEqual(sent.filter((r) => r.method !== "GET").map((r) => r.method), ["PATCH"]);
    assert.equal(report.calls.userWrites, 1);
    assert.equal(report.calls.reads, sent.filter((r) => r.method === "GET").length);
  });
}
