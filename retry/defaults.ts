/**
 * Ready-made handler lists.
 *
 * @module
 */

import {
  ConnectionErrorRetryHandler,
  RateLimitErrorRetryHandler,
  ServerErrorRetryHandler,
} from "./builtin_handlers.ts";
import type { RetryHandler } from "./handler.ts";

/**
 * Returns a new list with the default handlers: exactly the Python SDK's, one
 * {@linkcode ConnectionErrorRetryHandler} (one retry, backoff with jitter).
 *
 * @returns A fresh, mutable list.
 *
 * @example Defaults, then add rate-limit retries
 * ```ts
 * import { defaultRetryHandlers, RateLimitErrorRetryHandler } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const handlers = defaultRetryHandlers();
 * handlers.push(new RateLimitErrorRetryHandler({ maxRetryCount: 2 }));
 * assert.equal(handlers.length, 2);
 * assert.equal(defaultRetryHandlers().length, 1);
 * ```
 */
export function defaultRetryHandlers(): RetryHandler[] {
  return [new ConnectionErrorRetryHandler()];
}

/**
 * Returns a new list with every built-in handler, each with its defaults: connection errors,
 * rate limits (429) and server errors (500, 503).
 *
 * @returns A fresh, mutable list.
 *
 * @example Every built-in
 * ```ts
 * import { allBuiltinRetryHandlers, ServerErrorRetryHandler } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const handlers = allBuiltinRetryHandlers();
 * assert.ok(handlers[2] instanceof ServerErrorRetryHandler);
 * ```
 */
export function allBuiltinRetryHandlers(): RetryHandler[] {
  return [
    new ConnectionErrorRetryHandler(),
    new RateLimitErrorRetryHandler(),
    new ServerErrorRetryHandler(),
  ];
}
