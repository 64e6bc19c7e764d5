// Internal: what a call of the retrying fetch is armed with before its first attempt: the checked
// dependencies every call shares, the handler list, and the call's signals and deadline.
//
// Used by `createRetryingFetch` only: every caller enters the retry engine through it.

import type { RetryHandler } from "./handler.ts";
import type { Logger } from "./logger.ts";
import { type Clock, systemClock } from "./clock.ts";
import { quote } from "../common/quote.ts";
import { checkHandlers } from "./handler_list.ts";

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
  clock?: Partial<Clock> | undefined;
  logger?: Logger | undefined;
}

/**
 * Checks a `clock` option (any of `now`, `sleep`, `timeout`) and fills in the system clock's.
 *
 * @param clock The caller's value.
 * @returns A whole clock.
 */
export function clockOf(clock: Partial<Clock> | undefined): Clock {
  if (clock === undefined) return systemClock;
  if (typeof clock !== "object" || clock === null) {
    throw new TypeError(`Cannot use clock: ${quote(clock)} is not an object`);
  }
  const { now = systemClock.now, sleep = systemClock.sleep, timeout = systemClock.timeout } = clock;
  for (const [name, value] of Object.entries({ now, sleep, timeout })) {
    if (typeof value !== "function") {
      throw new TypeError(`Cannot use clock.${name}: ${quote(value)} is not a function`);
    }
  }
  return { now, sleep, timeout };
}

/**
 * Checks the options of a retrying fetch and fills in the defaults.
 *
 * @param options The transport, the handlers, the clock and the logger.
 * @returns What every call shares.
 */
export function callDeps(options: CallDepsOptions): CallDeps {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `Cannot create a retrying fetch: options ${quote(options)} is not an object`,
    );
  }
  const { retryHandlers, fetch, logger } = options;
  const clock = clockOf(options.clock);
  // Only fetch may be left out (it is then looked up at every call).
  for (const [name, value] of Object.entries({ retryHandlers, fetch })) {
    if (typeof value !== "function" && !(name === "fetch" && value === undefined)) {
      throw new TypeError(`Cannot use ${name}: ${quote(value)} is not a function`);
    }
  }
  if (
    logger !== undefined &&
    (typeof logger?.debug !== "function" || typeof logger?.warn !== "function")
  ) {
    throw new TypeError(`Cannot use logger: ${quote(logger)} has no debug and warn methods`);
  }
  return {
    retryHandlers,
    fetch,
    sleep: (ms, signal) => clock.sleep(ms, signal),
    now: () => clock.now(),
    timeoutSignal: (ms) => clock.timeout(ms),
    logger,
  };
}

/** A call's signals and deadline. */
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
export function arm(
  deps: Pick<CallDeps, "now" | "timeoutSignal">,
  callerSignal: AbortSignal | undefined,
  timeout: number,
): Armed {
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
    signal: callerSignal ? AbortSignal.any([callerSignal, timeoutSignal]) : timeoutSignal,
    callerSignal,
    timeoutSignal,
    timeout,
    deadline: deps.now() + timeout,
  };
}

/** One call to send. */
export interface Sending extends Armed {
  /** The request as the caller gave it; never sent itself (each attempt is a copy). */
  request: Request;
  /** The body every attempt carries (read once, re-sent identically); null when none. */
  body: BodyInit | null;
  /** False for writes that must never be re-sent after a transport failure. */
  retryAfterSendFailure: boolean;
}

/**
 * Checks the handler list the call will consult (before anything is sent).
 *
 * @param deps The retrying fetch's dependencies.
 * @returns The handlers.
 */
export function handlersOf(deps: CallDeps): readonly RetryHandler[] {
  return checkHandlers(deps.retryHandlers());
}
