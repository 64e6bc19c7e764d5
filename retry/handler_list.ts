/**
 * The one check of a list of retry handlers, shared by the retrying fetch (each call's list) and
 * the SCIM clients (their `retryHandlers` option), so both refuse the same values with the same
 * words. Shared inside the project; not part of the `./retry` entry.
 *
 * @module
 */

import type { RetryHandler } from "./handler.ts";
import { quote } from "../common/quote.ts";

/**
 * Checks a handler list: an array of objects with `canRetry` and `prepareForNextAttempt`.
 *
 * @param handlers The caller's value.
 * @returns The handlers.
 *
 * @example A list of handlers passes; anything else is a TypeError naming the bad entry
 * ```ts
 * import { checkHandlers } from "./handler_list.ts";
 * import { RateLimitErrorRetryHandler } from "./builtin_handlers.ts";
 * import assert from "node:assert/strict";
 *
 * const handlers = [new RateLimitErrorRetryHandler()];
 * assert.equal(checkHandlers(handlers), handlers);
 * assert.throws(
 *   () => checkHandlers([handlers[0], {}]),
 *   { name: "TypeError", message: 'Cannot use retry handler 1: "[object Object]" is not a RetryHandler' },
 * );
 * assert.throws(() => checkHandlers(null), /Cannot use retryHandlers: "null" is not an array/);
 * ```
 */
export function checkHandlers(handlers: unknown): readonly RetryHandler[] {
  if (!Array.isArray(handlers)) {
    throw new TypeError(`Cannot use retryHandlers: ${quote(handlers)} is not an array`);
  }
  for (let index = 0; index < handlers.length; index++) {
    const handler = handlers[index];
    if (
      typeof handler?.canRetry !== "function" || typeof handler.prepareForNextAttempt !== "function"
    ) {
      throw new TypeError(
        `Cannot use retry handler ${index}: ${quote(handler)} is not a RetryHandler`,
      );
    }
  }
  return handlers;
}
