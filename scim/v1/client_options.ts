/**
 * The options of `SCIMClient` and of its calls, and their validation.
 *
 * @module
 */

import type { Clock } from "../../retry/clock.ts";
import type { RetryHandler } from "../../retry/handler.ts";
import type { Logger } from "../../retry/logger.ts";
import { type CallOptions, checkTimeout, type Pacer } from "../transport.ts";

export type { CallOptions };

/**
 * The library's version, sent in the `User-Agent` header.
 *
 * @example The User-Agent Slack sees
 * ```ts
 * import { SCIMClient, VERSION } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const agents: (string | null)[] = [];
 * const client = new SCIMClient({
 *   token: "xoxp-test",
 *   userAgentPrefix: "hr-sync/2.0",
 *   fetch: (request) => {
 *     agents.push(request.headers.get("user-agent"));
 *     return sim.fetch(request);
 *   },
 * });
 * await client.searchUsers({ count: 1 });
 * assert.deepEqual(agents, [`hr-sync/2.0 slack-scim/${VERSION}`]);
 * ```
 */
export const VERSION = "0.1.0";

/**
 * Slack's SCIM v1 base URL, the default `baseUrl`.
 *
 * @example A client without `baseUrl` talks to Slack
 * ```ts
 * import { DEFAULT_BASE_URL, SCIMClient } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * const client = new SCIMClient({ token: "xoxp-test" }); // no request is made
 * assert.equal(client.baseUrl, DEFAULT_BASE_URL);
 * assert.equal(DEFAULT_BASE_URL, "https://api.slack.com/scim/v1/");
 * ```
 */
export const DEFAULT_BASE_URL = "https://api.slack.com/scim/v1/";

/**
 * The default timeout of a call, retries and waits included, in milliseconds.
 *
 * @example Give a nightly job's calls twice the default
 * ```ts
 * import { DEFAULT_TIMEOUT, SCIMClient } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * assert.equal(new SCIMClient({ token: "xoxp-test" }).timeout, DEFAULT_TIMEOUT);
 * const nightly = new SCIMClient({ token: "xoxp-test", timeout: 2 * DEFAULT_TIMEOUT });
 * assert.equal(nightly.timeout, 60_000);
 * ```
 */
export const DEFAULT_TIMEOUT = 30_000;

/**
 * Options of {@linkcode SCIMClient}. Only `token` is required.
 *
 * @example A client for tests: the simulator, no real waits, a tagged User-Agent
 * ```ts
 * import { SCIMClient, type SCIMClientOptions } from "@org/slack-scim";
 * import { RateLimitErrorRetryHandler } from "@org/slack-scim/retry";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * sim.faults.script({ kind: "retry-after-seconds", method: "GET", path: "/Users" });
 * const options: SCIMClientOptions = {
 *   token: "xoxp-test",
 *   fetch: sim.fetch,
 *   timeout: 10_000,
 *   userAgentPrefix: "hr-sync/2.0",
 *   retryHandlers: [new RateLimitErrorRetryHandler({ maxRetryCount: 1 })],
 *   clock: { sleep: () => Promise.resolve() }, // Retry-After is honored without waiting
 * };
 * const client = new SCIMClient(options);
 * const page = await client.searchUsers({ count: 10 }); // the 429 was retried
 * assert.equal(page.users.length, 3);
 * ```
 */
