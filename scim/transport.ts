/**
 * The transport of every SCIM client, whatever the API version: openapi-fetch's typed client
 * (`createClient<paths>()`) over the retrying fetch, with the token added beneath both.
 *
 * One call, from the caller to the wire:
 * ```
 * client method (scim/v1/…)        checks arguments, names the operation of the spec
 *   openapi-fetch  + middleware    builds the Request (redirect: "manual"); client.use() hooks
 *     retrying fetch  (retry/)     attempts, handlers, waits, timeout, cancellation
 *       pacing  (rateLimiter)      waits before each attempt, if configured
 *         Authorization added      on a Request of its own, for the base URL's origin only
 *           fetch                  globalThis.fetch, or the `fetch` option
 * ```
 * A request for another origin than the base URL's (a middleware rewrote it or sent one of its
 * own, a per-call `baseUrl`) is refused before it is sent. Each attempt is the retrying fetch's
 * own copy of openapi-fetch's request, and the token is set on a copy of that made beneath the
 * pacer: middleware, the pacer, handlers and logs never hold a request that carries it.
 * A 2xx body is read by openapi-fetch as text (`parseAs: "text"`) and parsed by the transport; a
 * failed read is the call's timeout, the caller's abort, or an unreadable answer. An error
 * answer's body is read under openapi-fetch, within the timeout too, so its raw text is kept.
 *
 * @module
 */

import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { Clock } from "../retry/clock.ts";
import {
  createRetryingFetch,
  type RetryCallOptions,
  type RetryingFetch,
  type Transport,
} from "../retry/fetch.ts";
import type { RetryHandler } from "../retry/handler.ts";
import type { Logger } from "../retry/logger.ts";
import { messageOf, quote } from "../common/quote.ts";
import { optionsObject } from "../common/options_object.ts";
import { checkTimeout } from "../retry/timeout.ts";
import { readFailure } from "../retry/read_text.ts";
import { isRequestTimeoutError } from "../retry/request_timeout_error.ts";
import { type FailedAttempt, retryStatsOf } from "../retry/stats.ts";
import { SCIMApiError } from "./errors.ts";
import { addressedElsewhere, refuseRedirect } from "./_redirect.ts";
import { isSCIMRedirectError } from "./redirect_error.ts";
import { isRequestFailedError } from "../retry/request_failed_error.ts";

/**
 * Paces requests: wraps the fetch under the retrying fetch, so every attempt (retries included)
 * waits its turn before it is sent. A wait must end (rejecting with `request.signal.reason`)
 * when the attempt's `request.signal` aborts: that signal carries the call's timeout and the
 * caller's signal. A rate limiter (such as one sharing Slack's limits between processes)
 * implements it.
 *
 * @example A pacer that spaces attempts at least 10 ms apart
 * ```ts
 * import { type Pacer, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * let next = 0;
 * const paced: string[] = [];
 * const spacing: Pacer = {
 *   wrap: (fetch) => async (request) => {
 *     const wait = Math.max(0, next - Date.now());
 *     next = Date.now() + wait + 10;
 *     await new Promise((resolve) => setTimeout(resolve, wait));
 *     request.signal.throwIfAborted();
 *     paced.push(`${request.method} ${new URL(request.url).pathname}`);
 *     return fetch(request);
 *   },
 * };
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: spacing });
 * await client.searchUsers({ count: 1 });
 * await client.searchGroups({ count: 1 });
 * assert.deepEqual(paced, ["GET /scim/v1/Users", "GET /scim/v1/Groups"]);
 * ```
 */
export interface Pacer {
  /**
   * Wraps the fetch that sends each attempt.
   *
   * @param fetch Sends one attempt.
   * @returns The same, waiting first as the pacer decides.
   */
  wrap(fetch: (request: Request) => Promise<Response>): (request: Request) => Promise<Response>;
}

