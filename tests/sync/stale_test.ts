import assert from "node:assert/strict";
import { applySync, exitCodeOf, planSync } from "../../sync/mod.ts";
import { MemoryStateStore } from "../../sync/mod.ts";
import { person, setup, users, VERSIONS, writes } from "./_helpers.ts";

for (const version of VERSIONS) {
  Deno.test(`stale ${version}: each operation whose account or group changed since the plan is refused`, async () => {
    const { sim, client, other } = setup(version);
    const state = new MemoryStateStore();
    const rows = [1, 2, 3, 4].map((i) => person(i, { groups: ["eng"] }));
    await applySync(client, await planSync(client, rows, { state }), { state });
    const ids = Object.fromEntries((await users(client)).map((u) => [u.externalId, u.id]));
    const loose = {
      deactivationsPercent: 100,
      sourceShrinkPercent: 100,
      membershipRemovalsPercent: 100,
    };
    const plan = await planSync(client, [
      person(1, { title: "T1", groups: ["eng"] }), // update E1
      person(2, { title: "T2", groups: ["eng"] }), // update E2 (changed meanwhile)
      person(3, { groups: [] }), // removal from eng (eng changes meanwhile)
      person(5), // create E5 (someone else creates it meanwhile)
      person(6), // create E6
    ], { state, targetOnly: "deactivate", limits: loose });
    const kinds = plan.operations.map((op) => `${op.kind} ${op.label}`);
    assert.deepEqual(kinds, [
      "createUser person5",
      "createUser person6",
      "updateUser person1",
      "updateUser person2",
      "removeMembers eng",
      "deactivateUser person4",
    ]);
    await other.patchUser(ids.E2!, { title: "Changed by hand" });
    await other.createUser({
      userName: "person5",
      externalId: "E5",
      emails: [{ value: "person5@example.com" }],
    });
    const stranger =
      (await other.createUser({ userName: "z", emails: [{ value: "z@example.com" }] })).user;
    const eng = (await other.searchGroups({ filter: 'displayName eq "eng"' })).groups[0]!;
    await other.patchGroup(eng.id!, { members: [{ value: stranger.id! }] });

    const mark = sim.requests.length;
    const report = await applySync(client, plan, { state });
    assert.equal(report.status, "stale");
    assert.equal(exitCodeOf(report.status), 5);
    assert.deepEqual(report.stale.map((s) => `${s.kind} ${s.label}`).sort(), [
      "createUser person5",
      "removeMembers eng",
      "updateUser person2",
    ]);
    assert.match(report.stale.find((s) => s.label === "person2")!.reason, /changed since the plan/);
    // What still holds is applied.
    assert.deepEqual(writes(sim, mark).sort(), [
      `DELETE /Users/${ids.E4}`,
      `PATCH /Users/${ids.E1}`,
      "POST /Users",
    ]);
    assert.equal(report.counts.createUser.done, 1);
    assert.equal(report.counts.createUser.stale, 1);
  });

  Deno.test(`stale ${version}: an account deleted from view or a group renamed is stale too`, async () => {
    const { client, other } = setup(version);
    await applySync(client, await planSync(client, [person(1, { groups: ["eng"] }), person(2)]));
    const plan = await planSync(client, [
      person(1, { groups: ["eng"] }),
      person(2, { groups: ["eng"] }),
    ]);
    assert.deepEqual(plan.operations.map((op) => op.kind), ["addMembers"]);
    const eng = (await other.searchGroups({ filter: 'displayName eq "eng"' })).groups[0]!;
    await other.patchGroup(eng.id!, { displayName: "engineering" });
    const report = await applySync(client, plan);
    assert.equal(report.status, "stale");
    assert.equal(report.counts.addMembers.stale, 1);
  });
}
