/**
 * The value primitives every user rule shares: the write mode and how a string attribute is
 * stored (the object check is `common/is_object.ts`, the library's). Kept apart so the rule files import them without a cycle.
 *
 * - `" "` (or any blank) and `null` clear a string.
 *
 * @module
 */

import { fail } from "./responses.ts";

/** Replace (create, PUT) or merge (PATCH). */
export type WriteMode = "replace" | "merge";

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
