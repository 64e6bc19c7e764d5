import assert from "node:assert/strict";
import { applySync, planSync } from "../../sync/mod.ts";
import { MemoryStateStore } from "../../sync/mod.ts";
import { person, setup, users, VERSIONS, writes } from "./_helpers.ts";

for (const version of VERSIONS) {
  Deno.test(`scope ${version}: targetOnly ignore, report and deactivate`, async () => {
    const { sim, client, other } = setup(version, { users: 2 }); // two accounts no sync ever owned
    const state = new MemoryStateStore();
    await applySync(client, await planSync(client, [person(1), person(2)], { state }), { state });
    const gone = (await users(client)).find((u) => u.externalId === "E2")!;
    const loose = { deactivationsPercent: 100, sourceShrinkPercent: 100 };

    const ignore = await planSync(client, [person(1)], { state, limits: loose });
    assert.equal(ignore.operations.length, 0);
    assert.deepEqual(ignore.summary.reported, []);

    const report = await planSync(client, [person(1)], {
      state,
      targetOnly: "report",
      limits: loose,
    });
    assert.equal(report.operations.length, 0);
    assert.equal(report.summary.reported.length, 3); // E2 and the two seeded accounts
    assert.ok(report.summary.reported.some((line) => line.startsWith(gone.id)));

    const deactivate = await planSync(client, [person(1)], {
      state,
      targetOnly: "deactivate",
      limits: loose,
    });
    assert.deepEqual(deactivate.operations.map((op) => [op.kind, op.target]), [
      ["deactivateUser", gone.id],
    ]);
    assert.equal(deactivate.summary.reported.length, 2, "never-owned accounts are only reported");
    assert.ok(deactivate.warnings.some((w) => w.includes("never managed")));
    const mark = sim.requests.length;
    await applySync(client, deactivate, { state });
    assert.deepEqual(writes(sim, mark), [`DELETE /Users/${gone.id}`]);
    const seeded = (await other.searchUsers({ count: 10 })).users.filter((u) => !u.externalId);
    assert.ok(seeded.every((u) => u.active), "accounts the sync never owned stay active");
  });

  Deno.test(`scope ${version}: protected accounts are never written, by id, userName or email`, async () => {
    const { sim, client } = setup(version);
    const state = new MemoryStateStore();
    const rows = [1, 2, 3, 4].map((i) => person(i, { groups: ["eng"] }));
    await applySync(client, await planSync(client, rows, { state }), { state });
    const all = await users(client);
    const id2 = all.find((u) => u.externalId === "E2")!.id;
    const protect = [id2, "PERSON3", "Person4@Example.com"];
    const loose = {
      deactivationsPercent: 100,
      sourceShrinkPercent: 100,
      membershipRemovalsPercent: 100,
    };
    // Every mode: E2..E4 gone from the source, E1 changed; only E1 is written.
    for (const targetOnly of ["ignore", "report", "deactivate"] as const) {
      const plan = await planSync(client, [person(1, { title: "Boss", groups: ["eng"] })], {
        state,
        protect,
        targetOnly,
        limits: loose,
      });
      assert.ok(plan.operations.every((op) => op.label === "person1" || op.kind === "addMembers"));
    }
    // Protected rows still listed but changed: not written either, nor removed from groups.
    const plan = await planSync(client, [
      person(1),
      person(2, { title: "X", groups: [] }),
      person(3, { title: "Y", groups: [] }),
      person(4, { active: false }),
    ], { state, protect, limits: loose });
    assert.equal(plan.operations.length, 0);
    assert.equal(plan.summary.protected, 3);
    const mark = sim.requests.length;
    await applySync(client, plan, { state });
    assert.deepEqual(writes(sim, mark), []);
  });

  Deno.test(`scope ${version}: removals touch only managed accounts; groups not named are left alone`, async () => {
    const { sim, client, other } = setup(version, { users: 1, groups: 1 });
    const [stranger] = (await other.searchUsers({ count: 1 })).users;
    const state = new MemoryStateStore();
    const both = [person(1, { groups: ["eng"] }), person(2, { groups: ["eng"] })];
    await applySync(client, await planSync(client, both, { state }), { state });
    const eng = (await other.searchGroups({ filter: 'displayName eq "eng"' })).groups[0]!;
    await other.patchGroup(eng.id!, { members: [{ value: stranger!.id! }] });
    const plan = await planSync(client, [person(1, { groups: [] }), both[1]!], { state });
    assert.deepEqual(plan.operations.map((op) => [op.kind, op.members?.length]), [[
      "removeMembers",
      1,
    ]]);
    const mark = sim.requests.length;
    await applySync(client, plan, { state });
    assert.deepEqual(writes(sim, mark), [`PATCH /Groups/${eng.id}`]);
    const after = (await other.readGroup(eng.id!)).group;
    const e2 = (await users(client)).find((u) => u.externalId === "E2")!.id;
    assert.deepEqual(after.members?.map((m) => m.value).sort(), [e2, stranger!.id].sort());
    // A group the source stops naming altogether is left as it is.
    const none = await planSync(client, [person(1), person(2)], { state });
    assert.equal(none.operations.length, 0);
  });
}
