/**
 * Retries for `fetch`, modelled on the Python Slack SDK's retry handlers: an ordered list of
 * {@linkcode RetryHandler}s decides, for every failed attempt, whether to retry and how long to
 * wait. {@linkcode createRetryingFetch} wraps any fetch handler; the SCIM client sends every
 * call through the same machinery. Durations are milliseconds.
 *
 * @example Retry connection errors, 429s and 5xx
 * ```ts
 * import { allBuiltinRetryHandlers, createRetryingFetch, retryStatsOf } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const answers = [
 *   new Response(null, { status: 429, headers: { "Retry-After": "1" } }),
 *   new Response("ok"),
 * ];
 * const handlers = allBuiltinRetryHandlers();
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => handlers,
 *   fetch: () => Promise.resolve(answers.shift()!),
 *   clock: { sleep: () => Promise.resolve() }, // a real client really waits
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.equal(await response.text(), "ok");
 * assert.deepEqual(retryStatsOf(response)?.failedAttempts, [{ kind: "response", status: 429 }]);
 * ```
 *
 * @module
 */

export * from "./handler.ts";
export * from "./builtin_handlers.ts";
export * from "./interval_calculator.ts";
export * from "./jitter.ts";
export * from "./retry_after.ts";
export * from "./network_error.ts";
export * from "./fetch.ts";
export * from "./request_failed_error.ts";
export * from "./request_timeout_error.ts";
export * from "./defaults.ts";
export type * from "./logger.ts";
export * from "./clock.ts";
export { isSlackScimError, SlackScimError } from "../common/slack_scim_error.ts";
