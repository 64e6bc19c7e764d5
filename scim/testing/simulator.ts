/**
 * The simulator: Slack's SCIM v1 and v2 APIs in memory, on one store, as a standard `fetch`
 * handler.
 *
 * @module
 */

import { isObject } from "../../common/is_object.ts";
import { abortableTimeout, untilAborted } from "./abortable.ts";
import { applyFault } from "./fault_responses.ts";
import { FaultInjector, type FaultKind, type RandomFaultOptions } from "./faults.ts";
import { listen, type ListenOptions, type SimulatorServer } from "./listen.ts";
import { RateLimiter, type RateLimitOptions } from "./rate_limiter.ts";
import {
  emptyResponse,
  jsonResponse,
  SlackErrorResponse,
  withUnknownAttributes,
} from "./responses.ts";
import type { RouteContext, VersionRoutes } from "./route.ts";
import { seedStore } from "./seed.ts";
import { Store } from "./store.ts";
import { V1_ROUTES } from "./v1/routes.ts";
import { V2_ROUTES } from "./v2/routes.ts";

/**
 * How to set up a {@linkcode SlackScimSimulator}.
 *
 * @example Two tokens, a seeded directory and a short request log
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator, type SlackScimSimulatorOptions } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const options: SlackScimSimulatorOptions = {
 *   token: ["xoxp-old", "xoxp-new"],
 *   users: 10,
 *   groups: 2,
 *   seed: 42,
 *   requestLogLimit: 2,
 * };
 * const sim = new SlackScimSimulator(options);
 * const client = new SCIMClient({ token: "xoxp-new", fetch: sim.fetch });
 * assert.equal((await client.searchUsers()).totalResults, 10);
 * assert.equal((await client.searchGroups()).totalResults, 2);
 *
 * // The same seed gives the same directory.
 * const twin = new SlackScimSimulator(options);
 * const again = new SCIMClient({ token: "xoxp-old", fetch: twin.fetch });
 * assert.deepEqual((await again.searchUsers()).users, (await client.searchUsers()).users);
 * assert.equal(sim.requests.length, 2);
 * ```
 */
export interface SlackScimSimulatorOptions {
  /** The token(s) accepted as `Authorization: Bearer <token>`. Default `"xoxp-test"`. */
  readonly token?: string | readonly string[];
  /** How many synthetic users to seed. Default 0. */
  readonly users?: number;
  /** How many synthetic groups to seed (members drawn from the seeded users). Default 0. */
  readonly groups?: number;
  /** Seeds the synthetic data and every id created later. Default 1. */
  readonly seed?: number;
  /** The clock for `meta.created` and rate limits, ms since the epoch. Default `Date.now`. */
  readonly clock?: { now(): number };
  /**
   * How slow-answer faults wait; `signal` is the request's, for a sleep that can stop early.
   * Default a real `setTimeout`, cleared when the request is aborted.
   */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Slack's rate limits: `true` for Slack's numbers, or custom ones. Default off. */
  readonly rateLimits?: boolean | RateLimitOptions;
  /** Random faults: a rate, a mix of kinds and a seed. Scripted ones go through `sim.faults`. */
  readonly faults?: RandomFaultOptions;
  /** Adds an unknown attribute (`newAttribute`) to every object of success bodies. */
  readonly unknownAttributes?: boolean;
  /**
   * How many seconds of Slack pass in one second of `clock` for the rate limits (default 1; 60
   * refills buckets 60 times as fast). `rateLimits.timeScale` wins when both are given.
   */
  readonly timeScale?: number;
  /**
   * How many requests the log keeps, newest last (default 100,000), so that a long-running
   * simulator (`deno task simulator`, a soak) does not grow without bound.
   */
  readonly requestLogLimit?: number;
}

/**
 * One entry of the request log. Tokens are never recorded.
 *
 * @example What a client sent, and what the simulator did to it
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { type SimulatedRequest, SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * sim.faults.script({ kind: "reset-before", method: "GET", path: "/Users" });
 * const client = new SCIMClient({
 *   token: "xoxp-test",
 *   fetch: sim.fetch,
 *   clock: { sleep: () => Promise.resolve() }, // the default handler retries the reset once
 * });
 * await client.searchUsers({ count: 2 });
 * const log: readonly SimulatedRequest[] = sim.requests;
 * assert.deepEqual(log, [
 *   { method: "GET", path: "/Users", search: "?count=2", status: 0, fault: "reset-before" },
 *   { method: "GET", path: "/Users", search: "?count=2", status: 200 },
 * ]);
 * ```
 */
