// Internal: one call from openapi-fetch through the retrying fetch, and the answer read safely.
//
// openapi-fetch builds the request (typed path, encoded path parameters and query, JSON body,
// headers) and hands it to the per-request `fetch` below, which sends it through the retrying
// fetch and reads the body as text itself: openapi-fetch would `JSON.parse` a proxy's HTML page
// and crash, and would lose the raw text an error needs.

import type { FailedAttempt, RetryingFetch } from "../../retry/fetch.ts";
import { retryStatsOf } from "../../retry/fetch.ts";
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
  /** The retrying fetch. */
  retrying: RetryingFetch;
  /** The base URL, to show paths relative to it. */
  baseUrl: string;
  /** Milliseconds for the whole call (0: none). */
  timeout: number;
  /** False for writes that must never be re-sent after a transport failure. */
  retryAfterSendFailure: boolean;
  /** The clock for `Retry-After` dates. */
  now: () => number;
}

// Statuses whose Response must be built without a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function relativePath(url: string, baseUrl: string): string {
  const withoutQuery = url.split("?")[0] ?? url;
  return withoutQuery.startsWith(baseUrl) ? withoutQuery.slice(baseUrl.length) : withoutQuery;
}

/**
 * Sends one call and reads its answer. Rejects with `SCIMApiError` for an answer outside 2xx or
 * a 2xx body that is not JSON; transport failures, timeouts and aborts propagate unchanged.
 *
 * @param plan How to send it.
 * @param run Starts the call with the given fetch (an openapi-fetch method, or a plain fetch).
 * @returns The answer.
 */
export async function exchange(
  plan: CallPlan,
  run: (fetch: (request: Request) => Promise<Response>) => Promise<unknown>,
): Promise<Answer> {
  let captured: { request: Request; response: Response; text: string } | undefined;
  let readError: unknown;
  await run(async (request: Request) => {
    const response = await plan.retrying(request, {
      timeout: plan.timeout,
      retryAfterSendFailure: plan.retryAfterSendFailure,
    });
    let text = "";
    try {
      text = await response.text();
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      readError = error;
    }
    captured = { request, response, text };
    // openapi-fetch gets a bodiless copy: the body is ours, already read.
    return new Response(null, {
      status: NULL_BODY_STATUSES.has(response.status) ? response.status : 200,
    });
  });
  if (captured === undefined) throw new Error("The request was never sent");
  const { request, response, text } = captured;
  const stats = retryStatsOf(response);
  const answer: Answer = {
    status: response.status,
    headers: response.headers,
    text,
    body: undefined,
    attempts: stats?.attempts ?? 1,
    totalRetryDelay: stats?.totalRetryDelay ?? 0,
    failedAttempts: stats?.failedAttempts ?? [],
    method: request.method,
    path: relativePath(request.url, plan.baseUrl),
  };
  const context = {
    method: answer.method,
    path: answer.path,
    attempts: answer.attempts,
    totalRetryDelay: answer.totalRetryDelay,
    failedAttempts: answer.failedAttempts,
    now: plan.now(),
  };
  if (readError !== undefined) {
    throw new SCIMApiError(answer, {
      ...context,
      ...(response.ok ? { expected: "a complete body" } : {}),
      note: `the body could not be read (${
        readError instanceof Error ? readError.message : String(readError)
      })`,
      cause: readError,
    });
  }
  if (!response.ok) throw new SCIMApiError(answer, context);
  if (text.trim() !== "") {
    try {
      answer.body = JSON.parse(text);
    } catch {
      throw new SCIMApiError(answer, { ...context, expected: "JSON" });
    }
  }
  return answer;
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
  throw new SCIMApiError(answer, {
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
 * Reads a list page: `Resources` (missing means none) and the paging numbers.
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
  const resources = body.Resources ?? [];
  const valid = Array.isArray(resources) &&
    resources.every((item) => typeof item === "object" && item !== null && !Array.isArray(item));
  if (!valid) {
    throw new SCIMApiError(answer, {
      method: answer.method,
      path: answer.path,
      attempts: answer.attempts,
      totalRetryDelay: answer.totalRetryDelay,
      failedAttempts: answer.failedAttempts,
      expected,
      now,
    });
  }
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
