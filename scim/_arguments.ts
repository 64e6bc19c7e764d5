// Internal: argument checks the client makes before any request.

import { bounded, quote } from "../common/quote.ts";
import { optionsObject } from "../common/options_object.ts";
import { MAX_PAGE_SIZE } from "./paging.ts";
import type { SearchOptions } from "./client_options.ts";
import { isObject } from "../common/is_object.ts";

/** Slack serves at most 1000 results per page (1001+ is treated as 1000): refuse more up front. */
const MAX_COUNT = MAX_PAGE_SIZE;

// Control characters. URL parsing drops tabs and newlines, which would turn an apiCall path's
// "..\t." into "..": refuse them all.
// deno-lint-ignore no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/**
 * Tells whether a path segment could point at another endpoint once the URL is parsed: "." or
 * "..", or holding "/" or "\", as given or percent-decoded (WHATWG URL parsing treats "%2e%2e"
 * as "..").
 */
function escapes(segment: string): boolean {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Malformed percent-encoding: the segment as given is all there is.
  }
  return [segment, decoded].some((form) => /^\.\.?$|[/\\]/.test(form));
}

/**
 * Checks an id that goes into the path. It is percent-encoded afterwards, so only what could
 * still change the endpoint is refused: "." and "..", "/" and "\", and their percent-encoded
 * forms.
 *
 * @param method The method's name, for the message.
 * @param name The argument's name, for the message.
 * @param id The caller's value.
 * @returns The id.
 */
export function checkId(method: string, name: string, id: unknown): string {
  if (typeof id !== "string") {
    throw new TypeError(`Cannot call ${method}: ${name} must be a string, got ${typeof id}`);
  }
  if (id === "") throw new TypeError(`Cannot call ${method}: ${name} is empty`);
  if (escapes(id)) {
    throw new TypeError(
      `Cannot call ${method}: ${name} ${
        quote(id)
      } is not an id (it could point at another endpoint)`,
    );
  }
  if (CONTROL.test(id)) {
    throw new TypeError(
      `Cannot call ${method}: ${name} ${JSON.stringify(bounded(id))} has control characters`,
    );
  }
  return id;
}

function checkInteger(method: string, name: string, value: unknown, min: number, max: number) {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    throw new RangeError(
      `Cannot call ${method}: ${name} ${quote(value)} is not an integer ${range}`,
    );
  }
}

/**
 * Checks the paging and filter options and makes the query, in Slack's order.
 *
 * @param method The method's name, for the message.
 * @param options The caller's value.
 * @returns The query parameters to send.
 */
export function searchQuery(
  method: string,
  options: SearchOptions,
): { startIndex?: number; count?: number; filter?: string } {
  // From plain JavaScript, `searchUsers(null)` gets past the parameter's default `{}`.
  optionsObject(`call ${method}`, options);
  const query: { startIndex?: number; count?: number; filter?: string } = {};
  if (options.startIndex !== undefined) {
    checkInteger(method, "startIndex", options.startIndex, 1, Infinity);
    query.startIndex = options.startIndex;
  }
  if (options.count !== undefined) {
    checkInteger(method, "count", options.count, 1, MAX_COUNT);
    query.count = options.count;
  }
  if (options.filter !== undefined) {
    if (typeof options.filter !== "string") {
      throw new TypeError(
        `Cannot call ${method}: filter ${quote(options.filter)} is not a string`,
      );
    }
    // Slack's own docs print `filter=userName Eq "Carly"`: the prefix is not part of the filter.
    const filter = options.filter.trim().replace(/^filter\s*=\s*/i, "");
    // A blank filter would silently list everyone: a job acting on the result would act on anyone.
    if (filter === "") {
      throw new TypeError(
        `Cannot call ${method}: filter ${
          quote(options.filter)
        } is blank; leave filter out to list everything`,
      );
    }
    query.filter = filter;
  }
  return query;
}

/**
 * Checks that a resource argument is a plain object.
 *
 * @param method The method's name, for the message.
 * @param name The argument's name.
 * @param value The caller's value.
 */
export function checkResource(
  method: string,
  name: string,
  value: unknown,
): asserts value is Record<string, unknown> {
  if (!isObject(value)) {
    throw new TypeError(`Cannot call ${method}: ${name} ${quote(value)} is not an object`);
  }
  checkJsonValue(`call ${method}`, name, value);
}

