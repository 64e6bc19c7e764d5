// Kill-and-resume property tests (issue 20): abort an apply at every write of a small plan and at
// random points of a large one, as a kill -9 would (the request that was in flight reaches Slack,
// its answer and every later journal record are lost, the lock is never released), re-run the
// same plan, and check that the final state equals the desired state, no account or group exists
// twice, and the writes sent are those of the plan plus at most the ones in flight.

import assert from "node:assert/strict";
import { SCIMClient } from "../../mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { iterateGroups, iterateUsers } from "../../scim/v1/iterate.ts";
import {
  applySync,
  type DesiredUser,
  isSyncLockedError,
  MemoryStateStore,
  parsePlan,
  planSync,
  serializePlan,
  type SyncLock,
  type SyncPlan,
  type SyncStateStore,
} from "../../sync/mod.ts";
import { FileStateStore } from "../../sync/file_state_store.ts";

const TOKEN = "xoxp-resume-test";

function clientOf(fetch: (request: Request) => Promise<Response>): SCIMClient {
  return new SCIMClient({
    token: TOKEN,
    fetch: fetch as typeof globalThis.fetch,
    rateLimiter: false,
  });
}

/** A small org: an account to update, one to reactivate, one the source no longer lists, a group. */
async function smallOrg(): Promise<{ sim: SlackScimSimulator; desired: DesiredUser[] }> {
  const sim = new SlackScimSimulator({ token: TOKEN });
  const client = clientOf(sim.fetch);
  const make = async (userName: string, title: string, externalId?: string) =>
    (await client.createUser({
      userName,
      title,
      emails: [{ value: `${userName}@example.com`, primary: true }],
      ...(externalId === undefined ? {} : { externalId }),
    })).user.id!;
  // old.one predates the sync (no externalId: matched by email); the others a previous sync made.
  const old = await make("old.one", "Intern");
  const gone = await make("gone.one", "Clerk", "E2");
  const left = await make("left.one", "Clerk", "E9");
  const moved = await make("moved.one", "Clerk", "E5");
  await client.deleteUser(gone);
  await client.createGroup({
    displayName: "Eng",
    members: [{ value: old }, { value: left }, { value: moved }],
  });
  const desired: DesiredUser[] = [
    {
      externalId: "E1",
      userName: "old.one",
      email: "old.one@example.com",
      title: "Engineer",
      groups: ["Eng"],
    },
    { externalId: "E2", userName: "gone.one", email: "gone.one@example.com", groups: ["Ops"] },
    { externalId: "E5", userName: "moved.one", email: "moved.one@example.com", groups: ["Ops"] },
    {
      externalId: "E3",
      userName: "new.one",
      email: "new.one@example.com",
      manager: "E1",
      groups: ["Eng", "Ops"],
    },
    {
      externalId: "E4",
      userName: "new.two",
      email: "new.two@example.com",
      title: "Analyst",
      manager: "E3",
      groups: ["Eng"],
    },
  ];
  return { sim, desired };
}

/** A larger org: 40 accounts to update, 120 to create (with managers), 4 groups. */
async function largeOrg(): Promise<{ sim: SlackScimSimulator; desired: DesiredUser[] }> {
  const sim = new SlackScimSimulator({ token: TOKEN });
  const client = clientOf(sim.fetch);
  for (let i = 0; i < 40; i++) {
    await client.createUser({
      userName: `old${i}`,
      title: "Before",
      emails: [{ value: `old${i}@example.com`, primary: true }],
    });
  }
  const groups = ["Eng", "Ops", "Sales", "All"];
  const desired: DesiredUser[] = [];
  for (let i = 0; i < 40; i++) {
    desired.push({
      externalId: `O${i}`,
      userName: `old${i}`,
      email: `old${i}@example.com`,
      title: "After",
      groups: [groups[i % 3]!, "All"],
    });
  }
  for (let i = 0; i < 120; i++) {
    desired.push({
      externalId: `N${i}`,
      userName: `new${i}`,
      email: `new${i}@example.com`,
      givenName: "New",
      familyName: `Person ${i}`,
      manager: i < 10 ? `O${i}` : `N${i % 10}`,
      groups: [groups[i % 3]!, "All"],
    });
  }
  return { sim, desired };
}