export interface SimulatedRequest {
  /** The HTTP method. */
  readonly method: string;
  /**
   * The path after the version prefix (`/scim/v1`, `/scim/v2`), such as `/Users/U123` (the full path for
   * other URLs).
   */
  readonly path: string;
  /** The query string, with its `?`, or `""`. */
  readonly search: string;
  /** The status answered; 0 when the connection was reset or the caller aborted instead. */
  readonly status: number;
  /** The fault injected into this request, if any. */
  readonly fault?: FaultKind;
}

/** The most users or groups the simulator seeds (about 2 GB of memory at 10,000,000 users). */
const MAX_SEEDED = 10_000_000;

/** Each option, and what it must be: a check that says what is wrong, or nothing. */
const OPTION_CHECKS: Readonly<
  Record<keyof SlackScimSimulatorOptions, (value: unknown) => string | undefined>
> = {
  token: (value) =>
    typeof value === "string" || Array.isArray(value)
      ? undefined
      : "a string or an array of strings",
  users: (value) => count(value),
  groups: (value) => count(value),
  seed: (value) =>
    typeof value === "number" && Number.isFinite(value) ? undefined : "a finite number",
  clock: (value) =>
    isObject(value) && typeof value.now === "function"
      ? undefined
      : "an object with a now() method",
  sleep: (value) => typeof value === "function" ? undefined : "a function",
  rateLimits: (value) =>
    typeof value === "boolean" || isObject(value) ? undefined : "true, false or an object of pools",
  faults: (value) => isObject(value) ? undefined : "an object such as { rate: 0.1 }",
  unknownAttributes: (value) => typeof value === "boolean" ? undefined : "true or false",
  timeScale: (value) =>
    typeof value === "number" && value > 0 && Number.isFinite(value)
      ? undefined
      : "a positive number",
  requestLogLimit: (value) =>
    Number.isInteger(value) && (value as number) >= 0 ? undefined : "a non-negative integer",
};

const NUMERIC_OPTIONS = ["users", "groups", "seed", "timeScale", "requestLogLimit"];

function count(value: unknown): string | undefined {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SEEDED
    ? undefined
    : `an integer from 0 to ${MAX_SEEDED.toLocaleString("en")}`;
}

/** A value as a message may quote it: its type for objects, its text cut at 40 characters. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" || typeof value === "function") return `a ${typeof value}`;
  const text = String(value);
  const quoted = `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
  return typeof value === "string" ? `the string ${quoted}` : quoted;
}

/**
 * Refuses options a plain-JS caller could get wrong silently: an unknown name (`user: 10` seeds
 * nobody) or a value of the wrong type, naming the option.
 */
function checkOptions(options: unknown): asserts options is SlackScimSimulatorOptions {
  if (!isObject(options)) {
    throw new TypeError(
      `Cannot create simulator: options must be an object, got ${describe(options)}`,
    );
  }
  for (const [name, value] of Object.entries(options)) {
    const check = OPTION_CHECKS[name as keyof SlackScimSimulatorOptions];
    if (check === undefined) {
      const known = Object.keys(OPTION_CHECKS).join(", ");
      throw new TypeError(
        `Cannot create simulator: ${
          describe(name).replace("the string ", "")
        } is not an option (${known})`,
      );
    }
    if (value === undefined) continue;
    const wanted = check(value);
    if (wanted !== undefined) {
      // A number out of range is a RangeError; a value of the wrong type a TypeError.
      const error = typeof value === "number" && NUMERIC_OPTIONS.includes(name)
        ? RangeError
        : TypeError;
      throw new error(`Cannot create simulator: ${name} must be ${wanted}, got ${describe(value)}`);
    }
  }
}

/**
 * The API versions served on the one store, by the path segment after `/scim/`. A version's
 * routes live in their own folder (`v1/routes.ts`); v2 plugs in here as `["v2", V2_ROUTES]`.
 */
const VERSIONS: ReadonlyMap<string, VersionRoutes> = new Map([
  ["v1", V1_ROUTES],
  ["v2", V2_ROUTES],
]);

/** Answers outside every known version (no `/scim/vN`, or an unknown N) are in v1's shape. */
const FALLBACK: VersionRoutes = V1_ROUTES;

