/**
 * Reading an answer's body while its call's timeout and signal still run.
 *
 * @module
 */

import { mayHaveBeenApplied } from "./may_have_been_applied.ts";
import { RequestTimeoutError } from "./request_timeout_error.ts";
import { endingOf, retryStatsOf } from "./stats.ts";

/**
 * Reads the body of a response from a retrying fetch as text. The call's timeout and the
 * caller's signal still run while the body streams in: when the timeout elapses first the read
 * rejects with `RequestTimeoutError` (its `mayHaveBeenApplied` true for a write answered 2xx,
 * whose answer was lost), when the caller aborts with the signal's reason. Any other failure
 * rejects as the body's read did. Any other response is read as `response.text()` reads it.
 *
 * @param response A response, normally from a {@linkcode RetryingFetch}.
 * @returns The body as text (`""` when none).
 *
 * @example A body that stalls past the timeout
 * ```ts
 * import { createRetryingFetch, isRequestTimeoutError } from "@org/slack-scim/retry";
 * import { readText } from "./read_text.ts";
 * import assert from "node:assert/strict";
 *
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [],
 *   // headers at once, then a body that never ends until the request's signal aborts it
 *   fetch: (request) => {
 *     const body = new ReadableStream({
 *       start(controller) {
 *         controller.enqueue(new TextEncoder().encode('{"id":'));
 *         request.signal.addEventListener("abort", () => controller.error(request.signal.reason));
 *       },
 *     });
 *     return Promise.resolve(new Response(body, { status: 201 }));
 *   },
 * });
 * const request = new Request("https://api.slack.com/scim/v1/Users", { method: "POST", body: "{}" });
 * const response = await fetch(request, { timeout: 20 });
 * const error = await readText(response).catch((e) => e);
 * assert.ok(isRequestTimeoutError(error));
 * assert.equal(error.mayHaveBeenApplied, true); // a 201 came: the user may exist
 * ```
 */
export async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw readFailure(response, error);
  }
}

/**
 * Says what a failed read of a retrying fetch's answer means, for code that reads the body
 * itself (as openapi-fetch does): the call's `RequestTimeoutError` when its timeout elapsed first,
 * the caller's `signal.reason` when it aborted, otherwise `error` as it is.
 *
 * @param response The response whose body could not be read.
 * @param error What the read threw.
 * @returns What to throw.
 *
 * @example A read that failed for another reason is passed through
 * ```ts
 * import { createRetryingFetch } from "@org/slack-scim/retry";
 * import { readFailure } from "./read_text.ts";
 * import assert from "node:assert/strict";
 *
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [],
 *   fetch: () => Promise.resolve(new Response("{}")),
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"), { timeout: 1000 });
 * const cut = new TypeError("connection reset");
 * assert.equal(readFailure(response, cut), cut);
 * ```
 */
export function readFailure(response: Response, error: unknown): unknown {
  const ending = endingOf(response);
  if (ending === undefined) return error;
  const { callerSignal, timeoutSignal, method, url, timeout } = ending;
  if (callerSignal?.aborted) return callerSignal.reason;
  if (!timeoutSignal?.aborted) return error;
  const stats = retryStatsOf(response);
  const failedAttempts = stats?.failedAttempts ?? [];
  return new RequestTimeoutError({
    method,
    url,
    timeout,
    attempts: stats?.attempts ?? 1,
    totalRetryDelay: stats?.totalRetryDelay ?? 0,
    mayHaveBeenApplied: mayHaveBeenApplied(method, { answered2xx: response.ok, failedAttempts }),
    failedAttempts,
  }, { cause: error });
}
