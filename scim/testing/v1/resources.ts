/**
 * Store records in Slack's SCIM v1 shape: users (core, enterprise, guest and profile
 * extensions, each extension listed only when set) and groups.
 *
 * @module
 */

import { formatCreated, type RouteContext } from "../route.ts";
import type { GroupRecord, UserRecord } from "../store.ts";
import {
  CORE_SCHEMA_V1,
  ENTERPRISE_SCHEMA_V1,
  GUEST_SCHEMA_V1,
  PROFILE_SCHEMA_V1,
} from "./responses.ts";

/** Slack's default avatar, for users without a photo. */
const DEFAULT_PHOTO = "https://a.slack-edge.com/80588/img/avatars/ava_0001-192.png";

/**
 * A user in Slack's v1 shape, keys in the order Slack sends them.
 *
 * @param user The stored user.
 * @param context Where the request came (for `meta.location`) and the groups.
 * @returns The JSON object.
 */
export function userToV1(user: UserRecord, context: RouteContext): Record<string, unknown> {
  const schemas = [CORE_SCHEMA_V1];
  const result: Record<string, unknown> = {
    schemas,
    id: user.id,
    externalId: user.externalId,
    meta: { created: formatCreated(user.created), location: `${context.base}Users/${user.id}` },
    userName: user.userName,
    nickName: user.userName,
    name: {
      givenName: user.givenName,
      familyName: user.familyName,
      ...(user.honorificPrefix === "" ? {} : { honorificPrefix: user.honorificPrefix }),
    },
    displayName: user.displayName === "" ? user.userName : user.displayName,
    profileUrl: `https://example.enterprise.slack.com/team/${encodeURIComponent(user.userName)}`,
    title: user.title,
    timezone: user.timezone,
  };
  if (user.preferredLanguage !== "") result.preferredLanguage = user.preferredLanguage;
  if (user.locale !== "") result.locale = user.locale;
  if (user.userType !== "") result.userType = user.userType;
  result.active = user.active;
  result.emails = user.emails.map((email) => ({
    value: email.value,
    ...(email.type === "" ? {} : { type: email.type }),
    primary: email.primary,
  }));
  result.photos = [{ value: user.photo === "" ? DEFAULT_PHOTO : user.photo, type: "photo" }];
  result.groups = context.store.groupsOf(user.id).map((group) => ({
    value: group.id,
    display: group.displayName,
  }));
  if (user.address !== undefined) result.addresses = [{ ...user.address, primary: true }];
  const phones = [];
  if (user.primaryPhone !== "") {
    phones.push({ value: user.primaryPhone, type: "work", primary: true });
  }
  if (user.mobilePhone !== "") {
    phones.push({ value: user.mobilePhone, type: "mobile", primary: false });
  }
  if (phones.length > 0) result.phoneNumbers = phones;
  if (user.role !== undefined) {
    result.roles = [{
      value: user.role.value,
      ...(user.role.type === "" ? {} : { type: user.role.type }),
      primary: true,
    }];
  }
  if (user.enterprise !== undefined) {
    schemas.push(ENTERPRISE_SCHEMA_V1);
    const { managerId, ...fields } = user.enterprise;
    const extension: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== "") extension[key] = value;
    extension.manager = managerId === "" ? {} : { managerId };
    result[ENTERPRISE_SCHEMA_V1] = extension;
  }
  if (user.guest !== undefined) {
    schemas.push(GUEST_SCHEMA_V1);
    result[GUEST_SCHEMA_V1] = {
      type: user.guest.type,
      ...(user.guest.expiration === "" ? {} : { expiration: user.guest.expiration }),
      channels: user.guest.channels.map((channel) => ({
        value: channel.id,
        display: channel.name,
      })),
    };
  }
  if (user.startDate !== "") {
    schemas.push(PROFILE_SCHEMA_V1);
    result[PROFILE_SCHEMA_V1] = { startDate: user.startDate };
  }
  return result;
}

/**
 * A group in Slack's v1 shape; each member's `display` is the user's display name.
 *
 * @param group The stored group.
 * @param context The route context.
 * @returns The JSON object.
 */
export function groupToV1(group: GroupRecord, context: RouteContext): Record<string, unknown> {
  return {
    schemas: [CORE_SCHEMA_V1],
    id: group.id,
    displayName: group.displayName,
    members: [...group.members].map((id) => {
      const user = context.store.users.peek(id);
      return { value: id, display: user === undefined ? "" : user.displayName || user.userName };
    }),
    meta: { created: formatCreated(group.created), location: `${context.base}Groups/${group.id}` },
  };
}