/** The org equals the desired state: each row one account, its attributes, manager and groups. */
async function assertConverged(
  sim: SlackScimSimulator,
  desired: readonly DesiredUser[],
  note: string,
): Promise<void> {
  const client = clientOf(sim.fetch);
  const users = await iterateUsers(client).collect();
  const groups = await iterateGroups(client).collect();
  const byName = new Map<string, typeof users>();
  for (const user of users) {
    const key = user.userName!.toLowerCase();
    byName.set(key, [...byName.get(key) ?? [], user]);
  }
  const idOf = new Map<string, string>();
  for (const row of desired) {
    const found = byName.get(row.userName.toLowerCase()) ?? [];
    assert.equal(found.length, 1, `${note}: ${row.userName} exists ${found.length} times`);
    const user = found[0]!;
    idOf.set(row.externalId, user.id!);
    assert.equal(user.active, row.active ?? true, `${note}: ${row.userName} active`);
    assert.equal(user.emails?.[0]?.value, row.email, `${note}: ${row.userName} email`);
    if (row.title !== undefined) {
      assert.equal(user.title, row.title, `${note}: ${row.userName} title`);
    }
    if (row.familyName !== undefined) {
      assert.equal(user.name?.familyName, row.familyName, `${note}: ${row.userName} familyName`);
    }
  }
  for (const row of desired) {
    if (row.manager === undefined) continue;
    const user = users.find((u) => u.id === idOf.get(row.externalId))!;
    assert.equal(
      user["urn:scim:schemas:extension:enterprise:1.0"]?.manager?.managerId,
      idOf.get(row.manager),
      `${note}: ${row.userName}'s manager`,
    );
  }
  const externalIds = users.map((u) => u.externalId).filter((id) => id);
  assert.equal(new Set(externalIds).size, externalIds.length, `${note}: an externalId twice`);
  const wanted = new Map<string, Set<string>>();
  for (const row of desired) {
    for (const name of row.groups ?? []) {
      wanted.set(name, (wanted.get(name) ?? new Set()).add(idOf.get(row.externalId)!));
    }
  }
  for (const [name, members] of wanted) {
    const found = groups.filter((g) => g.displayName === name);
    assert.equal(found.length, 1, `${note}: group ${name} exists ${found.length} times`);
    // Members the source does not list (accounts it no longer lists) are left alone.
    const listed = new Set(idOf.values());
    assert.deepEqual(
      new Set((found[0]!.members ?? []).map((m) => m.value).filter((id) => listed.has(id!))),
      members,
      `${note}: group ${name}'s members`,
    );
  }
}

const writesOf = (sim: SlackScimSimulator, from = 0) =>
  sim.requests.slice(from).filter((r) => r.method !== "GET" && r.status !== 429 && r.status !== 0)
    .length;

/** A state store that dies with the process: after the kill, nothing more is recorded or released. */
function dying(inner: SyncStateStore, dead: () => boolean): SyncStateStore {
  const alive = () => {
    if (dead()) throw new Error("killed");
  };
  return {
    description: inner.description,
    get: (key) => inner.get(key),
    lines: (key) => inner.lines(key),
    set: async (key, value) => (alive(), await inner.set(key, value)),
    delete: async (key) => (alive(), await inner.delete(key)),
    append: async (key, line) => (alive(), await inner.append(key, line)),
    lock: async (key, holder, ttlMs): Promise<SyncLock> => {
      const lock = await inner.lock(key, holder, ttlMs);
      return {
        release: async () => (alive(), await lock.release()),
        refresh: async (ms) => (alive(), await lock.refresh(ms)),
      };
    },
    close: () => inner.close(),
  };
}

interface Killed {
  /** Writes the first run sent (the k-th reached Slack, its answer was lost). */
  sent: number;
}

/**
 * Applies `plan` and kills the run as its `k`-th write reaches Slack (the write is done, its
 * answer and everything after are lost).
 */
async function applyKilledAt(
  sim: SlackScimSimulator,
  plan: SyncPlan,
  store: SyncStateStore,
  k: number,
  concurrency: number,
): Promise<Killed> {
  let writes = 0;
  let dead = false;
  const controller = new AbortController();
  const fetch = async (request: Request): Promise<Response> => {
    if (dead) throw new DOMException("The process was killed", "AbortError");
    if (request.method === "GET") return await sim.fetch(request);
    writes++;
    const response = await sim.fetch(request);
    if (writes >= k) {
      dead = true;
      controller.abort();
      throw new DOMException("The process was killed", "AbortError");
    }
    return response;
  };
  await applySync(clientOf(fetch), plan, {
    state: dying(store, () => dead),
    org: "acme",
    concurrency,
    signal: controller.signal,
    lockTtlMs: 1_000,
  }).catch(() => {});
  return { sent: writes };
}

