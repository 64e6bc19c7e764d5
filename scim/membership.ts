/**
 * Bulk group membership: add, remove or set thousands of members in chunked PATCH calls.
 *
 * @module
 */

import { GroupMembershipError, type MembershipChunk } from "./group_membership_error.ts";
import {
  checkGroupId,
  checkMembershipClient,
  memberIds,
  membershipOptionsOf,
} from "./_member_ids.ts";
import { quote } from "../retry/_quote.ts";

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
 * One member change in a v1 group PATCH body.
 *
 * @example Add one member and remove another in one PATCH
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import type { GroupMemberChange } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [a, b] = (await client.searchUsers({ count: 2 })).users.map((user) => user.id!);
 * const { group } = await client.createGroup({ displayName: "Ops", members: [{ value: a! }] });
 * const members: GroupMemberChange[] = [{ value: b! }, { value: a!, operation: "delete" }];
 * await client.patchGroup(group.id!, { members });
 * const after = await client.readGroup(group.id!);
 * assert.deepEqual(after.group.members?.map((m) => m.value), [b]);
 * ```
 */
export interface GroupMemberChange {
  /** The user id. */
  readonly value: string;
  /** `"delete"` removes the member; absent adds it. */
  readonly operation?: "delete";
}

/**
 * The two client calls bulk membership needs (the `SCIMClient` has both).
 *
 * @example Count the PATCH calls of a bulk change by wrapping the client
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { addGroupMembers, type MembershipClient } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5, groups: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const sizes: number[] = [];
 * const counting: MembershipClient = {
 *   patchGroup: (id, group, options) => {
 *     sizes.push(group.members.length);
 *     return client.patchGroup(id, group, options);
 *   },
 *   readGroup: (id, options) => client.readGroup(id, options),
 * };
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const ids = (await client.searchUsers({ count: 5 })).users.map((user) => user.id!);
 * await addGroupMembers(counting, group!.id!, ids, { chunkSize: 2 });
 * assert.deepEqual(sizes, [2, 2, 1]);
 * ```
 */
export interface MembershipClient {
  /** PATCH a group's members (v1: 204, no body). */
  patchGroup(
    id: string,
    group: { members: GroupMemberChange[] },
    options?: { signal?: AbortSignal },
  ): Promise<unknown>;
  /** Read a group, members included. */
  readGroup(
    id: string,
    options?: { signal?: AbortSignal },
  ): Promise<{ group: { members?: readonly { value?: string | undefined }[] | undefined } }>;
}

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
 * Adds users to a group in chunks of at most `chunkSize` per call.
 *
 * @param client The client (or anything with `patchGroup`).
 * @param groupId The group's id.
 * @param userIds The users to add; duplicates are sent once.
 * @param options Chunk size and cancellation.
 * @returns What was sent. Throws {@linkcode GroupMembershipError} if a call fails part-way.
 */
export function addMembers(
  client: MembershipClient,
  groupId: string,
  userIds: Iterable<string>,
  options: MembershipOptions = {},
): Promise<MembershipResult> {
  return changeMembers("add", client, groupId, userIds, options);
}

/**
 * Removes users from a group in chunks of at most `chunkSize` per call.
 *
 * @param client The client (or anything with `patchGroup`).
 * @param groupId The group's id.
 * @param userIds The users to remove; duplicates are sent once.
 * @param options Chunk size and cancellation.
 * @returns What was sent. Throws {@linkcode GroupMembershipError} if a call fails part-way.
 */
export function removeMembers(
  client: MembershipClient,
  groupId: string,
  userIds: Iterable<string>,
  options: MembershipOptions = {},
): Promise<MembershipResult> {
  return changeMembers("remove", client, groupId, userIds, options);
}

async function changeMembers(
  operation: "add" | "remove",
  client: MembershipClient,
  groupId: string,
  userIds: Iterable<string>,
  options: MembershipOptions,
): Promise<MembershipResult> {
  checkMembershipClient(client, ["patchGroup"]);
  const chunks = chunk(operation, unique(userIds), chunkSizeOf(options));
  return await applyChunks(client, groupId, chunks, options);
}

/**
 * Makes a group's members exactly `userIds`: reads the group, then adds the missing users and
 * removes the others, in chunks. Additions go first, so nobody who stays is ever dropped.
 *
 * @param client The client (with `readGroup` and `patchGroup`).
 * @param groupId The group's id.
 * @param userIds The members the group must have.
 * @param options Chunk size and cancellation.
 * @returns What was sent. Throws {@linkcode GroupMembershipError} if a call fails part-way.
 */
export async function setMembers(
  client: MembershipClient,
  groupId: string,
  userIds: Iterable<string>,
  options: MembershipOptions = {},
): Promise<MembershipResult> {
  checkMembershipClient(client, ["readGroup", "patchGroup"]);
  checkId(groupId);
  const wanted = unique(userIds);
  const size = chunkSizeOf(options);
  const { group } = await client.readGroup(groupId, signalOption(options));
  const current = new Set<string>();
  for (const member of group.members ?? []) if (member.value) current.add(member.value);
  const wantedSet = new Set(wanted);
  const toAdd = wanted.filter((id) => !current.has(id));
  const toRemove = [...current].filter((id) => !wantedSet.has(id));
  return applyChunks(
    client,
    groupId,
    [...chunk("add", toAdd, size), ...chunk("remove", toRemove, size)],
    options,
  );
}

async function applyChunks(
  client: MembershipClient,
  groupId: string,
  chunks: MembershipChunk[],
  options: MembershipOptions,
): Promise<MembershipResult> {
  checkId(groupId);
  options.signal?.throwIfAborted(); // nothing sent yet: the caller's reason, not a partial failure
  const applied: MembershipChunk[] = [];
  for (const [index, current] of chunks.entries()) {
    const members: GroupMemberChange[] = current.operation === "add"
      ? current.userIds.map((value) => ({ value }))
      : current.userIds.map((value) => ({ value, operation: "delete" }));
    try {
      options.signal?.throwIfAborted();
      await client.patchGroup(groupId, { members }, signalOption(options));
    } catch (error) {
      // An abort before anything was applied is the caller's, not a partial failure.
      if (applied.length === 0 && options.signal?.aborted && error === options.signal.reason) {
        throw error;
      }
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

function checkId(groupId: string): void {
  checkGroupId(groupId);
}

function signalOption(options: MembershipOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
