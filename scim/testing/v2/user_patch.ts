/**
 * RFC 7644 PATCH of a user, as Slack applies it, on the store through the same rules as v1
 * writes (userName conversion and limit, two emails kept, the phone slots, one address/role/photo,
 * the enterprise manager lookup, guest conversion).
 *
 * - Paths: core attributes (`title`, `name.givenName`, `userName`, `active`, …), multi-valued ones
 *   with or without a value filter and sub-attribute (`emails[primary eq false]`,
 *   `emails[value eq "x"]`, `phoneNumbers[value eq "…"].value`), extension paths in both of Slack's
 *   forms (`urn:…:enterprise:2.0:User:employeeNumber`, `urn:…:enterprise:2.0:User.manager.managerId`),
 *   whole extension URNs (removing the guest one makes a full member and reactivates), and no path
 *   with an object value (each key applied as its own path). `address` is read as `addresses`
 *   (a typo in Slack's own example).
 * - `add` on a multi-valued attribute merges as a v1 write does (Slack keeps two emails, one
 *   address, …); `replace` without a filter replaces the whole attribute; `remove` of `emails`
 *   removes only the secondary email (as Slack documents); removing the primary email is
 *   `missing_primary_email`. A `replace` whose value filter matches nothing adds the value.
 * - `externalId`, `password`, `profileUrl`, `id`, `meta`, `groups` and `schemas` are ignored, as
 *   in a v1 PATCH; any other unknown path is `invalid_request_payload`.
 *
 * @module
 */

import { fail } from "../responses.ts";
import type { AddressRecord, Store, UserRecord } from "../store.ts";
import { applyEnterprise, applyGuest, applyStartDate } from "../user_extensions.ts";
import { applyMultiValues } from "../user_multi_values.ts";
import { applyCoreAttributes, NAME_PARTS, STRING_ATTRIBUTES } from "../user_rules.ts";
import { isObject } from "../../../common/is_object.ts";
import { stringValue } from "../user_values.ts";
import { parsePatchPath, type PatchPath } from "./patch_path.ts";
import {
  asList,
  isTrue,
  type Item,
  itemMatcher,
  type PatchOperation,
  withPaths,
} from "./patch_ops.ts";
import {
  ENTERPRISE_SCHEMA_V2,
  GUEST_SCHEMA_V2,
  PROFILE_SCHEMA_V2,
  USER_SCHEMA_V2,
} from "./responses.ts";

const USER_URNS = [USER_SCHEMA_V2, ENTERPRISE_SCHEMA_V2, GUEST_SCHEMA_V2, PROFILE_SCHEMA_V2];
const ENTERPRISE = ENTERPRISE_SCHEMA_V2.toLowerCase();
const GUEST = GUEST_SCHEMA_V2.toLowerCase();
const PROFILE = PROFILE_SCHEMA_V2.toLowerCase();

/** What a PATCH may name but never changes, as in v1. */
const IGNORED = new Set([
  "externalid",
  "password",
  "profileurl",
  "id",
  "meta",
  "groups",
  "schemas",
]);

/** Maps, never objects, wherever a path names the key: `constructor` must name nothing. */
const ENTERPRISE_FIELDS: ReadonlyMap<string, string> = new Map([
  ["employeenumber", "employeeNumber"],
  ["costcenter", "costCenter"],
  ["organization", "organization"],
  ["division", "division"],
  ["department", "department"],
]);

/**
 * Applies one PATCH operation to a user (a copy: the caller stores it only if every operation
 * and the final checks pass).
 *
 * @param user The user to change.
 * @param operation The operation.
 * @param store Where to resolve a manager.
 */
export function applyUserOperation(
  user: UserRecord,
  operation: PatchOperation,
  store: Store,
): void {
  for (const one of withPaths(operation)) {
    const parsed = parsePatchPath(one.path, USER_URNS);
    if (parsed.urn === ENTERPRISE) enterpriseOperation(user, parsed, one, store);
    else if (parsed.urn === GUEST) guestOperation(user, parsed, one);
    else if (parsed.urn === PROFILE) profileOperation(user, parsed, one);
    else coreOperation(user, parsed, one);
  }
}

function plain(path: PatchPath): void {
  if (path.filter !== undefined || path.subAttribute !== undefined) fail("invalid_request_payload");
}

