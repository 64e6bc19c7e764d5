/**
 * The retrying fetch: attempts, handlers, waits, timeout and abort, attempt stats.
 *
 * @module
 */

import type {
  HttpRequest,
  HttpResponse,
  RetryContext,
  RetryHandler,
  RetryState,
} from "./handler.ts";
import type { Logger } from "./logger.ts";
import { pathOf } from "./_path.ts";
import { RequestFailedError } from "./request_failed_error.ts";
import { RequestTimeoutError } from "./request_timeout_error.ts";

/** A standard fetch handler: one `Request` in, one `Response` out. */
export type Transport = (request: Request) => Promise<Response>;

/** Options for {@linkcode createRetryingFetch}. */
export interface RetryingFetchOptions {
  /** The transport. Defaults to `globalThis.fetch`, looked up at every call. */
  fetch?: Transport;
  /** Returns the handlers to consult; called at every call, so a live, mutable list works. */
  retryHandlers: () => readonly RetryHandler[];
  /** Waits `ms`, rejecting with `signal.reason` when `signal` aborts. Defaults to an abortable `setTimeout`. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock, in milliseconds since the epoch, for HTTP-date `Retry-After` and deadlines. Defaults to `Date.now`. */
  now?: () => number;
  /** Makes the signal that fires when a call's timeout elapses. Defaults to `AbortSignal.timeout`; tests inject one. */
  timeoutSignal?: (ms: number) => AbortSignal;
  /** Receives a debug line per attempt and a warning per retry or give-up, never headers. */
  logger?: Logger;
}

/** Options for one call of a {@linkcode RetryingFetch}. */
export interface RetryCallOptions {
  /** Milliseconds for the whole call, attempts and waits included; 0 or undefined means none. */
  timeout?: number;
  /**
   * Whether an attempt that got no answer may be retried. Defaults to true. False: the first
   * transport error is thrown at once as a `RequestFailedError` (for writes that must not be
   * sent twice blindly).
   */
  retryAfterSendFailure?: boolean;
}

/** A fetch that retries as its handlers decide. */
export type RetryingFetch = (request: Request, call?: RetryCallOptions) => Promise<Response>;

/** One failed attempt: a transport error, or an HTTP answer that was retried. */
export type FailedAttempt =
  | { readonly kind: "error"; readonly error: unknown }
  | { readonly kind: "response"; readonly status: number };

/** How a response was obtained. */
export interface RetryStats {
  /** Attempts sent, 1 meaning no retry. */
  readonly attempts: number;
  /** Milliseconds waited between attempts. */
  readonly totalRetryDelay: number;
  /** Every attempt but the one returned, in order. */
  readonly failedAttempts: readonly FailedAttempt[];
  /** Why a handler declined to retry the returned answer, when one said so (e.g. a `Retry-After` beyond its cap). */
  readonly giveUpReason?: string;
}

