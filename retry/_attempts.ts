// Internal: the attempts of one call of `createRetryingFetch`, as the handlers decide: send,
// classify the outcome, choose a retry, then wait or give up.
//
// Every attempt is a Request of its own, made from the caller's with the call's signal and the
// body read once: what the transport under it does to an attempt never reaches the caller, its
// middleware or a later attempt.

import type { HttpRequest, HttpResponse, RetryContext, RetryHandler } from "./handler.ts";
import type { CallDeps, Sending } from "./_arm.ts";
import { CallProgress, FIRST_TRY } from "./_call_progress.ts";
import { RequestFailedError } from "./request_failed_error.ts";
import { isLocalFailure, notSentError } from "./_local_failure.ts";
import { bounded, quote } from "../common/quote.ts";
import { parseRetryAfter } from "./retry_after.ts";
import type { RetryStats } from "./stats.ts";

/**
 * The most attempts one call makes, whatever its handlers say: far beyond any retry budget a
 * handler is given (the defaults allow a handful), low enough that a handler that never stops
 * ends with a message instead of a heap that grows until the process dies.
 */
export const MAX_ATTEMPTS = 1000;

/** What an attempt came back with: an answer, or what the transport threw. */
interface Outcome {
  response?: Response;
  error?: unknown;
  threw?: boolean;
}

/** The handler that will retry, and the wait before it does. */
interface Retry {
  handler: RetryHandler;
  delay: number;
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
  const { callerSignal } = sending;
  if (callerSignal?.aborted) throw callerSignal.reason;
  const transport = deps.fetch ?? globalThis.fetch;

  // Nearly every call is answered 2xx by its first attempt: without a logger, that path
  // allocates only its outcome (no call progress, shared stats).
  let sent: Outcome | undefined; // an attempt sent but not yet classified
  if (deps.logger === undefined) {
    sent = await send(sending, transport);
    if (sent.response?.ok) return { response: sent.response, stats: FIRST_TRY };
  }

  const call = new CallProgress(sending, deps.logger);
  const { state, method } = call;
  let view: HttpRequest | undefined;
  while (true) {
    // Send (the first attempt may have been sent already).
    state.attempts++;
    if (sent === undefined) {
      deps.logger?.debug(`Sending ${method} ${call.path}`, {
        method,
        path: call.path,
        attempt: state.attempts,
      });
      sent = await send(sending, transport);
    }
    const { response, error, threw } = sent;
    sent = undefined;

    // Classify: a 2xx answer ends the call, so do an abort and the timeout.
    if (threw) {
      // Refused before sending (a blocked port, a URL or header the runtime cannot send).
      if (isLocalFailure(error)) throw notSentError(call.details(), error);
      call.sendFailed();
      call.throwIfEnded(error);
    }
    if (response?.ok) return call.done(response);
    if (response !== undefined) {
      deps.logger?.debug(`${method} ${call.path} answered ${response.status}`, {
        method,
        path: call.path,
        attempt: state.attempts,
        status: response.status,
      });
    } else if (!sending.retryAfterSendFailure) {
      call.fail({ kind: "error", error });
      deps.logger?.warn(`${method} ${call.path} got no answer; not retried`, {
        method,
        path: call.path,
        attempt: state.attempts,
        error: describe(error),
      });
      throw new RequestFailedError(call.details(), { cause: error });
    }

    // Choose.
    const context: RetryContext = {
      state,
      request: view ??= viewOf(sending.request),
      ...(response === undefined
        ? { error }
        : { response: { status: response.status, headers: response.headers } as HttpResponse }),
      now: deps.now(),
    };
    const retry = await chooseRetry(call, context, handlers, response, sending.deadline, deps.now);
    if (retry === undefined) return giveUp(call, response, error);
    if (state.attempts >= MAX_ATTEMPTS) {
      // A handler that never stops (or a clock whose waits take no time) must not grow a call's
      // attempt records until the heap runs out.
      state.giveUpReason = `${MAX_ATTEMPTS} attempts is the most one call makes`;
      return giveUp(call, response, error);
    }

    // Wait, then go round again.
    const { handler, delay } = retry;
    call.fail(
      response === undefined
        ? { kind: "error", error }
        : { kind: "response", status: response.status },
    );
    // The failed answer is never read: release its connection.
    response?.body?.cancel().catch(() => {});
    state.giveUpReason = undefined;
    deps.logger?.warn(
      `Retrying ${method} ${call.path} in ${Math.round(delay)} ms after ${
        response === undefined ? describe(error) : `status ${response.status}`
      }`,
      {
        method,
        path: call.path,
        attempt: state.attempts,
        delay,
        handler: handler.constructor.name,
        ...(response === undefined ? {} : { status: response.status }),
      },
    );
    if (delay > 0) {
      const started = deps.now();
      try {
        await deps.sleep(delay, sending.signal ?? sending.request.signal);
      } catch (e) {
        state.totalRetryDelay += Math.min(delay, Math.max(0, deps.now() - started));
        call.throwIfEnded();
        throw e;
      }
    }
    // A sleep that resolves despite an abort must not start another attempt.
    call.throwIfEnded();
    state.totalRetryDelay += delay;
    state.currentAttempt++;
  }
}

