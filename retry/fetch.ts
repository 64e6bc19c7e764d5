/**
 * The retrying fetch: attempts, handlers, waits, timeout and abort, attempt stats.
 *
 * @module
 */

import type { RetryHandler } from "./handler.ts";
import type { Logger } from "./logger.ts";
import type { Clock } from "./clock.ts";
import { arm, type CallDeps, callDeps, handlersOf } from "./_arm.ts";
import { sendAttempts } from "./_attempts.ts";
import { readBody } from "./_read_body.ts";
import { recordEnding, recordStats } from "./stats.ts";
import { checkTimeout } from "./timeout.ts";
import { quote } from "../common/quote.ts";
import { optionsObject } from "../common/options_object.ts";
import { pathOf } from "./_path.ts";

/**
 * A standard fetch handler: one `Request` in, one `Response` out.
 *
 * @example A scripted transport under the retrying fetch
 * ```ts
 * import { createRetryingFetch, type Transport } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const sent: string[] = [];
 * const transport: Transport = (request) => {
 *   sent.push(`${request.method} ${new URL(request.url).pathname}`);
 *   return Promise.resolve(Response.json({ totalResults: 0, Resources: [] }));
 * };
 * const fetch = createRetryingFetch({ retryHandlers: () => [], fetch: transport });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users?count=1"));
 * assert.equal((await response.json()).totalResults, 0);
 * assert.deepEqual(sent, ["GET /scim/v1/Users"]);
 * ```
 */
export type Transport = (request: Request) => Promise<Response>;

/**
 * Options for {@linkcode createRetryingFetch}.
 *
 * @example A fixed clock whose sleeps are recorded, and a logger
 * ```ts
 * import {
 *   createRetryingFetch,
 *   RateLimitErrorRetryHandler,
 *   type RetryingFetchOptions,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const answers = [
 *   new Response(null, { status: 429, headers: { "Retry-After": "Wed, 21 Oct 2015 07:28:05 GMT" } }),
 *   new Response("ok"),
 * ];
 * const waits: number[] = [];
 * const warnings: string[] = [];
 * const options: RetryingFetchOptions = {
 *   fetch: () => Promise.resolve(answers.shift()!),
 *   retryHandlers: () => [new RateLimitErrorRetryHandler()],
 *   clock: {
 *     sleep: (ms) => (waits.push(ms), Promise.resolve()),
 *     now: () => Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"),
 *   },
 *   logger: { debug: () => {}, warn: (message) => warnings.push(message) },
 * };
 * const response = await createRetryingFetch(options)(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(await response.text(), "ok");
 * assert.deepEqual(waits, [5000]); // the HTTP date, 5 s after `now`
 * assert.equal(warnings.length, 1); // the retry
 * ```
 */
export interface RetryingFetchOptions {
  /** The transport. Defaults to `globalThis.fetch`, looked up at every call. */
  fetch?: Transport;
  /** Returns the handlers to consult; called at every call, so a live, mutable list works. */
  retryHandlers: () => readonly RetryHandler[];
  /**
   * The time: `now` (for HTTP-date `Retry-After` and deadlines), `sleep` (the waits between
   * attempts; it must reject with `signal.reason` when `signal` aborts) and `timeout` (the signal
   * that fires when a call's timeout elapses). Each one left out is `systemClock`'s; tests give
   * a fake one so they never wait.
   */
  clock?: Partial<Clock>;
  /** Receives a debug line per attempt and a warning per retry or give-up, never headers. */
  logger?: Logger;
}

/**
 * Options for one call of a {@linkcode RetryingFetch}.
 *
 * @example A write that is never sent twice blindly
 * ```ts
 * import {
 *   ConnectionErrorRetryHandler,
 *   createRetryingFetch,
 *   isRequestFailedError,
 *   type RetryCallOptions,
 * } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * let calls = 0;
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ConnectionErrorRetryHandler()],
 *   fetch: () => (calls++, Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }))),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const call: RetryCallOptions = { timeout: 30_000, retryAfterSendFailure: false };
 * const request = new Request("https://api.slack.com/scim/v1/Users", { method: "POST", body: "{}" });
 * const error = await fetch(request, call).catch((e) => e);
 * assert.ok(isRequestFailedError(error));
 * assert.equal(calls, 1); // not retried, although the handler would have
 * assert.equal(error.mayHaveBeenApplied, true);
 * ```
 */
export interface RetryCallOptions {
  /**
   * The caller's signal: it cancels the call, its attempts and its waits (rejecting with
   * `signal.reason`). Defaults to `request.signal`; `null` when the call has none (a caller that
   * built the request without one spares combining it with the timeout's).
   */
  signal?: AbortSignal | null;
  /**
   * Milliseconds for the whole call, attempts and waits included; 0 or undefined means none. At
   * most `MAX_TIMEOUT` (a `RangeError` otherwise: a timer would fire at once).
   */
  timeout?: number;
  /**
   * Whether an attempt that got no answer may be retried. Defaults to true. False: the first
   * transport error is thrown at once as a `RequestFailedError` (for writes that must not be
   * sent twice blindly).
   */
  retryAfterSendFailure?: boolean;
}

