/**
 * `SyncPlanError`: a plan cannot be made because source rows and Slack accounts do not match
 * one to one.
 *
 * @module
 */

import type { SourceProblem } from "./desired_user.ts";

/**
 * Thrown by {@linkcode planSync} when a match is ambiguous: one row matches two accounts (by
 * externalId, email, userName or a remembered email match), two rows match one account, an
 * account found by email or userName belongs to another externalId, or two groups share a
 * display name the source names. Each problem names both sides; nothing is written.
 *
 * @example Catch it and list the problems
 * ```ts
 * import { SyncPlanError } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const error = new SyncPlanError([
 *   { line: 2, externalId: "E1", message: 'matches two accounts: W1 (externalId) and W2 (email)' },
 * ]);
 * assert.match(error.message, /line 2: matches two accounts/);
 * assert.equal(error.problems.length, 1);
 * ```
 */
export class SyncPlanError extends Error {
  /** Every problem, with the source line. */
  readonly problems: readonly SourceProblem[];

  /**
   * Creates the error; its message lists the first five problems with their lines.
   *
   * @param problems The problems (at least one).
   */
  constructor(problems: readonly SourceProblem[]) {
    const shown = problems.slice(0, 5).map((problem) => `line ${problem.line}: ${problem.message}`);
    const more = problems.length > 5 ? `; and ${problems.length - 5} more` : "";
    super(`Cannot plan the sync: ${shown.join("; ")}${more}`);
    this.name = "SyncPlanError";
    this.problems = problems;
  }
}

/**
 * Whether a value is a {@linkcode SyncPlanError}.
 *
 * @param error Anything caught.
 * @returns Whether it is one.
 *
 * @example
 * ```ts
 * import { isSyncPlanError, SyncPlanError } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * assert.ok(isSyncPlanError(new SyncPlanError([{ line: 1, message: "x" }])));
 * assert.ok(!isSyncPlanError(new Error("x")));
 * ```
 */
export function isSyncPlanError(error: unknown): error is SyncPlanError {
  return error instanceof SyncPlanError;
}