const statsByResponse = new WeakMap<Response, RetryStats>();
const NO_FAILURES: readonly FailedAttempt[] = Object.freeze([]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Returns how a response from a retrying fetch was obtained.
 *
 * @param response A response returned by a {@linkcode RetryingFetch}.
 * @returns Its stats, or `undefined` for a response that did not come from one.
 *
 * @example Stats of a call that needed no retry
 * ```ts
 * import { createRetryingFetch, retryStatsOf } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const fetch = createRetryingFetch({ retryHandlers: () => [], fetch: () => Promise.resolve(new Response("ok")) });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"));
 * assert.deepEqual(retryStatsOf(response), { attempts: 1, totalRetryDelay: 0, failedAttempts: [] });
 * assert.equal(retryStatsOf(new Response()), undefined);
 * ```
 */
export function retryStatsOf(response: Response): RetryStats | undefined {
  return statsByResponse.get(response);
}

/**
 * Wraps a transport so that failed attempts are retried as the handlers decide. Each call sends
 * the request, and for every failed attempt (a transport error, or an answer outside 2xx)
 * consults the handlers in order; the first whose `canRetry` is true gives the wait before the
 * next attempt. All handlers share one retry counter per call. Waits are cancelled by the
 * request's signal (the call then rejects with `signal.reason`) and by the call's `timeout`
 * (`RequestTimeoutError`). When the last attempt got no answer the call throws
 * `RequestFailedError`. A request body is read once and re-sent identically on every attempt.
 *
 * @param options The transport, the handlers and the injectable clock, sleep and logger.
 * @returns The retrying fetch.
 *
 * @example Retry a 503 once
 * ```ts
 * import { createRetryingFetch, retryStatsOf, ServerErrorRetryHandler } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const answers = [503, 200];
 * const fetch = createRetryingFetch({
 *   retryHandlers: () => [new ServerErrorRetryHandler()],
 *   fetch: () => Promise.resolve(new Response(null, { status: answers.shift()! })),
 *   sleep: () => Promise.resolve(), // don't really wait in an example
 * });
 * const response = await fetch(new Request("https://api.slack.com/scim/v1/Users"), { timeout: 30_000 });
 * assert.equal(response.status, 200);
 * assert.equal(retryStatsOf(response)?.attempts, 2);
 * ```
 */
export function createRetryingFetch(options: RetryingFetchOptions): RetryingFetch {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot create a retrying fetch: options "${String(options)}" is not an object`,
    );
  }
  const { retryHandlers, fetch, sleep = abortableSleep, now = Date.now, logger } = options;
  const timeoutSignal = options.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms));
  if (typeof retryHandlers !== "function") {
    throw new TypeError(`Cannot use retryHandlers: "${String(retryHandlers)}" is not a function`);
  }
  for (
    const [name, value] of [["fetch", fetch], ["sleep", sleep], ["now", now], [
      "timeoutSignal",
      timeoutSignal,
    ]] as const
  ) {
    if (value !== undefined && typeof value !== "function") {
      throw new TypeError(`Cannot use ${name}: "${String(value)}" is not a function`);
    }
  }
  if (
    logger !== undefined &&
    (typeof logger?.debug !== "function" || typeof logger?.warn !== "function")
  ) {
    throw new TypeError(`Cannot use logger: "${String(logger)}" has no debug and warn methods`);
  }
  const deps: CallDeps = { retryHandlers, fetch, sleep, now, timeoutSignal, logger };
  return (request, call) => retryingCall(deps, request, call);
}

interface CallDeps {
  retryHandlers: () => readonly RetryHandler[];
  fetch: Transport | undefined;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
  timeoutSignal: (ms: number) => AbortSignal;
  logger: Logger | undefined;
}

interface MutableState extends RetryState {
  currentAttempt: number;
  attempts: number;
  totalRetryDelay: number;
}

async function retryingCall(
  deps: CallDeps,
  request: Request,
  call: RetryCallOptions = {},
): Promise<Response> {
  if (!(request instanceof Request)) {
    throw new TypeError(`Cannot send "${String(request)}": it is not a Request`);
  }
  const { timeout = 0, retryAfterSendFailure = true } = call;
  if (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout < 0) {
    throw new RangeError(
      `Cannot use timeout: "${timeout}" is not a finite number of milliseconds >= 0`,
    );
  }
  if (typeof retryAfterSendFailure !== "boolean") {
    throw new TypeError(
      `Cannot use retryAfterSendFailure: "${String(retryAfterSendFailure)}" is not a boolean`,
    );
  }
  const handlers = deps.retryHandlers();
  if (!Array.isArray(handlers)) {
    throw new TypeError(
      `Cannot use retryHandlers: it returned "${String(handlers)}", not an array`,
    );
  }
  handlers.forEach((handler, index) => {
    if (
      typeof handler?.canRetry !== "function" || typeof handler.prepareForNextAttempt !== "function"
    ) {
      throw new TypeError(
        `Cannot use retry handler ${index}: "${String(handler)}" is not a RetryHandler`,
      );
    }
  });
  const transport = deps.fetch ?? globalThis.fetch;
  const { method, url } = request;
  const callerSignal = request.signal;
  if (callerSignal.aborted) throw callerSignal.reason;

  let timeoutSignal: AbortSignal | undefined;
  let signal = callerSignal;
  let deadline = Infinity;
  if (timeout > 0) {
    timeoutSignal = deps.timeoutSignal(timeout);
    signal = AbortSignal.any([callerSignal, timeoutSignal]);
    deadline = deps.now() + timeout;
  }
  // Read the body once: a Request body can be sent only once, and every attempt must carry it.
  const body = request.body === null ? null : await request.arrayBuffer();

  // Allocated on first use: most calls never fail, and a GET must cost almost nothing.
  let customValues: Map<string, unknown> | undefined;
  const state: MutableState = {
    currentAttempt: 0,
    attempts: 0,
    totalRetryDelay: 0,
    get customValues() {
      return customValues ??= new Map();
    },
    giveUpReason: undefined,
  };
  let failedAttempts: FailedAttempt[] | undefined;
  let sendFailed = false;
  let view: HttpRequest | undefined;
  let pathText: string | undefined;
  const pathFor = () => pathText ??= pathOf(url);
  const details = () => ({
    method,
    url,
    attempts: state.attempts,
    totalRetryDelay: state.totalRetryDelay,
    mayHaveBeenApplied: sendFailed && !SAFE_METHODS.has(method),
    failedAttempts: failedAttempts ?? NO_FAILURES,
  });
  const timedOut = (cause?: unknown) =>
    new RequestTimeoutError(
      { ...details(), timeout },
      cause === undefined ? undefined : { cause },
    );

  while (true) {
    state.attempts++;
    // A bodiless request without a timeout is sent as is: the common GET costs nothing extra.
    const attempt = body !== null
      ? new Request(request, { body, signal })
      : signal === callerSignal
      ? request
      : new Request(request, { signal });
    deps.logger?.debug(`Sending ${method} ${pathFor()}`, {
      method,
      path: pathFor(),
      attempt: state.attempts,
    });
    let response: Response | undefined;
    let error: unknown;
    try {
      response = await transport(attempt);
    } catch (e) {
      error = e;
      if (callerSignal.aborted) throw callerSignal.reason;
      if (timeoutSignal?.aborted) {
        sendFailed = true;
        throw timedOut(e);
      }
      sendFailed = true;
    }
    if (response?.ok) return withStats(response, state, failedAttempts);
    if (response !== undefined) {
      deps.logger?.debug(`${method} ${pathFor()} answered ${response.status}`, {
        method,
        path: pathFor(),
        attempt: state.attempts,
        status: response.status,
      });
    } else if (!retryAfterSendFailure) {
      (failedAttempts ??= []).push({ kind: "error", error });
      deps.logger?.warn(`${method} ${pathFor()} got no answer; not retried`, {
        method,
        path: pathFor(),
        attempt: state.attempts,
        error: describe(error),
      });
      throw new RequestFailedError(details(), { cause: error });
    }

    const context: RetryContext = {
      state,
      request: view ??= viewOf(request),
      ...(response === undefined
        ? { error }
        : { response: { status: response.status, headers: response.headers } as HttpResponse }),
      now: deps.now(),
    };
    let chosen: RetryHandler | undefined;
    for (const handler of handlers) {
      if (await handler.canRetry(context)) {
        chosen = handler;
        break;
      }
    }
    if (chosen === undefined) {
      if (response !== undefined) {
        if (state.giveUpReason !== undefined) {
          deps.logger?.warn(
            `${method} ${pathFor()} answered ${response.status}; not retried: ${state.giveUpReason}`,
            {
              method,
              path: pathFor(),
              attempt: state.attempts,
              status: response.status,
            },
          );
        }
        return withStats(response, state, failedAttempts);
      }
      (failedAttempts ??= []).push({ kind: "error", error });
      deps.logger?.warn(`${method} ${pathFor()} got no answer after ${state.attempts} attempts`, {
        method,
        path: pathFor(),
        attempts: state.attempts,
        error: describe(error),
      });
      throw new RequestFailedError(details(), { cause: error });
    }

    const delay = chosen.prepareForNextAttempt(context);
    if (typeof delay !== "number" || !Number.isFinite(delay) || delay < 0) {
      throw new RangeError(
        `Cannot wait "${delay}" ms before retrying ${method} ${pathFor()}: ${chosen.constructor.name}.prepareForNextAttempt() must return a finite number >= 0`,
      );
    }
    (failedAttempts ??= []).push(
      response === undefined
        ? { kind: "error", error }
        : { kind: "response", status: response.status },
    );
    // The failed answer is never read: release its connection.
    response?.body?.cancel().catch(() => {});
    state.giveUpReason = undefined;
    if (deps.now() + delay >= deadline) {
      // No point waiting for a retry that cannot start before the timeout.
      throw timedOut(error);
    }
    deps.logger?.warn(
      `Retrying ${method} ${pathFor()} in ${Math.round(delay)} ms after ${
        response === undefined ? describe(error) : `status ${response.status}`
      }`,
      {
        method,
        path: pathFor(),
        attempt: state.attempts,
        delay,
        handler: chosen.constructor.name,
        ...(response === undefined ? {} : { status: response.status }),
      },
    );
    if (delay > 0) {
      const started = deps.now();
      try {
        await deps.sleep(delay, signal);
      } catch (e) {
        state.totalRetryDelay += Math.min(delay, Math.max(0, deps.now() - started));
        if (callerSignal.aborted) throw callerSignal.reason;
        if (timeoutSignal?.aborted) throw timedOut();
        throw e;
      }
    }
    // A sleep that resolves despite an abort must not start another attempt.
    if (callerSignal.aborted) throw callerSignal.reason;
    if (timeoutSignal?.aborted) throw timedOut();
    state.totalRetryDelay += delay;
    state.currentAttempt++;
  }
}

function withStats(
  response: Response,
  state: MutableState,
  failedAttempts: FailedAttempt[] | undefined,
): Response {
  statsByResponse.set(response, {
    attempts: state.attempts,
    totalRetryDelay: state.totalRetryDelay,
    failedAttempts: failedAttempts ?? NO_FAILURES,
    ...(state.giveUpReason === undefined ? {} : { giveUpReason: state.giveUpReason }),
  });
  return response;
}

function viewOf(request: Request): HttpRequest {
  const headers = new Headers(request.headers);
  headers.delete("authorization");
  headers.delete("proxy-authorization");
  return { method: request.method, url: request.url, headers };
}

/** Names an error for a log line without its stack. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code ??
      (error as { code?: unknown }).code;
    return `${error.name}: ${error.message}${typeof code === "string" ? ` (${code})` : ""}`;
  }
  return String(error);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
