// What the client reports about writes and their retries: mayHaveBeenApplied and the words of
// its errors, attempts and waits, log lines, the live handler list. Which writes are re-sent,
// recovered or refused under a lost answer, end to end on the simulator's state, is
// tests/soak/writes_stay_correct_test.ts.

import assert from "node:assert/strict";
import { isRequestFailedError, isSCIMApiError } from "../../mod.ts";
import { allBuiltinRetryHandlers, RateLimitErrorRetryHandler } from "../../retry/mod.ts";
import { rejection, setup } from "./_helpers.ts";

function warnings() {
  const lines: string[] = [];
  return {
    lines,
    logger: { debug: () => {}, warn: (message: string) => void lines.push(message) },
  };
}

Deno.test("a recovered createUser() counts the look-up in its attempts and logs a warning", async () => {
  const log = warnings();
  const { client, sim } = setup({}, { logger: log.logger });
  sim.faults.script({ kind: "reset-after", method: "POST", path: "/Users" });
  const created = await client.createUser({
    userName: "cal",
    emails: [{ value: "cal@example.com" }],
  });
  assert.equal(created.recovered, true);
  assert.equal(created.attempts, 3, "two POSTs and the look-up");
  assert.deepEqual(log.lines.filter((line) => line.startsWith("createUser")), [
    "createUser: the retry met username_taken; the user an earlier attempt created was found",
  ]);
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

Deno.test("a read that lost an attempt, or a write whose every attempt was answered, is never marked mayHaveBeenApplied", async () => {
  const { client, sim } = setup({}, { retryHandlers: allBuiltinRetryHandlers() });
  sim.faults.script({ kind: "reset-before", method: "GET", path: "/Users/W404" });
  const read = await rejection(client.readUser("W404"));
  assert.ok(isSCIMApiError(read));
  assert.equal(read.description, "no_such_user");
  assert.deepEqual(read.failedAttempts.map((attempt) => attempt.kind), ["error"]);
  assert.equal(read.mayHaveBeenApplied, false, "a read applies nothing");
  // Two answered attempts: a 503 (retried), then the 404.
  sim.faults.script({ kind: "status-503", method: "PATCH", path: "/Users/W404" });
  const write = await rejection(client.patchUser("W404", { title: "x" }));
  assert.ok(isSCIMApiError(write));
  assert.equal(write.attempts, 2);
  assert.deepEqual(write.failedAttempts, [{ kind: "response", status: 503 }]);
  assert.equal(write.mayHaveBeenApplied, false);
  assert.doesNotMatch(write.message, /may have/);
});

Deno.test("a 2xx write answered with a truncated body is marked mayHaveBeenApplied", async () => {
  const { client, sim } = setup();
  const { user } = await client.createUser({ userName: "tru", emails: [{ value: "t@x.com" }] });
  sim.faults.script({ kind: "truncated", method: "PATCH", path: `/Users/${user.id}` });
  const error = await rejection(client.patchUser(user.id!, { title: "Chief" }));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 200);
  assert.equal(error.mayHaveBeenApplied, true);
  // Only "may": a 2xx whose body is unusable may be a proxy's, not Slack's.
  assert.match(
    error.message,
    /^Slack answered 200 with truncated or malformed JSON: .* to PATCH Users\/\S+; the write may have been applied, but its answer was unusable: read it back before repeating it$/,
  );
  assert.doesNotMatch(error.message, /Slack applied/);
  assert.equal((await client.readUser(user.id!)).user.title, "Chief");
});

Deno.test("createUser() answered 201 without a usable body, whose look-up fails, says the user may have been created, not that it was", async () => {
  const { client, sim } = setup();
  sim.faults.script({ kind: "empty", method: "POST", path: "/Users" });
  sim.faults.script({ kind: "html", method: "GET", path: "/Users" });
  const error = await rejection(
    client.createUser({ userName: "kai", emails: [{ value: "kai@example.com" }] }),
  );
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 201);
  assert.equal(error.mayHaveBeenApplied, true);
  assert.match(
    error.message,
    /^Slack answered 201 with an empty body instead of the expected JSON to POST Users; Slack answered 201 but its body was unusable, so the user may have been created; looking it up failed \(/,
  );
  assert.doesNotMatch(error.message, /user was created|Slack applied/);
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
