/**
 * Parsing the `Retry-After` header.
 *
 * @module
 */

const SECONDS = /^\d+$/;
// The three HTTP-date forms (RFC 9110 §5.6.7); Date.parse alone would accept "5" as a year.
const IMF_OR_RFC850 = /^[A-Za-z]{3,9}, \d{2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * Reads a `Retry-After` value given as a number of seconds or as an HTTP date.
 *
 * @param value The header value, or `null` when the header is missing.
 * @param now The current time in milliseconds since the epoch, for HTTP dates. Defaults to `Date.now()`.
 * @returns The wait in milliseconds (0 for a date in the past), or `undefined` when the value is
 * missing or garbled.
 *
 * @example Seconds, an HTTP date, and garbage
 * ```ts
 * import { parseRetryAfter } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseRetryAfter("30"), 30_000);
 * const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
 * assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", now), 5_000);
 * assert.equal(parseRetryAfter("soon"), undefined);
 * ```
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (SECONDS.test(text)) {
    const ms = Number(text) * 1000;
    return Number.isFinite(ms) ? ms : undefined;
  }
  let date = NaN;
  if (IMF_OR_RFC850.test(text)) date = Date.parse(text);
  // asctime carries no zone; HTTP dates are always GMT.
  else if (ASCTIME.test(text)) date = Date.parse(`${text} GMT`);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
