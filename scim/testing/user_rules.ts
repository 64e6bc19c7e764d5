/**
 * Slack's rules for user attributes in v1 requests: validation, normalisation and how each
 * attribute lands in the store, for create and PUT (replace) and PATCH (merge).
 *
 * - `userName`: `.` `_` `-` kept, other special characters become `_`, an email becomes its
 *   local part, at most 21 characters; `nickName` mirrors it.
 * - `displayName`: at most 80 characters (answers fall back to `userName`).
 * - `emails`: two kept; the primary is `primary: true`, then `type: "work"`, then the first.
 * - `phoneNumbers`: in a request, `primary: true`, or `type: "mobile"` without `primary`, sets
 *   the primary phone (Slack's documented, odd, mapping); anything else, `primary: false`
 *   included, the mobile phone. So a user as read (`type: "mobile", primary: false` for the
 *   second phone) can be sent back unchanged.
 * - `operation: "delete"` removes a phone, address or role only when every sub-field sent
 *   matches the stored value as a read shows it; an address delete must send at least one field.
 * - one photo, one address (its `type` dropped), one role (object or plain string).
 * - `" "` clears a string.
 *
 * @module
 */

import { fail, PROFILE_SCHEMA_V1 } from "./responses.ts";
import type { AddressRecord, EmailRecord, Store, UserRecord } from "./store.ts";

/** Replace (create, PUT) or merge (PATCH). */
export type WriteMode = "replace" | "merge";

const ADDRESS_FIELDS = ["streetAddress", "locality", "region", "postalCode", "country"] as const;
const ENTERPRISE_FIELDS = [
  "employeeNumber",
  "costCenter",
  "organization",
  "division",
  "department",
] as const;
const SIMPLE_STRINGS = [
  "title",
  "timezone",
  "preferredLanguage",
  "locale",
  "userType",
] as const;

/**
 * Converts a requested `userName` to Slack's form, or fails with Slack's code.
 *
 * @param raw The requested name.
 * @returns The name Slack stores.
 */
export function normalizeUserName(raw: unknown): string {
  if (typeof raw !== "string") fail(raw === undefined ? "username_required" : "username_invalid");
  let name = raw.trim();
  const email = /^([^@\s]+)@[^@\s]+\.[^@\s]+$/.exec(name);
  if (email !== null) name = email[1] as string;
  name = name.replace(/[^A-Za-z0-9._-]/g, "_");
  if (name === "") fail("username_empty");
  if (name.length > 21) fail("username_too_long");
  return name;
}

/**
 * A string attribute as stored: `" "` (or any blank) and `null` clear it.
 *
 * @param value The requested value.
 * @returns The value to store.
 */
export function stringValue(value: unknown): string {
  if (value === null) return "";
  if (typeof value !== "string") fail("invalid_attribute_format");
  return value.trim() === "" ? "" : value;
}

function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isDelete(item: Record<string, unknown>): boolean {
  return typeof item.operation === "string" && item.operation.toLowerCase() === "delete";
}

function items(value: unknown, code: string): Record<string, unknown>[] {
  if (value === null) return [];
  if (!Array.isArray(value)) fail(code);
  return value.map((item) => {
    // Slack accepts roles as plain strings.
    if (code === "roles_invalid" && typeof item === "string") return { value: item };
    if (!isObject(item)) fail(code);
    if (item.value !== undefined && item.value !== null && typeof item.value !== "string") {
      fail(code);
    }
    return item;
  });
}

/**
 * Applies the core attributes of a v1 user body to a user.
 *
 * @param user The user to change (a copy, or a blank user).
 * @param body The request body.
 * @param mode `replace` for create/PUT, `merge` for PATCH.
 */
export function applyCoreAttributes(
  user: UserRecord,
  body: Record<string, unknown>,
  mode: WriteMode,
): void {
  if (body.userName !== undefined) user.userName = normalizeUserName(body.userName);
  else if (body.nickName !== undefined) user.userName = normalizeUserName(body.nickName);
  if (body.displayName !== undefined) {
    const displayName = stringValue(body.displayName);
    if ([...displayName].length > 80) fail("invalid_display_name");
    user.displayName = displayName;
  }
  for (const key of SIMPLE_STRINGS) {
    if (body[key] !== undefined) user[key] = stringValue(body[key]);
  }
  if (body.active !== undefined) {
    if (typeof body.active !== "boolean") fail("invalid_attribute_format");
    user.active = body.active;
  }
  if (body.name !== undefined && body.name !== null) {
    if (!isObject(body.name)) fail("invalid_attribute_format");
    const name = body.name;
    if (name.givenName !== undefined) user.givenName = stringValue(name.givenName);
    if (name.familyName !== undefined) user.familyName = stringValue(name.familyName);
    if (name.honorificPrefix !== undefined) {
      user.honorificPrefix = stringValue(name.honorificPrefix);
    }
  }
  if (body.password !== undefined && typeof body.password !== "string") {
    fail("invalid_attribute_format");
  }
  if (body.emails !== undefined) applyEmails(user, items(body.emails, "emails_invalid"), mode);
  if (body.phoneNumbers !== undefined) {
    applyPhones(user, items(body.phoneNumbers, "phoneNumbers_invalid"), mode);
  }
  if (body.photos !== undefined) applyPhotos(user, items(body.photos, "photos_invalid"), mode);
  if (body.addresses !== undefined) {
    applyAddresses(user, items(body.addresses, "addresses_invalid"), mode);
  }
  if (body.roles !== undefined) applyRoles(user, items(body.roles, "roles_invalid"), mode);
}

