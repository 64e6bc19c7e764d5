/**
 * Store records in Slack's SCIM v1 shape: users (core, enterprise, guest and profile
 * extensions, each extension listed only when set) and groups.
 *
 * @module
 */

import type { RouteContext } from "../route.ts";
import type { GroupRecord, UserRecord } from "../store.ts";
import {
  CORE_SCHEMA_V1,
  ENTERPRISE_SCHEMA_V1,
  GUEST_SCHEMA_V1,
  PROFILE_SCHEMA_V1,
} from "./responses.ts";
import {
  channelItems,
  emailItems,
  groupItems,
  memberItems,
  photoItems,
  profileUrl,
  resourceMeta,
} from "../wire_values.ts";

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
    meta: resourceMeta("Users", user, context),
    userName: user.userName,
    nickName: user.userName,
    name: {
      givenName: user.givenName,
      familyName: user.familyName,
      ...(user.honorificPrefix === "" ? {} : { honorificPrefix: user.honorificPrefix }),
    },
    displayName: user.displayName === "" ? user.userName : user.displayName,
    profileUrl: profileUrl(user),
    title: user.title,
    timezone: user.timezone,
  };
  if (user.preferredLanguage !== "") result.preferredLanguage = user.preferredLanguage;
  if (user.locale !== "") result.locale = user.locale;
  if (user.userType !== "") result.userType = user.userType;
  result.active = user.active;
  result.emails = emailItems(user);
  result.photos = photoItems(user);
  result.groups = groupItems(user, context);
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
      channels: channelItems(user.guest),
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
    members: memberItems(group, context),
    meta: resourceMeta("Groups", group, context),
  };
}