/**
 * Options of one call.
 *
 * @example A shorter timeout for one call, and cancelling calls
 * ```ts
 * import { type CallOptions, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const [user] = (await client.searchUsers({ count: 1 })).users;
 * const shutdown = new AbortController();
 * const options: CallOptions = { timeout: 5_000, signal: shutdown.signal };
 * assert.equal((await client.readUser(user!.id!, options)).user.id, user!.id);
 * shutdown.abort(new Error("shutting down"));
 * await assert.rejects(client.readUser(user!.id!, options), /shutting down/);
 * ```
 */
export interface CallOptions {
  /** Cancels the call, including a wait between retries; it rejects with `signal.reason`. */
  signal?: AbortSignal;
  /**
   * Milliseconds this call may take, retries included; overrides the client's `timeout`. At most
   * `MAX_TIMEOUT` (2³¹−1).
   */
  timeout?: number;
}

/**
 * Checks the per-call options.
 *
 * @param method The method's name, for the message.
 * @param options The caller's value.
 * @param defaultTimeout The client's timeout.
 * @returns The signal and timeout to use.
 */
export function checkCallOptions(
  method: string,
  options: CallOptions | undefined,
  defaultTimeout: number,
): { signal: AbortSignal | undefined; timeout: number } {
  const { signal, timeout } = optionsObject(`call ${method}`, options);
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`Cannot call ${method}: signal ${quote(signal)} is not an AbortSignal`);
  }
  return { signal, timeout: timeout === undefined ? defaultTimeout : checkTimeout(timeout) };
}

/** What the transport is built from: the client's options, checked. */
export interface TransportOptions {
  /** The token, sent as `Authorization: Bearer …` beneath everything else. */
  token: string;
  /** The base URL, ending with `/`. */
  baseUrl: string;
  /** The default timeout in ms (0: none). */
  timeout: number;
  /** Every header but `Authorization`. */
  headers: Headers;
  /** The transport under everything; default `globalThis.fetch`, looked up per attempt. */
  fetch?: Transport | undefined;
  /** The handlers a call consults, looked up per call. */
  retryHandlers: () => readonly RetryHandler[];
  /** The clock (any of now, sleep, timeout). */
  clock?: Partial<Clock> | undefined;
  /** Receives the retrying fetch's lines. */
  logger?: Logger | undefined;
  /** Paces each attempt. */
  rateLimiter?: Pacer | undefined;
}

/** What a client method hands openapi-fetch besides the operation's own `params` and `body`. */
export interface SendInit {
  /** The call's fetch: the retrying fetch with this call's options. */
  fetch: (request: Request) => Promise<Response>;
  /** openapi-fetch reads the body as text; the transport parses it (a proxy's HTML page must
   * become an error that shows it, not a JSON.parse crash). */
  parseAs: "text";
  /** The caller's signal. */
  signal: AbortSignal | null;
  /** A write's Content-Type. */
  headers?: Record<string, string>;
}

/**
 * What came back from one call, its body read. Its call fields (method, path, attempts,
 * totalRetryDelay, failedAttempts) are the options of a `SCIMApiError` about it, so an answer is
 * passed as they are.
 */
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
  method: string | undefined;
  /** The path relative to the base URL, without the query (for messages). */
  path: string | undefined;
}

/** How a client method's call is sent. */
export interface CallHow {
  /** True when the call sends a JSON body (it then gets the write's Content-Type). */
  write?: boolean;
  /** False for writes that must never be re-sent after a transport failure. Default true. */
  retryAfterSendFailure?: boolean;
}

/** One request sent and answered: what the answer is read from afterwards. Never changed. */
interface Sent {
  /** The request the retrying fetch got (after middleware). */
  readonly request: Request;
  /** The retrying fetch's answer. */
  readonly response: Response;
  /** What openapi-fetch was handed: `response` itself, or a copy whose body is `text`. */
  readonly handed: Response;
  /** The body, when it was read here (error answers, and every answer of the escape hatch). */
  readonly text: string | undefined;
}

/** Per-call options openapi-fetch carries on the Request (its unknown init keys). */
interface CarriedOptions {
  timeout?: unknown;
  retryAfterSendFailure?: unknown;
}

