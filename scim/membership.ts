/**
 * Bulk group membership, whatever the API version: a change of thousands of members split into
 * calls of at most `chunkSize` users, applied in order, with a {@linkcode GroupMembershipError}
 * that says which chunks were applied, which one failed and which were never sent. Each version
 * says how one chunk is sent (v1: `scim/v1/group_members.ts`, the `@org/slack-scim/membership`
 * entry's `addGroupMembers`, `removeGroupMembers`, `setGroupMembers`).
 *
 * @module
 */

import { GroupMembershipError, type MembershipChunk } from "./group_membership_error.ts";
import { memberIds, membershipOptionsOf } from "./_member_ids.ts";
import { quote } from "../common/quote.ts";

/**
 * Slack's recommended maximum of members per group PATCH (it accepts up to 15,000).
 *
 * @example The default chunk size: 12,000 members take three calls
 * ```ts
 * import { RECOMMENDED_MEMBERS_PER_CALL } from "@org/slack-scim/membership";
 * import assert from "node:assert/strict";
 *
 * assert.equal(RECOMMENDED_MEMBERS_PER_CALL, 5000);
 * assert.equal(Math.ceil(12_000 / RECOMMENDED_MEMBERS_PER_CALL), 3);
 * ```
 */
export const RECOMMENDED_MEMBERS_PER_CALL = 5000;
/**
 * The most members Slack accepts in one group PATCH.
 *
 * @example A larger chunkSize is refused before anything is sent
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { addGroupMembers, MAX_MEMBERS_PER_CALL } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3, groups: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const chunkSize = MAX_MEMBERS_PER_CALL + 1;
 * await assert.rejects(addGroupMembers(client, group!.id!, ["U1"], { chunkSize }), RangeError);
 * assert.equal(sim.requests.filter((r) => r.method === "PATCH").length, 0);
 * ```
 */
export const MAX_MEMBERS_PER_CALL = 15000;

/**
 * Options of the bulk membership calls.
 *
 * @example Small chunks, and a job that can be cancelled
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { addGroupMembers, type MembershipOptions } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5, groups: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const ids = (await client.searchUsers({ count: 3 })).users.map((user) => user.id!);
 * const job = new AbortController();
 * const options: MembershipOptions = { chunkSize: 2, signal: job.signal };
 * assert.equal((await addGroupMembers(client, group!.id!, ids, options)).chunks.length, 2);
 * job.abort(new Error("shutting down"));
 * await assert.rejects(addGroupMembers(client, group!.id!, ids, options), /shutting down/);
 * ```
 */
export interface MembershipOptions {
  /** Members per PATCH call, 1 to 15,000. Default 5,000 (Slack's recommendation). */
  readonly chunkSize?: number;
  /** Cancels the change between and during calls. */
  readonly signal?: AbortSignal;
}

/**
 * What a bulk membership change did.
 *
 * @example Report what a sync changed
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { type MembershipResult, setGroupMembers } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [a, b, c] = (await client.searchUsers({ count: 3 })).users.map((user) => user.id!);
 * const { group } = await client.createGroup({
 *   displayName: "Ops",
 *   members: [{ value: a! }, { value: b! }],
 * });
 * const result: MembershipResult = await setGroupMembers(client, group.id!, [b!, c!]);
 * assert.equal(result.groupId, group.id);
 * assert.equal(result.added, 1); // c
 * assert.equal(result.removed, 1); // a
 * assert.deepEqual(result.chunks.map((chunk) => chunk.operation), ["add", "remove"]);
 * ```
 */
export interface MembershipResult {
  /** The group changed. */
  readonly groupId: string;
  /** How many users were added (sent as additions; Slack ignores existing members). */
  readonly added: number;
  /** How many users were removed (sent as removals). */
  readonly removed: number;
  /** The calls made, in order. */
  readonly chunks: readonly MembershipChunk[];
}

/**
 * The group whose members change, and how one API version changes them: the engine decides the
 * chunks and their order, the version writes each chunk's request.
 *
 * @example A change of five members in chunks of two, against a group held in memory
 * ```ts
 * import { changeMembers, type MembershipCalls } from "./membership.ts";
 * import assert from "node:assert/strict";
 *
 * const members = new Set(["U1", "U9"]);
 * const calls: MembershipCalls = {
 *   groupId: "S1",
 *   sendChunk: ({ operation, userIds }) => {
 *     for (const id of userIds) operation === "add" ? members.add(id) : members.delete(id);
 *     return Promise.resolve();
 *   },
 *   readMembers: () => Promise.resolve([...members]),
 * };
 * const result = await changeMembers("set", ["U1", "U2", "U3", "U4", "U5"], calls, {
 *   chunkSize: 2,
 * });
 * assert.deepEqual([...members].sort(), ["U1", "U2", "U3", "U4", "U5"]);
 * assert.deepEqual(result.chunks.map((chunk) => chunk.operation), ["add", "add", "remove"]);
 * ```
 */
