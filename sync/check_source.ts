/**
 * Source integrity, before anything is planned: every bad row, with its line.
 *
 * @module
 */

import type { SourceProblem, SourceRow } from "./desired_user.ts";
import { quote } from "./_user_record.ts";

/**
 * Options of {@linkcode checkSource}.
 *
 * @example Stop after 100 problems
 * ```ts
 * import { checkSource, type CheckSourceOptions } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const options: CheckSourceOptions = { maxProblems: 100 };
 * assert.equal(checkSource([], options).length, 1);
 * ```
 */
export interface CheckSourceOptions {
  /** Stop after this many problems (a garbage file would list one per row). Default 1,000. */
  maxProblems?: number;
}

/** At most 21 characters; Slack rewrites any character but these to `_`. */
const USER_NAME = /^[A-Za-z0-9._-]+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Normalizes an email for matching: trimmed and lower-cased.
 *
 * @param email An email.
 * @returns Its normalized form.
 *
 * @example
 * ```ts
 * import { normalizeEmail } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * assert.equal(normalizeEmail(" Ada@Example.COM "), "ada@example.com");
 * ```
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a source before anything is planned, and returns every problem with its line (in line
 * order): an empty source; what the reader could not read (a bad `active`, a row with missing
 * fields); a missing `externalId`, `userName` or `email`; a duplicate `externalId`; two rows with
 * one email (trimmed, lower-cased) or one `userName` (Slack's are unique regardless of case); an
 * email that is not one; a `userName` Slack refuses (over 21 characters) or rewrites (any
 * character but `a-z A-Z 0-9 . _ -`: an email as `userName` becomes its local part, a space a
 * `_`); a `displayName` over 80 characters; a `manager` naming no row's `externalId`, or the row
 * itself. A duplicate names the line of the first row too.
 *
 * An empty list means the source can be planned; `planSync` refuses a source with any problem.
 *
 * @param rows The rows from a reader or {@linkcode sourceRows}.
 * @param options The problem cap.
 * @returns The problems; empty when the source is sound.
 * @throws {RangeError} For a `maxProblems` below 1.
 *
 * @example A duplicate externalId and a manager naming nobody
 * ```ts
 * import { checkSource, readUsersCsv } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const rows = readUsersCsv(
 *   "externalId,userName,email,manager\n" +
 *     "E1,ada,ada@example.com,\n" +
 *     "E1,bob,bob@example.com,E9\n",
 * );
 * assert.deepEqual(checkSource(rows).map((problem) => [problem.line, problem.field]), [
 *   [3, "externalId"],
 *   [3, "manager"],
 * ]);
 * ```
 */
export function checkSource(
  rows: readonly SourceRow[],
  options: CheckSourceOptions = {},
): SourceProblem[] {
  const { maxProblems = 1_000 } = options;
  if (!(maxProblems >= 1)) {
    throw new RangeError(`Cannot use maxProblems "${maxProblems}": it must be at least 1`);
  }
  if (!Array.isArray(rows)) {
    throw new TypeError(`Cannot check ${typeof rows}: pass the rows of a reader or sourceRows()`);
  }
  if (rows.length === 0) return [{ line: 0, message: "The source is empty: it lists no users" }];
  const problems: SourceProblem[] = [];
  const byExternalId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const byUserName = new Map<string, number>();
  for (const row of rows) {
    const { externalId } = row.user;
    if (externalId !== "" && !byExternalId.has(externalId)) byExternalId.set(externalId, row.line);
  }
  const seenExternalIds = new Set<string>();
  for (const row of rows) {
    const { user, line } = row;
    const at = (field: string | undefined, message: string): void => {
      problems.push({
        line,
        ...(user.externalId === "" ? {} : { externalId: user.externalId }),
        ...(field === undefined ? {} : { field }),
        message,
      });
    };
    problems.push(...(row.problems ?? []));
    for (const field of ["externalId", "userName", "email"] as const) {
      if (user[field] === "") at(field, `${field} is missing`);
    }
    if (user.externalId !== "") {
      if (seenExternalIds.has(user.externalId)) {
        at(
          "externalId",
          `externalId ${quote(user.externalId)} is also the externalId of line ${
            byExternalId.get(user.externalId)
          }`,
        );
      }
      seenExternalIds.add(user.externalId);
    }
    if (user.email !== "") {
      if (!EMAIL.test(user.email)) at("email", `email ${quote(user.email)} is not an email`);
      const email = normalizeEmail(user.email);
      const first = byEmail.get(email);
      if (first !== undefined) {
        at("email", `email ${quote(user.email)} is also the email of line ${first}`);
      } else byEmail.set(email, line);
    }
    if (user.userName !== "") {
      const { userName } = user;
      if (userName.length > 21) {
        at(
          "userName",
          `userName ${quote(userName)} has ${userName.length} characters: Slack allows at most 21`,
        );
      }
      if (!USER_NAME.test(userName)) {
        const bad = [...new Set(userName.replace(/[A-Za-z0-9._-]/g, ""))].join("");
        at(
          "userName",
          `userName ${quote(userName)} has characters Slack rewrites (${
            quote(bad)
          }): use only a-z, 0-9, ".", "_" and "-"`,
        );
      }
      const key = userName.toLowerCase();
      const first = byUserName.get(key);
      if (first !== undefined) {
        at("userName", `userName ${quote(userName)} is also the userName of line ${first}`);
      } else byUserName.set(key, line);
    }
    if (user.displayName !== undefined && [...user.displayName].length > 80) {
      at("displayName", `displayName ${quote(user.displayName)} is over 80 characters`);
    }
    if (user.manager !== undefined) {
      if (user.manager === user.externalId) {
        at("manager", `manager ${quote(user.manager)} names the row itself`);
      } else if (!byExternalId.has(user.manager)) {
        at("manager", `manager ${quote(user.manager)} names no externalId of the source`);
      }
    }
    if (problems.length >= maxProblems) break;
  }
  return problems.slice(0, maxProblems);
}
