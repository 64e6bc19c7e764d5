import assert from "node:assert/strict";
import { GUEST_SCHEMA_V1, isSCIMApiError, SCIMClient } from "../../mod.ts";
import { RateLimitErrorRetryHandler } from "../../retry/mod.ts";
import {
  addGroupMembers,
  GroupMembershipError,
  isGroupMembershipError,
  removeGroupMembers,
  setGroupMembers,
} from "../../scim/v1/group_members.ts";
import { iterateGroups, iterateUsers } from "../../scim/v1/iterate.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";

const TOKEN = "xoxp-test";

/** A simulator with `count` users that can join groups (active full members) and one empty group. */
async function setUp(count: number, options: { rateLimits?: boolean } = {}) {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 0, ...options });
  const client = new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    clock: { sleep: () => Promise.resolve() },
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { user } = await client.createUser({
      userName: `m${i}`,
      emails: [{ value: `m${i}@example.com` }],
    });
    ids.push(user.id!);
  }
  const { group } = await client.createGroup({ displayName: "Everyone", members: [] });
  return { sim, client, ids, groupId: group.id! };
}

async function memberIds(client: SCIMClient, groupId: string): Promise<Set<string>> {
  const { group } = await client.readGroup(groupId);
  return new Set((group.members ?? []).map((m) => m.value!));
}

function patchCalls(sim: SlackScimSimulator, groupId: string): number {
  return sim.requests.filter((r) => r.method === "PATCH" && r.path === `/Groups/${groupId}`).length;
}

Deno.test("addGroupMembers() adds 12,000 users in chunks of 5,000, and each user lists the group", async () => {
  const { sim, client, ids, groupId } = await setUp(12_000);
  const result = await addGroupMembers(client, groupId, ids);
  assert.equal(result.added, 12_000);
  assert.deepEqual(result.chunks.map((c) => c.userIds.length), [5000, 5000, 2000]);
  assert.equal(patchCalls(sim, groupId), 3);
  assert.deepEqual(await memberIds(client, groupId), new Set(ids));
  const { user } = await client.readUser(ids[11_999]!);
  assert.ok(user.groups?.some((g) => g.value === groupId));
});

Deno.test("removeGroupMembers() removes in chunks and sends duplicates once", async () => {
  const { sim, client, ids, groupId } = await setUp(300);
  await addGroupMembers(client, groupId, ids);
  const before = patchCalls(sim, groupId);
  const gone = ids.slice(0, 250);
  const result = await removeGroupMembers(client, groupId, [...gone, ...gone], { chunkSize: 100 });
  assert.equal(result.removed, 250);
  assert.equal(patchCalls(sim, groupId) - before, 3);
  assert.deepEqual(await memberIds(client, groupId), new Set(ids.slice(250)));
});

Deno.test("setGroupMembers() sends only the difference, additions before removals", async () => {
  const { sim, client, ids, groupId } = await setUp(12_000);
  await addGroupMembers(client, groupId, ids.slice(0, 7000));
  const before = sim.requests.length;
  const result = await setGroupMembers(client, groupId, ids.slice(5000, 12_000));
  assert.equal(result.added, 5000);
  assert.equal(result.removed, 5000);
  assert.deepEqual(result.chunks.map((c) => c.operation), ["add", "remove"]);
  assert.deepEqual(await memberIds(client, groupId), new Set(ids.slice(5000)));
  // One read of the group, then the two PATCHes.
  assert.deepEqual(sim.requests.slice(before, before + 3).map((r) => r.method), [
    "GET",
    "PATCH",
    "PATCH",
  ]);
  const unchanged = await setGroupMembers(client, groupId, ids.slice(5000));
  assert.equal(unchanged.chunks.length, 0);
});

