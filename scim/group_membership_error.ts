/**
 * The error a bulk membership change throws when it stops part-way.
 *
 * @module
 */

import { quote } from "../common/quote.ts";
import { isNamedSlackScimError, SlackScimError } from "../common/slack_scim_error.ts";

/**
 * One PATCH of a bulk membership change: the users added or removed in one call.
 *
 * @example See how a change was split into calls
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { addGroupMembers, type MembershipChunk } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5, groups: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const ids = (await client.searchUsers({ count: 3 })).users.map((user) => user.id!);
 * const result = await addGroupMembers(client, group!.id!, ids, { chunkSize: 2 });
 * const chunks: readonly MembershipChunk[] = result.chunks;
 * assert.deepEqual(chunks, [
 *   { operation: "add", userIds: [ids[0], ids[1]] },
 *   { operation: "add", userIds: [ids[2]] },
 * ]);
 * ```
 */
export interface MembershipChunk {
  /** Whether the chunk adds the users to the group or removes them from it. */
  readonly operation: "add" | "remove";
  /** The user ids of the chunk. */
  readonly userIds: readonly string[];
}

/**
 * What a {@linkcode GroupMembershipError} reports: where the change stopped.
 *
 * @example Find where a failed change stopped, then finish it
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import {
 *   addGroupMembers,
 *   type GroupMembershipErrorDetails,
 *   isGroupMembershipError,
 * } from "@org/slack-scim/membership";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5, groups: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const ids = (await client.searchUsers({ count: 5 })).users.map((user) => user.id!);
 * sim.faults.script({ kind: "status-500", method: "PATCH" }); // the first PATCH fails
 * const error = await addGroupMembers(client, group!.id!, ids, { chunkSize: 2 }).catch((e) => e);
 * assert.ok(isGroupMembershipError(error));
 * const details: GroupMembershipErrorDetails = error;
 * assert.equal(details.applied.length, 0);
 * assert.deepEqual(details.failed.userIds, ids.slice(0, 2));
 * assert.equal(details.notAttempted.length, 2);
 * const retried = await addGroupMembers(client, details.groupId, error.pendingUserIds("add"));
 * assert.equal(retried.added, 5);
 * ```
 */
export interface GroupMembershipErrorDetails {
  /** The group being changed. */
  readonly groupId: string;
  /** The chunks Slack confirmed, in the order they were sent. */
  readonly applied: readonly MembershipChunk[];
  /** The chunk whose call failed: it may or may not have been applied (see the cause). */
  readonly failed: MembershipChunk;
  /** The chunks not sent because an earlier one failed. */
  readonly notAttempted: readonly MembershipChunk[];
}

/**
 * A bulk membership change (`addGroupMembers`, `removeGroupMembers`, `setGroupMembers`) stopped
 * part-way. Nothing is lost: the error lists the chunks applied, the one that failed and the ones
 * not sent, and its `cause` is the failure (a `SCIMApiError`, a `RequestFailedError`, …).
 * Re-running the same call is safe: adding a member twice or removing an absent one changes nothing.
 *
 * @example Report what was left undone
 * ```ts
 * import { GroupMembershipError, isGroupMembershipError } from "@org/slack-scim/membership";
 * import assert from "node:assert/strict";
 *
 * const error = new GroupMembershipError({
 *   groupId: "S123",
 *   applied: [{ operation: "add", userIds: ["U1"] }],
 *   failed: { operation: "add", userIds: ["U2"] },
 *   notAttempted: [{ operation: "remove", userIds: ["U3"] }],
 * }, new Error("resource_locked"));
 * assert.ok(isGroupMembershipError(error));
 * assert.deepEqual(error.pendingUserIds("add"), ["U2"]);
 * ```
 */
export class GroupMembershipError extends SlackScimError implements GroupMembershipErrorDetails {
  /** Always `"GroupMembershipError"`. */
  override readonly name = "GroupMembershipError";
  /** The group being changed. */
  readonly groupId: string;
  /** The chunks Slack confirmed, in the order they were sent. */
  readonly applied: readonly MembershipChunk[];
  /** The chunk whose call failed: it may or may not have been applied (see `cause`). */
  readonly failed: MembershipChunk;
  /** The chunks not sent because an earlier one failed. */
  readonly notAttempted: readonly MembershipChunk[];

  /**
   * Describes where a bulk membership change stopped.
   *
   * @param details Where the change stopped.
   * @param cause The failure of the failed chunk's call.
   */
  constructor(details: GroupMembershipErrorDetails, cause: unknown) {
    const count = (chunks: readonly MembershipChunk[]) =>
      chunks.reduce((sum, chunk) => sum + chunk.userIds.length, 0);
    super(
      `Membership change of group ${quote(details.groupId)} stopped part-way: ${
        count(details.applied)
      } user changes applied in ${details.applied.length} calls, a call to ${details.failed.operation} ${details.failed.userIds.length} users failed (${
        cause instanceof Error ? cause.message : String(cause)
      }), ${count(details.notAttempted)} user changes not sent`,
      { cause },
    );
    this.groupId = details.groupId;
    this.applied = details.applied;
    this.failed = details.failed;
    this.notAttempted = details.notAttempted;
  }

  /**
   * The users whose change is not confirmed: the failed chunk's and those not sent.
   *
   * @param operation Only the users to add, or only those to remove.
   * @returns The user ids, in the order they would have been sent.
   */
  pendingUserIds(operation: "add" | "remove"): string[] {
    return [this.failed, ...this.notAttempted]
      .filter((chunk) => chunk.operation === operation)
      .flatMap((chunk) => chunk.userIds);
  }
}

/**
 * Tells whether a value is a {@linkcode GroupMembershipError}.
 *
 * @param error Any caught value.
 * @returns `true` for a `GroupMembershipError`.
 *
 * @example Narrow a caught error
 * ```ts
 * import { isGroupMembershipError } from "@org/slack-scim/membership";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isGroupMembershipError(new Error("x")), false);
 * ```
 */
export function isGroupMembershipError(error: unknown): error is GroupMembershipError {
  return error instanceof GroupMembershipError ||
    isNamedSlackScimError(error, "GroupMembershipError");
}
