/**
 * How a response from the retrying fetch was obtained: attempts, waits, failed attempts.
 *
 * @module
 */

/** One failed attempt: a transport error, or an HTTP answer that was retried. */
export type FailedAttempt =
  | { readonly kind: "error"; readonly error: unknown }
  | { readonly kind: "response"; readonly status: number };

/** How a response was obtained. */
export interface RetryStats {
  /** Attempts sent, 1 meaning no retry. */
  readonly attempts: number;
  /** Milliseconds waited between attempts. */
  readonly totalRetryDelay: number;
  /** Every attempt but the one returned, in order. */
  readonly failedAttempts: readonly FailedAttempt[];
  /** Why a handler declined to retry the returned answer, when one said so (e.g. a `Retry-After` beyond its cap). */
  readonly giveUpReason?: string;
}

const statsByResponse = new WeakMap<Response, RetryStats>();

/**
 * Returns how a response from a retrying fetch was obtained.
 *
 * @param response A response returned by a {@linkcode RetryingFetch}.
 * @returns Its stats, or `undefined` for a response that did not come from one.
 *
 * @example Stats of a call that needed no retry
 * ```ts
 * import { createRetryingFetch, retryStatsOf } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const fetch = createRetryingFetch({ retryHandlers: () => [], fetch: () => Promise.resolve(new Response("ok")) });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.deepEqual(retryStatsOf(response), { attempts: 1, totalRetryDelay: 0, failedAttempts: [] });
 * assert.equal(retryStatsOf(new Response()), undefined);
 * ```
 */
export function retryStatsOf(response: Response): RetryStats | undefined {
  return statsByResponse.get(response);
}

/**
 * Internal (not exported by `./retry`): records what {@linkcode retryStatsOf} answers for a
 * response. Only the public retrying fetch records; the SCIM client reads its stats directly.
 *
 * @param response The response returned.
 * @param stats How it was obtained.
 * @returns The response.
 */
export function recordStats(response: Response, stats: RetryStats): Response {
  statsByResponse.set(response, stats);
  return response;
}
