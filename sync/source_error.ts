/**
 * The error of a source that cannot be synced: unreadable, empty, truncated, or with bad rows.
 *
 * @module
 */

import type { SourceProblem } from "./desired_user.ts";

/** How many problems the message lists (all of them are in `problems`). */
const LISTED = 5;

/**
 * Thrown by the readers for a file they cannot read at all (no header, a missing column, bad
 * JSON, an unterminated quote) and by `planSync` when {@linkcode checkSource} finds problems:
 * nothing is planned, nothing is written. The message lists the first few problems with their
 * line numbers; `problems` has every one.
 *
 * @example Catching it around a reader
 * ```ts
 * import { readUsersCsv, SourceError } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * try {
 *   readUsersCsv("externalId,userName\nE1,ada\n");
 *   assert.fail("a source without an email column was read");
 * } catch (error) {
 *   assert.ok(error instanceof SourceError);
 *   assert.equal(error.problems[0]?.field, "email");
 * }
 * ```
 */
export class SourceError extends Error {
  /** Every problem found, in source order. */
  readonly problems: readonly SourceProblem[];

  /**
   * Creates the error.
   *
   * @param problems The problems (at least one).
   * @param options `cause`, when a parser's error is behind it.
   */
  constructor(problems: readonly SourceProblem[], options?: ErrorOptions) {
    super(describe(problems), options);
    this.name = "SourceError";
    this.problems = problems;
  }
}

/**
 * Tells whether a value is a {@linkcode SourceError} (also across copies of the library).
 *
 * @param value Anything caught.
 * @returns True for a source error.
 *
 * @example Telling a bad source from other failures
 * ```ts
 * import { isSourceError, SourceError } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * assert.ok(isSourceError(new SourceError([{ line: 0, message: "The source is empty" }])));
 * assert.ok(!isSourceError(new Error("other")));
 * ```
 */
export function isSourceError(value: unknown): value is SourceError {
  return value instanceof SourceError ||
    (value instanceof Error && value.name === "SourceError" &&
      Array.isArray((value as { problems?: unknown }).problems));
}

function describe(problems: readonly SourceProblem[]): string {
  const count = problems.length;
  const listed = problems.slice(0, LISTED).map((problem) =>
    problem.line > 0 ? `line ${problem.line}: ${problem.message}` : problem.message
  );
  const more = count > LISTED ? `; and ${count - LISTED} more` : "";
  return `Cannot use the source: ${count} problem${count === 1 ? "" : "s"} (${
    listed.join("; ")
  }${more})`;
}