Deno.test("a failed chunk throws GroupMembershipError listing what was applied and what was not", async () => {
  const { sim, client, ids, groupId } = await setUp(250);
  // The second PATCH fails for good (the default handlers do not retry 503 on a write).
  let patches = 0;
  const failingSecond = (request: Request) => {
    if (request.method === "PATCH" && ++patches === 2) {
      return Promise.resolve(
        new Response(
          JSON.stringify({ Errors: { description: "service_unavailable", code: 503 } }),
          {
            status: 503,
            headers: { "content-type": "application/json" },
          },
        ),
      );
    }
    return sim.fetch(request);
  };
  const flaky = new SCIMClient({ token: TOKEN, fetch: failingSecond });
  const error = await addGroupMembers(flaky, groupId, ids, { chunkSize: 100 }).then(
    () => assert.fail("expected a GroupMembershipError"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof GroupMembershipError);
  assert.ok(isGroupMembershipError(error));
  assert.equal(isGroupMembershipError(error.cause), false);
  assert.equal(error.applied.length, 1);
  assert.deepEqual(error.failed.userIds, ids.slice(100, 200));
  assert.deepEqual(error.pendingUserIds("add"), ids.slice(100));
  assert.ok(isSCIMApiError(error.cause));
  assert.match(error.message, /100 user changes applied in 1 calls/);
  // Nothing silently lost: exactly the applied chunk is in the group.
  assert.deepEqual(await memberIds(client, groupId), new Set(ids.slice(0, 100)));
  // Re-running the pending part completes the change.
  await addGroupMembers(client, groupId, error.pendingUserIds("add"));
  assert.deepEqual(await memberIds(client, groupId), new Set(ids));
});

Deno.test("group PATCHes that meet Slack's rate limits are absorbed by the RateLimitErrorRetryHandler", async () => {
  // Slack's numbers, on a clock that the client's waits move forward: no real time passes.
  let now = Date.parse("2026-01-01T00:00:00Z");
  const sim = new SlackScimSimulator({
    token: TOKEN,
    users: 0,
    rateLimits: true,
    clock: { now: () => now },
  });
  const waits: number[] = [];
  const client = new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    rateLimiter: false, // reacting only: the pacing is the next test's
    retryHandlers: [new RateLimitErrorRetryHandler({ maxRetryCount: 100 })],
    clock: {
      sleep: (ms) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    },
  });
  const ids: string[] = [];
  for (let i = 0; i < 120; i++) {
    ids.push(
      (await client.createUser({ userName: `r${i}`, emails: [{ value: `r${i}@x.com` }] })).user.id!,
    );
  }
  const { group } = await client.createGroup({ displayName: "Limited", members: [] });
  // The group-update pool allows a burst of 80: 120 one-member calls must meet 429s.
  const result = await addGroupMembers(client, group.id!, ids, { chunkSize: 1 });
  assert.equal(result.added, 120);
  assert.ok(sim.requests.some((r) => r.method === "PATCH" && r.status === 429), "a PATCH got 429");
  assert.ok(waits.length > 0 && waits.every((ms) => ms >= 1000), `waits ${waits.slice(0, 5)}`);
  assert.deepEqual(await memberIds(client, group.id!), new Set(ids));
});

Deno.test("overlapping PATCHes of one group meet Slack's one-write-at-a-time lock: resource_locked, then absorbed by the RateLimitErrorRetryHandler", async () => {
  // The simulator reads a request's body before it answers, so two PATCHes sent together overlap
  // as they do at Slack: the second is refused while the first holds the group.
  const sim = new SlackScimSimulator({ token: TOKEN, users: 4, groups: 0, rateLimits: true });
  const bare = new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    retryHandlers: [],
    rateLimiter: false,
  });
  const users = (await bare.searchUsers({ count: 4 })).users.map((user) => user.id!);
  const { group } = await bare.createGroup({ displayName: "Locked", members: [] });
  const patch = (client: SCIMClient, id: string) =>
    client.patchGroup(group.id!, { members: [{ value: id }] });

  const without = await Promise.allSettled([patch(bare, users[0]!), patch(bare, users[1]!)]);
  assert.equal(without[0].status, "fulfilled");
  assert.equal(without[1].status, "rejected");
  const refused = (without[1] as PromiseRejectedResult).reason;
  assert.ok(isSCIMApiError(refused), String(refused));
  assert.equal(refused.status, 429);
  assert.equal(refused.description, "resource_locked");
  assert.equal(refused.retryAfter, 1000);

  const waits: number[] = [];
  const retrying = new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    rateLimiter: false,
    retryHandlers: [new RateLimitErrorRetryHandler()],
    clock: {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  });
  const both = await Promise.all([patch(retrying, users[2]!), patch(retrying, users[3]!)]);
  assert.deepEqual(both.map((r) => r.status), [204, 204]);
  assert.deepEqual(both.map((r) => r.attempts).sort(), [1, 2]);
  assert.deepEqual(waits, [1000]);
  assert.deepEqual(await memberIds(retrying, group.id!), new Set([users[0]!, ...users.slice(2)]));
});

