import assert from "node:assert/strict";
import {
  applySync,
  isSyncLockedError,
  MemoryStateStore,
  planSync,
  type SyncPlan,
} from "../../sync/mod.ts";
import { groups, person, setup, users, VERSIONS, writes } from "./_helpers.ts";

const desired = [
  person(1, { groups: ["eng", "ops"] }),
  person(2, { manager: "E1", groups: ["eng"] }),
  person(3, { manager: "E2", groups: ["ops"] }),
  person(4, { groups: ["eng"] }),
];

async function finalState(client: Parameters<typeof users>[0]) {
  const all = await users(client);
  const idOf = new Map(all.map((u) => [u.id, u.externalId]));
  return {
    users: all.map((u) => [u.externalId, u.userName, u.active, idOf.get(u.manager ?? "") ?? null])
      .sort(),
    groups: (await groups(client)).map((
      g,
    ) => [g.displayName, g.members.map((m) => idOf.get(m)).sort()])
      .sort(),
  };
}

for (const version of VERSIONS) {
  Deno.test(`resume ${version}: abort after every operation index k, re-run: the desired state, nothing twice`, async () => {
    const reference = setup(version);
    await applySync(reference.client, await planSync(reference.client, desired));
    const expected = await finalState(reference.client);
    const plan0 = await planSync(reference.client, desired);
    assert.equal(plan0.operations.length, 0);

    const { client: probe } = setup(version);
    const total = (await planSync(probe, desired)).operations.length;
    for (let k = 1; k < total; k++) {
      const { sim, client } = setup(version);
      const state = new MemoryStateStore();
      const plan: SyncPlan = await planSync(client, desired, { state });
      const controller = new AbortController();
      await assert.rejects(
        applySync(client, plan, {
          state,
          concurrency: 1,
          signal: controller.signal,
          onProgress: ({ done }) => {
            if (done === k) controller.abort(new Error(`killed after ${k}`));
          },
        }),
        /killed after/,
      );
      const report = await applySync(client, plan, { state });
      assert.equal(report.status, "applied", `k=${k}`);
      assert.deepEqual(await finalState(client), expected, `k=${k}`);
      const sent = writes(sim, 0);
      assert.equal(sent.filter((w) => w === "POST /Users").length, 4, `k=${k}: one create each`);
      assert.ok(sent.length <= total + 1, `k=${k}: ${sent.length} writes for ${total} operations`);
    }
  });

  Deno.test(`resume ${version}: a create whose answer was lost is looked up, not sent again`, async () => {
    const { sim, client } = setup(version, {}, { retryHandlers: [] });
    const state = new MemoryStateStore();
    const plan = await planSync(client, [person(1, { groups: ["eng"] })], { state });
    sim.faults.script({ kind: "reset-after", method: "POST", path: "/Users", count: 1 });
    const first = await applySync(client, plan, { state });
    assert.equal(first.status, "partial");
    assert.equal(first.counts.createUser.failed, 1);
    const second = await applySync(client, plan, { state });
    assert.equal(second.status, "applied");
    assert.equal(writes(sim, 0).filter((w) => w === "POST /Users").length, 1);
    const [user] = await users(client);
    assert.equal(user!.externalId, "E1");
    assert.deepEqual((await groups(client)).map((g) => g.members), [[user!.id]]);
  });

  Deno.test(`resume ${version}: one apply per org at a time, "locked by …, since …"`, async () => {
    const { client } = setup(version);
    const state = new MemoryStateStore();
    const plan = await planSync(client, [person(1)], { state });
    const held = await state.lock("default/apply", "nightly job on host-a", 60_000);
    try {
      await assert.rejects(applySync(client, plan, { state }), (error: unknown) => {
        assert.ok(isSyncLockedError(error));
        assert.match(error.message, /Locked by "nightly job on host-a", since /);
        return true;
      });
    } finally {
      await held.release();
    }
    assert.equal((await applySync(client, plan, { state })).status, "applied");
    // Another org is not held up.
    const other = await state.lock("default/apply", "x", 60_000);
    assert.equal(
      (await applySync(client, await planSync(client, [person(2)]), { state, org: "acme" })).status,
      "applied",
    );
    await other.release();
  });
}

Deno.test("resume: an abort with several operations in flight lets them settle, and a re-run finishes", async () => {
  const { sim, client } = setup("v2");
  const state = new MemoryStateStore();
  const many = Array.from({ length: 30 }, (_, i) => person(i + 1, { groups: [`g${i % 3}`] }));
  const plan = await planSync(client, many, { state });
  const controller = new AbortController();
  await assert.rejects(
    applySync(client, plan, {
      state,
      concurrency: 8,
      signal: controller.signal,
      onProgress: ({ done }) => done === 11 && controller.abort(new Error("killed")),
    }),
    /killed/,
  );
  const report = await applySync(client, plan, { state, concurrency: 8 });
  assert.equal(report.status, "applied");
  assert.equal((await users(client)).length, 30);
  const posts = writes(sim, 0).filter((w) => w === "POST /Users").length;
  assert.equal(posts, 30, "no account created twice");
  assert.deepEqual((await groups(client)).map((g) => g.members.length).sort(), [10, 10, 10]);
});