/** `…/scim/v1`, `…/scim/v2`: the API base and the version, ahead of the resource path. */
const VERSION_PREFIX = /^(.*?\/scim\/(v\d+))(?=\/|$)/;

/** Where one request goes: its version's routes (if known) and the path after the prefix. */
interface Destination {
  readonly routes: VersionRoutes | undefined;
  readonly path: string;
}

function destination(pathname: string): Destination {
  const prefix = VERSION_PREFIX.exec(pathname);
  const routes = prefix === null ? undefined : VERSIONS.get(prefix[2] as string);
  // Unknown versions and other URLs keep their full path, in the log and for faults.
  if (prefix === null || routes === undefined) return { routes: undefined, path: pathname };
  return { routes, path: pathname.slice((prefix[1] as string).length) };
}

/**
 * An in-memory Slack SCIM API, v1 under `/scim/v1/` and v2 under `/scim/v2/` on one store (a
 * user created through one version is read, patched and deactivated through the other, each
 * answering in its own shape; both share one rate budget and one write lock per resource):
 * seeded users and groups, Slack's validation rules and error codes, filters, paging, v2's RFC
 * 7644 PATCH, optional rate limits and fault injection. Use `sim.fetch` in-process,
 * or `sim.listen()` for real HTTP on 127.0.0.1. Like `fetch`, `sim.fetch` honours the request's
 * `signal`: an aborted request rejects with the signal's reason (a write already under way
 * still completes, as on a real server).
 *
 * Filters are more lenient than Slack: besides Slack's documented attributes (Users:
 * `userName`, `email`, `restricted`, `ultra_restricted`; Groups: `displayName`), the simulator
 * also filters Users on `id`, `externalId`, `displayName` and `active`, and Groups on `id`, which
 * Slack does not document; code that must run against Slack should not rely on them. v2 filters
 * Users on `userName`, `email`/`emails`/`emails.value`, `externalId` (and the same lenient ones),
 * and refuses `restricted` and `ultra_restricted`, which Slack says do not apply to v2.
 *
 * Hostile input gets an answer, never a throw out of `sim.fetch`: an unknown name (a PATCH path,
 * a filter attribute, a schema id), `constructor` and other `Object.prototype` names included,
 * is the 400 or 404 any unknown name gets. Bounds of its own where Slack documents none: filters
 * nest at most 64 groups deep (`invalid_filter_group`) and hold at most 1,000 comparisons
 * (`invalid_query`), also inside v2 PATCH paths; bodies over 8 MiB are 413 `request_too_large`
 * (Slack's largest documented write, 15,000 members, fits); string attributes over 1,024
 * characters are `invalid_attribute_format` (a group name `invalid_display_name`; a photo may be
 * a `data:` URL as long as the body). Slack's own limits keep their codes: `displayName` 80
 * characters, `userName` 21. Paging: `count` defaults to 10 and is at most 1000, as Slack
 * documents; a negative `count` is 0 and a `startIndex` below 1 is 1 (RFC 7644).
 *
 * @example Create a user and read it back in-process
 * ```ts
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ token: "xoxp-test", users: 3 });
 * const headers = { authorization: "Bearer xoxp-test", "content-type": "application/json" };
 * const created = await sim.fetch(
 *   new Request("https://api.slack.com/scim/v1/Users", {
 *     method: "POST",
 *     headers,
 *     body: JSON.stringify({
 *       schemas: ["urn:scim:schemas:core:1.0"],
 *       userName: "carly",
 *       emails: [{ value: "carly@example.com" }],
 *     }),
 *   }),
 * );
 * assert.equal(created.status, 201);
 * const { id } = await created.json();
 * const read = await sim.fetch(
 *   new Request(`https://api.slack.com/scim/v1/Users/${id}`, { headers }),
 * );
 * assert.equal((await read.json()).userName, "carly");
 * assert.equal(sim.requests.length, 2);
 * ```
 *
 * @example A user created through v1, patched and deactivated through v2
 * ```ts
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const headers = { authorization: "Bearer xoxp-test", "content-type": "application/json" };
 * const created = await sim.fetch(
 *   new Request("https://api.slack.com/scim/v1/Users", {
 *     method: "POST",
 *     headers,
 *     body: JSON.stringify({
 *       schemas: ["urn:scim:schemas:core:1.0"],
 *       userName: "cal",
 *       emails: [{ value: "cal@example.com" }, { value: "cal@home.example" }],
 *     }),
 *   }),
 * );
 * const { id } = await created.json();
 * const patched = await sim.fetch(
 *   new Request(`https://api.slack.com/scim/v2/Users/${id}`, {
 *     method: "PATCH",
 *     headers,
 *     body: JSON.stringify({
 *       schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *       Operations: [
 *         { op: "replace", path: "name.givenName", value: "Cal" },
 *         { op: "remove", path: "emails[primary eq false]" },
 *       ],
 *     }),
 *   }),
 * );
 * const user = await patched.json();
 * assert.equal(user.schemas[0], "urn:ietf:params:scim:schemas:core:2.0:User");
 * assert.deepEqual(user.emails, [{ value: "cal@example.com", primary: true }]);
 * const deleted = await sim.fetch(
 *   new Request(`https://api.slack.com/scim/v2/Users/${id}`, { method: "DELETE", headers }),
 * );
 * assert.equal(deleted.status, 204);
 * const read = await sim.fetch(
 *   new Request(`https://api.slack.com/scim/v1/Users/${id}`, { headers }),
 * );
 * assert.equal((await read.json()).active, false);
 * ```
 */