const NO_ATTEMPTS: readonly FailedAttempt[] = Object.freeze([]);

/**
 * Percent-encodes a path or query value, refusing a lone surrogate (which URLSearchParams would
 * silently send as U+FFFD) with a message naming the parameter.
 */
function encode(where: string, name: string, text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new TypeError(`Cannot build ${where}: ${name} is not well-formed Unicode`);
  }
}

/** The query as Slack expects it: own values but `undefined`/`null`, spaces as `%20`. */
function serializeQuery(query: Record<string, unknown>): string {
  let search = "";
  for (const [key, value] of Object.entries(query)) {
    if (value == null) continue;
    search += `${search === "" ? "" : "&"}${encode("the query", key, key)}=${
      encode("the query", key, String(value))
    }`;
  }
  return search;
}

/**
 * The transport of a SCIM client over one spec's `paths`: the typed openapi-fetch client
 * (`openapi`), its middleware, and `call`, which the client's methods send through.
 *
 * @typeParam Paths The spec's generated `paths`.
 */
// deno-lint-ignore ban-types -- openapi-fetch's own bound for a spec's `paths`
export class SCIMTransport<Paths extends {}> {
  /** The base URL, ending with `/`. */
  readonly baseUrl: string;
  /** The default timeout (0: none). */
  readonly timeout: number;
  /** The logger, if any. */
  readonly logger: Logger | undefined;
  /** openapi-fetch's client over the spec, on this transport. */
  readonly openapi: Client<Paths>;
  readonly #retrying: RetryingFetch;
  readonly #writeHeaders: Record<string, string>;
  /** The base URL's origin: the only one the token is sent to. */
  readonly #origin: string;

