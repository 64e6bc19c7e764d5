/**
 * The one test for "a plain JSON object" the SCIM modules and the simulator share (bodies, errors,
 * requested values). Shared inside the project; not part of any entry.
 *
 * @module
 */

/**
 * Tells whether a value is a plain object: not `null`, not an array.
 *
 * @param value Any value.
 * @returns `true` for an object.
 *
 * @example What counts as an object
 * ```ts
 * import { isObject } from "./is_object.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isObject({ managerId: "" }), true);
 * assert.equal(isObject([]), false);
 * assert.equal(isObject(null), false);
 * assert.equal(isObject("{}"), false);
 * ```
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
