/**
 * The logging hook shared by the client and the retry machinery.
 *
 * @module
 */

/**
 * Receives what the client and its retrying fetch do: one line per attempt, retry and wait.
 * Messages and data never contain the token or the `Authorization` header.
 *
 * @example Log to the console
 * ```ts
 * import type { Logger } from "@org/slack-scim/retry";
 *
 * const logger: Logger = {
 *   debug: (message, data) => console.debug(message, data ?? {}),
 *   warn: (message, data) => console.warn(message, data ?? {}),
 * };
 * logger.debug("GET Users/U123 answered 200");
 * ```
 */
export interface Logger {
  /** Routine events: a request sent, an answer received, a wait before a retry. */
  debug(message: string, data?: Record<string, unknown>): void;
  /** Events a caller should notice: a retry, a give-up, a recovered write. */
  warn(message: string, data?: Record<string, unknown>): void;
}
