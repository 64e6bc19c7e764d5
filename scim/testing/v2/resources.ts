/**
 * Store records in Slack's SCIM v2 shape: users (core, enterprise, guest and profile
 * extensions) and groups.
 *
 * Slack's v2 answers differ from v1 in more than URNs: unset attributes come back as `null`
 * rather than left out (`honorificPrefix`, `userType`, `preferredLanguage`, `locale`, every
 * enterprise field, `manager.managerId`, `startDate`, the address fields, the phone and role
 * values), the address, both phone slots and the role are always listed, `displayName` has no
 * fallback to `userName`, `externalId` is `""` when unset, and phones list the mobile one first
 * (`type: "mobile"`) and the primary one second (`primary: true`), as in Slack's v2 examples.
 * `meta` carries `created` and `location`, the two keys every Slack example (docs and the Java
 * SDK's recorded samples) shows.
 *
 * @module
 */

import type { RouteContext } from "../route.ts";
import type { GroupRecord, UserRecord } from "../store.ts";
import {
  ENTERPRISE_SCHEMA_V2,
  GROUP_SCHEMA_V2,
  GUEST_SCHEMA_V2,
  PROFILE_SCHEMA_V2,
  USER_SCHEMA_V2,
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

function orNull(value: string): string | null {
  return value === "" ? null : value;
}

/**
 * A user in Slack's v2 shape, keys in the order Slack's examples show them.
 *
 * @param user The stored user.
 * @param context Where the request came (for `meta.location`) and the groups.
 * @returns The JSON object.
 */
export function userToV2(user: UserRecord, context: RouteContext): Record<string, unknown> {
  const schemas = [USER_SCHEMA_V2, ENTERPRISE_SCHEMA_V2, PROFILE_SCHEMA_V2];
  if (user.guest !== undefined) schemas.push(GUEST_SCHEMA_V2);
  const address = user.address;
  const enterprise = user.enterprise;
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
      honorificPrefix: orNull(user.honorificPrefix),
    },
    displayName: user.displayName,
    profileUrl: profileUrl(user),
    title: user.title,
    timezone: user.timezone,
    active: user.active,
    emails: emailItems(user),
    photos: photoItems(user),
    addresses: [{
      streetAddress: orNull(address?.streetAddress ?? ""),
      locality: orNull(address?.locality ?? ""),
      region: orNull(address?.region ?? ""),
      postalCode: orNull(address?.postalCode ?? ""),
      country: orNull(address?.country ?? ""),
    }],
    phoneNumbers: [
      { value: orNull(user.mobilePhone), type: "mobile" },
      { value: orNull(user.primaryPhone), primary: true },
    ],
    userType: orNull(user.userType),
    roles: [{
      value: orNull(user.role?.value ?? ""),
      ...(user.role === undefined || user.role.type === "" ? {} : { type: user.role.type }),
      primary: true,
    }],
    preferredLanguage: orNull(user.preferredLanguage),
    locale: orNull(user.locale),
    [ENTERPRISE_SCHEMA_V2]: {
      employeeNumber: orNull(enterprise?.employeeNumber ?? ""),
      costCenter: orNull(enterprise?.costCenter ?? ""),
      organization: orNull(enterprise?.organization ?? ""),
      division: orNull(enterprise?.division ?? ""),
      department: orNull(enterprise?.department ?? ""),
      manager: { managerId: orNull(enterprise?.managerId ?? "") },
    },
    [PROFILE_SCHEMA_V2]: { startDate: orNull(user.startDate) },
    groups: groupItems(user, context),
  };
  if (user.guest !== undefined) {
    result[GUEST_SCHEMA_V2] = {
      type: user.guest.type,
      ...(user.guest.expiration === "" ? {} : { expiration: user.guest.expiration }),
      ...(user.guest.channels.length === 0 ? {} : { channels: channelItems(user.guest) }),
    };
  }
  return result;
}

/**
 * A group in Slack's v2 shape; each member's `display` is the user's display name (its
 * `userName` when it has none), as in v1.
 *
 * @param group The stored group.
 * @param context The route context.
 * @returns The JSON object.
 */
export function groupToV2(group: GroupRecord, context: RouteContext): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA_V2],
    id: group.id,
    meta: resourceMeta("Groups", group, context),
    displayName: group.displayName,
    members: memberItems(group, context),
  };
}
