// Writes must stay correct when a connection drops: what is retried, what is recovered, what is
// refused.

import assert from "node:assert/strict";
import { isRequestFailedError, isSCIMApiError } from "../../mod.ts";
import { RateLimitErrorRetryHandler } from "../../retry/mod.ts";
import { rejection, setup } from "./_helpers.ts";

function warnings() {
  const lines: string[] = [];
  return {
    lines,
    logger: { debug: () => {}, warn: (message: string) => void lines.push(message) },
  };
}

Deno.test("createUser() recovers the user its first attempt created when the retry meets username_taken", async () => {
  const log = warnings();
  const { client, sim } = setup({}, { logger: log.logger });
  sim.faults.script({ kind: "reset-after", method: "POST", path: "/Users" });
  const created = await client.createUser({
    userName: "cal",
    emails: [{ value: "cal@example.com" }],
  });
  assert.equal(created.recovered, true);
  assert.equal(created.user.userName, "cal");
  assert.match(created.user.id!, /^[UW]/);
  assert.deepEqual(
    sim.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
    ["POST /Users 0", "POST /Users 409", "GET /Users 200"],
    "one create applied, one retry refused, one look-up",
  );
  const all = await client.searchUsers({ filter: 'userName eq "cal"' });
  assert.equal(all.totalResults, 1, "no duplicate user");
  assert.ok(
    created.attempts >= 3,
    `attempts counts the create and the look-up: ${created.attempts}`,
  );
  assert.equal(log.lines.length >= 1, true);
  assert.ok(log.lines.some((line) => line.includes("createUser")), log.lines.join("\n"));
});

Deno.test("createUser() does not claim someone else's user: different email → SCIMApiError saying the create may have happened", async () => {
  const { client, sim } = setup();
  await client.createUser({ userName: "dup", emails: [{ value: "first@example.com" }] });
  // The first attempt never reaches Slack; the retry meets the existing "dup".
  sim.faults.script({ kind: "reset-before", method: "POST", path: "/Users" });
  const error = await rejection(
    client.createUser({ userName: "dup", emails: [{ value: "second@example.com" }] }),
  );
  assert.ok(isSCIMApiError(error), String(error));
  assert.equal(error.description, "username_taken");
  assert.match(error.message, /may have created the user/);
  assert.deepEqual(error.failedAttempts.map((attempt) => attempt.kind), ["error"]);
});

Deno.test("createUser() without a send failure reports username_taken as is, with no look-up", async () => {
  const { client, sim } = setup();
  await client.createUser({ userName: "plain", emails: [{ value: "plain@example.com" }] });
  const before = sim.requests.length;
  const error = await rejection(
    client.createUser({ userName: "plain", emails: [{ value: "plain@example.com" }] }),
  );
  assert.ok(isSCIMApiError(error));
  assert.doesNotMatch(error.message, /may have/);
  assert.equal(sim.requests.length - before, 1, "no look-up");
});

Deno.test("createGroup() is not re-sent after a send failure: RequestFailedError says a retry could duplicate it", async () => {
  const { client, sim } = setup();
  const member = (await client.searchUsers({ count: 1 })).users[0]!.id!;
  sim.faults.script({ kind: "reset-after", method: "POST", path: "/Groups" });
  const error = await rejection(
    client.createGroup({ displayName: "Once", members: [{ value: member }] }),
  );
  assert.ok(isRequestFailedError(error), String(error));
  assert.equal(error.mayHaveBeenApplied, true);
  assert.equal(error.attempts, 1);
  assert.match(error.message, /duplicate/);
  assert.equal(sim.requests.filter((request) => request.method === "POST").length, 1);
  const groups = await client.searchGroups({ filter: 'displayName eq "Once"' });
  assert.equal(groups.totalResults, 1, "the one create Slack applied");
});

Deno.test("deleteGroup() whose retry meets no_such_group after a send failure is a recovered success", async () => {
  const { client, sim } = setup();
  const member = (await client.searchUsers({ count: 1 })).users[0]!.id!;
  const { group } = await client.createGroup({
    displayName: "Doomed",
    members: [{ value: member }],
  });
  sim.faults.script({ kind: "reset-after", method: "DELETE", path: `/Groups/${group.id}` });
  const deleted = await client.deleteGroup(group.id!);
  assert.equal(deleted.recovered, true);
  assert.equal(deleted.attempts, 2);
  const error = await rejection(client.readGroup(group.id!));
  assert.ok(isSCIMApiError(error) && error.description === "no_such_group");
});

Deno.test("deleteGroup() of a group that never existed still throws no_such_group", async () => {
  const { client } = setup();
  const error = await rejection(client.deleteGroup("S0NEVER"));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.description, "no_such_group");
});

Deno.test("patchUser(), updateUser() and deleteUser() are retried after a send failure", async () => {
  const { client, sim } = setup();
  const { user } = await client.readUser((await client.searchUsers({ count: 1 })).users[0]!.id!);
  const path = `/Users/${user.id}`;
  sim.faults.script({ kind: "reset-after", method: "PATCH", path });
  sim.faults.script({ kind: "reset-before", method: "PUT", path });
  sim.faults.script({ kind: "reset-after", method: "DELETE", path });
  const patched = await client.patchUser(user.id!, { title: "Retried" });
  assert.equal(patched.attempts, 2);
  assert.equal(patched.user.title, "Retried");
  const updated = await client.updateUser({ ...patched.user, title: "Again" });
  assert.equal(updated.attempts, 2);
  assert.equal(updated.user.title, "Again");
  const deleted = await client.deleteUser(user.id!);
  assert.equal(deleted.attempts, 2);
  assert.equal((await client.readUser(user.id!)).user.active, false);
});

