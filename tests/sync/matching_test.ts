import assert from "node:assert/strict";
import { applySync, planSync, SyncPlanError } from "../../sync/mod.ts";
import { MemoryStateStore } from "../../sync/mod.ts";
import { person, setup, since, users, VERSIONS, writes } from "./_helpers.ts";

for (const version of VERSIONS) {
  Deno.test(`sync ${version}: creates carry the externalId, and a second run writes nothing`, async () => {
    const { sim, client } = setup(version);
    const desired = [person(1, { groups: ["eng"] }), person(2, { manager: "E1", groups: ["eng"] })];
    const report = await applySync(client, await planSync(client, desired));
    assert.equal(report.status, "applied");
    const all = await users(client);
    assert.deepEqual(all.map((u) => u.externalId).sort(), ["E1", "E2"]);
    const ada = all.find((u) => u.externalId === "E1")!;
    assert.equal(all.find((u) => u.externalId === "E2")!.manager, ada.id);

    const mark = sim.requests.length;
    const again = await planSync(client, desired);
    assert.equal(again.operations.length, 0);
    const second = await applySync(client, again);
    assert.equal(second.status, "noop");
    assert.deepEqual(writes(sim, mark), []);
  });

  Deno.test(`sync ${version}: an account that predates the sync is adopted by email, not created`, async () => {
    const { sim, client, other } = setup(version);
    const existing = (await other.createUser({
      userName: "ada",
      emails: [{ value: "Ada@Example.com", primary: true }],
      title: "Keeper",
    })).user;
    const state = new MemoryStateStore();
    const desired = [{
      externalId: "E1",
      userName: "ada",
      email: "ada@example.com",
      givenName: "Ada",
    }];
    const plan = await planSync(client, desired, { state });
    assert.deepEqual(plan.operations.map((op) => [op.kind, op.target]), [[
      "updateUser",
      existing.id,
    ]]);
    const mark = sim.requests.length;
    await applySync(client, plan, { state });
    assert.equal(writes(sim, mark).filter((w) => w.startsWith("POST")).length, 0);
    const after = (await users(client)).find((u) => u.id === existing.id)!;
    assert.equal(after.givenName, "Ada");
    assert.equal(after.title, "Keeper"); // not in the source: left alone

    // Email and userName both change in the source: the remembered match still finds the account.
    const changed = [{ externalId: "E1", userName: "ada2", email: "ada.new@example.com" }];
    const next = await planSync(client, changed, { state });
    assert.deepEqual(next.operations.map((op) => [op.kind, op.target]), [[
      "updateUser",
      existing.id,
    ]]);
    const mark2 = sim.requests.length;
    await applySync(client, next, { state });
    assert.deepEqual(writes(sim, mark2), [`PATCH /Users/${existing.id}`]);
    const final = await users(client);
    assert.equal(final.length, 1);
    assert.equal(final[0]!.userName, "ada2");
    assert.equal(final[0]!.email, "ada.new@example.com");
  });

  Deno.test(`sync ${version}: one row matching two accounts is a plan error naming both`, async () => {
    const { client, other } = setup(version);
    const a = (await other.createUser({
      userName: "a1",
      externalId: "E1",
      emails: [{ value: "a1@example.com" }],
    })).user;
    const b =
      (await other.createUser({ userName: "b1", emails: [{ value: "shared@example.com" }] })).user;
    try {
      await planSync(client, [{ externalId: "E1", userName: "a1", email: "shared@example.com" }]);
      assert.fail("planned");
    } catch (e) {
      assert.ok(e instanceof SyncPlanError);
      assert.match(e.message, new RegExp(`${a.id}.*${b.id}|${b.id}.*${a.id}`));
      assert.equal(e.problems[0]?.line, 1);
    }
  });

  Deno.test(`sync ${version}: two rows matching one account is a plan error naming both rows`, async () => {
    const { client, other } = setup(version);
    const a =
      (await other.createUser({ userName: "solo", emails: [{ value: "solo@example.com" }] })).user;
    try {
      await planSync(client, [
        { externalId: "E1", userName: "first", email: "solo@example.com" },
        { externalId: "E2", userName: "solo", email: "second@example.com" },
      ]);
      assert.fail("planned");
    } catch (e) {
      assert.ok(e instanceof SyncPlanError);
      assert.match(e.message, /line 2: .*"E2".*line 1.*"E1"/);
      assert.ok(e.message.includes(a.id!));
    }
  });

  Deno.test(`sync ${version}: an account found by email that belongs to another externalId is refused`, async () => {
    const { client, other } = setup(version);
    const taken = (await other.createUser({
      userName: "x",
      externalId: "E9",
      emails: [{ value: "x@example.com" }],
    })).user;
    await assert.rejects(
      planSync(client, [{ externalId: "E1", userName: "y", email: "x@example.com" }]),
      (e: unknown) =>
        e instanceof SyncPlanError && e.message.includes(taken.id!) && e.message.includes('"E9"'),
    );
  });

  Deno.test(`sync ${version}: a deactivated account listed as active is reactivated, same id`, async () => {
    const { sim, client, other } = setup(version);
    await applySync(client, await planSync(client, [person(1)]));
    const id = (await users(client))[0]!.id;
    await other.deleteUser(id);
    const plan = await planSync(client, [person(1, { title: "Back" })]);
    assert.deepEqual(plan.operations.map((op) => op.kind), ["reactivateUser"]);
    const mark = sim.requests.length;
    await applySync(client, plan);
    assert.deepEqual(writes(sim, mark), [`PATCH /Users/${id}`]); // active and title in one call
    const [user] = await users(client);
    assert.equal(user!.id, id);
    assert.equal(user!.active, true);
    assert.equal(user!.title, "Back");
  });

  Deno.test(`sync ${version}: a rename and an email change are one PATCH; other attributes stay`, async () => {
    const { sim, client, other } = setup(version);
    await applySync(client, await planSync(client, [person(1, { title: "Engineer" })]));
    const id = (await users(client))[0]!.id;
    await other.patchUser(id, { timezone: "Europe/Paris" } as never);
    const mark = sim.requests.length;
    const plan = await planSync(client, [
      person(1, { userName: "renamed", email: "renamed@example.com", familyName: "New" }),
    ]);
    assert.deepEqual(plan.operations[0]?.changes, {
      userName: "renamed",
      email: "renamed@example.com",
      familyName: "New",
    });
    await applySync(client, plan);
    assert.deepEqual(writes(sim, mark), [`PATCH /Users/${id}`]);
    const [user] = await users(client);
    assert.equal(user!.userName, "renamed");
    assert.equal(user!.title, "Engineer");
    assert.ok(since(sim, mark).every((line) => !line.startsWith("GET /Users/")), "never GET-one");
    const raw = (await other.readUser(id)).user;
    assert.equal(raw.timezone, "Europe/Paris");
  });
}

for (const version of VERSIONS) {
  Deno.test(`sync ${version}: department and an existing manager go in the create; a re-plan is empty`, async () => {
    const { client } = setup(version);
    await applySync(client, await planSync(client, [person(1)]));
    const desired = [
      person(1, { department: "R&D" }),
      person(2, { manager: "E1", department: "Ops", title: "T" }),
    ];
    const plan = await planSync(client, desired);
    const e1 = (await users(client))[0]!.id;
    assert.deepEqual(plan.operations.map((op) => op.kind), ["createUser", "updateUser"]);
    assert.equal(plan.operations[0]!.user?.manager, e1);
    assert.equal((await applySync(client, plan)).status, "applied");
    const e2 = (await users(client)).find((u) => u.externalId === "E2")!;
    assert.deepEqual([e2.manager, e2.department, e2.title], [e1, "Ops", "T"]);
    assert.equal((await planSync(client, desired)).operations.length, 0);
  });
}