export interface MembershipCalls {
  /** The group's id, as the result and errors report it (checked by the caller). */
  readonly groupId: string;
  /**
   * Sends one chunk: adds or removes `chunk.userIds` in one call.
   *
   * @param chunk The chunk.
   * @param signal The caller's signal, to pass on to the call.
   */
  sendChunk(chunk: MembershipChunk, signal: AbortSignal | undefined): Promise<unknown>;
  /**
   * Reads the group's current member ids (for `"set"` only).
   *
   * @param signal The caller's signal, to pass on to the call.
   */
  readMembers(signal: AbortSignal | undefined): Promise<Iterable<string>>;
}

/**
 * Changes a group's members in chunks of at most `chunkSize` users per call: `"add"` or
 * `"remove"` the given users, or `"set"` the group to exactly them (it reads the group, then adds
 * the missing users and removes the others; additions first, so nobody who stays is ever
 * dropped). Duplicates are sent once.
 *
 * @param change `"add"`, `"remove"` or `"set"`.
 * @param userIds The users to add or remove, or the members the group must end with.
 * @param calls How the version sends a chunk and reads the members.
 * @param options Chunk size and cancellation.
 * @returns What was sent. Throws {@linkcode GroupMembershipError} if a call fails part-way.
 *
 * @example Remove three users, one call each, and see what was sent
 * ```ts
 * import { changeMembers } from "./membership.ts";
 * import assert from "node:assert/strict";
 *
 * const sent: string[] = [];
 * const result = await changeMembers("remove", ["U1", "U2", "U1", "U3"], {
 *   groupId: "S1",
 *   sendChunk: ({ operation, userIds }) => Promise.resolve(sent.push(`${operation} ${userIds}`)),
 *   readMembers: () => Promise.reject(new Error("not needed to remove")),
 * }, { chunkSize: 1 });
 * assert.deepEqual(sent, ["remove U1", "remove U2", "remove U3"]);
 * assert.deepEqual([result.groupId, result.added, result.removed], ["S1", 0, 3]);
 * ```
 */
export async function changeMembers(
  change: "add" | "remove" | "set",
  userIds: Iterable<string>,
  calls: MembershipCalls,
  options: MembershipOptions = {},
): Promise<MembershipResult> {
  const wanted = unique(userIds);
  const size = chunkSizeOf(options);
  if (change !== "set") return await applyChunks(calls, chunk(change, wanted, size), options);
  const current = new Set<string>();
  for (const id of await calls.readMembers(options.signal)) if (id) current.add(id);
  const wantedSet = new Set(wanted);
  const toAdd = wanted.filter((id) => !current.has(id));
  const toRemove = [...current].filter((id) => !wantedSet.has(id));
  return await applyChunks(
    calls,
    [...chunk("add", toAdd, size), ...chunk("remove", toRemove, size)],
    options,
  );
}

async function applyChunks(
  calls: MembershipCalls,
  chunks: MembershipChunk[],
  options: MembershipOptions,
): Promise<MembershipResult> {
  const { signal } = options;
  const { groupId } = calls;
  signal?.throwIfAborted(); // nothing sent yet: the caller's reason, not a partial failure
  const applied: MembershipChunk[] = [];
  for (const [index, current] of chunks.entries()) {
    try {
      signal?.throwIfAborted();
      await calls.sendChunk(current, signal);
    } catch (error) {
      // An abort before anything was applied is the caller's, not a partial failure.
      if (applied.length === 0 && signal?.aborted && error === signal.reason) throw error;
      throw new GroupMembershipError(
        { groupId, applied, failed: current, notAttempted: chunks.slice(index + 1) },
        error,
      );
    }
    applied.push(current);
  }
  const count = (operation: "add" | "remove") =>
    applied.filter((c) => c.operation === operation).reduce((n, c) => n + c.userIds.length, 0);
  return { groupId, added: count("add"), removed: count("remove"), chunks: applied };
}

function chunk(operation: "add" | "remove", ids: string[], size: number): MembershipChunk[] {
  const chunks: MembershipChunk[] = [];
  for (let i = 0; i < ids.length; i += size) {
    chunks.push({ operation, userIds: ids.slice(i, i + size) });
  }
  return chunks;
}

function unique(userIds: Iterable<string>): string[] {
  return memberIds(userIds);
}

function chunkSizeOf(options: MembershipOptions): number {
  const size = membershipOptionsOf(options).chunkSize ?? RECOMMENDED_MEMBERS_PER_CALL;
  if (!Number.isInteger(size) || size < 1 || size > MAX_MEMBERS_PER_CALL) {
    throw new RangeError(
      `Cannot change group members: chunkSize must be an integer from 1 to ${MAX_MEMBERS_PER_CALL}, got ${
        quote(size)
      }`,
    );
  }
  return size;
}
