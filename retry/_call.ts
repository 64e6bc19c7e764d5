// Internal: the retry loop shared by `createRetryingFetch` and the SCIM client.
//
// The client builds its request once with the final signal already on it (caller's signal and
// timeout combined), so the common call sends that very Request: no second `Request`, no
// `AbortSignal.any` when the caller gave no signal, no body copy unless an attempt is retried.

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
import { parseRetryAfter } from "./retry_after.ts";
import { abortableSleep } from "./_sleep.ts";
import type { FailedAttempt, RetryStats } from "./stats.ts";

/** What every call of one retrying fetch shares. */
export interface CallDeps {
  retryHandlers: () => readonly RetryHandler[];
  fetch: ((request: Request) => Promise<Response>) | undefined;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
  timeoutSignal: (ms: number) => AbortSignal;
  logger: Logger | undefined;
}

/** Options as `createRetryingFetch` takes them (its public type lives in fetch.ts). */
export interface CallDepsOptions {
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  retryHandlers: () => readonly RetryHandler[];
  sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
  now?: (() => number) | undefined;
  timeoutSignal?: ((ms: number) => AbortSignal) | undefined;
  logger?: Logger | undefined;
}

/**
 * Checks the options of a retrying fetch and fills in the defaults.
 *
 * @param options The transport, the handlers and the injectable clock, sleep and logger.
 * @returns What every call shares.
 */
export function callDeps(options: CallDepsOptions): CallDeps {
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
  return { retryHandlers, fetch, sleep, now, timeoutSignal, logger };
}

/** A call's signals, made before its request is built. */
export interface Armed {
  /** What attempts and waits listen to: the caller's signal, the timeout, or both. */
  signal: AbortSignal | undefined;
  /** The caller's signal, if any. */
  callerSignal: AbortSignal | undefined;
  /** Fires when the timeout elapses; undefined without a timeout. */
  timeoutSignal: AbortSignal | undefined;
  /** The timeout in milliseconds (0: none). */
  timeout: number;
  /** When the timeout elapses on the injected clock (Infinity: never). */
  deadline: number;
}

/**
 * Makes a call's timeout signal and combines it with the caller's. `AbortSignal.any` only when
 * both exist: it costs a dependent signal and weak references per call.
 *
 * @param deps The retrying fetch's dependencies.
 * @param callerSignal The caller's signal, if any.
 * @param timeout Milliseconds for the whole call (0: none), already checked.
 * @returns The signals.
 */
export function arm(deps: CallDeps, callerSignal: AbortSignal | undefined, timeout: number): Armed {
  if (timeout <= 0) {
    return {
      signal: callerSignal,
      callerSignal,
      timeoutSignal: undefined,
      timeout,
      deadline: Infinity,
    };
  }
  const timeoutSignal = deps.timeoutSignal(timeout);
  return {
    signal: callerSignal === undefined
      ? timeoutSignal
      : AbortSignal.any([callerSignal, timeoutSignal]),
    callerSignal,
    timeoutSignal,
    timeout,
    deadline: deps.now() + timeout,
  };
}

/** One call to send. */
export interface Sending extends Armed {
  /** The request. */
  request: Request;
  /** The body every rebuilt attempt carries (read once, re-sent identically); null when none. */
  body: BodyInit | null;
  /**
   * Which attempts send `request` itself rather than a copy carrying `signal` and `body`:
   * "always" when it was built with the call's signal and has no body, "first" when it was built
   * with the call's signal and its body is unread, "never" otherwise.
   */
  reuse: "always" | "first" | "never";
  /** False for writes that must never be re-sent after a transport failure. */
  retryAfterSendFailure: boolean;
}

interface MutableState extends RetryState {
  currentAttempt: number;
  attempts: number;
  totalRetryDelay: number;
}

const NO_FAILURES: readonly FailedAttempt[] = Object.freeze([]);
// The stats of nearly every call, shared: a call answered by its first attempt.
const FIRST_TRY: RetryStats = Object.freeze({
  attempts: 1,
  totalRetryDelay: 0,
  failedAttempts: NO_FAILURES,
});
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Checks the handler list the call will consult (before anything is sent).
 *
 * @param deps The retrying fetch's dependencies.
 * @returns The handlers.
 */
export function handlersOf(deps: CallDeps): readonly RetryHandler[] {
  const handlers = deps.retryHandlers();
  if (!Array.isArray(handlers)) {
    throw new TypeError(
      `Cannot use retryHandlers: it returned "${String(handlers)}", not an array`,
    );
  }
  for (let index = 0; index < handlers.length; index++) {
    const handler = handlers[index];
    if (
      typeof handler?.canRetry !== "function" || typeof handler.prepareForNextAttempt !== "function"
    ) {
      throw new TypeError(
        `Cannot use retry handler ${index}: "${String(handler)}" is not a RetryHandler`,
      );
    }
  }
  return handlers;
}

/**
 * Sends the attempts of one call as the handlers decide. Waits end on the signal; a timeout
 * throws `RequestTimeoutError`, the caller's abort its reason, a last attempt without an answer
 * `RequestFailedError`. A wait that would end after the deadline is not started: the failed
 * answer is returned with a give-up reason, or `RequestFailedError` thrown.
 *
 * @param deps The retrying fetch's dependencies.
 * @param sending The request, its signals and body.
 * @param handlers The handlers, checked.
 * @returns The response and how it was obtained.
 */