/**
 * A fetch that retries as its handlers decide.
 *
 * @example A helper that takes one
 * ```ts
 * import { createRetryingFetch, type RetryingFetch, ServerErrorRetryHandler } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * async function countUsers(fetch: RetryingFetch): Promise<number> {
 *   const response = await fetch(new Request("https://api.slack.com/scim/v1/Users?count=1"), { timeout: 10_000 });
 *   return (await response.json()).totalResults;
 * }
 * const answers = [new Response(null, { status: 503 }), Response.json({ totalResults: 42 })];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ServerErrorRetryHandler()],
 *   fetch: () => Promise.resolve(answers.shift()!),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * assert.equal(await countUsers(fetch), 42);
 * ```
 */
export type RetryingFetch = (request: Request, call?: RetryCallOptions) => Promise<Response>;

export { type FailedAttempt, type RetryStats, retryStatsOf } from "./stats.ts";

/**
 * Wraps a transport so that failed attempts are retried as the handlers decide. Each call sends
 * a copy of the request (so the transport may add headers to it unseen by the caller), and for
 * every failed attempt (a transport error, or an answer outside 2xx)
 * consults the handlers in order; the first whose `canRetry` is true gives the wait before the
 * next attempt. All handlers share one retry counter per call. Waits are cancelled by the
 * request's signal (the call then rejects with `signal.reason`) and by the call's `timeout`
 * (`RequestTimeoutError`). A wait that would end after the timeout is not started: the failed
 * answer is returned, its stats' `giveUpReason` saying why (a 429 keeps the `Retry-After` Slack
 * asked for), or, when the attempt got no answer, `RequestFailedError` is thrown. When the last
 * attempt got no answer the call throws `RequestFailedError`. A request body is read once (that
 * read obeys the signal and the timeout too) and re-sent identically on every attempt.
 *
 * @param options The transport, the handlers and the injectable clock, sleep and logger.
 * @returns The retrying fetch.
 *
 * @example Retry a 503 once
 * ```ts
 * import { createRetryingFetch, retryStatsOf, ServerErrorRetryHandler } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const answers = [503, 200];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ServerErrorRetryHandler()],
 *   fetch: () => Promise.resolve(new Response(null, { status: answers.shift()! })),
 *   clock: { sleep: () => Promise.resolve() }, // don't really wait in an example
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"), { timeout: 30_000 });
 * assert.equal(response.status, 200);
 * assert.equal(retryStatsOf(response)?.attempts, 2);
 * ```
 */
export function createRetryingFetch(options: RetryingFetchOptions): RetryingFetch {
  const deps = callDeps(options);
  return (request, call) => retryingCall(deps, request, call);
}

async function retryingCall(
  deps: CallDeps,
  request: Request,
  call: RetryCallOptions = {},
): Promise<Response> {
  if (!(request instanceof Request)) {
    throw new TypeError(`Cannot send ${quote(request)}: it is not a Request`);
  }
  const { timeout = 0, retryAfterSendFailure = true } = optionsObject("send the request", call);
  checkTimeout(timeout);
  if (typeof retryAfterSendFailure !== "boolean") {
    throw new TypeError(
      `Cannot use retryAfterSendFailure: ${quote(retryAfterSendFailure)} is not a boolean`,
    );
  }
  // A body already read (a middleware that read the request instead of a clone) cannot be sent:
  // say so, rather than the runtime's "ReadableStream is locked" or "body is unusable".
  if (request.bodyUsed || request.body?.locked) {
    throw new TypeError(
      `Cannot send ${request.method} ${
        pathOf(request.url)
      }: its body was already read (a middleware must read a clone: request.clone().text())`,
    );
  }
  const handlers = handlersOf(deps);
  const { signal = request.signal } = call;
  if (signal !== null && !(signal instanceof AbortSignal)) {
    throw new TypeError(`Cannot use signal: ${quote(signal)} is not an AbortSignal`);
  }
  signal?.throwIfAborted();
  const armed = arm(deps, signal ?? undefined, timeout);
  // Read the body once: a Request body can be sent only once, and every attempt must carry it.
  const body = request.body === null ? null : await readBody(request, armed);
  const { response, stats } = await sendAttempts(deps, {
    ...armed,
    request,
    body,
    retryAfterSendFailure,
  }, handlers);
  // The timeout and the caller's signal still run while the body streams in: readText() says so.
  const { method, url } = request;
  const { callerSignal, timeoutSignal } = armed;
  recordEnding(response, { method, url, callerSignal, timeoutSignal, timeout });
  return recordStats(response, stats);
}
