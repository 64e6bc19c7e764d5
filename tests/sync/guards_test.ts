import assert from "node:assert/strict";
import { applySync, exitCodeOf, planSync } from "../../sync/mod.ts";
import { MemoryStateStore } from "../../sync/mod.ts";
import { person, setup, users, VERSIONS, writes } from "./_helpers.ts";

const people = (from: number, to: number, extra = {}) =>
  Array.from({ length: to - from + 1 }, (_, i) => person(from + i, extra));

/** An org with `n` accounts the sync created (so it owns them), and a state store. */
async function synced(version: typeof VERSIONS[number], n: number, extra = {}) {
  const s = setup(version);
  const state = new MemoryStateStore();
  await applySync(s.client, await planSync(s.client, people(1, n, extra), { state }), { state });
  return { ...s, state };
}

for (const version of VERSIONS) {
  Deno.test(`guards ${version}: deactivations at the count limit pass, one more blocks`, async () => {
    const { sim, client, state } = await synced(version, 20);
    const loose = { deactivationsPercent: 100, sourceShrinkPercent: 100 };
    const at = await planSync(client, people(1, 17), {
      state,
      targetOnly: "deactivate",
      limits: { deactivations: 3, ...loose },
    });
    assert.equal(at.summary.deactivations, 3);
    assert.equal(at.blocked, false);
    const past = await planSync(client, people(1, 16), {
      state,
      targetOnly: "deactivate",
      limits: { deactivations: 3, ...loose },
    });
    assert.equal(past.blocked, true);
    assert.deepEqual(past.guards.filter((g) => g.blocked).map((g) => [g.name, g.actual, g.limit]), [
      ["deactivations", 4, 3],
    ]);
    const mark = sim.requests.length;
    const report = await applySync(client, past, { state });
    assert.equal(report.status, "blocked");
    assert.equal(exitCodeOf(report.status), 4);
    assert.deepEqual(sim.requests.slice(mark), [], "a blocked plan calls nothing");
    const allowed = await planSync(client, people(1, 16), {
      state,
      targetOnly: "deactivate",
      limits: { deactivations: 3, ...loose },
      allowDestructive: true,
    });
    assert.equal(allowed.blocked, false);
    await applySync(client, allowed, { state });
    assert.equal((await users(client)).filter((u) => !u.active).length, 4);
  });

  Deno.test(`guards ${version}: deactivations by share of managed accounts, rounded up`, async () => {
    const { client, state } = await synced(version, 20);
    // 10% of 20 managed accounts = 2.
    const options = (_n: number) => ({
      state,
      targetOnly: "deactivate" as const,
      limits: { deactivationsPercent: 10, deactivations: 100, sourceShrinkPercent: 100 },
    });
    const at = await planSync(client, people(1, 18), options(18));
    assert.equal(at.blocked, false);
    const past = await planSync(client, people(1, 17), options(17));
    assert.equal(past.blocked, true);
    assert.equal(past.guards.find((g) => g.blocked)?.name, "deactivationsPercent");
  });

  Deno.test(`guards ${version}: terminated rows (active=false) count as deactivations`, async () => {
    const { client, state } = await synced(version, 5);
    const rows = people(1, 5).map((p, i) => (i < 2 ? { ...p, active: false } : p));
    const at = await planSync(client, rows, {
      state,
      limits: { deactivations: 2, deactivationsPercent: 100 },
    });
    assert.equal(at.summary.deactivations, 2);
    assert.equal(at.blocked, false);
    const past = await planSync(client, rows, {
      state,
      limits: { deactivations: 1, deactivationsPercent: 100 },
    });
    assert.equal(past.blocked, true);
  });

  Deno.test(`guards ${version}: membership removals at the limit pass, one more blocks`, async () => {
    const { client, state } = await synced(version, 6, { groups: ["eng"] });
    const rows = (leave: number) =>
      people(1, 6, { groups: ["eng"] }).map((p, i) => (i < leave ? { ...p, groups: [] } : p));
    const limits = { membershipRemovals: 2, membershipRemovalsPercent: 100 };
    const at = await planSync(client, rows(2), { state, limits });
    assert.equal(at.summary.membershipRemoves, 2);
    assert.equal(at.blocked, false);
    const past = await planSync(client, rows(3), { state, limits });
    assert.equal(past.blocked, true);
    assert.equal(past.guards.find((g) => g.blocked)?.name, "membershipRemovals");
    const share = await planSync(client, rows(2), {
      state,
      limits: { membershipRemovals: 100, membershipRemovalsPercent: 20 }, // 20% of 6 = 2
    });
    assert.equal(share.blocked, false);
    const sharePast = await planSync(client, rows(3), {
      state,
      limits: { membershipRemovals: 100, membershipRemovalsPercent: 20 },
    });
    assert.equal(sharePast.guards.find((g) => g.blocked)?.name, "membershipRemovalsPercent");
  });

  Deno.test(`guards ${version}: group deletions at the limit pass, one more blocks`, async () => {
    const groupsOf = (i: number) => [`g${i % 3}`, `h${i % 3}`];
    const { client, state } = await synced(version, 6);
    const withGroups = people(1, 6).map((p, i) => ({ ...p, groups: groupsOf(i) }));
    await applySync(client, await planSync(client, withGroups, { state }), { state });
    const limits = {
      groupDeletions: 1,
      groupDeletionsPercent: 100,
      membershipRemovals: 100,
      membershipRemovalsPercent: 100,
    };
    const drop = (names: string[]) =>
      withGroups.map((p) => ({ ...p, groups: p.groups.filter((g) => !names.includes(g)) }));
    const at = await planSync(client, drop(["g0"]), { state, targetOnly: "deactivate", limits });
    assert.equal(at.summary.groupDeletes, 1);
    assert.equal(at.blocked, false);
    const past = await planSync(client, drop(["g0", "g1"]), {
      state,
      targetOnly: "deactivate",
      limits,
    });
    assert.equal(past.blocked, true);
    assert.equal(past.guards.find((g) => g.blocked)?.name, "groupDeletions");
    // Without "deactivate", groups are never deleted.
    const ignore = await planSync(client, drop(["g0", "g1"]), { state, limits });
    assert.equal(ignore.summary.groupDeletes, 0);
  });

  Deno.test(`guards ${version}: a source that shrank past the limit since the last run is blocked`, async () => {
    const { client, state } = await synced(version, 10);
    const at = await planSync(client, people(1, 8), { state, limits: { sourceShrinkPercent: 20 } });
    assert.equal(at.guards.find((g) => g.name === "sourceShrinkPercent")?.blocked, false);
    assert.equal(at.blocked, false);
    const past = await planSync(client, people(1, 7), {
      state,
      limits: { sourceShrinkPercent: 20 },
    });
    assert.equal(past.blocked, true);
    assert.equal(past.guards.find((g) => g.blocked)?.name, "sourceShrinkPercent");
    // Without history the check is off, and the plan says so.
    const fresh = await planSync(client, people(1, 7), { state: new MemoryStateStore() });
    assert.equal(fresh.blocked, false);
    assert.ok(fresh.warnings.some((w) => w.includes("history")));
  });

  Deno.test(`guards ${version}: graceRuns deactivates only after K runs missing in a row`, async () => {
    const { sim, client, state } = await synced(version, 5);
    const options = {
      state,
      targetOnly: "deactivate" as const,
      graceRuns: 2,
      limits: { deactivationsPercent: 100, sourceShrinkPercent: 100 },
    };
    const first = await planSync(client, people(1, 4), options);
    assert.equal(first.summary.deactivations, 0);
    assert.match(first.summary.reported[0]!, /missing 1 of 2 runs/);
    const mark = sim.requests.length;
    await applySync(client, first, { state });
    assert.deepEqual(writes(sim, mark), []);
    const second = await planSync(client, people(1, 4), options);
    assert.equal(second.summary.deactivations, 1);
    // Listed again: the count starts over.
    await applySync(client, await planSync(client, people(1, 5), options), { state });
    const third = await planSync(client, people(1, 4), options);
    assert.equal(third.summary.deactivations, 0);
  });
}

Deno.test("guards: the defaults block more than 10 deactivations", async () => {
  const { client, state } = await synced("v1", 300);
  const plan = await planSync(client, people(1, 289), {
    state,
    targetOnly: "deactivate",
  });
  assert.equal(plan.summary.deactivations, 11);
  assert.equal(plan.blocked, true);
  assert.deepEqual(plan.guards.filter((g) => g.blocked).map((g) => g.name), ["deactivations"]);
});
