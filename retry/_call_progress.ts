// Internal: what one call of the retrying fetch has been through, kept apart from the attempt
// loop (_attempts.ts): the retry state handlers share, the failed attempts, and the stats and
// error details built from them. Handlers see only `state`.

import type { RetryState } from "./handler.ts";
import type { Logger } from "./logger.ts";
import type { Sending } from "./_arm.ts";
import { mayHaveBeenApplied } from "./may_have_been_applied.ts";
import { pathOf } from "./_path.ts";
import type { RetryErrorDetails } from "./request_failed_error.ts";
import { RequestTimeoutError } from "./request_timeout_error.ts";
import type { FailedAttempt, RetryStats } from "./stats.ts";

/** The retry state as the attempt loop updates it. */
export interface MutableState extends RetryState {
  currentAttempt: number;
  attempts: number;
  totalRetryDelay: number;
}

const NO_FAILURES: readonly FailedAttempt[] = Object.freeze([]);
/** The stats of nearly every call, shared: a call answered by its first attempt. */
export const FIRST_TRY: RetryStats = Object.freeze({
  attempts: 1,
  totalRetryDelay: 0,
  failedAttempts: NO_FAILURES,
});

/** One call past its first attempt: made only once that attempt failed, or when logging. */
export class CallProgress {
  // Declared only: the constructor assigns every field, in this order (no emitted definitions).
  /** The HTTP method. */
  declare readonly method: string;
  /** The full URL, for errors; logs use `path`. */
  declare readonly url: string;
  /**
   * The URL's path without its query (which may carry personal data), for logs. Made at once:
   * a call gets a `CallProgress` only when it logs or its first attempt failed.
   */
  declare readonly path: string;
  /** Where log lines go, if anywhere. */
  declare readonly logger: Logger | undefined;
  /** What the handlers share and read. */
  declare readonly state: MutableState;
  #sending: Sending;
  #failedAttempts: FailedAttempt[] | undefined;
  #sendFailed = false;

  /**
   * Starts the record of a call.
   *
   * @param sending The call: its request, signals and timeout.
   * @param logger Where log lines go, if anywhere.
   */
  constructor(sending: Sending, logger: Logger | undefined) {
    const { method, url } = sending.request;
    this.method = method;
    this.url = url;
    this.path = pathOf(url);
    this.logger = logger;
    this.#sending = sending;
    // Allocated on first use: most calls never fail, and a GET must cost almost nothing.
    let customValues: Map<string, unknown> | undefined;
    this.state = {
      currentAttempt: 0,
      attempts: 0,
      totalRetryDelay: 0,
      get customValues() {
        return customValues ??= new Map();
      },
      giveUpReason: undefined,
    };
  }

  /**
   * Notes an attempt that failed and is not the one returned.
   *
   * @param attempt The failure.
   */
  fail(attempt: FailedAttempt): void {
    (this.#failedAttempts ??= []).push(attempt);
  }

  /** Notes that an attempt got no answer: a write may then have been applied. */
  sendFailed(): void {
    this.#sendFailed = true;
  }

  /**
   * Throws what ends the call when the caller aborted (its reason) or the timeout elapsed
   * (`RequestTimeoutError`).
   *
   * @param cause What the attempt threw, if the timeout cut it short.
   */
  throwIfEnded(cause?: unknown): void {
    const { callerSignal, timeoutSignal, timeout } = this.#sending;
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timeoutSignal?.aborted) {
      throw new RequestTimeoutError(
        { ...this.details(), timeout },
        cause === undefined ? undefined : { cause },
      );
    }
  }

  /**
   * What a `RequestFailedError` or `RequestTimeoutError` reports about the call.
   *
   * @returns The details.
   */
  details(): RetryErrorDetails {
    const { method, url, state } = this;
    return {
      method,
      url,
      attempts: state.attempts,
      totalRetryDelay: state.totalRetryDelay,
      mayHaveBeenApplied: mayHaveBeenApplied(method, { unanswered: this.#sendFailed }),
      failedAttempts: this.#failedAttempts ?? NO_FAILURES,
    };
  }

  /**
   * Ends the call with an answer.
   *
   * @param response The answer returned.
   * @returns It, with how it was obtained.
   */
  done(response: Response): { response: Response; stats: RetryStats } {
    const { attempts, totalRetryDelay, giveUpReason } = this.state;
    return {
      response,
      stats: attempts === 1 && giveUpReason === undefined ? FIRST_TRY : {
        attempts,
        totalRetryDelay,
        failedAttempts: this.#failedAttempts ?? NO_FAILURES,
        // Absent, not undefined, when no handler gave up.
        ...(giveUpReason === undefined ? {} : { giveUpReason }),
      },
    };
  }
}
