/**
 * The command line's exit codes and the one error it ends with: a message of one line, never a
 * stack trace.
 *
 * @module
 */

/** What each exit code means; `--help` prints this table. */
export const EXIT_CODES = {
  /** Nothing to do, or done. */
  ok: 0,
  /** An error: bad usage, bad input, or a call that failed. */
  error: 1,
  /** `plan` found changes. */
  changes: 2,
  /** Some operations failed; the report says which. */
  partial: 3,
  /** A guard blocked the run. */
  blocked: 4,
  /** The plan is stale: Slack changed since it was made. */
  stale: 5,
} as const;

/** The exit codes as `--help` shows them. */
export const EXIT_CODES_HELP = `Exit codes:
  0  nothing to do, or done
  1  error (bad usage, bad input, a failed call)
  2  plan found changes
  3  partial: some operations failed (the report says which)
  4  blocked by a guard
  5  stale plan (Slack changed since the plan was made)`;

/** An error the command line reports as one line and ends with `code`. */
export class CliError extends Error {
  /** The exit code. */
  readonly code: number;
  /**
   * @param message One line, sentence case, the bad value quoted.
   * @param code The exit code (default 1).
   */
  constructor(message: string, code: number = EXIT_CODES.error) {
    super(message);
    this.name = "CliError";
    this.code = code;
  }
}
