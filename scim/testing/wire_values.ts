/**
 * The pieces of a user or group answer that read the same in every version: `meta`, the
 * profile URL, emails, the photo, a user's groups, a guest's channels and a group's members.
 * Each version's `resources.ts` puts them in its own shape, with its URNs.
 *
 * @module
 */

import { formatCreated, type RouteContext } from "./route.ts";
import type { GroupRecord, GuestRecord, Store, UserRecord } from "./store.ts";

/** Slack's default avatar, for users without a photo (v1 and v2 answers show the same one). */
const DEFAULT_PHOTO = "https://a.slack-edge.com/80588/img/avatars/ava_0001-192.png";

/**
 * A resource's `meta`: `created` and `location`.
 *
 * @param collection `Users` or `Groups`.
 * @param resource The stored user or group.
 * @param context The route context (the base URL the request came to).
 * @returns The `meta` object.
 */
export function resourceMeta(
  collection: "Users" | "Groups",
  resource: { readonly id: string; readonly created: number },
  context: RouteContext,
): { created: string; location: string } {
  return {
    created: formatCreated(resource.created),
    location: `${context.base}${collection}/${resource.id}`,
  };
}

/**
 * A user's `profileUrl` on the simulated enterprise.
 *
 * @param user The stored user.
 * @returns The URL.
 */
export function profileUrl(user: UserRecord): string {
  return `https://example.enterprise.slack.com/team/${encodeURIComponent(user.userName)}`;
}

/**
 * A user's `emails`: `value`, `type` when set, `primary`.
 *
 * @param user The stored user.
 * @returns The list.
 */
export function emailItems(user: UserRecord): Record<string, unknown>[] {
  return user.emails.map((email) => ({
    value: email.value,
    ...(email.type === "" ? {} : { type: email.type }),
    primary: email.primary,
  }));
}

/**
 * A user's `photos`: the one photo, or Slack's default avatar.
 *
 * @param user The stored user.
 * @returns The list.
 */
export function photoItems(user: UserRecord): { value: string; type: "photo" }[] {
  return [{ value: user.photo === "" ? DEFAULT_PHOTO : user.photo, type: "photo" }];
}

/**
 * A user's `groups`: `value` (the id) and `display` (the group's name).
 *
 * @param user The stored user.
 * @param context The route context (the store).
 * @returns The list.
 */
export function groupItems(user: UserRecord, context: RouteContext): Record<string, string>[] {
  return context.store.groupsOf(user.id).map((group) => ({
    value: group.id,
    display: group.displayName,
  }));
}

/**
 * A guest's `channels`: `value` (the id) and `display` (the name).
 *
 * @param guest The stored guest extension.
 * @returns The list.
 */
export function channelItems(guest: GuestRecord): Record<string, string>[] {
  return guest.channels.map((channel) => ({ value: channel.id, display: channel.name }));
}

/**
 * A group's `members`: `value` (the id) and `display`, the user's display name or, without
 * one, its `userName` (`""` for an id the store does not know).
 *
 * @param group The stored group.
 * @param context The route context (the store).
 * @returns The list.
 */
export function memberItems(group: GroupRecord, context: RouteContext): Record<string, string>[] {
  return [...group.members].map((id) => ({ value: id, display: memberDisplay(id, context.store) }));
}

/**
 * A member's `display`: the user's display name, or its `userName` without one (`""` for an id
 * the store does not know).
 *
 * @param id The member's id.
 * @param store The directory.
 * @returns The display.
 */
export function memberDisplay(id: string, store: Store): string {
  const user = store.users.peek(id);
  return user === undefined ? "" : user.displayName || user.userName;
}
