/**
 * How a response from the retrying fetch was obtained: attempts, waits, failed attempts.
 *
 * @module
 */

/**
 * One failed attempt: a transport error, or an HTTP answer that was retried.
 *
 * @example List what went wrong before the answer
 * ```ts
 * import {
 *   ConnectionErrorRetryHandler,
 *   createRetryingFetch,
 *   type FailedAttempt,
 *   retryStatsOf,
 *   ServerErrorRetryHandler,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * function describe(attempt: FailedAttempt): string {
 *   return attempt.kind === "response" ? `HTTP ${attempt.status}` : `no answer: ${String(attempt.error)}`;
 * }
 * const script = [
 *   () => Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } })),
 *   () => Promise.resolve(new Response(null, { status: 503 })),
 *   () => Promise.resolve(new Response("ok")),
 * ];
 * const fetch = createRetryingFetch({
 *   // the handlers share one retry counter: the second retry needs maxRetryCount 2
 *   retryHandlers: () => [new ConnectionErrorRetryHandler(), new ServerErrorRetryHandler({ maxRetryCount: 2 })],
 *   fetch: () => script.shift()!(),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.deepEqual(retryStatsOf(response)?.failedAttempts.map(describe), ["no answer: TypeError: fetch failed", "HTTP 503"]);
 * ```
 */
export type FailedAttempt =
  | { readonly kind: "error"; readonly error: unknown }
  | { readonly kind: "response"; readonly status: number };

/**
 * How a response was obtained.
 *
 * @example Two 503s before the answer
 * ```ts
 * import {
 *   createRetryingFetch,
 *   FixedValueRetryIntervalCalculator,
 *   type RetryStats,
 *   retryStatsOf,
 *   ServerErrorRetryHandler,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const answers = [503, 503, 200];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [
 *     new ServerErrorRetryHandler({ maxRetryCount: 2, intervalCalculator: new FixedValueRetryIntervalCalculator({ fixedInterval: 300 }) }),
 *   ],
 *   fetch: () => Promise.resolve(new Response(null, { status: answers.shift()! })),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * const stats: RetryStats | undefined = retryStatsOf(response);
 * assert.equal(stats?.attempts, 3);
 * assert.equal(stats?.totalRetryDelay, 600);
 * assert.deepEqual(stats?.failedAttempts, [{ kind: "response", status: 503 }, { kind: "response", status: 503 }]);
 * assert.equal(stats?.giveUpReason, undefined);
 * ```
 */
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

/** What reading an answer's body needs to know about its call (see `readText`). */
export interface CallEnding {
  /** The HTTP method. */
  method: string;
  /** The request URL. */
  url: string;
  /** The caller's signal. */
  callerSignal: AbortSignal | undefined;
  /** The call's timeout signal, if it has a timeout. */
  timeoutSignal: AbortSignal | undefined;
  /** The timeout in milliseconds. */
  timeout: number;
}

const endings = new WeakMap<Response, CallEnding>();

/**
 * Internal (not exported by `./retry`): records how a call that may still end while its answer's
 * body streams in can end (its signals), for `readText`.
 *
 * @param response The response returned.
 * @param ending The call's method, URL and signals.
 */
export function recordEnding(response: Response, ending: CallEnding): void {
  endings.set(response, ending);
}

/**
 * Internal (not exported by `./retry`): the signals of the call that returned `response`.
 *
 * @param response A response.
 * @returns Its call's ending, or `undefined` when it has no signal or did not come from a
 * retrying fetch.
 */
export function endingOf(response: Response): CallEnding | undefined {
  return endings.get(response);
}