export class SlackScimSimulator {
  /** The standard fetch handler: give it to any client as its `fetch`. Bound to this simulator. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** Scripted and random fault injection, e.g. `sim.faults.script({ kind: "reset-after", … })`. */
  readonly faults: FaultInjector;
  #requests: SimulatedRequest[] = [];
  #requestLogLimit: number;
  #store: Store;
  #tokens: ReadonlySet<string>;
  #clock: { now(): number };
  #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  #limiter: RateLimiter | undefined;
  #unknownAttributes: boolean;

  /**
   * Creates a simulator with its seeded directory.
   *
   * @param options How to set it up; every option has a default.
   */
  constructor(options: SlackScimSimulatorOptions = {}) {
    checkOptions(options);
    const tokens = typeof options.token === "string"
      ? [options.token]
      : [...(options.token ?? ["xoxp-test"])];
    if (tokens.length === 0 || tokens.some((token) => typeof token !== "string" || token === "")) {
      throw new TypeError("Cannot create simulator: every token must be a non-empty string");
    }
    const timeScale = options.timeScale ?? 1;
    const requestLogLimit = options.requestLogLimit ?? 100_000;
    this.#requestLogLimit = requestLogLimit;
    this.#tokens = new Set(tokens);
    this.#clock = options.clock ?? { now: () => Date.now() };
    this.#sleep = options.sleep ?? abortableTimeout;
    this.#unknownAttributes = options.unknownAttributes ?? false;
    const seed = options.seed ?? 1;
    this.#store = new Store(seed);
    seedStore(this.#store, { users: options.users ?? 0, groups: options.groups ?? 0, seed });
    this.faults = new FaultInjector(options.faults === undefined ? {} : { random: options.faults });
    if (options.rateLimits !== undefined && options.rateLimits !== false) {
      const custom = options.rateLimits === true ? {} : options.rateLimits;
      this.#limiter = new RateLimiter(
        { ...custom, timeScale: custom.timeScale ?? timeScale },
        this.#clock,
      );
    }
    this.fetch = (request) => this.#serve(request);
  }

  /** The requests answered so far, oldest first: the last `requestLogLimit` of them. */
  get requests(): readonly SimulatedRequest[] {
    const limit = this.#requestLogLimit;
    return this.#requests.length > limit ? this.#requests.slice(-limit) : this.#requests;
  }

