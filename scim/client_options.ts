/**
 * The options of the clients (`SCIMClient`, `SCIM2Client`) and of their calls, and their
 * validation; the same for every API version but the default base URL.
 *
 * @module
 */

import type { Clock } from "../retry/clock.ts";
import { quote } from "../common/quote.ts";
import { checkTimeout } from "../retry/timeout.ts";
import { checkHandlers } from "../retry/handler_list.ts";
import { checkBaseUrl } from "./base_url.ts";
import type { RetryHandler } from "../retry/handler.ts";
import type { Logger } from "../retry/logger.ts";
import type { CallOptions, Pacer } from "./transport.ts";
import { VERSION } from "./version.ts";

export type { CallOptions };

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
   * The API's base URL. Default `https://api.slack.com/scim/v1/` (`SCIM2Client`:
   * `https://api.slack.com/scim/v2/`). Must be `https://`, except for a loopback host
   * (`localhost`, `127.0.0.0/8`, `::1`), such as a local simulator; its path must end in
   * `/scim/v1/` (`/scim/v2/` for `SCIM2Client`; a proxy or gateway must keep it), and it has no
   * query or fragment.
   */
  baseUrl?: string;
  /**
   * Milliseconds a call may take, retries and waits included; 0 means no limit. Default 30000.
   * At most `MAX_TIMEOUT` (2³¹−1, about 24.8 days: what a timer holds).
   */
  timeout?: number;
  /**
   * The transport (proxies, tests, edge runtimes): it gets each attempt as a `Request`, with the
   * `Authorization` header, which nothing above it sees. Default: the global `fetch`, looked up
   * per attempt. Requests carry `redirect: "manual"`: a redirect is never followed, and an
   * answer from another origin than `baseUrl`'s (a transport that follows anyway) is a
   * `SCIMRedirectError`, never Slack's answer.
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
}

/**
 * Options of `apiCall` (`SCIMClient.apiCall`, `SCIM2Client.apiCall`): a call's signal and
 * timeout, with the query, the JSON body and whether a write may be re-sent.
 *
 * @example A write through the escape hatch, never re-sent blindly
 * ```ts
 * import { type ApiCallOptions, CORE_SCHEMA_V1, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const options: ApiCallOptions = {
 *   body: { schemas: [CORE_SCHEMA_V1], displayName: "Ops", members: [] },
 *   retryAfterSendFailure: false, // a lost answer may mean the group exists: check, do not resend
 *   timeout: 10_000,
 * };
 * const created = await client.apiCall<{ id: string }>("POST", "Groups", options);
 * assert.equal(created.status, 201);
 * assert.ok(created.body?.id);
 * ```
 */
export interface ApiCallOptions extends CallOptions {
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** The JSON body. */
  body?: unknown;
  /** Whether a write may be re-sent after an attempt got no answer. Default true. */
  retryAfterSendFailure?: boolean;
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
function checkToken(client: string, token: unknown): asserts token is string {
  if (typeof token !== "string") {
    throw new TypeError(`Cannot create ${client}: token must be a string, got ${typeof token}`);
  }
  if (token.trim() === "") {
    throw new TypeError(`Cannot create ${client}: token is empty`);
  }
  // A control character or space would break (or split) the Authorization header, and a
  // character past ASCII is no header value at all (the runtime would throw its own words, or
  // send mangled bytes): Slack's tokens are printable ASCII.
  if (/[^\x21-\x7e]/.test(token)) {
    throw new TypeError(
      `Cannot create ${client}: token has whitespace, control or non-ASCII characters (value not shown)`,
    );
  }
}

/**
 * Checks the `headers` option, never showing a value (it may be a secret, such as a proxy's
 * credentials).
 *
 * @param value The caller's value.
 * @returns The headers.
 */
function headersOf(value: unknown): Headers {
  try {
    return new Headers(value as HeadersInit | undefined);
  } catch {
    throw new TypeError(
      "Cannot use headers: a name or value is not valid in HTTP (values not shown)",
    );
  }
}

/**
 * Validates the client options but `fetch` and `rateLimiter` (the transport checks those),
 * `clock` and `logger` (the retrying fetch checks those), in the order the errors are reported.
 * The handlers are checked as every call checks them (`client.retryHandlers` may change later).
 *
 * @param options The caller's options.
 * @param defaultBaseUrl The API version's base URL, when `options.baseUrl` is left out.
 * @param name The client's name, for the messages.
 * @returns What the client keeps.
 */
export function resolveOptions(
  options: SCIMClientOptions,
  defaultBaseUrl: string,
  name = "SCIMClient",
): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`Cannot create ${name}: options ${quote(options)} is not an object`);
  }
  checkToken(name, options.token);
  // The version the client speaks is the one its default base URL names.
  const version = /\/scim\/(v\d+)\/$/.exec(defaultBaseUrl)?.[1] ?? "v1";
  const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrl, version);
  const timeout = checkTimeout(options.timeout ?? DEFAULT_TIMEOUT);
  const { userAgentPrefix, userAgentSuffix, retryHandlers } = options;
  const headers = headersOf(options.headers);
  headers.delete("authorization");
  for (
    const [name, part] of [
      ["userAgentPrefix", userAgentPrefix],
      ["userAgentSuffix", userAgentSuffix],
    ] as const
  ) {
    if (part !== undefined && (typeof part !== "string" || /[\r\n]/.test(part))) {
      throw new TypeError(`Cannot use ${name}: ${quote(part)} is not a one-line string`);
    }
  }
  if (retryHandlers !== undefined) checkHandlers(retryHandlers);
  const userAgent = [userAgentPrefix, `slack-scim/${VERSION}`, userAgentSuffix]
    .filter((part) => part)
    .join(" ");
  headers.set("user-agent", userAgent);
  headers.set("accept", "application/json");
  return { baseUrl, timeout, headers };
}
