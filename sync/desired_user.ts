/**
 * The desired state of one user, as a source of truth (an HR export, a directory) gives it, and
 * the row of the source it came from.
 *
 * @module
 */

/**
 * The columns of a source CSV, in the documented header's order: what `readUsersCsv` reads and
 * what the command line's `export users` writes, so an export is valid `plan` input. The first
 * three are required; a column left out is an attribute the sync leaves alone.
 *
 * @example The header line of a source CSV
 * ```ts
 * import { SOURCE_CSV_COLUMNS } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * assert.equal(SOURCE_CSV_COLUMNS.slice(0, 3).join(","), "externalId,userName,email");
 * ```
 */
export const SOURCE_CSV_COLUMNS = [
  "externalId",
  "userName",
  "email",
  "givenName",
  "familyName",
  "displayName",
  "title",
  "active",
  "department",
  "manager",
  "groups",
] as const;

/**
 * One user as the source wants it in Slack. Only the attributes given are compared and written;
 * what Slack holds and the source does not mention is left alone.
 *
 * @example A row of an HR export, and its "terminated" twin
 * ```ts
 * import type { DesiredUser } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const ada: DesiredUser = {
 *   externalId: "E1001",
 *   userName: "ada.lovelace",
 *   email: "ada@example.com",
 *   givenName: "Ada",
 *   familyName: "Lovelace",
 *   groups: ["Engineering", "London"],
 * };
 * const gone: DesiredUser = { ...ada, active: false };
 * assert.equal(gone.active, false);
 * ```
 */
export interface DesiredUser {
  /** The source's stable id of the person; Slack's `externalId` (set at creation only). */
  externalId: string;
  /** Slack's `userName`: at most 21 characters of `a-z A-Z 0-9 . _ -`. */
  userName: string;
  /** The primary (work) email. */
  email: string;
  /** `name.givenName`. */
  givenName?: string;
  /** `name.familyName`. */
  familyName?: string;
  /** `displayName` (at most 80 characters). */
  displayName?: string;
  /** `title`. */
  title?: string;
  /** `false` deactivates the account (the HR "terminated" row). Default `true`. */
  active?: boolean;
  /** The enterprise extension's `department`. */
  department?: string;
  /** The manager's `externalId` (a row of the same source). */
  manager?: string;
  /** The display names of the IdP groups the user belongs to (and only those, for groups the source names). */
  groups?: string[];
}

/**
 * A problem found in the source, with where it is. {@linkcode checkSource} returns them; a
 * {@linkcode SourceError} carries them.
 *
 * @example The problem of a row without an email
 * ```ts
 * import type { SourceProblem } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const problem: SourceProblem = {
 *   line: 7,
 *   externalId: "E1007",
 *   field: "email",
 *   message: "email is missing",
 * };
 * assert.equal(problem.line, 7);
 * ```
 */
export interface SourceProblem {
  /** The 1-based line of the file (the record's first line), or the record's position for code and JSON arrays; 0 for the source as a whole. */
  line: number;
  /** The row's `externalId`, when it has one. */
  externalId?: string;
  /** The column or field at fault. */
  field?: string;
  /** What is wrong, in one sentence. */
  message: string;
}

/**
 * One desired user and where it came from.
 *
 * @example A row read from line 2 of a CSV file
 * ```ts
 * import type { SourceRow } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const row: SourceRow = {
 *   user: { externalId: "E1", userName: "ada", email: "ada@example.com" },
 *   line: 2,
 * };
 * assert.equal(row.user.userName, "ada");
 * ```
 */
export interface SourceRow {
  /** The desired user (fields a reader could not read are left out and named in `problems`). */
  user: DesiredUser;
  /** The 1-based line of the record's start in the file, or the index + 1 for code and JSON arrays. */
  line: number;
  /** What the reader found wrong with this row (a bad `active`, a field of the wrong type); {@linkcode checkSource} reports them. */
  problems?: SourceProblem[];
}