  #log(entry: SimulatedRequest): void {
    this.#requests.push(entry);
    // Trim in batches of a tenth, so that logging stays O(1) on average.
    const limit = this.#requestLogLimit;
    if (this.#requests.length > limit + Math.ceil(limit / 10)) {
      this.#requests.splice(0, this.#requests.length - limit);
    }
  }

  /**
   * Marks a group as linked to channels, so deleting it fails with
   * `idp_group_linked_to_channels` as on Slack (or clears the mark).
   *
   * @param groupId The group's id.
   * @param linked `false` to clear the mark. Default `true`.
   *
   * @example Refuse to delete a linked group
   * ```ts
   * import { SlackScimSimulator } from "@org/slack-scim/testing";
   * import assert from "node:assert/strict";
   *
   * const sim = new SlackScimSimulator({ users: 5, groups: 1 });
   * const headers = { authorization: "Bearer xoxp-test" };
   * const base = "https://api.slack.com/scim/v1/";
   * const list = await (await sim.fetch(new Request(`${base}Groups`, { headers }))).json();
   * const id = list.Resources[0].id;
   * sim.linkGroupToChannels(id);
   * const res = await sim.fetch(new Request(`${base}Groups/${id}`, { method: "DELETE", headers }));
   * assert.equal(res.status, 400);
   * assert.equal((await res.json()).Errors.description, "idp_group_linked_to_channels");
   * ```
   */
  linkGroupToChannels(groupId: string, linked = true): void {
    const group = this.#store.groups.get(groupId);
    if (group === undefined) {
      throw new RangeError(`Cannot link group: "${groupId}" does not exist`);
    }
    group.linkedToChannels = linked;
  }

  /**
   * Serves {@linkcode SlackScimSimulator.fetch} over HTTP on 127.0.0.1 (Deno, Node or Bun).
   *
   * @param options `port` (default 0: any free port) and `hostname` (default `127.0.0.1`).
   * @returns The server: its `baseUrl` (`http://127.0.0.1:PORT/scim/v1/`; v2 answers at
   * `…/scim/v2/` on the same port), `port` and `close()`.
   *
   * @example Talk to it over loopback
   * ```ts
   * import { SlackScimSimulator } from "@org/slack-scim/testing";
   * import assert from "node:assert/strict";
   *
   * const sim = new SlackScimSimulator({ users: 2 });
   * const server = await sim.listen();
   * try {
   *   const res = await fetch(`${server.baseUrl}Users?count=1`, {
   *     headers: { authorization: "Bearer xoxp-test" },
   *   });
   *   assert.equal((await res.json()).totalResults, 2);
   * } finally {
   *   await server.close();
   * }
   * ```
   */
  listen(options: ListenOptions = {}): Promise<SimulatorServer> {
    return listen(this.fetch, options);
  }

  async #serve(request: Request): Promise<Response> {
    // As fetch does: an aborted request is never sent, so nothing is processed or logged.
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const target = destination(url.pathname);
    const { path } = target;
    const method = request.method.toUpperCase();
    const fault = this.faults.take(method, path);
    const entry = { method, path, search: url.search, ...(fault ? { fault: fault.kind } : {}) };
    let response: Response;
    try {
      // Abort answers at once, as fetch does; a write already under way still completes.
      response = await untilAborted(
        fault === undefined
          ? this.#afterFaults(request, url, target)
          : applyFault(fault, () => this.#afterFaults(request, url, target), {
            sleep: this.#sleep,
            now: () => this.#clock.now(),
            signal: request.signal,
            ...(target.routes === undefined ? {} : { errorResponse: target.routes.errorResponse }),
          }),
        request.signal,
      );
    } catch (error) {
      this.#log({ ...entry, status: 0 });
      throw error;
    }
    this.#log({ ...entry, status: response.status });
    return response;
  }

  async #afterFaults(request: Request, url: URL, target: Destination): Promise<Response> {
    const { routes, path } = target;
    const answer = routes ?? FALLBACK;
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
    if (auth === null || !this.#tokens.has(auth[1] as string)) {
      return answer.errorResponse(401, "invalid_authentication");
    }
    const verdict = this.#limiter?.acquire(request.method.toUpperCase(), path);
    if (verdict !== undefined && !verdict.allowed) {
      return answer.errorResponse(429, verdict.description, {
        "retry-after": String(verdict.retryAfterSeconds),
      });
    }
    try {
      if (routes === undefined) {
        const versioned = /\/scim\/v\d+(\/|$)/.test(url.pathname);
        throw new SlackErrorResponse(
          versioned ? 400 : 404,
          versioned ? "unsupported_version" : "bad_endpoint",
        );
      }
      const base = `${url.origin}${url.pathname.slice(0, url.pathname.length - path.length)}/`;
      const context: RouteContext = { store: this.#store, now: () => this.#clock.now(), base };
      const result = await routes.route(request, url, path, context);
      if (result.body === undefined) return emptyResponse(result.status);
      const body = this.#unknownAttributes ? withUnknownAttributes(result.body) : result.body;
      return jsonResponse(body, result.status);
    } catch (error) {
      if (error instanceof SlackErrorResponse) {
        return answer.errorResponse(error.status, error.description);
      }
      throw error;
    } finally {
      verdict?.release();
    }
  }
}
