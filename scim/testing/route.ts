/**
 * What every route handler gets and gives back.
 *
 * @module
 */

import { type FilterExpression, FilterSyntaxError, parseFilter } from "./filter.ts";
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

/** One page of a list, its resources already in the version's shape. */
export interface ListPage {
  /** How many resources match, over all pages. */
  readonly totalResults: number;
  /** The 1-based index of the first resource of this page. */
  readonly startIndex: number;
  /** The resources of this page. */
  readonly resources: readonly unknown[];
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

/** A decimal number as a query parameter may spell it (`10`, `1e3`, `5.5`, `-1`). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A query parameter as a whole number (truncated toward zero), or `undefined` if not a number. */
function readWholeNumber(text: string | null): number | undefined {
  const trimmed = text?.trim() ?? "";
  return DECIMAL.test(trimmed) ? Math.trunc(Number(trimmed)) : undefined;
}

/**
 * Reads `startIndex` and `count` as Slack documents them and RFC 7644 (§3.4.2.4) defines what
 * Slack leaves open:
 *
 * - `count`: default 10, at most 1000 (`1001` and up are 1000); a negative count is 0 (RFC
 *   7644), and 0 answers `totalResults` with no resources. Any decimal spelling is read as its
 *   number, truncated (`1e3` is 1000, `5.5` is 5); anything that is not a number (`abc`, empty)
 *   is the default.
 * - `startIndex`: 1-based, default 1; below 1 is 1 (RFC 7644); read like `count`.
 *
 * @param url The request URL.
 * @returns The window to answer.
 */
export function readPaging(url: URL): { startIndex: number; count: number } {
  const startIndex = readWholeNumber(url.searchParams.get("startIndex"));
  const count = readWholeNumber(url.searchParams.get("count"));
  return {
    startIndex: startIndex === undefined || startIndex < 1
      ? 1
      : Math.min(startIndex, Number.MAX_SAFE_INTEGER),
    count: count === undefined ? 10 : Math.min(Math.max(count, 0), 1000),
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
  const expression = parseChecked(text, readers);
  return (resource) => matchesFilter(expression, resource, readers);
}

function parseChecked<T>(
  text: string,
  readers: ReadonlyMap<string, AttributeReader<T>>,
): FilterExpression {
  try {
    const expression = parseFilter(text);
    checkFilterAttributes(expression, readers);
    return expression;
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    // Slack adds the call's kind to this one code (seen live: `filter=foo`).
    fail(
      error.description === "no_filters" ? "no_filters (is_aggregate_call=1)" : error.description,
    );
  }
}

/**
 * An index over one attribute: the resources whose value, lower-cased, is `key`. It may hand
 * out more than match (the filter is applied to each), never fewer.
 */
export type AttributeIndex<T> = (key: string) => readonly T[];

/** A table a list route pages through: its size, and its resources by position. */
export interface ListSource<T extends { readonly id: string }> {
  /** How many resources. */
  readonly size: number;
  /** The resource at a position of creation order, to read only. */
  at(position: number): T | undefined;
  /** A resource's position in creation order. */
  positionOf(id: string): number | undefined;
  /** The resource at a position, cheaper to test a filter against (default `at`). */
  probe?(position: number): T | undefined;
}

/** A compiled `filter`: its predicate, and how an index can narrow it (when one can). */
export interface Query<T> {
  /** Whether a resource matches (every one without a filter). */
  readonly matches: (resource: T) => boolean;
  /** Whether there was no filter at all. */
  readonly all: boolean;
  /** Candidates from indexes, a superset of the matches; `undefined` when a scan is needed. */
  readonly candidates: (() => readonly T[]) | undefined;
}

/**
 * Parses a `filter` query parameter as {@linkcode compileFilter} does, and plans it: an `eq` on
 * an indexed attribute (alone, under `and`, or on both sides of `or`) is answered from the
 * indexes; anything else scans.
 *
 * @param text The filter, or `null` when absent.
 * @param readers The resource's filterable attributes.
 * @param indexes The indexed attributes, keyed by lower-cased name.
 * @returns The query.
 */
export function compileQuery<T>(
  text: string | null,
  readers: ReadonlyMap<string, AttributeReader<T>>,
  indexes: ReadonlyMap<string, AttributeIndex<T>> = new Map(),
): Query<T> {
  if (text === null || text.trim() === "") {
    return { matches: () => true, all: true, candidates: undefined };
  }
  const expression = parseChecked(text, readers);
  return {
    matches: (resource) => matchesFilter(expression, resource, readers),
    all: false,
    candidates: plan(expression, indexes),
  };
}

function plan<T>(
  expression: FilterExpression,
  indexes: ReadonlyMap<string, AttributeIndex<T>>,
): (() => readonly T[]) | undefined {
  switch (expression.type) {
    case "comparison": {
      const index = indexes.get(expression.attribute.toLowerCase());
      // The evaluator compares strings case-insensitively, any literal as its text.
      const key = String(expression.value).toLowerCase();
      if (index === undefined || expression.operator !== "eq" || key === "") return undefined;
      return () => index(key);
    }
    case "and":
      return plan(expression.left, indexes) ?? plan(expression.right, indexes);
    case "or": {
      const left = plan(expression.left, indexes);
      const right = plan(expression.right, indexes);
      if (left === undefined || right === undefined) return undefined;
      return () => [...left(), ...right()];
    }
    case "present":
      return undefined;
  }
}

/**
 * One page of a list: from the indexes when the query has candidates, else one pass over the
 * table that keeps only the page, or, without a filter, straight by position. A page's cost
 * depends on the page and the matches, not on the size of the table.
 *
 * @param source The table.
 * @param query The compiled filter.
 * @param paging The 1-based `startIndex` and `count`.
 * @returns How many match in all, and the page.
 */
export function listPage<T extends { readonly id: string }>(
  source: ListSource<T>,
  query: Query<T>,
  paging: { readonly startIndex: number; readonly count: number },
): { totalResults: number; resources: T[] } {
  const first = paging.startIndex - 1;
  const end = first + paging.count;
  const resources: T[] = [];
  if (query.all) {
    for (let p = first; p < Math.min(end, source.size); p++) resources.push(source.at(p) as T);
    return { totalResults: source.size, resources };
  }
  if (query.candidates !== undefined) {
    const positions = new Map<number, T>();
    for (const candidate of query.candidates()) {
      const position = source.positionOf(candidate.id);
      if (position !== undefined && query.matches(candidate)) positions.set(position, candidate);
    }
    const ordered = [...positions.keys()].sort((a, b) => a - b);
    for (const position of ordered.slice(first, end)) resources.push(positions.get(position) as T);
    return { totalResults: ordered.length, resources };
  }
  let totalResults = 0;
  const probe = source.probe?.bind(source) ?? source.at.bind(source);
  for (let p = 0; p < source.size; p++) {
    if (!query.matches(probe(p) as T)) continue;
    if (totalResults >= first && totalResults < end) resources.push(source.at(p) as T);
    totalResults++;
  }
  return { totalResults, resources };
}

/** What a list route reads: a table, its filterable and indexed attributes, its wire shapes. */
export interface ListRoute<T extends { readonly id: string }> {
  /** The table. */
  readonly source: ListSource<T>;
  /** The filterable attributes, keyed by lower-cased name. */
  readonly filters: ReadonlyMap<string, AttributeReader<T>>;
  /** The indexed attributes, keyed by lower-cased name. */
  readonly indexes: ReadonlyMap<string, AttributeIndex<T>>;
  /** A resource in the version's shape. */
  readonly toWire: (resource: T) => unknown;
  /** The version's list body. */
  readonly listBody: (page: ListPage) => Record<string, unknown>;
}

/**
 * Answers `GET /{collection}`: the page the URL's `filter`, `startIndex` and `count` ask for,
 * in the version's list body.
 *
 * @param url The request URL.
 * @param route The table and the version's shapes.
 * @returns The 200 answer.
 */
export function answerList<T extends { readonly id: string }>(
  url: URL,
  route: ListRoute<T>,
): RouteResult {
  const query = compileQuery(url.searchParams.get("filter"), route.filters, route.indexes);
  const paging = readPaging(url);
  const { totalResults, resources } = listPage(route.source, query, paging);
  return {
    status: 200,
    body: route.listBody({
      totalResults,
      startIndex: paging.startIndex,
      resources: resources.map(route.toWire),
    }),
  };
}
