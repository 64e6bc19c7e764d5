// Internal: the options object of a constructor, checked before it is read, so plain JavaScript
// passing `null` or a number gets an error naming the class rather than the runtime's "Cannot read
// properties of null".

import { quote } from "./_quote.ts";

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
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`Cannot ${what}: options ${quote(options)} is not an object`);
  }
  return options;
}
