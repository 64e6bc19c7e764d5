/**
 * Slack's rules for a user's multi-valued attributes in a write (v1 bodies, v2 bodies and v2
 * PATCH values): `emails`, `phoneNumbers`,
 * `photos`, `addresses` and `roles`, for create and PUT (replace) and PATCH (merge).
 *
 * - `emails`: two kept; the primary is `primary: true`, then `type: "work"`, then the first.
 * - `phoneNumbers`: in a request, `primary: true`, or `type: "mobile"` without `primary`, sets
 *   the primary phone (Slack's documented, odd, mapping); anything else, `primary: false`
 *   included, the mobile phone. So a user as read (`type: "mobile", primary: false` for the
 *   second phone) can be sent back unchanged.
 * - `operation: "delete"` removes a phone, address or role only when every sub-field sent
 *   matches the stored value as a read shows it; an address delete must send at least one field.
 * - one photo, one address (its `type` dropped), one role (object or plain string).
 *
 * @module
 */

import { fail } from "./responses.ts";
import type { AddressRecord, EmailRecord, UserRecord } from "./store.ts";
import { isObject } from "../../common/is_object.ts";
import { stringValue, type WriteMode } from "./user_values.ts";

const ADDRESS_FIELDS = ["streetAddress", "locality", "region", "postalCode", "country"] as const;

function isTrue(value: unknown): boolean {
  return value === true || value === "true";
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
 * Applies the multi-valued attributes of a user body (`emails`, `phoneNumbers`, `photos`,
 * `addresses`, `roles`) to a user, in that order.
 *
 * @param user The user to change.
 * @param body The request body.
 * @param mode `replace` for create/PUT, `merge` for PATCH.
 */
export function applyMultiValues(
  user: UserRecord,
  body: Record<string, unknown>,
  mode: WriteMode,
): void {
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

/** A photo may be a `data:` URL: as long as the request body allows, no shorter bound. */
const PHOTO_LENGTH = Infinity;

function applyPhotos(user: UserRecord, list: Record<string, unknown>[], mode: WriteMode): void {
  if (mode === "replace") user.photo = "";
  for (const item of list) {
    const value = stringValue(item.value ?? "", PHOTO_LENGTH);
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