/** Re-runs the plan (as read back from its file) once the dead run's lock has run out. */
async function resume(
  sim: SlackScimSimulator,
  planText: string,
  store: SyncStateStore,
  concurrency: number,
  advance?: () => void,
): Promise<void> {
  advance?.();
  for (let attempt = 0;; attempt++) {
    try {
      const report = await applySync(clientOf(sim.fetch), await parsePlan(planText), {
        state: store,
        org: "acme",
        concurrency,
      });
      assert.ok(
        report.status === "applied" || report.status === "noop",
        `resumed apply: ${report.status} ${JSON.stringify(report.failures)} ${
          JSON.stringify(report.stale)
        }`,
      );
      return;
    } catch (error) {
      if (!isSyncLockedError(error) || attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const OPTIONS = { targetOnly: "deactivate", allowDestructive: true } as const;

Deno.test("an apply killed at every write of a small plan, then re-run, ends in the desired state with no extra account", async () => {
  // The uninterrupted run: how many writes the plan takes.
  const clean = await smallOrg();
  const cleanPlan = await planSync(clientOf(clean.sim.fetch), clean.desired, OPTIONS);
  const from = clean.sim.requests.length;
  const report = await applySync(clientOf(clean.sim.fetch), cleanPlan, { org: "acme" });
  assert.equal(report.status, "applied", JSON.stringify(report.failures));
  const planned = writesOf(clean.sim, from);
  await assertConverged(clean.sim, clean.desired, "uninterrupted");
  assert.ok(planned >= 9, `a plan of ${planned} writes is too small to test`);
  const kinds = new Set(cleanPlan.operations.map((op) => op.kind));
  for (
    const kind of [
      "createUser",
      "updateUser",
      "reactivateUser",
      "deactivateUser",
      "createGroup",
      "addMembers",
      "removeMembers",
      "setManager",
    ]
  ) {
    assert.ok(kinds.has(kind as never), `the small plan has no ${kind}: ${[...kinds]}`);
  }

  for (let k = 1; k <= planned; k++) {
    const { sim, desired } = await smallOrg();
    const plan = await planSync(clientOf(sim.fetch), desired, OPTIONS);
    const planText = await serializePlan(plan);
    let now = Date.now();
    const store = new MemoryStateStore({ clock: { now: () => now } });
    const before = sim.requests.length;
    const { sent } = await applyKilledAt(sim, plan, store, k, 1);
    assert.equal(sent, k);
    await resume(sim, planText, store, 1, () => (now += 2_000));
    await assertConverged(sim, desired, `killed at write ${k}`);
    const total = writesOf(sim, before);
    assert.ok(
      total <= planned + 1,
      `killed at write ${k}: ${total} writes for a plan of ${planned}`,
    );
  }
});

Deno.test("an apply of a large plan killed at random points, then re-run, ends in the desired state", async () => {
  const clean = await largeOrg();
  const cleanPlan = await planSync(clientOf(clean.sim.fetch), clean.desired, OPTIONS);
  const from = clean.sim.requests.length;
  await applySync(clientOf(clean.sim.fetch), cleanPlan, { org: "acme", concurrency: 4 });
  const planned = writesOf(clean.sim, from);
  await assertConverged(clean.sim, clean.desired, "uninterrupted");

  const seed = Math.floor(Math.random() * 2 ** 31);
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 4; round++) {
    const k = 1 + Math.floor(random() * planned);
    const note = `seed ${seed}, killed at write ${k} of ${planned}`;
    const { sim, desired } = await largeOrg();
    const plan = await planSync(clientOf(sim.fetch), desired, OPTIONS);
    let now = Date.now();
    const store = new MemoryStateStore({ clock: { now: () => now } });
    const before = sim.requests.length;
    await applyKilledAt(sim, plan, store, k, 4);
    await resume(sim, await serializePlan(plan), store, 4, () => (now += 2_000));
    await assertConverged(sim, desired, note);
    const total = writesOf(sim, before);
    // At most the writes in flight when it died (4 at a time) are sent again.
    assert.ok(total <= planned + 4, `${note}: ${total} writes`);
  }
});

Deno.test("an apply process killed with SIGKILL at a random moment, then re-run, ends in the desired state", async () => {
  const { sim, desired } = await largeOrg();
  const server = await sim.listen();
  await Deno.mkdir(".tmp", { recursive: true });
  const dir = await Deno.makeTempDir({ dir: ".tmp", prefix: "sync-resume-" });
  try {
    const plan = await planSync(clientOf(sim.fetch), desired, OPTIONS);
    const planText = await serializePlan(plan);
    await Deno.writeTextFile(`${dir}/plan.json`, planText);
    const before = sim.requests.length;
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "tests/sync/_apply_worker.ts",
        server.baseUrl,
        `${dir}/plan.json`,
        `${dir}/state`,
      ],
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // "applying"
    const delay = 20 + Math.random() * 300;
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill("SIGKILL");
    await child.status;
    await reader.cancel().catch(() => {});
    const sentBeforeKill = writesOf(sim, before);
    await resume(sim, planText, new FileStateStore(`${dir}/state`), 4);
    const note = `killed after ${delay.toFixed(0)} ms, ${sentBeforeKill} writes in`;
    await assertConverged(sim, desired, note);
    // The writes of an uninterrupted run, plus at most those in flight (4) when it died.
    const planned = plan.operations.length; // one write per operation in this plan
    assert.ok(
      writesOf(sim, before) <= planned + 4,
      `${note}: ${writesOf(sim, before)} writes for ${planned} operations`,
    );
  } finally {
    await server.close();
    await Deno.remove(dir, { recursive: true });
  }
});