function coreOperation(user: UserRecord, path: PatchPath, operation: PatchOperation): void {
  const { op, value } = operation;
  const attribute = path.attribute === "address" ? "addresses" : path.attribute;
  if (attribute === "") fail("invalid_request_payload");
  if (IGNORED.has(attribute)) return;
  const multi = MULTI_VALUED.get(attribute);
  if (multi !== undefined) return multiValuedOperation(user, multi, path, operation);
  if (attribute === "name") {
    if (path.filter !== undefined) fail("invalid_request_payload");
    const part = path.subAttribute === undefined ? undefined : NAME_PARTS.get(path.subAttribute);
    if (path.subAttribute !== undefined && part === undefined) fail("invalid_request_payload");
    if (op === "remove") {
      for (const key of part === undefined ? NAME_PARTS.values() : [part]) user[key] = "";
    } else {
      applyCoreAttributes(user, { name: part === undefined ? value : { [part]: value } }, "merge");
    }
    return;
  }
  plain(path);
  if (attribute === "username" || attribute === "nickname") {
    if (op === "remove") fail("username_empty");
    applyCoreAttributes(
      user,
      { [attribute === "username" ? "userName" : "nickName"]: value },
      "merge",
    );
    return;
  }
  if (attribute === "active") {
    if (op === "remove") fail("invalid_request_payload");
    applyCoreAttributes(user, { active: value }, "merge");
    return;
  }
  const key = STRING_ATTRIBUTES.get(attribute);
  if (key === undefined) fail("invalid_request_payload");
  if (op === "remove") (user as unknown as Record<string, unknown>)[key] = "";
  else applyCoreAttributes(user, { [key]: value }, "merge");
}

/** How one multi-valued attribute's items are read from and written back to the store. */
interface MultiValued {
  /** The attribute as spelled in bodies. */
  readonly name: "emails" | "phoneNumbers" | "photos" | "addresses" | "roles";
  /** Its sub-attributes, as spelled in answers. */
  readonly subAttributes: readonly string[];
  /** The items as a filter sees them, with `primary` explicit. */
  read(user: UserRecord): Item[];
  /** Stores a whole new list of items. */
  write(user: UserRecord, items: Item[]): void;
}

const ADDRESS_FIELDS = ["streetAddress", "locality", "region", "postalCode", "country"] as const;

const MULTI_VALUED: ReadonlyMap<string, MultiValued> = new Map(Object.entries<MultiValued>({
  emails: {
    name: "emails",
    subAttributes: ["value", "type", "primary", "display"],
    read: (user) => user.emails.map((email) => ({ ...email })),
    // Through the shared user rules, so the list is validated and cut to Slack's two.
    write: (user, items) => applyMultiValues(user, { emails: items }, "replace"),
  },
  phonenumbers: {
    name: "phoneNumbers",
    subAttributes: ["value", "type", "primary"],
    read: (user) => [
      ...(user.mobilePhone === ""
        ? []
        : [{ value: user.mobilePhone, type: "mobile", primary: false }]),
      ...(user.primaryPhone === "" ? [] : [{ value: user.primaryPhone, primary: true }]),
    ],
    write: (user, items) => {
      const primary = items.find((item) => isTrue(item.primary));
      const mobile = items.find((item) => item !== primary);
      user.primaryPhone = primary === undefined ? "" : stringValue(primary.value ?? "");
      user.mobilePhone = mobile === undefined ? "" : stringValue(mobile.value ?? "");
    },
  },
  photos: {
    name: "photos",
    subAttributes: ["value", "type", "primary", "display"],
    read: (user) => user.photo === "" ? [] : [{ value: user.photo, type: "photo", primary: true }],
    write: (user, items) => {
      user.photo = items[0] === undefined ? "" : stringValue(items[0].value ?? "", Infinity); // a data: URL may be long
    },
  },
  addresses: {
    name: "addresses",
    subAttributes: [...ADDRESS_FIELDS, "type", "primary", "formatted"],
    read: (user) => user.address === undefined ? [] : [{ ...user.address, primary: true }],
    write: (user, items) => {
      const first = items[0];
      if (first === undefined) {
        user.address = undefined;
        return;
      }
      const address = {} as AddressRecord;
      for (const field of ADDRESS_FIELDS) address[field] = stringValue(first[field] ?? "");
      user.address = address;
    },
  },
  roles: {
    name: "roles",
    subAttributes: ["value", "type", "primary", "display"],
    read: (user) =>
      user.role === undefined
        ? []
        : [{ value: user.role.value, type: user.role.type, primary: true }],
    write: (user, items) => {
      const first = items[0];
      user.role = first === undefined
        ? undefined
        : { value: stringValue(first.value ?? ""), type: stringValue(first.type ?? "") };
    },
  },
}));

