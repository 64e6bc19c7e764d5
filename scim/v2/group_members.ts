/**
 * Group membership in chunks for `SCIM2Client`: add, remove or set thousands of members with
 * v2 PATCH operations, at most 5,000 per call by default (Slack's recommendation; up to 15,000),
 * through the version-neutral engine of `@org/slack-scim/membership` (the same chunking, order
 * and partial-failure report as v1).
 *
 * @module
 */

import { checkId } from "../_arguments.ts";
import {
  changeMembers,
  type MembershipCalls,
  type MembershipOptions,
  type MembershipResult,
} from "../membership.ts";
import type { SCIM2Client } from "./client.ts";
import { groupPatch } from "./patch_op.ts";

export type { MembershipOptions, MembershipResult } from "../membership.ts";

/**
 * What the membership helpers need of a v2 client: `patchGroup` and `readGroup`.
 *
 * @example Any object with the two methods works, such as a client
 * ```ts
 * import { type MembershipClientV2, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client: MembershipClientV2 = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * assert.equal(typeof client.patchGroup, "function");
 * ```
 */
export type MembershipClientV2 = Pick<SCIM2Client, "patchGroup" | "readGroup">;

/**
 * Adds users to a group, in chunks (one `add members` operation per call).
 *
 * @param client The v2 client.
 * @param groupId The group's id.
 * @param userIds The users to add (duplicates are sent once).
 * @param options `chunkSize` (default 5,000, at most 15,000), `signal`.
 * @returns What was sent and applied.
 *
 * @example Add 12 users, 5 per call
 * ```ts
 * import { addGroupMembers, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 13 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const [first, ...rest] = (await client.searchUsers({ count: 13 })).users.map((u) => u.id!);
 * const { group } = await client.createGroup({ displayName: "Ops", members: [{ value: first! }] });
 * const result = await addGroupMembers(client, group.id!, rest, { chunkSize: 5 });
 * assert.equal(result.chunks.length, 3);
 * assert.equal(result.added, 12);
 * assert.equal((await client.readGroup(group.id!)).group.members?.length, 13);
 * ```
 */
export function addGroupMembers(
  client: MembershipClientV2,
  groupId: string,
  userIds: Iterable<string>,
  options?: MembershipOptions,
): Promise<MembershipResult> {
  return changeGroupMembers("add", "addGroupMembers", client, groupId, userIds, options);
}

/**
 * Removes users from a group, in chunks (one `remove members[value eq U…]` operation per user).
 *
 * @param client The v2 client.
 * @param groupId The group's id.
 * @param userIds The users to remove.
 * @param options `chunkSize`, `signal`.
 * @returns What was sent and applied.
 *
 * @example Remove two members
 * ```ts
 * import { removeGroupMembers, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const ids = (await client.searchUsers({ count: 3 })).users.map((u) => u.id!);
 * const { group } = await client.createGroup({
 *   displayName: "Ops",
 *   members: ids.map((value) => ({ value })),
 * });
 * await removeGroupMembers(client, group.id!, ids.slice(1));
 * const members = (await client.readGroup(group.id!)).group.members ?? [];
 * assert.deepEqual(members.map((member) => member.value), [ids[0]]);
 * ```
 */
export function removeGroupMembers(
  client: MembershipClientV2,
  groupId: string,
  userIds: Iterable<string>,
  options?: MembershipOptions,
): Promise<MembershipResult> {
  return changeGroupMembers("remove", "removeGroupMembers", client, groupId, userIds, options);
}

/**
 * Makes a group's members exactly these users: reads the group, then adds the missing ones and
 * removes the others, in chunks.
 *
 * @param client The v2 client.
 * @param groupId The group's id.
 * @param userIds The members the group should have.
 * @param options `chunkSize`, `signal`.
 * @returns What was sent and applied.
 *
 * @example Swap one member for another
 * ```ts
 * import { SCIM2Client, setGroupMembers } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const [a, b, c] = (await client.searchUsers({ count: 3 })).users.map((u) => u.id!);
 * const { group } = await client.createGroup({
 *   displayName: "Ops",
 *   members: [{ value: a! }, { value: b! }],
 * });
 * await setGroupMembers(client, group.id!, [a!, c!]);
 * const members = (await client.readGroup(group.id!)).group.members ?? [];
 * assert.deepEqual(members.map((member) => member.value).sort(), [a, c].sort());
 * ```
 */
export function setGroupMembers(
  client: MembershipClientV2,
  groupId: string,
  userIds: Iterable<string>,
  options?: MembershipOptions,
): Promise<MembershipResult> {
  return changeGroupMembers("set", "setGroupMembers", client, groupId, userIds, options);
}

async function changeGroupMembers(
  change: "add" | "remove" | "set",
  method: string,
  client: MembershipClientV2,
  groupId: string,
  userIds: Iterable<string>,
  options: MembershipOptions = {},
): Promise<MembershipResult> {
  checkId(method, "groupId", groupId); // before anything is sent, not as a failed chunk
  const signalOf = (signal: AbortSignal | undefined) => signal ? { signal } : {};
  const calls: MembershipCalls = {
    groupId,
    sendChunk: ({ operation, userIds }, signal) => {
      const operations = operation === "add"
        ? groupPatch.addMembers(userIds)
        : groupPatch.removeMembers(userIds);
      return client.patchGroup(groupId, operations, signalOf(signal));
    },
    readMembers: async (signal) => {
      const { group } = await client.readGroup(groupId, signalOf(signal));
      return (group.members ?? []).flatMap((member) => member.value ? [member.value] : []);
    },
  };
  return await changeMembers(change, userIds, calls, options);
}
