/**
 * Slack's rules for a user's names in a write (v1 or v2): `userName` normalisation and the
 * `displayName` limit.
 *
 * - `userName`: `.` `_` `-` kept, other special characters become `_`, an email becomes its
 *   local part, at most 21 characters; `nickName` mirrors it (and stands in for it when
 *   `userName` is not sent).
 * - `displayName`: at most 80 characters (answers fall back to `userName`).
 *
 * @module
 */

import { fail } from "./responses.ts";
import type { UserRecord } from "./store.ts";
import { stringValue } from "./user_values.ts";

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
 * Applies `userName` (or, without it, `nickName`) and `displayName` from a user body.
 *
 * @param user The user to change.
 * @param body The request body.
 */
export function applyNames(user: UserRecord, body: Record<string, unknown>): void {
  if (body.userName !== undefined) user.userName = normalizeUserName(body.userName);
  else if (body.nickName !== undefined) user.userName = normalizeUserName(body.nickName);
  if (body.displayName !== undefined) {
    // Slack's own limit, with its own code, for any length.
    const displayName = stringValue(body.displayName, Infinity);
    if ([...displayName].length > 80) fail("invalid_display_name");
    user.displayName = displayName;
  }
}