/**
 * Picks Slack's two emails from a list: the primary (`primary: true`, then `type: "work"`, then
 * the first) and the next one with another address (compared case-insensitively).
 *
 * @param list Candidate emails, in order.
 * @returns At most two emails, the primary first.
 */
export function selectEmails(list: readonly EmailRecord[]): EmailRecord[] {
  const primary = list.find((e) => e.primary) ?? list.find((e) => e.type === "work") ?? list[0];
  if (primary === undefined) return [];
  // Emails are case-insensitive: `A@x.com` after `a@x.com` is the same address, not a second one.
  const same = primary.value.toLowerCase();
  const secondary = list.find((e) => e.value.toLowerCase() !== same);
  const chosen = [{ ...primary, primary: true }];
  if (secondary !== undefined) chosen.push({ ...secondary, primary: false });
  return chosen;
}

function applyEmails(user: UserRecord, list: Record<string, unknown>[], mode: WriteMode): void {
  const adds: EmailRecord[] = [];
  for (const item of list) {
    const email: EmailRecord = {
      value: stringValue(item.value ?? ""),
      type: stringValue(item.type ?? ""),
      primary: isTrue(item.primary),
    };
    if (mode === "merge" && isDelete(item)) {
      const index = user.emails.findIndex((stored) =>
        stored.value.toLowerCase() === email.value.toLowerCase() &&
        (item.type === undefined || stored.type === email.type) &&
        (item.primary === undefined || stored.primary === email.primary)
      );
      if (index === -1) continue;
      if (user.emails[index]?.primary) fail("missing_primary_email");
      user.emails.splice(index, 1);
      continue;
    }
    if (email.value === "") fail("email_empty");
    if (!/^[^@\s]+@[^@\s]+$/.test(email.value)) fail("bad_email_address");
    adds.push(email);
  }
  if (mode === "replace") {
    user.emails = selectEmails(adds);
  } else if (adds.length > 0) {
    const newPrimary = adds.some((e) => e.primary);
    const kept = user.emails
      .filter((stored) => !adds.some((e) => e.value.toLowerCase() === stored.value.toLowerCase()))
      .map((stored) => newPrimary ? { ...stored, primary: false } : stored);
    user.emails = selectEmails([...kept.filter((e) => e.primary), ...adds, ...kept]);
  }
}

function applyPhones(user: UserRecord, list: Record<string, unknown>[], mode: WriteMode): void {
  if (mode === "replace") {
    user.primaryPhone = "";
    user.mobilePhone = "";
  }
  let primarySet = false;
  let mobileSet = false;
  for (const item of list) {
    const value = stringValue(item.value ?? "");
    if (mode === "merge" && isDelete(item)) {
      // All sub-fields sent must match the phone as read: the primary is `work`, `primary: true`.
      if (value !== "" && value === user.primaryPhone && phoneMatches(item, "work", true)) {
        user.primaryPhone = "";
      } else if (
        value !== "" && value === user.mobilePhone && phoneMatches(item, "mobile", false)
      ) {
        user.mobilePhone = "";
      }
      continue;
    }
    // An explicit `primary: false` wins over `type: "mobile"`, which means primary only alone.
    const absent = item.primary === undefined || item.primary === null;
    if (isTrue(item.primary) || (absent && item.type === "mobile")) {
      if (!primarySet) user.primaryPhone = value;
      primarySet = true;
    } else {
      if (!mobileSet) user.mobilePhone = value;
      mobileSet = true;
    }
  }
}

function phoneMatches(item: Record<string, unknown>, type: string, primary: boolean): boolean {
  return (item.type === undefined || item.type === type) &&
    (item.primary === undefined || item.primary === null || isTrue(item.primary) === primary);
}

function applyPhotos(user: UserRecord, list: Record<string, unknown>[], mode: WriteMode): void {
  if (mode === "replace") user.photo = "";
  for (const item of list) {
    const value = stringValue(item.value ?? "");
    if (mode === "merge" && isDelete(item)) {
      if (value === user.photo) user.photo = "";
    } else {
      user.photo = value;
      return;
    }
  }
}

function applyAddresses(user: UserRecord, list: Record<string, unknown>[], mode: WriteMode): void {
  if (mode === "replace") user.address = undefined;
  for (const item of list) {
    const address: AddressRecord = {
      streetAddress: "",
      locality: "",
      region: "",
      postalCode: "",
      country: "",
    };
    for (const field of ADDRESS_FIELDS) {
      if (item[field] !== undefined) address[field] = stringValue(item[field]);
    }
    if (mode === "merge" && isDelete(item)) {
      const stored = user.address;
      // At least one field must be sent (an empty item names no address) and every sub-field
      // sent must match the stored address (shown as `primary: true`), or nothing is removed.
      const sent = ADDRESS_FIELDS.filter((field) => item[field] !== undefined);
      if (
        stored !== undefined && sent.some((field) => address[field] !== "") &&
        sent.every((field) => stored[field] === address[field]) &&
        (item.primary === undefined || isTrue(item.primary))
      ) {
        user.address = undefined;
      }
    } else {
      user.address = address;
      return;
    }
  }
}

