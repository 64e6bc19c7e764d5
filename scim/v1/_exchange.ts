// Internal: one call through the retrying fetch, and the answer read safely. The body is read as
// text first: a proxy's HTML page must become an error that shows it, not a JSON.parse crash,
// and an error needs the raw text.

import type { Armed, CallDeps } from "../../retry/_arm.ts";
import { sendAttempts } from "../../retry/_attempts.ts";
import { RequestTimeoutError } from "../../retry/request_timeout_error.ts";
import type { RetryHandler } from "../../retry/handler.ts";
import type { FailedAttempt, RetryStats } from "../../retry/stats.ts";
import { SCIMApiError } from "../errors.ts";

/** What came back from one call, its body read. */
export interface Answer {
  /** The HTTP status. */
  status: number;
  /** The response headers. */
  headers: Headers;
  /** The body text (`""` when empty). */
  text: string;
  /** The body parsed as JSON; `undefined` when empty. Non-JSON 2xx bodies throw instead. */
  body: unknown;
  /** Attempts sent. */
  attempts: number;
  /** Milliseconds waited between attempts. */
  totalRetryDelay: number;
  /** Every attempt but the last. */
  failedAttempts: readonly FailedAttempt[];
  /** The HTTP method. */
  method: string;
  /** The path relative to the base URL, without the query (for messages). */
  path: string;
}

/** How to send one call. */
export interface CallPlan {
  /** The retrying fetch's dependencies. */
  deps: CallDeps;
  /** The retry handlers, checked. */
  handlers: readonly RetryHandler[];
  /** The call's signals; the request is built with `armed.signal`. */
  armed: Armed;
  /** The JSON text of a write's body (the request carries it too); re-sent on retries. */
  bodyText: string | undefined;
  /** The base URL, to show paths relative to it. */
  baseUrl: string;
  /** False for writes that must never be re-sent after a transport failure. */
  retryAfterSendFailure: boolean;
  /** The clock for `Retry-After` dates. */
  now: () => number;
}

function relativePath(url: string, baseUrl: string): string {
  const query = url.indexOf("?");
  const withoutQuery = query < 0 ? url : url.slice(0, query);
  return withoutQuery.startsWith(baseUrl) ? withoutQuery.slice(baseUrl.length) : withoutQuery;
}

/**
 * Sends one call and reads its answer. Rejects with `SCIMApiError` for an answer outside 2xx or
 * a 2xx body that is not JSON; transport failures, timeouts and aborts propagate unchanged.
 *
 * @param plan How to send it.
 * @param request The request, built with `plan.armed.signal` and carrying `plan.bodyText`.
 * @returns The answer.
 */
export async function exchange(plan: CallPlan, request: Request): Promise<Answer> {
  const { bodyText, armed } = plan;
  let readError: unknown;
  // The request carries the same text, unread: sent as is the first time, rebuilt for retries.
  const sent = await sendAttempts(plan.deps, {
    signal: armed.signal,
    callerSignal: armed.callerSignal,
    timeoutSignal: armed.timeoutSignal,
    timeout: armed.timeout,
    deadline: armed.deadline,
    request,
    body: bodyText ?? null,
    reuse: bodyText === undefined ? "always" : "first",
    retryAfterSendFailure: plan.retryAfterSendFailure,
  }, plan.handlers);
  const response = sent.response;
  let text = "";
  try {
    text = await response.text();
  } catch (error) {
    if (armed.callerSignal?.aborted) throw armed.callerSignal.reason;
    // The timeout elapsed while the body streamed in: a timeout, not an answer Slack gave.
    if (armed.timeoutSignal?.aborted) {
      throw bodyTimedOut(request, response, sent.stats, armed, error);
    }
    readError = error;
  }
  const { stats } = sent;
  const answer: Answer = {
    status: response.status,
    headers: response.headers,
    text,
    body: undefined,
    attempts: stats.attempts,
    totalRetryDelay: stats.totalRetryDelay,
    failedAttempts: stats.failedAttempts,
    method: request.method,
    path: relativePath(request.url, plan.baseUrl),
  };
  if (readError !== undefined) {
    throw new SCIMApiError(answer, {
      ...contextOf(answer, plan.now()),
      ...(response.ok ? { expected: "a complete body" } : {}),
      note: `the body could not be read (${
        readError instanceof Error ? readError.message : String(readError)
      })`,
      cause: readError,
    });
  }
  if (!response.ok) throw new SCIMApiError(answer, contextOf(answer, plan.now()));
  if (text !== "") {
    try {
      answer.body = JSON.parse(text);
    } catch {
      // A blank body is an empty one; anything else is not JSON.
      if (text.trim() !== "") {
        throw new SCIMApiError(answer, { ...contextOf(answer, plan.now()), expected: "JSON" });
      }
    }
  }
  return answer;
}