Deno.test("with the default rate limiter the same 120 group PATCHes meet no 429: they wait their turn", async () => {
  let now = Date.parse("2026-01-01T00:00:00Z");
  const sim = new SlackScimSimulator({ token: TOKEN, rateLimits: true, clock: { now: () => now } });
  const waits: number[] = [];
  const client = new SCIMClient({
    token: TOKEN,
    fetch: sim.fetch,
    retryHandlers: [new RateLimitErrorRetryHandler({ maxRetryCount: 100 })],
    clock: {
      now: () => now,
      sleep: (ms) => {
        waits.push(ms);
        now = Math.max(now, now + ms);
        return Promise.resolve();
      },
    },
  });
  const ids: string[] = [];
  for (let i = 0; i < 120; i++) {
    ids.push(
      (await client.createUser({ userName: `r${i}`, emails: [{ value: `r${i}@x.com` }] })).user.id!,
    );
  }
  const { group } = await client.createGroup({ displayName: "Paced", members: [] });
  const result = await addGroupMembers(client, group.id!, ids, { chunkSize: 1 });
  assert.equal(result.added, 120);
  assert.equal(sim.requests.filter((r) => r.status === 429).length, 0);
  assert.ok(waits.length > 0 && waits.every((ms) => ms < 1000), `waits ${waits.slice(0, 5)}`);
  assert.deepEqual(await memberIds(client, group.id!), new Set(ids));
});

Deno.test("with the default rate limiter overlapping PATCHes of one group take turns: no resource_locked", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 2, groups: 0, rateLimits: true });
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch, retryHandlers: [] });
  const users = (await client.searchUsers({ count: 2 })).users.map((user) => user.id!);
  const { group } = await client.createGroup({ displayName: "Turns", members: [] });
  const both = await Promise.all(
    users.map((id) => client.patchGroup(group.id!, { members: [{ value: id }] })),
  );
  assert.deepEqual(both.map((r) => [r.status, r.attempts]), [[204, 1], [204, 1]]);
  assert.equal(sim.requests.filter((r) => r.status === 429).length, 0);
  assert.deepEqual(await memberIds(client, group.id!), new Set(users));
});

Deno.test("membership calls refuse an empty group id, empty user ids and a bad chunk size", async () => {
  const { client, groupId } = await setUp(1);
  await assert.rejects(addGroupMembers(client, "", ["U1"]), TypeError);
  await assert.rejects(addGroupMembers(client, groupId, ["U1", ""]), /user id 1 is empty/);
  await assert.rejects(addGroupMembers(client, groupId, ["U1"], { chunkSize: 15_001 }), RangeError);
  await assert.rejects(removeGroupMembers(client, groupId, ["U1"], { chunkSize: 0 }), RangeError);
});

Deno.test("iterateUsers() walks a seeded org with guests and deactivated users exactly once each", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 2345 });
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch });
  const seen = new Set<string>();
  let guests = 0;
  for await (const user of iterateUsers(client, { pageSize: 500 })) {
    assert.ok(!seen.has(user.id!), `${user.id} yielded twice`);
    seen.add(user.id!);
    if (user[GUEST_SCHEMA_V1]) guests++;
  }
  assert.equal(seen.size, 2345);
  assert.ok(guests > 0);
  assert.equal(sim.requests.length, 5);
});

Deno.test("iterateUsers() yields nobody twice while users are created and deactivated during the walk", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 1000 });
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch });
  const seen = new Set<string>();
  const initial = new Set((await iterateUsers(client).collect()).map((u) => u.id!));
  let made = 0;
  for await (const page of iterateUsers(client, { pageSize: 100 }).pages()) {
    for (const user of page.users) {
      assert.ok(!seen.has(user.id!), `${user.id} yielded twice`);
      seen.add(user.id!);
    }
    // Between pages: deactivate a user already seen and create two new ones.
    await client.deleteUser(page.users[0]!.id!);
    for (let i = 0; i < 2; i++, made++) {
      await client.createUser({
        userName: `late${made}`,
        emails: [{ value: `late${made}@x.com` }],
      });
    }
  }
  for (const id of initial) assert.ok(seen.has(id), `${id} skipped`);
  // Users created during the walk are appended, so the walk reaches them too, except the two
  // made after the last page was read.
  assert.equal(seen.size, 1000 + made - 2);
});

Deno.test("iterateGroups() pages with a filter, and pages() exposes groups", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 20, groups: 0 });
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch });
  for (let i = 0; i < 25; i++) await client.createGroup({ displayName: `team-${i}`, members: [] });
  await client.createGroup({ displayName: "other", members: [] });
  const pages = [];
  for await (
    const page of iterateGroups(client, { filter: 'displayName sw "team-"', pageSize: 10 }).pages()
  ) {
    pages.push(page.groups.length);
  }
  assert.deepEqual(pages, [10, 10, 5]);
});

Deno.test("iterateUsers() is cancelled by its signal between pages", async () => {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 300 });
  const client = new SCIMClient({ token: TOKEN, fetch: sim.fetch });
  const controller = new AbortController();
  let count = 0;
  await assert.rejects(async () => {
    for await (const _ of iterateUsers(client, { pageSize: 100, signal: controller.signal })) {
      if (++count === 150) controller.abort();
    }
  }, { name: "AbortError" });
  assert.equal(sim.requests.length, 2);
});
