/**
 * The value primitives every user rule shares: the write mode and how a string attribute is
 * stored (the object check is `common/is_object.ts`, the library's). Kept apart so the rule files import them without a cycle.
 *
 * - `" "` (or any blank) and `null` clear a string.
 *
 * @module
 */

import { isLongerThan, MAX_STRING_LENGTH } from "./request_limits.ts";
import { fail } from "./responses.ts";

/** Replace (create, PUT) or merge (PATCH). */
export type WriteMode = "replace" | "merge";

/**
 * A string attribute as stored: `" "` (or any blank) and `null` clear it; one longer than
 * `maxLength` characters is `invalid_attribute_format`.
 *
 * @param value The requested value.
 * @param maxLength The most characters (default `MAX_STRING_LENGTH`, 1,024).
 * @returns The value to store.
 */
export function stringValue(value: unknown, maxLength: number = MAX_STRING_LENGTH): string {
  if (value === null) return "";
  if (typeof value !== "string") fail("invalid_attribute_format");
  if (isLongerThan(value, maxLength)) fail("invalid_attribute_format");
  return value.trim() === "" ? "" : value;
}