/** The timeout of a call whose answer came but whose body did not arrive in time. */
function bodyTimedOut(
  request: Request,
  response: Response,
  stats: RetryStats,
  armed: Armed,
  cause: unknown,
): RequestTimeoutError {
  const { method, url } = request;
  const write = !/^(GET|HEAD|OPTIONS)$/i.test(method);
  const unanswered = stats.failedAttempts.some((attempt) => attempt.kind === "error");
  return new RequestTimeoutError({
    method,
    url,
    timeout: armed.timeout,
    attempts: stats.attempts,
    totalRetryDelay: stats.totalRetryDelay,
    // A 2xx means Slack applied the write; only its body was lost.
    mayHaveBeenApplied: write && (response.ok || unanswered),
    failedAttempts: stats.failedAttempts,
  }, { cause });
}

/** What an error says about the call; built only when one is thrown. */
function contextOf(answer: Answer, now: number) {
  return {
    method: answer.method,
    path: answer.path,
    attempts: answer.attempts,
    totalRetryDelay: answer.totalRetryDelay,
    failedAttempts: answer.failedAttempts,
    now,
  };
}

/**
 * Returns the answer's body as an object, or throws `SCIMApiError` saying what came instead.
 *
 * @param answer A 2xx answer.
 * @param expected What it should hold, such as `"a user"`.
 * @param now The clock.
 * @returns The body.
 */
export function objectBody(answer: Answer, expected: string, now: number): Record<string, unknown> {
  const body = answer.body;
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    return body as Record<string, unknown>;
  }
  throw unexpected(answer, expected, now);
}

/**
 * Reads a user or group: a JSON object with a string `id`. A 2xx without one (an error body, a
 * proxy's JSON) is an error, never a resource with no id.
 *
 * @param answer A 2xx answer.
 * @param expected What it should hold, such as `"a user"`.
 * @param now The clock.
 * @returns The resource.
 */
export function resourceBody(
  answer: Answer,
  expected: string,
  now: number,
): Record<string, unknown> {
  const body = objectBody(answer, expected, now);
  if (typeof body.id === "string" && body.id !== "") return body;
  throw unexpected(answer, expected, now);
}

/**
 * Checks a 2xx that should carry no resource (user DELETE, group PATCH and DELETE): a body that is
 * only Slack's error shape means the call did not succeed, whatever the status says.
 *
 * @param answer A 2xx answer.
 * @param expected What it should hold, such as `"no body"`.
 * @param now The clock.
 */
export function noErrorBody(answer: Answer, expected: string, now: number): void {
  const body = answer.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return;
  const record = body as Record<string, unknown>;
  if (record.Errors !== undefined || typeof record.detail === "string") {
    throw unexpected(answer, expected, now);
  }
}

function unexpected(answer: Answer, expected: string, now: number): SCIMApiError {
  return new SCIMApiError(answer, {
    method: answer.method,
    path: answer.path,
    attempts: answer.attempts,
    totalRetryDelay: answer.totalRetryDelay,
    failedAttempts: answer.failedAttempts,
    expected,
    now,
  });
}

/**
 * Reads a list page: `Resources` (missing only when `totalResults` is 0) and the paging numbers.
 *
 * @param answer A 2xx answer.
 * @param expected What it should hold, such as `"a list of users"`.
 * @param now The clock.
 * @returns The resources and the numbers (defaults from the resources when Slack left them out).
 */
export function listBody(
  answer: Answer,
  expected: string,
  now: number,
): {
  resources: Record<string, unknown>[];
  totalResults: number;
  itemsPerPage: number;
  startIndex: number;
} {
  const body = objectBody(answer, expected, now);
  // No `Resources` is an empty page only when Slack also says there are no results: a 2xx error
  // body or a proxy's JSON must never read as an empty directory.
  const resources = body.Resources ?? (body.totalResults === 0 ? [] : undefined);
  const valid = Array.isArray(resources) &&
    resources.every((item) => typeof item === "object" && item !== null && !Array.isArray(item));
  if (!valid) throw unexpected(answer, expected, now);
  const number = (value: unknown, fallback: number) =>
    typeof value === "number" && Number.isFinite(value) ? value : fallback;
  const list = resources as Record<string, unknown>[];
  return {
    resources: list,
    totalResults: number(body.totalResults, list.length),
    itemsPerPage: number(body.itemsPerPage, list.length),
    startIndex: number(body.startIndex, 1),
  };
}
