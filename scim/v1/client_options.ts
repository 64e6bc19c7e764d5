/**
 * The options of `SCIMClient` and of its calls, and their validation.
 *
 * @module
 */

import type { RetryHandler } from "../../retry/handler.ts";
import type { Logger } from "../../retry/logger.ts";

/** The library's version, sent in the `User-Agent` header. */
export const VERSION = "0.1.0";

/** Slack's SCIM v1 base URL, the default `baseUrl`. */
export const DEFAULT_BASE_URL = "https://api.slack.com/scim/v1/";

/** The default timeout of a call, retries and waits included, in milliseconds. */
export const DEFAULT_TIMEOUT = 30_000;

/** Options of {@linkcode SCIMClient}. Only `token` is required. */
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
  /** The transport (proxies, tests, edge runtimes). Default: the global `fetch`, looked up per call. */
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
   * Waits between retries; default an abortable `setTimeout`. For tests, so they never wait.
   * Must reject with `signal.reason` when `signal` aborts.
   */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Options of one call. */
export interface CallOptions {
  /** Cancels the call, including a wait between retries; it rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Milliseconds this call may take, retries included; overrides the client's `timeout`. */
  timeout?: number;
}

/** Options of `searchUsers` and `searchGroups`. */
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
 * Checks a timeout in milliseconds, the client's or a call's.
 *
 * @param value The caller's value.
 * @returns The timeout.
 */
export function checkTimeout(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Cannot use timeout: "${String(value)}" is not a number of milliseconds >= 0`,
    );
  }
  return value;
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
 * Validates the client options but the handlers' contents, `sleep` and `logger` (the retrying
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