  /**
   * Builds the transport; no request is made.
   *
   * @param options The checked client options.
   */
  constructor(options: TransportOptions) {
    const { token, baseUrl, timeout, headers, logger, rateLimiter, retryHandlers, clock } = options;
    const send = options.fetch;
    if (send !== undefined && typeof send !== "function") {
      throw new TypeError(`Cannot use fetch: ${quote(send)} is not a function`);
    }
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.logger = logger;
    const authorization = `Bearer ${token}`;
    const origin = new URL(baseUrl).origin;
    this.#origin = origin;
    // The token goes on a Request of its own, made here beneath everything else: the wire (and
    // the `fetch` option) sees it, never middleware, the pacer (which may keep the request it
    // handed down), handlers, logs or errors. And only to the base URL's origin: a request a
    // pacer re-addressed is refused, not given the token.
    const authorize: Transport = (request) => {
      const elsewhere = addressedElsewhere(request, origin);
      if (elsewhere !== undefined) return Promise.reject(elsewhere);
      const wire = new Request(request);
      wire.headers.set("authorization", authorization);
      // Looked up per attempt, so a global fetch installed or replaced later is the one used.
      return send === undefined ? globalThis.fetch(wire) : send(wire);
    };
    const paced = rateLimiter === undefined
      ? authorize
      : typeof rateLimiter?.wrap === "function"
      ? rateLimiter.wrap(authorize)
      : undefined;
    if (typeof paced !== "function") {
      throw new TypeError(
        `Cannot use rateLimiter: ${quote(rateLimiter)} has no wrap method returning a fetch`,
      );
    }
    this.#retrying = createRetryingFetch({
      fetch: paced,
      retryHandlers,
      ...(clock === undefined ? {} : { clock }),
      ...(logger === undefined ? {} : { logger }),
    });
    // A write's own Content-Type (from the headers option) wins over the default one.
    this.#writeHeaders = headers.has("content-type")
      ? {}
      : { "content-type": "application/json;charset=utf-8" };
    this.openapi = createClient<Paths>({
      baseUrl,
      // A plain object: openapi-fetch merges it into every request, faster than a Headers.
      headers: Object.fromEntries(headers),
      redirect: "manual",
      querySerializer: serializeQuery,
      pathSerializer: (url, values) => this.#fillPath(url, values),
      // The escape hatch's calls: options carried on the request, bodies buffered here.
      fetch: (request) => {
        const { timeout, retryAfterSendFailure } = request as Request & CarriedOptions;
        // The retrying fetch checks retryAfterSendFailure (undefined: true).
        const call = {
          timeout: timeout === undefined ? this.timeout : checkTimeout(timeout),
          retryAfterSendFailure: retryAfterSendFailure as boolean,
        };
        return this.#send(request, call, true).then((sent) => sent.handed);
      },
    });
  }

  /**
   * Registers openapi-fetch middleware for every call, the client's methods and `openapi` alike.
   *
   * @param middleware `{ onRequest, onResponse, onError }` objects.
   */
  use(...middleware: Middleware[]): void {
    this.openapi.use(...middleware);
  }

  /**
   * Unregisters middleware.
   *
   * @param middleware Middleware given to `use`.
   */
  eject(...middleware: Middleware[]): void {
    this.openapi.eject(...middleware);
  }

  /**
   * Sends one call of a client method through openapi-fetch and reads its answer.
   *
   * @param name The method's name, for argument errors.
   * @param options The caller's per-call options.
   * @param send Makes the openapi-fetch call, spreading `init` into its options.
   * @param how Whether it is a write, and may be re-sent after a transport failure.
   * @returns The answer; a non-2xx answer or a 2xx body that is not JSON throws `SCIMApiError`.
   */
  async call(
    name: string,
    options: CallOptions | undefined,
    send: (init: SendInit) => Promise<{ response: Response; data?: unknown; error?: unknown }>,
    how: CallHow = {},
  ): Promise<Answer> {
    const { write = false, retryAfterSendFailure = true } = how;
    const { signal, timeout } = checkCallOptions(name, options, this.timeout);
    signal?.throwIfAborted();
    // The caller's signal, or none: then no signal is combined with the timeout's.
    const retry: RetryCallOptions = { timeout, retryAfterSendFailure, signal: signal ?? null };
    // The request this call sent last, and its answer (set once, read after openapi-fetch).
    let sent: Sent | undefined;
    const init: SendInit = {
      fetch: async (request) => (sent = await this.#send(request, retry, false)).handed,
      parseAs: "text",
      signal: signal ?? null,
    };
    if (write) init.headers = this.#writeHeaders;
    let result: { response: Response; data?: unknown; error?: unknown };
    try {
      result = await send(init);
    } catch (error) {
      // openapi-fetch reading a 2xx body failed: the call's timeout, the caller's abort, or a body
      // Slack's answer lost (what the retrying fetch threw comes through as it is).
      // (Middleware that threw, or read a body it replaced, leaves this answer's body unused.)
      const read = sent !== undefined && sent.text === undefined && sent.response.ok;
      if (!read || !sent!.response.bodyUsed) throw error;
      throw this.#unreadable(sent!.request, sent!.response, readFailure(sent!.response, error));
    }
    return this.#answer(result, sent);
  }

  /**
   * Sends a request the way every call does: to the base URL's origin only, never following a
   * redirect, through the retrying fetch. Error answers (and every answer of the escape hatch)
   * are read here, within the call's timeout, and handed on as a copy whose body is that text.
   *
   * @returns What was sent and what came back; `handed` is what openapi-fetch gets.
   */
  async #send(request: Request, call: RetryCallOptions, buffer: boolean): Promise<Sent> {
    // Middleware (or an escape-hatch caller) may have asked for another redirect mode.
    if (request.redirect !== "manual") request = new Request(request, { redirect: "manual" });
    // The token belongs to the base URL's origin: a request for another one (a middleware that
    // rewrote the URL or sends one of its own, a per-call baseUrl) is refused, never sent.
    const elsewhere = addressedElsewhere(request, this.#origin);
    if (elsewhere !== undefined) throw elsewhere;
    let response: Response;
    try {
      response = await this.#retrying(request, call);
    } catch (error) {
      // A pacer that re-addressed an attempt: refused beneath it, as above.
      throw isRequestFailedError(error) && isSCIMRedirectError(error.cause) ? error.cause : error;
    }
    // A redirect, or an answer from another origin, is never read as Slack's (its body is
    // released unread).
    // (The request is known here, so the details' method and path are strings.)
    refuseRedirect(
      response,
      request.url,
      this.baseUrl,
      () => this.#details(request, response) as { method: string; path: string },
    );
    if ((response.ok && !buffer) || response.status < 200) {
      return { request, response, handed: response, text: undefined };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.#unreadable(request, response, readFailure(response, error));
    }
    // A 204, 205 or 304 may not have a body, even an empty one.
    const { status } = response;
    const handed = new Response(
      status === 204 || status === 205 || status === 304 ? null : text,
      response,
    );
    return { request, response, handed, text };
  }

  /** Turns the answer openapi-fetch returned into an `Answer`, throwing for an error. */
  #answer(
    result: { response: Response; data?: unknown; error?: unknown },
    sent: Sent | undefined,
  ): Answer {
    const { response, data, error } = result;
    let text: string;
    if (sent?.text !== undefined && response === sent.handed) {
      text = sent.text;
    } else if (response.ok) {
      // parseAs "text"; nothing read for a 204, a HEAD or a Content-Length of 0.
      text = typeof data === "string" ? data : "";
    } else {
      // Middleware replaced an error answer, which openapi-fetch then read and parsed.
      text = typeof error === "string" ? error : JSON.stringify(error) ?? "";
    }
    const answer: Answer = {
      status: response.status,
      headers: response.headers,
      text,
      body: undefined,
      ...this.#details(sent?.request, sent?.response),
    };
    if (!response.ok) throw new SCIMApiError(answer, answer);
    // A blank body is an empty one; anything else must be JSON.
    if (text.trim() !== "") {
      try {
        answer.body = JSON.parse(text);
      } catch {
        throw new SCIMApiError(answer, { ...answer, expected: "JSON" });
      }
    }
    return answer;
  }

  /**
   * What a failed body read throws: the call's timeout (`RequestTimeoutError`) or the caller's
   * abort as they are; anything else is an answer Slack gave that could not be read.
   */
  #unreadable(request: Request | undefined, response: Response, error: unknown): unknown {
    if (isRequestTimeoutError(error) || request?.signal.aborted) return error;
    const answer = { status: response.status, headers: response.headers, text: "" };
    return new SCIMApiError(answer, {
      ...this.#details(request, response),
      // `expected` only counts for a 2xx.
      expected: "a complete body",
      note: `the body could not be read (${messageOf(error)})`,
      cause: error,
    });
  }

  /** The call fields of an answer or error: method, path, and the retrying fetch's stats. */
  #details(request: Request | undefined, response: Response | undefined) {
    const stats = response && retryStatsOf(response);
    return {
      method: request?.method,
      path: request && this.#pathOf(request.url),
      attempts: stats?.attempts ?? 0,
      totalRetryDelay: stats?.totalRetryDelay ?? 0,
      failedAttempts: stats?.failedAttempts ?? NO_ATTEMPTS,
    };
  }

  /** Fills a spec path's parameters, percent-encoded; each one is required. */
  #fillPath(url: string, values: Record<string, unknown>): string {
    const path = url.startsWith(this.baseUrl) ? url.slice(this.baseUrl.length - 1) : url;
    return url.replace(/\{([^{}]+)\}/g, (_, name: string) => {
      // Every path parameter is required by the types; a gap is a bug, not a request to send.
      if (!Object.hasOwn(values, name) || values[name] == null) {
        throw new TypeError(`Cannot build ${path}: no ${name}`);
      }
      return encode(path, name, String(values[name]));
    });
  }

  /** The path of a URL relative to the base URL, without its query. */
  #pathOf(url: string): string {
    const query = url.indexOf("?");
    const withoutQuery = query < 0 ? url : url.slice(0, query);
    return withoutQuery.startsWith(this.baseUrl)
      ? withoutQuery.slice(this.baseUrl.length)
      : withoutQuery;
  }
}
