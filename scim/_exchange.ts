// Internal: a call's answer (read by the transport, scim/transport.ts) turned into a response:
// the body checked to hold what the method promises.

import type { Answer } from "./transport.ts";
import type { SCIMResponse } from "./response.ts";
import { SCIMApiError } from "./errors.ts";
import { isObject } from "../common/is_object.ts";

export type { Answer };

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