function multiValuedOperation(
  user: UserRecord,
  attribute: MultiValued,
  path: PatchPath,
  operation: PatchOperation,
): void {
  const { op, value } = operation;
  const { filter, subAttribute } = path;
  const sub = subAttribute === undefined
    ? undefined
    : attribute.subAttributes.find((name) => name.toLowerCase() === subAttribute) ??
      fail("invalid_request_payload");
  if (filter === undefined && sub === undefined) {
    if (op === "add") return applyMultiValues(user, { [attribute.name]: asList(value) }, "merge");
    if (op === "replace") {
      return applyMultiValues(user, { [attribute.name]: asList(value) }, "replace");
    }
    if (value === undefined) {
      // Slack: removing `emails` removes the secondary email only.
      const kept = attribute.name === "emails" ? attribute.read(user).filter((i) => i.primary) : [];
      return attribute.write(user, kept);
    }
  }
  // A remove may name the values to drop (`"value": [{"value": "…"}]`, as some IdPs send it).
  const named = filter === undefined && sub === undefined && op === "remove"
    ? new Set(asList(value).map((item) => isObject(item) ? String(item.value).toLowerCase() : ""))
    : undefined;
  const matches = named !== undefined
    ? (item: Item) => named.has(String(item.value).toLowerCase())
    : filter === undefined
    ? () => true
    : itemMatcher(filter, attribute.subAttributes);
  const items = attribute.read(user);
  const hits = items.filter(matches);
  if (op === "remove") {
    if (sub !== undefined) {
      for (const item of hits) item[sub] = sub === "primary" ? false : "";
    } else {
      if (attribute.name === "emails" && hits.some((item) => item.primary)) {
        fail("missing_primary_email");
      }
      return attribute.write(user, items.filter((item) => !hits.includes(item)));
    }
    return attribute.write(user, items);
  }
  if (hits.length === 0) {
    if (sub !== undefined) fail("invalid_request_payload");
    return applyMultiValues(user, { [attribute.name]: asList(value) }, "merge");
  }
  for (const item of hits) {
    if (sub !== undefined) {
      item[sub] = value;
    } else {
      if (!isObject(value)) fail("invalid_attribute_format");
      Object.assign(item, value);
    }
  }
  // One primary: a value made primary demotes the others.
  const promoted = hits.find((item) => isTrue(item.primary));
  if (promoted !== undefined) {
    for (const item of items) if (item !== promoted) item.primary = false;
  }
  attribute.write(user, items);
}

function enterpriseOperation(
  user: UserRecord,
  path: PatchPath,
  operation: PatchOperation,
  store: Store,
): void {
  const { op, value } = operation;
  if (path.filter !== undefined) fail("invalid_request_payload");
  if (path.attribute === "") {
    if (op === "remove") user.enterprise = undefined;
    else applyEnterprise(user, value, "merge", store);
    return;
  }
  const field = ENTERPRISE_FIELDS.get(path.attribute);
  if (field !== undefined && path.subAttribute === undefined) {
    if (op !== "remove") return applyEnterprise(user, { [field]: value }, "merge", store);
    if (user.enterprise !== undefined) {
      (user.enterprise as unknown as Record<string, string>)[field] = "";
    }
    return;
  }
  if (path.attribute !== "manager") fail("invalid_request_payload");
  if (path.subAttribute !== undefined && path.subAttribute !== "managerid") {
    fail("invalid_request_payload");
  }
  if (op === "remove") {
    if (user.enterprise !== undefined) user.enterprise.managerId = "";
    return;
  }
  const manager = path.subAttribute === undefined ? value : { managerId: value };
  applyEnterprise(user, { manager }, "merge", store);
}

function guestOperation(user: UserRecord, path: PatchPath, operation: PatchOperation): void {
  const { op, value } = operation;
  if (path.filter !== undefined || path.subAttribute !== undefined) {
    fail("invalid_request_payload");
  }
  const attribute = path.attribute;
  if (attribute === "channels") return;
  if (attribute !== "" && attribute !== "type" && attribute !== "expiration") {
    fail("invalid_request_payload");
  }
  if (op === "remove" && attribute === "expiration") {
    if (user.guest !== undefined) user.guest.expiration = "";
  } else if (op === "remove") {
    // Removing the guest extension makes a full member, which reactivates (as in v1).
    if (user.guest !== undefined) {
      user.guest = undefined;
      user.active = true;
    }
  } else if (attribute === "") {
    applyGuest(user, value, "merge");
  } else if (attribute === "type") {
    applyGuest(user, { type: value }, "merge");
  } else {
    applyGuest(user, { type: user.guest?.type, expiration: value }, "merge");
  }
}

function profileOperation(user: UserRecord, path: PatchPath, operation: PatchOperation): void {
  const { op, value } = operation;
  plain(path);
  if (path.attribute !== "" && path.attribute !== "startdate") fail("invalid_request_payload");
  if (op === "remove") user.startDate = "";
  else applyStartDate(user, path.attribute === "" ? value : { startDate: value });
}
