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

function isLoopback(hostname: string): boolean {
  if (hostname === "localhost" || hostname === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Checks a token without ever quoting it.
 *
 * @param token The caller's value.
 */
export function checkToken(token: unknown): asserts token is string {
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
 * Checks a timeout in milliseconds.
 *
 * @param name The argument's name, for the message.
 * @param value The caller's value.
 * @returns The timeout.
 */
export function checkTimeout(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Cannot use ${name}: "${String(value)}" is not a number of milliseconds >= 0`,
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
export function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string") {
    throw new TypeError(`Cannot use baseUrl: "${String(value)}" is not a string`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`Cannot use baseUrl: "${value}" is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`Cannot use baseUrl: "${value}" is not an http(s) URL`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new TypeError(
      `Cannot use baseUrl: "${value}" is plain http to a host that is not loopback; the token would travel in clear (use https)`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new TypeError(`Cannot use baseUrl: it must not carry credentials`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new TypeError(`Cannot use baseUrl: "${value}" must not have a query or fragment`);
  }
  const text = url.href;
  return text.endsWith("/") ? text : `${text}/`;
}

/**
 * Validates the client options but the token and the handlers.
 *
 * @param options The caller's options.
 * @returns What the client keeps.
 */
export function resolveOptions(options: SCIMClientOptions): ResolvedOptions {
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const timeout = checkTimeout("timeout", options.timeout ?? DEFAULT_TIMEOUT);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError(`Cannot use fetch: "${String(options.fetch)}" is not a function`);
  }
  const headers = new Headers(options.headers ?? {});
  headers.delete("authorization");
  for (
    const [name, part] of [
      ["userAgentPrefix", options.userAgentPrefix],
      ["userAgentSuffix", options.userAgentSuffix],
    ] as const
  ) {
    if (part !== undefined && (typeof part !== "string" || /[\r\n]/.test(part))) {
      throw new TypeError(`Cannot use ${name}: "${String(part)}" is not a one-line string`);
    }
  }
  const userAgent = [options.userAgentPrefix, `slack-scim/${VERSION}`, options.userAgentSuffix]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
  headers.set("user-agent", userAgent);
  headers.set("accept", "application/json");
  return { baseUrl, timeout, headers };
}
