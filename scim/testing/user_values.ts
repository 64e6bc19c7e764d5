/**
 * The value primitives every user rule shares: the write mode, how a string attribute is
 * stored, and the object check. Kept apart so the rule files import them without a cycle.
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

/**
 * Whether a request value is a plain JSON object (not `null`, not an array).
 *
 * @param value The requested value.
 * @returns `true` for a plain object.
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
