/**
 * How a caller's value appears in an error message or a log line: one helper, so no message
 * quotes a 100 KB id (or a function's whole source) and every message stays readable. Knows
 * neither HTTP nor SCIM; every layer uses it. Shared inside the project; not part of any entry.
 *
 * @example A long value is cut and counted
 * ```ts
 * import { bounded, messageOf, quote } from "./quote.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(quote("U123"), '"U123"');
 * assert.equal(bounded("x".repeat(150)), `${"x".repeat(100)}… (150 chars)`);
 * assert.equal(messageOf(new TypeError("bad id")), "bad id");
 * ```
 *
 * @module
 */

/** Characters of a value kept in a message; the rest is counted, not shown. */
export const QUOTE_LIMIT = 100;

/**
 * A value as text for a message, bounded: its first {@linkcode QUOTE_LIMIT} characters, then
 * `… (N chars)` when it was longer.
 *
 * @param value Any value; a string as is, anything else as `String()` writes it (a value
 * `String()` throws on as its type).
 * @returns At most about {@linkcode QUOTE_LIMIT} + 20 characters.
 */
export function bounded(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : String(value);
  } catch {
    text = `[${typeof value}]`; // an object with a throwing toString, a Symbol-like value
  }
  return text.length <= QUOTE_LIMIT
    ? text
    : `${text.slice(0, QUOTE_LIMIT)}… (${text.length} chars)`;
}

/**
 * What a thrown value says, for a message: an error's message, anything else as text; bounded as
 * {@linkcode bounded} does.
 *
 * @param error Any thrown value.
 * @returns At most about {@linkcode QUOTE_LIMIT} + 20 characters.
 */
export function messageOf(error: unknown): string {
  return bounded(error instanceof Error ? error.message : error);
}

/**
 * A value in double quotes for a message, bounded as {@linkcode bounded} does.
 *
 * @param value Any value.
 * @returns `"value"`, or `"first 100 chars… (N chars)"`.
 */
export function quote(value: unknown): string {
  return `"${bounded(value)}"`;
}