function applyRoles(user: UserRecord, list: Record<string, unknown>[], mode: WriteMode): void {
  if (mode === "replace") user.role = undefined;
  for (const item of list) {
    const role = { value: stringValue(item.value ?? ""), type: stringValue(item.type ?? "") };
    if (mode === "merge" && isDelete(item)) {
      const stored = user.role;
      if (
        stored !== undefined && stored.value === role.value &&
        (item.type === undefined || stored.type === role.type)
      ) {
        user.role = undefined;
      }
    } else {
      user.role = role;
      return;
    }
  }
}

/**
 * Applies the enterprise extension (`manager` without `managerId` is
 * `improper_enterprise_schema_format`; `managerId` may name a user by id, email or userName).
 *
 * @param user The user to change.
 * @param value The extension object from the request.
 * @param mode `replace` starts from nothing, `merge` keeps what is not sent.
 * @param store Where to resolve the manager.
 */
export function applyEnterprise(
  user: UserRecord,
  value: unknown,
  mode: WriteMode,
  store: Store,
): void {
  if (!isObject(value)) fail("improper_enterprise_schema_format");
  const base = mode === "merge" ? user.enterprise : undefined;
  const enterprise = base !== undefined ? { ...base } : {
    employeeNumber: "",
    costCenter: "",
    organization: "",
    division: "",
    department: "",
    managerId: "",
  };
  for (const field of ENTERPRISE_FIELDS) {
    if (value[field] !== undefined) enterprise[field] = stringValue(value[field]);
  }
  if (value.manager !== undefined && value.manager !== null) {
    const manager = value.manager;
    if (!isObject(manager) || typeof manager.managerId !== "string") {
      fail("improper_enterprise_schema_format");
    }
    const wanted = manager.managerId.trim();
    const found = store.users.get(wanted) ?? store.findUserByEmail(wanted) ??
      store.findUserByUserName(wanted);
    enterprise.managerId = found?.id ?? wanted;
  }
  user.enterprise = enterprise;
}

/**
 * Applies the guest extension: `type` must be `"multi"`; `expiration` is ISO 8601. Becoming a
 * guest reactivates a deactivated user, as Slack does on any guest/member conversion. A
 * single-channel guest (made in Slack, never through SCIM) may send its own `"single"` type back
 * unchanged, so that a read → update round trip works.
 *
 * @param user The user to change.
 * @param value The extension object from the request.
 * @param mode `merge` keeps a guest's expiration and channels when not sent.
 */
export function applyGuest(user: UserRecord, value: unknown, mode: WriteMode): void {
  const keepsSingle = isObject(value) && value.type === "single" && user.guest?.type === "single";
  if (!isObject(value) || (value.type !== "multi" && !keepsSingle)) {
    fail("invalid_attribute_format");
  }
  let expiration = mode === "merge" && user.guest !== undefined ? user.guest.expiration : "";
  if (value.expiration !== undefined) {
    expiration = stringValue(value.expiration);
    if (expiration !== "" && !isIsoDate(expiration)) fail("invalid_attribute_format");
  }
  if (user.guest === undefined) user.active = true;
  user.guest = {
    type: keepsSingle ? "single" : "multi",
    expiration,
    channels: user.guest?.channels ?? [],
  };
}

/**
 * Applies the profile extension (`startDate`, ISO 8601); its URN must be in `schemas`.
 *
 * @param user The user to change.
 * @param value The extension object from the request.
 * @param schemas The request's `schemas`.
 */
export function applyProfile(user: UserRecord, value: unknown, schemas: readonly unknown[]): void {
  if (!schemas.includes(PROFILE_SCHEMA_V1)) fail("missing_schema_element");
  if (!isObject(value)) fail("invalid_attribute_format");
  if (value.startDate !== undefined) {
    const startDate = stringValue(value.startDate);
    if (startDate !== "" && !isIsoDate(startDate)) fail("invalid_attribute_format");
    user.startDate = startDate;
  }
}

function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
    .test(text);
}

/**
 * The checks every user write ends with: a userName, a primary email, and neither taken by
 * another user (deactivated users' names and emails still count).
 *
 * @param user The user about to be stored.
 * @param store The directory.
 */
export function checkUser(user: UserRecord, store: Store): void {
  if (user.userName === "") fail("username_required");
  if (user.emails.length === 0) fail("missing_primary_email");
  const sameName = store.findUserByUserName(user.userName);
  if (sameName !== undefined && sameName.id !== user.id) fail("username_taken", 409);
  for (const email of user.emails) {
    const holder = store.findUserByEmail(email.value);
    if (holder !== undefined && holder.id !== user.id) fail("email_taken", 409);
  }
}