Deno.test("a read is retried after a connection reset and reports its attempts", async () => {
  const { client, sim } = setup();
  sim.faults.script({ kind: "reset-before", method: "GET", path: "/Users" });
  const page = await client.searchUsers({ count: 1 });
  assert.equal(page.status, 200);
  assert.equal(page.attempts, 2);
});

Deno.test("retryHandlers is a live array: emptying it stops retries", async () => {
  const { client, sim } = setup();
  client.retryHandlers.length = 0;
  sim.faults.script({ kind: "reset-before", method: "GET", path: "/Users" });
  const error = await rejection(client.searchUsers());
  assert.ok(isRequestFailedError(error), String(error));
  assert.equal(error.attempts, 1);
});

Deno.test("a write whose earlier attempt got no answer fails with mayHaveBeenApplied and says so", async () => {
  const { client, sim } = setup();
  const { user } = await client.createUser({ userName: "pat", emails: [{ value: "p@x.com" }] });
  sim.faults.script({ kind: "reset-after", method: "PATCH", path: `/Users/${user.id}` });
  sim.faults.script({ kind: "status-502", method: "PATCH", path: `/Users/${user.id}` });
  const error = await rejection(client.patchUser(user.id!, { title: "Boss" }));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 502);
  assert.equal(error.mayHaveBeenApplied, true);
  assert.match(error.message, /may have been applied/);
  // It was: the first attempt was processed before its connection dropped.
  assert.equal((await client.readUser(user.id!)).user.title, "Boss");
});

Deno.test("a read or a write with every attempt answered is never marked mayHaveBeenApplied", async () => {
  const { client, sim } = setup();
  sim.faults.script({ kind: "reset-before", method: "GET", path: "/Users/W404" });
  const read = await rejection(client.readUser("W404"));
  assert.ok(isSCIMApiError(read));
  assert.equal(read.description, "no_such_user");
  assert.equal(read.mayHaveBeenApplied, false);
  const write = await rejection(client.patchUser("W404", { title: "x" }));
  assert.ok(isSCIMApiError(write));
  assert.equal(write.mayHaveBeenApplied, false);
});

Deno.test("a 2xx write answered with a truncated body is marked mayHaveBeenApplied", async () => {
  const { client, sim } = setup();
  const { user } = await client.createUser({ userName: "tru", emails: [{ value: "t@x.com" }] });
  sim.faults.script({ kind: "truncated", method: "PATCH", path: `/Users/${user.id}` });
  const error = await rejection(client.patchUser(user.id!, { title: "Chief" }));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 200);
  assert.equal(error.mayHaveBeenApplied, true);
  assert.match(error.message, /applied the write/);
  assert.equal((await client.readUser(user.id!)).user.title, "Chief");
});

Deno.test("createUser() answered 201 with an unreadable body finds the created user: recovered, not a false failure", async () => {
  for (const kind of ["truncated", "empty"] as const) {
    const { client, sim } = setup();
    sim.faults.script({ kind, method: "POST", path: "/Users" });
    const created = await client.createUser({
      userName: `lost-${kind}`,
      emails: [{ value: `${kind}@x.com` }],
    });
    assert.equal(created.recovered, true, kind);
    assert.equal(created.user.userName, `lost-${kind}`);
    assert.deepEqual(
      sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
      ["POST /Users 201", "GET /Users 200"],
      "created once, then looked up",
    );
  }
});

Deno.test("patchGroup() and updateGroup() are retried after a send failure and apply once", async () => {
  const { client, sim } = setup();
  const [member] = (await client.searchUsers({ count: 1 })).users;
  const { group } = await client.createGroup({ displayName: "Retried", members: [] });
  const path = `/Groups/${group.id}`;
  sim.faults.script({ kind: "reset-after", method: "PATCH", path });
  sim.faults.script({ kind: "reset-after", method: "PUT", path });
  const patched = await client.patchGroup(group.id!, { members: [{ value: member!.id! }] });
  assert.equal(patched.attempts, 2);
  const updated = await client.updateGroup({
    ...group,
    displayName: "Renamed",
    members: [{ value: member!.id! }],
  });
  assert.equal(updated.attempts, 2);
  assert.equal(updated.group.displayName, "Renamed");
  assert.deepEqual(updated.group.members?.map((m) => m.value), [member!.id]);
});

Deno.test("responses and errors report the time waited between attempts (totalRetryDelay)", async () => {
  const waits: number[] = [];
  const { client, sim } = setup({}, {
    retryHandlers: [new RateLimitErrorRetryHandler({ maxRetryCount: 2 })],
    rateLimiter: false, // only the retries' waits here: no pacing after the 429s
    clock: {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  });
  sim.faults.script({
    kind: "retry-after-seconds",
    method: "GET",
    path: "/Users",
    retryAfterSeconds: 2,
  });
  const page = await client.searchUsers({ count: 1 });
  assert.equal(page.attempts, 2);
  assert.equal(page.totalRetryDelay, 2000);
  // Three 429s with a 1 s Retry-After: two waits, then the third answer is the error.
  sim.faults.script({ kind: "retry-after-seconds", method: "GET", path: "/Groups", count: 3 });
  const error = await rejection(client.searchGroups());
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 429);
  assert.equal(error.attempts, 3);
  assert.equal(error.totalRetryDelay, 2000);
  assert.equal(error.retryAfter, 1000);
  assert.deepEqual(waits, [2000, 1000, 1000]);
});