/** How deep a value may nest (JSON.stringify would overflow the stack somewhere past 1,000s). */
const MAX_DEPTH = 100;

/** A property name as a path step: `.title`, or `["odd key"]`. */
function step(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(bounded(key))}]`;
}

/**
 * Checks that a value sent as JSON arrives as the caller wrote it. `JSON.stringify` would send
 * `NaN` and `±Infinity` as `null` (a PATCH would clear the attribute), leave out a function or a
 * symbol, send a hole or an `undefined` array item as `null`, and throw for a BigInt or a cycle
 * in words that differ between runtimes: each is refused here, with the path to it. `undefined`
 * object properties are left out, as optional attributes are; an object with a `toJSON` (a
 * `Date`) is its own business.
 *
 * @param action What could not be done, such as `"call patchUser"`.
 * @param name The argument's name, the start of the path in the message.
 * @param value The caller's value.
 */
export function checkJsonValue(action: string, name: string, value: unknown): void {
  const ancestors: object[] = [];
  const fail = (at: string, why: string): never => {
    throw new TypeError(`Cannot ${action}: ${bounded(at)} ${why}`);
  };
  const walk = (item: unknown, at: string): void => {
    switch (typeof item) {
      case "number":
        if (!Number.isFinite(item)) {
          fail(at, `is ${item}, which JSON cannot carry (it would send null)`);
        }
        return;
      case "bigint":
        return fail(at, "is a BigInt, which JSON cannot carry (send it as a string)");
      case "function":
      case "symbol":
        return fail(at, `is a ${typeof item}, which JSON cannot carry`);
      case "object": {
        if (item === null) return;
        if (typeof (item as { toJSON?: unknown }).toJSON === "function") return;
        if (ancestors.includes(item)) {
          fail(at, "refers to itself (a cycle), which JSON cannot carry");
        }
        if (ancestors.length >= MAX_DEPTH) fail(at, `is nested deeper than ${MAX_DEPTH} levels`);
        ancestors.push(item);
        if (Array.isArray(item)) {
          for (let i = 0; i < item.length; i++) {
            if (!(i in item)) {
              fail(`${at}[${i}]`, "is a hole in a sparse array (it would send null)");
            }
            if (item[i] === undefined) fail(`${at}[${i}]`, "is undefined (it would send null)");
            walk(item[i], `${at}[${i}]`);
          }
        } else {
          for (const [key, property] of Object.entries(item)) {
            if (property !== undefined) walk(property, at + step(key));
          }
        }
        ancestors.pop();
      }
    }
  };
  walk(value, name);
}

/**
 * Checks the resource of a replace (PUT) and its `id`.
 *
 * @param method The method's name, for the message.
 * @param name The argument's name, such as `"user"`.
 * @param value The caller's value.
 * @returns The id.
 */
export function checkReplaced(method: string, name: string, value: unknown): string {
  checkResource(method, name, value);
  if (value.id === undefined) {
    throw new TypeError(`Cannot call ${method}: ${name}.id is missing (read the ${name} first)`);
  }
  return checkId(method, `${name}.id`, value.id);
}

/** The methods `apiCall` sends (in any case). */
const API_METHODS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;

/** Checks `apiCall`'s method, path and options; the path must stay under the base URL. */
export function apiCallTarget(
  method: unknown,
  path: unknown,
  options?: unknown,
): { verb: string; url: string } {
  optionsObject("call apiCall", options as object | undefined);
  // The methods an HTTP API such as SCIM answers; fetch forbids CONNECT, TRACE and TRACK with
  // its own words, and a made-up verb would reach Slack as is.
  if (typeof method !== "string" || !API_METHODS.test(method)) {
    throw new TypeError(
      `Cannot call apiCall: method ${
        quote(method)
      } is not GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS`,
    );
  }
  if (typeof path !== "string" || path === "") {
    throw new TypeError(`Cannot call apiCall: path ${quote(path)} is not a relative path`);
  }
  if (
    /^[a-z][a-z0-9+.-]*:|^\/|[?#\\]/i.test(path) || CONTROL.test(path) ||
    path.split("/").some(escapes)
  ) {
    throw new TypeError(
      `Cannot call apiCall: path ${
        quote(path)
      } must be relative to the base URL, without "..", a query or a fragment (use options.query)`,
    );
  }
  return { verb: method.toUpperCase(), url: `/${path}` };
}
