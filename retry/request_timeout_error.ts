/**
 * The error thrown when a call's timeout elapses.
 *
 * @module
 */

import type { FailedAttempt } from "./stats.ts";
import { pathOf } from "./_path.ts";
import type { RetryErrorDetails } from "./request_failed_error.ts";
import { isNamedSlackScimError, SlackScimError } from "../common/slack_scim_error.ts";

/**
 * Thrown by the retrying fetch when the call's `timeout` elapses: while the request body is
 * read, during an attempt or during a wait (the SCIM client also while an answer's body streams
 * in). A wait that would end after the timeout is not a timeout: the failed answer is returned
 * instead. `cause` is what the interrupted step threw, if anything.
 *
 * @example Catch it
 * ```ts
 * import { createRetryingFetch, isRequestTimeoutError } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [],
 *   // a server that never answers until the request is aborted
 *   fetch: (request) => new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))),
 * });
 * const error = await fetch(new Request("https://api.slack.com/scim/v1/Users"), { timeout: 10 }).catch((e) => e);
 * assert.ok(isRequestTimeoutError(error));
 * assert.equal(error.timeout, 10);
 * ```
 */
export class RequestTimeoutError extends SlackScimError implements RetryErrorDetails {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The HTTP method. */
  declare readonly method: string;
  /** The request URL. */
  declare readonly url: string;
  /** The timeout that elapsed, in milliseconds. */
  declare readonly timeout: number;
  /** Attempts sent, the interrupted one included. */
  declare readonly attempts: number;
  /** Milliseconds waited between attempts. */
  declare readonly totalRetryDelay: number;
  /** True when a write got no answer on some attempt (the interrupted one included). */
  declare readonly mayHaveBeenApplied: boolean;
  /** Every finished failed attempt, in order. */
  declare readonly failedAttempts: readonly FailedAttempt[];

  /**
   * Creates the error; the message names the method, the URL path, the timeout and the attempts.
   *
   * @param details The call's record and the timeout.
   * @param options `cause`: what the interrupted attempt threw, if anything.
   */
  constructor(details: RetryErrorDetails & { timeout: number }, options?: { cause?: unknown }) {
    const attempts = details.attempts === 1 ? "1 attempt" : `${details.attempts} attempts`;
    super(
      `Cannot complete ${details.method} ${
        pathOf(details.url)
      }: timed out after ${details.timeout} ms and ${attempts}`,
      options, // Error installs options.cause only when it is there
    );
    this.method = details.method;
    this.url = details.url;
    this.timeout = details.timeout;
    this.attempts = details.attempts;
    this.totalRetryDelay = details.totalRetryDelay;
    this.mayHaveBeenApplied = details.mayHaveBeenApplied;
    this.failedAttempts = details.failedAttempts;
    this.name = "RequestTimeoutError";
  }
}

/**
 * Says whether `error` is a {@linkcode RequestTimeoutError}.
 *
 * @param error Anything caught.
 * @returns Whether it is a `RequestTimeoutError`.
 *
 * @example Guard
 * ```ts
 * import { isRequestTimeoutError } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isRequestTimeoutError(new Error("x")), false);
 * ```
 */
export function isRequestTimeoutError(error: unknown): error is RequestTimeoutError {
  return error instanceof RequestTimeoutError ||
    isNamedSlackScimError(error, "RequestTimeoutError");
}
