/**
 * SCIM 1.1 PATCH pieces that are not plain attribute writes: `meta.attributes` removals on
 * users, and group `members` add/remove (the member rules themselves are in `group_rules.ts`).
 *
 * A v1 PATCH body is a partial resource: what it carries is written (multi-valued items with
 * `"operation": "delete"` are removed instead), what it omits stays, and
 * `"meta": {"attributes": [...]}` names whole attributes, sub-attributes or extension fields to
 * remove first, for example `name.honorificPrefix` or
 * `urn:scim:schemas:extension:enterprise:1.0.manager.managerId`.
 *
 * @module
 */

import { fail } from "../responses.ts";
import { ENTERPRISE_SCHEMA_V1, GUEST_SCHEMA_V1, PROFILE_SCHEMA_V1 } from "./responses.ts";
import { groupName, readMembers } from "../group_rules.ts";
import type { GroupRecord, Store, UserRecord } from "../store.ts";
import { NAME_PARTS, STRING_ATTRIBUTES } from "../user_rules.ts";

/**
 * The string attributes `meta.attributes` may name, `name`'s parts as `name.givenName` etc.
 * Maps, never objects: the names come from the client, and `constructor` must name nothing.
 */
const SIMPLE_ATTRIBUTES: ReadonlyMap<string, keyof UserRecord> = new Map<string, keyof UserRecord>([
  ...STRING_ATTRIBUTES,
  ...[...NAME_PARTS].map(([part, key]): [string, keyof UserRecord] => [`name.${part}`, key]),
]);

const ENTERPRISE_FIELDS: ReadonlyMap<string, keyof NonNullable<UserRecord["enterprise"]>> = new Map<
  string,
  keyof NonNullable<UserRecord["enterprise"]>
>([
  ["employeenumber", "employeeNumber"],
  ["costcenter", "costCenter"],
  ["organization", "organization"],
  ["division", "division"],
  ["department", "department"],
  ["manager", "managerId"],
  ["manager.managerid", "managerId"],
]);

/**
 * Applies `meta.attributes` removals to a user. Names are case-insensitive; unknown ones are
 * ignored. `emails` removes only the secondary email (as Slack documents); removing the guest
 * extension makes a full member (and reactivates); `userName`/`nickName` cannot be removed.
 *
 * @param user The user to change (a copy).
 * @param meta The body's `meta`, if any.
 */
export function applyPatchMetaAttributes(user: UserRecord, meta: unknown): void {
  if (meta === undefined || meta === null) return;
  if (typeof meta !== "object" || Array.isArray(meta)) fail("invalid_attribute_format");
  const attributes = (meta as { attributes?: unknown }).attributes;
  if (attributes === undefined) return;
  if (!Array.isArray(attributes) || attributes.some((a) => typeof a !== "string")) {
    fail("invalid_attribute_format");
  }
  for (const attribute of attributes as string[]) removeAttribute(user, attribute.trim());
}

function removeAttribute(user: UserRecord, attribute: string): void {
  const lower = attribute.toLowerCase();
  for (const urn of [ENTERPRISE_SCHEMA_V1, GUEST_SCHEMA_V1, PROFILE_SCHEMA_V1]) {
    if (lower === urn || lower.startsWith(`${urn}.`)) {
      removeExtensionField(user, urn, lower.slice(urn.length + 1));
      return;
    }
  }
  const simple = SIMPLE_ATTRIBUTES.get(lower);
  if (simple !== undefined) {
    (user as unknown as Record<string, unknown>)[simple] = "";
    return;
  }
  switch (lower) {
    case "username":
    case "nickname":
      fail("username_empty");
      break;
    case "name":
      user.givenName = "";
      user.familyName = "";
      user.honorificPrefix = "";
      break;
    case "emails":
      user.emails = user.emails.filter((email) => email.primary);
      break;
    case "phonenumbers":
      user.primaryPhone = "";
      user.mobilePhone = "";
      break;
    case "photos":
      user.photo = "";
      break;
    case "addresses":
      user.address = undefined;
      break;
    case "roles":
      user.role = undefined;
      break;
  }
}

function removeExtensionField(user: UserRecord, urn: string, field: string): void {
  if (urn === ENTERPRISE_SCHEMA_V1) {
    if (field === "") {
      user.enterprise = undefined;
      return;
    }
    const key = ENTERPRISE_FIELDS.get(field);
    if (key !== undefined && user.enterprise !== undefined) user.enterprise[key] = "";
  } else if (urn === GUEST_SCHEMA_V1) {
    if (field === "" && user.guest !== undefined) {
      // Converting a guest to a full member reactivates them.
      user.guest = undefined;
      user.active = true;
    } else if (field === "expiration" && user.guest !== undefined) {
      user.guest.expiration = "";
    }
  } else if (field === "" || field === "startdate") {
    user.startDate = "";
  }
}

/**
 * Applies a v1 group PATCH: `displayName`, `members` (add by default, `"operation": "delete"`
 * removes), and `meta.attributes: ["members"]` to remove every member first.
 *
 * @param group The group to change (a copy).
 * @param body The request body.
 * @param store The directory.
 */
export function applyGroupPatch(
  group: GroupRecord,
  body: Record<string, unknown>,
  store: Store,
): void {
  const meta = body.meta as { attributes?: unknown } | undefined;
  if (Array.isArray(meta?.attributes)) {
    for (const attribute of meta.attributes) {
      if (typeof attribute === "string" && attribute.toLowerCase() === "members") {
        group.members.clear();
      }
    }
  }
  if (body.displayName !== undefined) group.displayName = groupName(body.displayName);
  if (body.members !== undefined) {
    const { add, remove } = readMembers(body.members, store);
    for (const id of remove) group.members.delete(id);
    for (const id of add) group.members.add(id);
  }
}
