/**
 * The options object of a constructor or a call, checked before it is read, so plain JavaScript
 * passing `null` or a number gets an error naming what it was for rather than the runtime's
 * "Cannot read properties of null". Shared inside the project; not part of any entry.
 *
 * @example `undefined` is no options; a number is a TypeError
 * ```ts
 * import { optionsObject } from "./options_object.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(optionsObject("send the request", undefined), {});
 * assert.throws(
 *   () => optionsObject("send the request", 5 as unknown as object),
 *   { name: "TypeError", message: 'Cannot send the request: options "5" is not an object' },
 * );
 * ```
 *
 * @module
 */

import { isObject } from "./is_object.ts";
import { quote } from "./quote.ts";

/**
 * Returns the options, or throws a `TypeError` saying what they were for when they are not an
 * object.
 *
 * @param what What the options are for, such as `"create ServerErrorRetryHandler"`.
 * @param options The caller's value (`undefined` is read as no options).
 * @returns The options.
 */
export function optionsObject<T extends object>(what: string, options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (!isObject(options)) {
    throw new TypeError(`Cannot ${what}: options ${quote(options)} is not an object`);
  }
  return options;
}
