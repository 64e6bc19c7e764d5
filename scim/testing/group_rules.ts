/**
 * Slack's rules for a group write, on the store, for v1 and v2 alike: who may be a member, how
 * many members one call may carry, and what a group name may be.
 *
 * @module
 */

import { isLongerThan, MAX_STRING_LENGTH } from "./request_limits.ts";
import { fail } from "./responses.ts";
import type { Store } from "./store.ts";

/** Slack's limit of members per group write. */
export const MAX_MEMBERS_PER_CALL = 15_000;

/**
 * Reads a `members` list (v1 and v2 bodies name members alike, `[{"value": "U…"}]`; v1's
 * `"operation": "delete"` items come back as removals): ids that must name active full members
 * (`no_such_user` for unknown ids, `unable_to_add_deleted_or_guest_to_group` for the others), at
 * most 15,000.
 *
 * @param value The body's `members`.
 * @param store The directory.
 * @returns The members to add and to remove, in order.
 */
export function readMembers(
  value: unknown,
  store: Store,
): { add: string[]; remove: string[] } {
  if (!Array.isArray(value)) fail("invalid_request_payload");
  if (value.length > MAX_MEMBERS_PER_CALL) fail("group_member_max_exceeded");
  const add: string[] = [];
  const remove: string[] = [];
  for (const item of value) {
    if (item === null || typeof item !== "object" || typeof item.value !== "string") {
      fail("invalid_request_payload");
    }
    const id = item.value as string;
    const operation = (item as { operation?: unknown }).operation;
    if (typeof operation === "string" && operation.toLowerCase() === "delete") {
      remove.push(id);
      continue;
    }
    const user = store.users.peek(id);
    if (user === undefined) fail("no_such_user");
    if (!user.active || user.guest !== undefined) fail("unable_to_add_deleted_or_guest_to_group");
    add.push(id);
  }
  return { add, remove };
}

/**
 * A group name as stored, or `invalid_display_name` (blank, or longer than `MAX_STRING_LENGTH`:
 * Slack documents no limit for group names, the simulator bounds them as other strings).
 *
 * @param value The requested name.
 * @returns The name.
 */
export function groupName(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") fail("invalid_display_name");
  if (isLongerThan(value, MAX_STRING_LENGTH)) fail("invalid_display_name");
  return value;
}
