/**
 * What every route handler gets and gives back.
 *
 * @module
 */

import { FilterSyntaxError, parseFilter } from "./filter.ts";
import { type AttributeReader, checkFilterAttributes, matchesFilter } from "./filter_evaluate.ts";
import { fail } from "./responses.ts";
import type { Store } from "./store.ts";

/** What a route handler works with. */
export interface RouteContext {
  /** The directory. */
  readonly store: Store;
  /** The simulator's clock, ms since the epoch. */
  readonly now: () => number;
  /** The API base the request came to, such as `https://api.slack.com/scim/v1/`, for `meta.location`. */
  readonly base: string;
}

/**
 * One API version on the shared store: the simulator sends every request under its prefix
 * (`/scim/v1`, `/scim/v2`) here, after faults, authentication and rate limits.
 */
export interface VersionRoutes {
  /**
   * Answers one request; throws `SlackErrorResponse` for Slack's error answers.
   *
   * @param request The request.
   * @param url Its parsed URL.
   * @param path The path after the version prefix, such as `/Users/U123`.
   * @param context The store, the clock and the base URL.
   */
  route(
    request: Request,
    url: URL,
    path: string,
    context: RouteContext,
  ): RouteResult | Promise<RouteResult>;
  /**
   * The version's error answer (v1: `{"Errors":{"description","code"}}`).
   *
   * @param status The HTTP status.
   * @param description Slack's error code.
   * @param headers Extra headers, such as `Retry-After`.
   */
  errorResponse(status: number, description: string, headers?: Record<string, string>): Response;
}

/** A successful answer: its status and JSON body (none for 204s and user DELETE). */
export interface RouteResult {
  /** The HTTP status. */
  readonly status: number;
  /** The body to serialise, or `undefined` for an empty body. */
  readonly body?: unknown;
}

/**
 * Formats a time as Slack's `meta.created` does (`2020-08-13T04:15:35+00:00`).
 *
 * @param ms Milliseconds since the epoch.
 * @returns The timestamp.
 */
export function formatCreated(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/**
 * Reads `startIndex` (1-based, default 1) and `count` (default 10, capped at 1000) the way
 * Slack does: anything unreadable falls back to the default.
 *
 * @param url The request URL.
 * @returns The window to answer.
 */
export function readPaging(url: URL): { startIndex: number; count: number } {
  const startIndex = Number.parseInt(url.searchParams.get("startIndex") ?? "", 10);
  const count = Number.parseInt(url.searchParams.get("count") ?? "", 10);
  return {
    startIndex: Number.isNaN(startIndex) || startIndex < 1 ? 1 : startIndex,
    count: Number.isNaN(count) || count < 0 ? 10 : Math.min(count, 1000),
  };
}

/**
 * Parses a `filter` query parameter for a resource, answering Slack's 400s for bad ones.
 *
 * @param text The filter, or `null` when absent.
 * @param readers The resource's filterable attributes.
 * @returns A predicate over resources (all match without a filter).
 */
export function compileFilter<T>(
  text: string | null,
  readers: ReadonlyMap<string, AttributeReader<T>>,
): (resource: T) => boolean {
  if (text === null || text.trim() === "") return () => true;
  try {
    const expression = parseFilter(text);
    checkFilterAttributes(expression, readers);
    return (resource) => matchesFilter(expression, resource, readers);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    // Slack adds the call's kind to this one code (seen live: `filter=foo`).
    fail(
      error.description === "no_filters" ? "no_filters (is_aggregate_call=1)" : error.description,
    );
  }
}
