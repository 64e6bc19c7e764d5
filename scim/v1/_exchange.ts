// Internal: the answer of a call read safely, and turned into a response. The body is read as
// text first: a proxy's HTML page must become an error that shows it, not a JSON.parse crash,
// and an error needs the raw text.

import type { Armed } from "../../retry/_arm.ts";
import { RequestTimeoutError } from "../../retry/request_timeout_error.ts";
import type { FailedAttempt, RetryStats } from "../../retry/stats.ts";
import type { SCIMResponse } from "../response.ts";
import { SCIMApiError } from "../errors.ts";
import { refuseRedirect } from "../_redirect.ts";

/**
 * What came back from one call, its body read. Its call fields (method, path, attempts,
 * totalRetryDelay, failedAttempts) are the options of a `SCIMApiError` about it, so an answer is
 * passed as they are.
 */
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

/**
 * Reads the answer of one call. Rejects with `SCIMRedirectError` for a redirect or an answer
 * from another origin, `SCIMApiError` for an answer outside 2xx or a 2xx body that is not JSON;
 * a timeout or an abort while the body streams in propagates as such.
 *
 * @param request The request sent, or its method and URL (its path as sent: the query may be
 * less percent-encoded than a Request would write it).
 * @param response The answer of its last attempt.
 * @param stats What its attempts went through.
 * @param armed The call's signals.
 * @param baseUrl The base URL, to show paths relative to it.
 * @returns The answer.
 */
export async function readAnswer(
  request: { readonly method: string; readonly url: string },
  response: Response,
  stats: RetryStats,
  armed: Armed,
  baseUrl: string,
): Promise<Answer> {
  const { method, url } = request;
  const { attempts, totalRetryDelay, failedAttempts } = stats;
  const query = url.indexOf("?");
  const withoutQuery = query < 0 ? url : url.slice(0, query);
  const path = withoutQuery.startsWith(baseUrl) ? withoutQuery.slice(baseUrl.length) : withoutQuery;
  // A redirect, or an answer from another origin, is never read as Slack's.
  refuseRedirect(response, url, baseUrl, {
    method,
    path,
    attempts,
    totalRetryDelay,
    failedAttempts,
  });
  let text = "";
  let readError: unknown;
  try {
    text = await response.text();
  } catch (error) {
    if (armed.callerSignal?.aborted) throw armed.callerSignal.reason;
    // The timeout elapsed while the body streamed in: a timeout, not an answer Slack gave. A 2xx
    // means the write may have been applied; only its body was lost.
    if (armed.timeoutSignal?.aborted) {
      throw new RequestTimeoutError({
        method,
        url: new URL(url).href, // as a Request would show it
        timeout: armed.timeout,
        attempts,
        totalRetryDelay,
        mayHaveBeenApplied: !/^(GET|HEAD|OPTIONS)$/i.test(method) &&
          (response.ok || failedAttempts.some((attempt) => attempt.kind === "error")),
        failedAttempts,
      }, { cause: error });
    }
    readError = error;
  }
  const answer: Answer = {
    status: response.status,
    headers: response.headers,
    text,
    body: undefined,
    attempts,
    totalRetryDelay,
    failedAttempts,
    method,
    path,
  };
  if (readError !== undefined) {
    // `expected` only counts for a 2xx.
    throw new SCIMApiError(answer, {
      ...answer,
      expected: "a complete body",
      note: `the body could not be read (${messageOf(readError)})`,
      cause: readError,
    });
  }
  if (!response.ok) throw new SCIMApiError(answer, answer);
  // A blank body is an empty one; anything else must be JSON.
  if (text.trim() !== "") {
    try {
      answer.body = JSON.parse(text);
    } catch {
      throw unexpected(answer, "JSON");
    }
  }
  return answer;
}

/**
 * An error's message, or the thrown value as text.
 *
 * @param error Any thrown value.
 * @returns The text to quote.
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Tells whether a value is a plain object (not null, not an array).
 *
 * @param value Any value.
 * @returns `true` for an object.
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The response fields every method shares.
 *
 * @param answer The answer.
 * @returns Status, headers, body, attempts, delay; `recovered: false`.
 */
export function meta(answer: Answer): SCIMResponse {
  return {
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    attempts: answer.attempts,
    totalRetryDelay: answer.totalRetryDelay,
    recovered: false,
  };
}

function unexpected(answer: Answer, expected: string): SCIMApiError {
  return new SCIMApiError(answer, { ...answer, expected });
}

/**
 * Returns the answer's body as an object, or throws `SCIMApiError` saying what came instead.
 *
 * @param answer A 2xx answer.
 * @param expected What it should hold, such as `"a schema"`.
 * @returns The body.
 */
export function objectBody(answer: Answer, expected: string): Record<string, unknown> {
  if (isObject(answer.body)) return answer.body;
  throw unexpected(answer, expected);
}

/**
 * Reads a user or group: a JSON object with a string `id`. A 2xx without one (an error body, a
 * proxy's JSON) is an error, never a resource with no id.
 *
 * @param answer A 2xx answer.
 * @param expected What it should hold, such as `"a user"`.
 * @returns The resource.
 */
export function resourceBody(answer: Answer, expected: string): Record<string, unknown> {
  const body = objectBody(answer, expected);
  if (typeof body.id === "string" && body.id !== "") return body;
  throw unexpected(answer, expected);
}

/**
 * Checks a 2xx that should carry no resource (user DELETE, group PATCH and DELETE): a body that is
 * only Slack's error shape means the call did not succeed, whatever the status says.
 *
 * @param answer A 2xx answer.
 * @returns The response, without a resource.
 */
export function emptyBody(answer: Answer): SCIMResponse {
  const body = answer.body;
  if (isObject(body) && (body.Errors !== undefined || typeof body.detail === "string")) {
    throw unexpected(answer, "no body");
  }
  return meta(answer);
}

/**
 * Reads a list page: `Resources` (missing only when `totalResults` is 0) and the paging numbers.
 *
 * @param answer A 2xx answer.
 * @param expected What it should hold, such as `"a list of users"`.
 * @returns The response's fields, the resources apart (defaults from the resources when Slack
 * left the numbers out).
 */
export function listBody(
  answer: Answer,
  expected: string,
): {
  resources: Record<string, unknown>[];
  page: SCIMResponse & { totalResults: number; itemsPerPage: number; startIndex: number };
} {
  const body = objectBody(answer, expected);
  // No `Resources` is an empty page only when Slack also says there are no results: a 2xx error
  // body or a proxy's JSON must never read as an empty directory.
  const resources = body.Resources ?? (body.totalResults === 0 ? [] : undefined);
  if (!Array.isArray(resources) || !resources.every(isObject)) throw unexpected(answer, expected);
  const number = (value: unknown, fallback: number) =>
    typeof value === "number" && Number.isFinite(value) ? value : fallback;
  return {
    resources,
    page: {
      ...meta(answer),
      totalResults: number(body.totalResults, resources.length),
      itemsPerPage: number(body.itemsPerPage, resources.length),
      startIndex: number(body.startIndex, 1),
    },
  };
}