/**
 * Sends one attempt: a copy of the request carrying the call's signal and the body. The copy is
 * built outside the `try`: only what the transport throws is a failed attempt.
 *
 * @param sending The call.
 * @param transport The fetch.
 * @returns Its answer, or what the transport threw.
 */
async function send(
  sending: Sending,
  transport: (request: Request) => Promise<Response>,
): Promise<Outcome> {
  const { body, request } = sending;
  const signal = sending.signal ?? request.signal;
  const attempt = new Request(request, body === null ? { signal } : { body, signal });
  try {
    return { response: await transport(attempt) };
  } catch (error) {
    return { error, threw: true };
  }
}

/**
 * Asks the handlers, in order, whether to retry a failed attempt and how long to wait first.
 *
 * @param call The call so far.
 * @param context What the handlers judge.
 * @param handlers The handlers.
 * @param response The failed answer, if any.
 * @param deadline When the call's timeout elapses on the injected clock.
 * @param now The clock.
 * @returns The retry, or undefined when no handler retries or the wait would outlast the
 * timeout (`state.giveUpReason` then says so).
 */
async function chooseRetry(
  call: CallProgress,
  context: RetryContext,
  handlers: readonly RetryHandler[],
  response: Response | undefined,
  deadline: number,
  now: () => number,
): Promise<Retry | undefined> {
  let chosen: RetryHandler | undefined;
  let delay: number;
  try {
    for (const handler of handlers) {
      if (await handler.canRetry(context)) {
        chosen = handler;
        break;
      }
    }
    if (chosen === undefined) return undefined;
    delay = chosen.prepareForNextAttempt(context);
    // Number.isFinite is false for anything but a number.
    if (!Number.isFinite(delay) || delay < 0) {
      throw new RangeError(
        `Cannot wait ${
          quote(delay)
        } ms before retrying ${call.method} ${call.path}: ${chosen.constructor.name}.prepareForNextAttempt() must return a finite number >= 0`,
      );
    }
  } catch (e) {
    // Nobody will read the failed answer now: release its connection.
    response?.body?.cancel().catch(() => {});
    throw e;
  }
  const left = deadline - now();
  if (delay >= left) {
    // A retry that cannot start before the timeout is not waited for; what Slack said (a
    // 429's Retry-After) goes back to the caller instead of a timeout that did not happen.
    const retryAfter = response === undefined
      ? undefined
      : parseRetryAfter(response.headers.get("retry-after"), context.now);
    call.state.giveUpReason = `${retryAfter === delay ? "Retry-After" : "A retry wait"} of ${
      Math.round(delay)
    } ms ${delay > left ? "exceeds" : "equals"} the time left before the timeout (${
      Math.max(0, Math.round(left))
    } ms)`;
    return undefined;
  }
  return { handler: chosen, delay };
}

/**
 * Ends a call no handler retries: the failed answer goes back to the caller, or, without one,
 * `RequestFailedError` is thrown; either way saying why, when a handler or the timeout said so.
 *
 * @param call The call so far.
 * @param response The last attempt's answer, if it got one.
 * @param error What the transport threw, when it got none.
 * @returns The failed answer and how it was obtained.
 */
function giveUp(
  call: CallProgress,
  response: Response | undefined,
  error: unknown,
): { response: Response; stats: RetryStats } {
  const { state, method } = call;
  const reason = state.giveUpReason;
  const notRetried = reason === undefined ? "" : `; not retried: ${reason}`;
  if (response !== undefined) {
    if (reason !== undefined) {
      call.logger?.warn(`${method} ${call.path} answered ${response.status}${notRetried}`, {
        method,
        path: call.path,
        attempt: state.attempts,
        status: response.status,
      });
    }
    return call.done(response);
  }
  call.fail({ kind: "error", error });
  // "attempts", not "attempt": the line sums up the call.
  call.logger?.warn(
    `${method} ${call.path} got no answer after ${state.attempts} attempts${notRetried}`,
    {
      method,
      path: call.path,
      attempts: state.attempts,
      error: describe(error),
    },
  );
  const failed = new RequestFailedError(call.details(), { cause: error });
  failed.message += notRetried;
  throw failed;
}

/** The request as handlers see it: its credentials left out. */
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
    // Bounded: Deno's messages quote the URL, whose path may hold a 100 KB id.
    return `${error.name}: ${bounded(error.message)}${
      typeof code === "string" ? ` (${bounded(code)})` : ""
    }`;
  }
  return bounded(error);
}
