/**
 * The error thrown when no attempt of a call got an answer.
 *
 * @module
 */

import type { FailedAttempt } from "./stats.ts";
import { pathOf } from "./_path.ts";
import { isNamedSlackScimError, SlackScimError } from "../common/slack_scim_error.ts";

/**
 * What {@linkcode RequestFailedError} and `RequestTimeoutError` record about the call.
 *
 * @example Describe either error the same way
 * ```ts
 * import {
 *   ConnectionErrorRetryHandler,
 *   createRetryingFetch,
 *   isRequestFailedError,
 *   type RetryErrorDetails,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * function describe(details: RetryErrorDetails): string {
 *   const applied = details.mayHaveBeenApplied ? ", may have been applied" : "";
 *   return `${details.method} ${details.url}: ${details.attempts} attempts${applied}`;
 * }
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ConnectionErrorRetryHandler()],
 *   fetch: () => Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } })),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const error = await fetch(new Request("https://api.slack.com/scim/v1/Users/U1", { method: "DELETE" })).catch((e) => e);
 * assert.ok(isRequestFailedError(error));
 * assert.equal(describe(error), "DELETE https://api.slack.com/scim/v1/Users/U1: 2 attempts, may have been applied");
 * ```
 */
export interface RetryErrorDetails {
  /** The HTTP method. */
  method: string;
  /** The request URL. */
  url: string;
  /** Attempts sent, 1 meaning no retry. */
  attempts: number;
  /** Milliseconds waited between attempts. */
  totalRetryDelay: number;
  /** True when a write got no answer on some attempt: Slack may have applied it. */
  mayHaveBeenApplied: boolean;
  /** Every attempt, in order. */
  failedAttempts: readonly FailedAttempt[];
}

/**
 * Thrown by the retrying fetch when the last attempt got no answer (a refused or reset
 * connection…); `cause` is what the transport threw. When `mayHaveBeenApplied` is true a write
 * may have reached Slack before the connection failed.
 *
 * @example Catch it
 * ```ts
 * import { createRetryingFetch, isRequestFailedError } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [],
 *   fetch: () => Promise.reject(new TypeError("fetch failed")),
 * });
 * const error = await fetch(new Request("https://api.slack.com/scim/v1/Users", { method: "POST", body: "{}" }))
 *   .catch((e) => e);
 * assert.ok(isRequestFailedError(error));
 * assert.equal(error.mayHaveBeenApplied, true);
 * ```
 */
export class RequestFailedError extends SlackScimError implements RetryErrorDetails {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The HTTP method. */
  declare readonly method: string;
  /** The request URL. */
  declare readonly url: string;
  /** Attempts sent. */
  declare readonly attempts: number;
  /** Milliseconds waited between attempts. */
  declare readonly totalRetryDelay: number;
  /** True when a write got no answer on some attempt. */
  declare readonly mayHaveBeenApplied: boolean;
  /** Every attempt, in order. */
  declare readonly failedAttempts: readonly FailedAttempt[];

  /**
   * Creates the error; the message names the method, the URL path and the attempts.
   *
   * @param details The call's record.
   * @param options `cause`: what the last attempt threw.
   */
  constructor(details: RetryErrorDetails, options?: { cause?: unknown }) {
    const attempts = details.attempts === 1 ? "1 attempt" : `${details.attempts} attempts`;
    super(
      `Cannot reach ${details.method} ${pathOf(details.url)}: no answer after ${attempts}`,
      options, // Error installs options.cause only when it is there
    );
    this.method = details.method;
    this.url = details.url;
    this.attempts = details.attempts;
    this.totalRetryDelay = details.totalRetryDelay;
    this.mayHaveBeenApplied = details.mayHaveBeenApplied;
    this.failedAttempts = details.failedAttempts;
    this.name = "RequestFailedError";
  }
}

/**
 * Says whether `error` is a {@linkcode RequestFailedError}.
 *
 * @param error Anything caught.
 * @returns Whether it is a `RequestFailedError`.
 *
 * @example Guard
 * ```ts
 * import { isRequestFailedError } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isRequestFailedError(new Error("x")), false);
 * ```
 */
export function isRequestFailedError(error: unknown): error is RequestFailedError {
  return error instanceof RequestFailedError || isNamedSlackScimError(error, "RequestFailedError");
}