export interface SCIMClientOptions {
  /** An org admin user token (`xoxp-…`) with the `admin` scope. Kept private; never logged. */
  token: string;
  /**
   * The API's base URL. Default `https://api.slack.com/scim/v1/`. Must be `https://`, except for
   * a loopback host (`localhost`, `127.0.0.0/8`, `::1`), such as a local simulator.
   */
  baseUrl?: string;
  /** Milliseconds a call may take, retries and waits included; 0 means no limit. Default 30000. */
  timeout?: number;
  /**
   * The transport (proxies, tests, edge runtimes): it gets each attempt as a `Request`, with the
   * `Authorization` header, which nothing above it sees. Default: the global `fetch`, looked up
   * per attempt.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. `Authorization` and `User-Agent` are the client's own. */
  headers?: Record<string, string>;
  /** Put before the `User-Agent` (such as `my-app/1.2`). */
  userAgentPrefix?: string;
  /** Put after the `User-Agent`. */
  userAgentSuffix?: string;
  /** Receives a line per attempt, retry and recovered write; never the token. */
  logger?: Logger;
  /**
   * The retry handlers, in order. Default `defaultRetryHandlers()` (one retry on connection
   * errors). Available afterwards as the mutable `client.retryHandlers`.
   */
  retryHandlers?: RetryHandler[];
  /**
   * The time the retries use: `now`, `sleep` (the waits between attempts; it must reject with
   * `signal.reason` when `signal` aborts) and `timeout` (the signal of a call's timeout). Each
   * one left out is `systemClock`'s (from `@org/slack-scim/retry`). Tests give
   * `{ sleep: () => Promise.resolve() }` so they never wait.
   */
  clock?: Partial<Clock>;
  /**
   * Paces every attempt (retries included) under the retrying fetch to Slack's rate limits, so a
   * job spends no requests on 429s. Default: a `SlackRateLimiter` of this client's own (Slack's
   * table, in memory, on the client's clock). Give every client of one org the same limiter (on
   * a Redis or Deno KV store, every process: `@org/slack-scim/limits`); `false` turns pacing off.
   */
  rateLimiter?: Pacer | false;
  /**
   * Waits between retries.
   *
   * @deprecated Use `clock: { sleep }`, the one time option the client, the retrying fetch and
   * the simulator share. Ignored when `clock.sleep` is given.
   */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Options of `searchUsers` and `searchGroups`.
 *
 * @example The second page of two full members
 * ```ts
 * import { SCIMClient, type SearchOptions } from "@org/slack-scim";
 * import { filter } from "@org/slack-scim/filter";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 10 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const options: SearchOptions = {
 *   startIndex: 3,
 *   count: 2,
 *   filter: filter`restricted eq ${false}`,
 * };
 * const page = await client.searchUsers(options);
 * assert.equal(page.startIndex, 3);
 * assert.equal(page.users.length, 2);
 * ```
 */
export interface SearchOptions extends CallOptions {
  /** 1-based index of the first result. Slack's default is 1. */
  startIndex?: number;
  /** Results per page, 1 to 1000. Slack's default is 10. */
  count?: number;
  /**
   * A SCIM filter such as `userName eq "Carly"` (build it with `filter\`\`` for untrusted values).
   * A leading `filter=`, as in Slack's docs, is stripped.
   */
  filter?: string;
}

/** The validated client options the client keeps. */
export interface ResolvedOptions {
  /** The base URL, ending with `/`. */
  baseUrl: string;
  /** Default timeout in ms (0: none). */
  timeout: number;
  /** Every header but `Authorization`. */
  headers: Headers;
}

/**
 * Checks a token without ever quoting it.
 *
 * @param token The caller's value.
 */
function checkToken(token: unknown): asserts token is string {
  if (typeof token !== "string") {
    throw new TypeError(`Cannot create SCIMClient: token must be a string, got ${typeof token}`);
  }
  if (token.trim() === "") {
    throw new TypeError("Cannot create SCIMClient: token is empty");
  }
  // A control character or space would break (or split) the Authorization header.
  // deno-lint-ignore no-control-regex
  if (/[\x00-\x20\x7f]/.test(token)) {
    throw new TypeError(
      "Cannot create SCIMClient: token contains whitespace or control characters (value not shown)",
    );
  }
}

/**
 * Checks the base URL: absolute, http(s), `https://` unless loopback, no query, fragment or
 * credentials.
 *
 * @param value The caller's value.
 * @returns The URL as a string ending with `/`.
 */
function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string") {
    throw new TypeError(`Cannot use baseUrl: "${String(value)}" is not a string`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`Cannot use baseUrl: "${value}" is not a URL`);
  }
  const { protocol } = url;
  if (protocol !== "https:" && protocol !== "http:") {
    throw new TypeError(`Cannot use baseUrl: "${value}" is not an http(s) URL`);
  }
  // Loopback: localhost, [::1] or 127.0.0.0/8.
  if (protocol === "http:" && !/^(localhost|\[::1\]|127(\.\d{1,3}){3})$/.test(url.hostname)) {
    throw new TypeError(
      `Cannot use baseUrl: "${value}" is plain http to a host that is not loopback; the token would travel in clear (use https)`,
    );
  }
  // Never quoted: the value holds them.
  if (url.username !== "" || url.password !== "") {
    throw new TypeError("Cannot use baseUrl: it must not carry credentials");
  }
  if (url.search !== "" || url.hash !== "") {
    throw new TypeError(`Cannot use baseUrl: "${value}" must not have a query or fragment`);
  }
  const text = url.href;
  return text.endsWith("/") ? text : `${text}/`;
}

/**
 * Validates the client options but the handlers' contents, `clock`, `logger` and `rateLimiter` (the retrying
 * fetch checks those), in the order the errors are reported.
 *
 * @param options The caller's options.
 * @returns What the client keeps.
 */
export function resolveOptions(options: SCIMClientOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`Cannot create SCIMClient: options "${String(options)}" is not an object`);
  }
  checkToken(options.token);
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const timeout = checkTimeout(options.timeout ?? DEFAULT_TIMEOUT);
  const { fetch, userAgentPrefix, userAgentSuffix, retryHandlers } = options;
  if (fetch !== undefined && typeof fetch !== "function") {
    throw new TypeError(`Cannot use fetch: "${String(fetch)}" is not a function`);
  }
  const headers = new Headers(options.headers ?? {});
  headers.delete("authorization");
  for (
    const [name, part] of [
      ["userAgentPrefix", userAgentPrefix],
      ["userAgentSuffix", userAgentSuffix],
    ] as const
  ) {
    if (part !== undefined && (typeof part !== "string" || /[\r\n]/.test(part))) {
      throw new TypeError(`Cannot use ${name}: "${String(part)}" is not a one-line string`);
    }
  }
  if (retryHandlers !== undefined && !Array.isArray(retryHandlers)) {
    throw new TypeError(`Cannot use retryHandlers: "${String(retryHandlers)}" is not an array`);
  }
  const userAgent = [userAgentPrefix, `slack-scim/${VERSION}`, userAgentSuffix]
    .filter((part) => part)
    .join(" ");
  headers.set("user-agent", userAgent);
  headers.set("accept", "application/json");
  return { baseUrl, timeout, headers };
}
