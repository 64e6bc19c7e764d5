/**
 * Slack's rules for the user schema extensions, on the store (v1 and v2 name them by different
 * URNs; each version's routes find the extension object and pass it here): enterprise (including
 * how `manager` is resolved), guest and profile.
 *
 * @module
 */

import { isLongerThan, MAX_STRING_LENGTH } from "./request_limits.ts";
import { fail } from "./responses.ts";
import type { Store, UserRecord } from "./store.ts";
import { isObject } from "../../common/is_object.ts";
import { stringValue, type WriteMode } from "./user_values.ts";

const ENTERPRISE_FIELDS = [
  "employeeNumber",
  "costCenter",
  "organization",
  "division",
  "department",
] as const;

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
    if (isLongerThan(wanted, MAX_STRING_LENGTH)) fail("invalid_attribute_format");
    const found = store.users.peek(wanted) ?? store.findUserByEmail(wanted) ??
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
 * Applies the profile extension's `startDate` (ISO 8601). Whether the extension's URN must be in
 * `schemas` is the version's check, made before.
 *
 * @param user The user to change.
 * @param value The extension object from the request.
 */
export function applyStartDate(user: UserRecord, value: unknown): void {
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
