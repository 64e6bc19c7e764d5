// The version-neutral membership engine (scim/membership.ts) and search walk (scim/paging.ts),
// driven without any client: what a v2 client will plug into them.

import assert from "node:assert/strict";
import { isGroupMembershipError } from "../../scim/group_membership_error.ts";
import type { MembershipChunk } from "../../scim/group_membership_error.ts";
import { changeMembers, type MembershipCalls } from "../../scim/membership.ts";
import { iterateSearch, type SearchPageQuery } from "../../scim/paging.ts";
import type { SearchResponse } from "../../scim/response.ts";

/** A group held in memory; `failOn` makes the n-th sent chunk (1-based) fail. */
function group(members: string[], failOn?: number) {
  const current = new Set(members);
  const sent: string[] = [];
  const calls: MembershipCalls = {
    groupId: "S1",
    sendChunk: (chunk: MembershipChunk) => {
      sent.push(`${chunk.operation} ${chunk.userIds.join(",")}`);
      if (sent.length === failOn) return Promise.reject(new Error("HTTP 500"));
      for (const id of chunk.userIds) {
        if (chunk.operation === "add") current.add(id);
        else current.delete(id);
      }
      return Promise.resolve();
    },
    readMembers: () => Promise.resolve(["", ...current]), // an empty id is not a member
  };
  return { current, sent, calls };
}

Deno.test('changeMembers("set") adds every missing user before it removes anybody', async () => {
  const g = group(["U1", "U2", "U3"]);
  const result = await changeMembers("set", ["U3", "U4", "U5", "U6"], g.calls, { chunkSize: 2 });
  assert.deepEqual(g.sent, ["add U4,U5", "add U6", "remove U1,U2"]);
  assert.deepEqual([...g.current].sort(), ["U3", "U4", "U5", "U6"]);
  assert.deepEqual([result.groupId, result.added, result.removed], ["S1", 3, 2]);
});

Deno.test("changeMembers() sends duplicates once and refuses an empty user id before sending", async () => {
  const g = group([]);
  await changeMembers("add", ["U1", "U1", "U2"], g.calls);
  assert.deepEqual(g.sent, ["add U1,U2"]);
  await assert.rejects(changeMembers("add", ["U3", " "], g.calls), /user id 1 is empty/);
  await assert.rejects(changeMembers("remove", ["U3"], g.calls, { chunkSize: 0 }), RangeError);
  assert.equal(g.sent.length, 1);
});

Deno.test("a chunk that fails part-way throws GroupMembershipError naming applied, failed and unsent chunks", async () => {
  const g = group([], 2);
  const error = await changeMembers("add", ["U1", "U2", "U3", "U4", "U5"], g.calls, {
    chunkSize: 2,
  }).catch((e) => e);
  assert.ok(isGroupMembershipError(error));
  assert.equal(error.groupId, "S1");
  assert.deepEqual(error.applied.map((c) => c.userIds), [["U1", "U2"]]);
  assert.deepEqual(error.failed.userIds, ["U3", "U4"]);
  assert.deepEqual(error.notAttempted.map((c) => c.userIds), [["U5"]]);
  assert.equal((error.cause as Error).message, "HTTP 500");
});

Deno.test("an abort before anything is sent rejects with the caller's reason, not a membership error", async () => {
  const g = group([]);
  const job = new AbortController();
  job.abort(new Error("shutting down"));
  await assert.rejects(
    changeMembers("add", ["U1"], g.calls, { signal: job.signal }),
    /shutting down/,
  );
  assert.deepEqual(g.sent, []);
});

Deno.test("iterateSearch() asks each page with the walk's filter and timeout and yields under the key", async () => {
  const all = Array.from({ length: 5 }, (_, i) => ({ id: `G${i}` }));
  const asked: SearchPageQuery[] = [];
  const search = (query: SearchPageQuery): Promise<SearchResponse<"groups", { id: string }>> => {
    asked.push(query);
    const groups = all.slice(query.startIndex - 1, query.startIndex - 1 + query.count);
    return Promise.resolve({
      groups,
      totalResults: all.length,
      itemsPerPage: groups.length,
      startIndex: query.startIndex,
      status: 200,
      headers: new Headers(),
      body: undefined,
      attempts: 1,
      totalRetryDelay: 0,
      recovered: false,
    });
  };
  const walk = iterateSearch(search, "groups", {
    filter: 'displayName eq "x"',
    pageSize: 2,
    timeout: 50,
  });
  const pages: string[][] = [];
  for await (const page of walk.pages()) {
    assert.equal(page.groups, page.items);
    pages.push(page.groups.map((g) => g.id));
  }
  assert.deepEqual(pages, [["G0", "G1"], ["G2", "G3"], ["G4"]]);
  assert.deepEqual(asked[0], {
    startIndex: 1,
    count: 2,
    filter: 'displayName eq "x"',
    timeout: 50,
  });
  assert.ok(asked.every((q) => q.filter === 'displayName eq "x"' && q.timeout === 50));
});

Deno.test("an abort after some chunks were applied rejects with GroupMembershipError naming the applied chunks, the reason as its cause", async () => {
  const job = new AbortController();
  const g = group([]);
  const send = g.calls.sendChunk;
  // The abort comes while the second chunk is on its way: the first is applied, the second's
  // call rejects with the caller's reason.
  g.calls.sendChunk = (chunk, signal) => {
    if (g.sent.length === 1) {
      job.abort(new Error("shutting down"));
      g.sent.push(`${chunk.operation} ${chunk.userIds.join(",")}`);
      return Promise.reject(signal?.reason);
    }
    return send(chunk, signal);
  };
  const error = await changeMembers("add", ["U1", "U2", "U3", "U4", "U5"], g.calls, {
    chunkSize: 2,
    signal: job.signal,
  }).catch((e) => e);
  assert.ok(isGroupMembershipError(error), String(error));
  assert.deepEqual(error.applied.map((c) => c.userIds), [["U1", "U2"]]);
  assert.deepEqual(error.failed.userIds, ["U3", "U4"]);
  assert.deepEqual(error.notAttempted.map((c) => c.userIds), [["U5"]]);
  assert.equal((error.cause as Error).message, "shutting down");
  assert.deepEqual([...g.current].sort(), ["U1", "U2"]);

  // Aborted between chunks (nothing in flight): the same, the next chunk never sent.
  const between = new AbortController();
  const h = group([]);
  const sendH = h.calls.sendChunk;
  h.calls.sendChunk = async (chunk, signal) => {
    await sendH(chunk, signal);
    between.abort(new Error("stop"));
  };
  const stopped = await changeMembers("add", ["U1", "U2", "U3"], h.calls, {
    chunkSize: 2,
    signal: between.signal,
  }).catch((e) => e);
  assert.ok(isGroupMembershipError(stopped), String(stopped));
  assert.deepEqual(stopped.applied.map((c) => c.userIds), [["U1", "U2"]]);
  assert.deepEqual(h.sent, ["add U1,U2"]);
});
