/**
 * Slack's rules for a user write as a whole (v1 or v2: the core attribute names are the same):
 * the core attributes in the order Slack checks them, and the checks every write ends with. The rules for names, multi-valued attributes and
 * extensions live in `user_names.ts`, `user_multi_values.ts` and `user_extensions.ts`.
 *
 * - `" "` clears a string.
 *
 * @module
 */

import { fail } from "./responses.ts";
import type { Store, UserRecord } from "./store.ts";
import { applyMultiValues } from "./user_multi_values.ts";
import { applyNames } from "./user_names.ts";
import { isObject } from "../../common/is_object.ts";
import { stringValue, type WriteMode } from "./user_values.ts";

const SIMPLE_STRINGS = [
  "title",
  "timezone",
  "preferredLanguage",
  "locale",
  "userType",
] as const;

/**
 * The plain string attributes a PATCH may name or remove, by lower-cased name (v1's
 * `meta.attributes`, v2's paths): `displayName` and the simple strings. A `Map`, never an
 * object: the names come from the client, and `constructor` or `__proto__` must name nothing.
 */
export const STRING_ATTRIBUTES: ReadonlyMap<string, keyof UserRecord> = new Map<
  string,
  keyof UserRecord
>([
  ["displayname", "displayName"],
  ["title", "title"],
  ["timezone", "timezone"],
  ["preferredlanguage", "preferredLanguage"],
  ["locale", "locale"],
  ["usertype", "userType"],
]);

/** The parts of `name`, by lower-cased name (a `Map`, as {@linkcode STRING_ATTRIBUTES}). */
export const NAME_PARTS: ReadonlyMap<string, "givenName" | "familyName" | "honorificPrefix"> =
  new Map<string, "givenName" | "familyName" | "honorificPrefix">([
    ["givenname", "givenName"],
    ["familyname", "familyName"],
    ["honorificprefix", "honorificPrefix"],
  ]);

/**
 * Applies the core attributes of a user body to a user.
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
  applyNames(user, body);
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
  applyMultiValues(user, body, mode);
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
