/**
 * Bulk group membership (the `@org/slack-scim/membership` entry): add, remove or set thousands
 * of members in chunked PATCH calls, with a {@linkcode GroupMembershipError} that says which
 * chunks were applied, which one failed and which were never sent.
 *
 * They are functions taking the client, not client methods, so an app that never changes
 * membership in bulk does not ship them: the main entry stays within its size budget.
 *
 * @example Add every active full member, 100 per call
 * ```ts
 * import { GUEST_SCHEMA_V1, SCIMClient } from "@org/slack-scim";
 * import { addGroupMembers } from "@org/slack-scim/membership";
 * import { iterateUsers } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 300, groups: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const ids: string[] = [];
 * for await (const user of iterateUsers(client)) {
 *   if (user.active && !user[GUEST_SCHEMA_V1]) ids.push(user.id!);
 * }
 * const result = await addGroupMembers(client, group!.id!, ids, { chunkSize: 100 });
 * assert.equal(result.chunks.length, Math.ceil(ids.length / 100));
 * ```
 *
 * @module
 */

import { checkId } from "../_arguments.ts";
import { checkMembershipClient } from "../_member_ids.ts";
import {
  changeMembers,
  type MembershipCalls,
  type MembershipOptions,
  type MembershipResult,
} from "../membership.ts";

export {
  MAX_MEMBERS_PER_CALL,
  type MembershipOptions,
  type MembershipResult,
  RECOMMENDED_MEMBERS_PER_CALL,
} from "../membership.ts";
export * from "../group_membership_error.ts";
export { isSlackScimError, SlackScimError } from "../../common/slack_scim_error.ts";

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
 * Adds users to a group in PATCH calls of at most `chunkSize` members (default 5,000, Slack's
 * recommendation). Each call is retried by the client's handlers like any call (a
 * `RateLimitErrorRetryHandler` absorbs 429s and Slack's one-write-at-a-time locks). If a call
 * still fails, a {@linkcode GroupMembershipError} lists the chunks applied, the one that failed
 * and those not sent.
 *
 * @param client The client (or anything with its `patchGroup` and `readGroup`).
 * @param groupId The group's id.
 * @param userIds The users to add; duplicates are sent once.
 * @param options `chunkSize` and `signal`.
 * @returns How many users were sent and the chunks.
 *
 * @example Add new hires to a group
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { addGroupMembers } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [a, b, c] = (await client.searchUsers({ count: 3 })).users.map((user) => user.id!);
 * const { group } = await client.createGroup({ displayName: "Ops", members: [{ value: a! }] });
 * const result = await addGroupMembers(client, group.id!, [b!, c!, b!]);
 * assert.equal(result.added, 2); // b once
 * const after = await client.readGroup(group.id!);
 * assert.deepEqual(after.group.members?.map((m) => m.value).sort(), [a, b, c].sort());
 * ```
 */
export function addGroupMembers(
  client: MembershipClient,
  groupId: string,
  userIds: Iterable<string>,
  options?: MembershipOptions,
): Promise<MembershipResult> {
  return changeGroupMembers("add", "addGroupMembers", client, groupId, userIds, options);
}

/**
 * Removes users from a group in chunked PATCH calls, like {@linkcode addGroupMembers}.
 *
 * @param client The client (or anything with its `patchGroup` and `readGroup`).
 * @param groupId The group's id.
 * @param userIds The users to remove; duplicates are sent once.
 * @param options `chunkSize` and `signal`.
 * @returns How many users were sent and the chunks.
 *
 * @example Remove two members
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { removeGroupMembers } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5, groups: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const [a, b] = (await client.searchUsers({ count: 2 })).users;
 * await client.patchGroup(group!.id!, { members: [{ value: a!.id! }, { value: b!.id! }] });
 * const result = await removeGroupMembers(client, group!.id!, [a!.id!, b!.id!]);
 * assert.equal(result.removed, 2);
 * ```
 */
export function removeGroupMembers(
  client: MembershipClient,
  groupId: string,
  userIds: Iterable<string>,
  options?: MembershipOptions,
): Promise<MembershipResult> {
  return changeGroupMembers("remove", "removeGroupMembers", client, groupId, userIds, options);
}

/**
 * Makes a group's members exactly `userIds`: reads the group, then adds the missing users and
 * removes the others in chunked PATCH calls (additions first, so nobody who stays is dropped).
 *
 * @param client The client (or anything with its `patchGroup` and `readGroup`).
 * @param groupId The group's id.
 * @param userIds The members the group must end with.
 * @param options `chunkSize` and `signal`.
 * @returns How many users were added and removed, and the chunks.
 *
 * @example Sync a group from an HR list
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { setGroupMembers } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5, groups: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const ids = (await client.searchUsers({ count: 3 })).users.map((user) => user.id!);
 * await setGroupMembers(client, group!.id!, ids);
 * const after = await client.readGroup(group!.id!);
 * assert.deepEqual(after.group.members?.map((m) => m.value).sort(), [...ids].sort());
 * ```
 */
export function setGroupMembers(
  client: MembershipClient,
  groupId: string,
  userIds: Iterable<string>,
  options?: MembershipOptions,
): Promise<MembershipResult> {
  return changeGroupMembers("set", "setGroupMembers", client, groupId, userIds, options);
}

/** The one path of the three calls: the id checked before anything is sent, v1 PATCH bodies. */
async function changeGroupMembers(
  change: "add" | "remove" | "set",
  method: string,
  client: MembershipClient,
  groupId: string,
  userIds: Iterable<string>,
  options: MembershipOptions = {},
): Promise<MembershipResult> {
  // Before anything is sent, not as a failed chunk: the client, then the group id.
  checkMembershipClient(client, change === "set" ? ["readGroup", "patchGroup"] : ["patchGroup"]);
  checkId(method, "groupId", groupId);
  const signalOf = (signal: AbortSignal | undefined) => signal ? { signal } : {};
  const calls: MembershipCalls = {
    groupId,
    sendChunk: ({ operation, userIds }, signal) => {
      const members: GroupMemberChange[] = operation === "add"
        ? userIds.map((value) => ({ value }))
        : userIds.map((value) => ({ value, operation: "delete" }));
      return client.patchGroup(groupId, { members }, signalOf(signal));
    },
    readMembers: async (signal) => {
      const { group } = await client.readGroup(groupId, signalOf(signal));
      return (group.members ?? []).flatMap((member) => member.value ? [member.value] : []);
    },
  };
  return await changeMembers(change, userIds, calls, options);
}