export async function sendAttempts(
  deps: CallDeps,
  sending: Sending,
  handlers: readonly RetryHandler[],
): Promise<{ response: Response; stats: RetryStats }> {
  const { request, callerSignal, timeoutSignal, body, timeout, deadline } = sending;
  const signal = sending.signal ?? request.signal;
  if (callerSignal?.aborted) throw callerSignal.reason;
  const transport = deps.fetch ?? globalThis.fetch;
  const { method, url } = request;
  const attemptRequest = (attempts: number) =>
    sending.reuse === "always" || (sending.reuse === "first" && attempts === 1)
      ? request
      : new Request(request, body === null ? { signal } : { body, signal });

  // Nearly every call is answered 2xx by its first attempt: without a logger, that path
  // allocates nothing else (no state, no closures, shared stats).
  let first: { response: Response | undefined; error: unknown; threw: boolean } | undefined;
  if (deps.logger === undefined) {
    let response: Response | undefined;
    let error: unknown;
    let threw = false;
    try {
      response = await transport(attemptRequest(1));
    } catch (e) {
      error = e;
      threw = true;
    }
    if (response?.ok) return { response, stats: FIRST_TRY };
    first = { response, error, threw };
  }

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
  const done = (response: Response): { response: Response; stats: RetryStats } => {
    const { attempts, totalRetryDelay, giveUpReason } = state;
    if (attempts === 1 && giveUpReason === undefined) return { response, stats: FIRST_TRY };
    const stats: RetryStats = giveUpReason === undefined
      ? { attempts, totalRetryDelay, failedAttempts: failedAttempts ?? NO_FAILURES }
      : { attempts, totalRetryDelay, failedAttempts: failedAttempts ?? NO_FAILURES, giveUpReason };
    return { response, stats };
  };

  while (true) {
    state.attempts++;
    let response: Response | undefined;
    let error: unknown;
    let threw = false;
    if (first !== undefined) {
      ({ response, error, threw } = first);
      first = undefined;
    } else {
      const attempt = attemptRequest(state.attempts);
      deps.logger?.debug(`Sending ${method} ${pathFor()}`, {
        method,
        path: pathFor(),
        attempt: state.attempts,
      });
      try {
        response = await transport(attempt);
      } catch (e) {
        error = e;
        threw = true;
      }
    }
    if (threw) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      sendFailed = true;
      if (timeoutSignal?.aborted) throw timedOut(error);
    }
    if (response?.ok) return done(response);
    if (response !== undefined) {
      deps.logger?.debug(`${method} ${pathFor()} answered ${response.status}`, {
        method,
        path: pathFor(),
        attempt: state.attempts,
        status: response.status,
      });
    } else if (!sending.retryAfterSendFailure) {
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
    let delay: number;
    try {
      for (const handler of handlers) {
        if (await handler.canRetry(context)) {
          chosen = handler;
          break;
        }
      }
      delay = chosen === undefined ? 0 : chosen.prepareForNextAttempt(context);
      if (
        chosen !== undefined && (typeof delay !== "number" || !Number.isFinite(delay) || delay < 0)
      ) {
        throw new RangeError(
          `Cannot wait "${delay}" ms before retrying ${method} ${pathFor()}: ${chosen.constructor.name}.prepareForNextAttempt() must return a finite number >= 0`,
        );
      }
    } catch (e) {
      // Nobody will read the failed answer now: release its connection.
      response?.body?.cancel().catch(() => {});
      throw e;
    }
    if (chosen !== undefined) {
      const left = deadline - deps.now();
      if (delay >= left) {
        // A retry that cannot start before the timeout is not waited for; what Slack said (a
        // 429's Retry-After) goes back to the caller instead of a timeout that did not happen.
        const retryAfter = response === undefined
          ? undefined
          : parseRetryAfter(response.headers.get("retry-after"), context.now);
        state.giveUpReason = `${retryAfter === delay ? "Retry-After" : "A retry wait"} of ${
          Math.round(delay)
        } ms exceeds the time left before the timeout (${Math.max(0, Math.round(left))} ms)`;
        chosen = undefined;
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
        return done(response);
      }
      (failedAttempts ??= []).push({ kind: "error", error });
      const reason = state.giveUpReason;
      deps.logger?.warn(
        `${method} ${pathFor()} got no answer after ${state.attempts} attempts${
          reason === undefined ? "" : `; not retried: ${reason}`
        }`,
        {
          method,
          path: pathFor(),
          attempts: state.attempts,
          error: describe(error),
        },
      );
      const failed = new RequestFailedError(details(), { cause: error });
      if (reason !== undefined) failed.message += `; not retried: ${reason}`;
      throw failed;
    }

    (failedAttempts ??= []).push(
      response === undefined
        ? { kind: "error", error }
        : { kind: "response", status: response.status },
    );
    // The failed answer is never read: release its connection.
    response?.body?.cancel().catch(() => {});
    state.giveUpReason = undefined;
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
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (timeoutSignal?.aborted) throw timedOut();
        throw e;
      }
    }
    // A sleep that resolves despite an abort must not start another attempt.
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timeoutSignal?.aborted) throw timedOut();
    state.totalRetryDelay += delay;
    state.currentAttempt++;
  }
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
