/**
 * Turns one record of a source file (CSV strings, or JSON values) into a {@linkcode DesiredUser},
 * naming what it cannot read instead of guessing.
 *
 * @module
 */

import type { DesiredUser, SourceProblem, SourceRow } from "./desired_user.ts";

/** The fields every row must have (and so every CSV header). */
export const REQUIRED_FIELDS = ["externalId", "userName", "email"] as const;

const OPTIONAL_STRINGS = [
  "givenName",
  "familyName",
  "displayName",
  "title",
  "department",
  "manager",
] as const;

const TRUE = /^(true|yes|y|1)$/i;
const FALSE = /^(false|no|n|0)$/i;

/** Quotes a value for a message, cut short. */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Reads one record. Empty strings count as absent (CSV has no other way to say it); strings are
 * trimmed; `groups` is a list, or a string split on `;`; `active` a boolean or true/false/yes/no/1/0.
 *
 * @param record The record's fields by name.
 * @param line Its line (or position).
 * @returns The row, with `problems` when a field could not be read.
 */
export function rowOf(record: Readonly<Record<string, unknown>>, line: number): SourceRow {
  const problems: SourceProblem[] = [];
  const externalIdValue = record.externalId;
  const externalId = typeof externalIdValue === "number" && Number.isSafeInteger(externalIdValue)
    ? String(externalIdValue)
    : text(record, "externalId", problems, line) ?? "";
  const where = externalId === "" ? {} : { externalId };
  const user: DesiredUser = {
    externalId,
    userName: text(record, "userName", problems, line, where) ?? "",
    email: text(record, "email", problems, line, where) ?? "",
  };
  for (const field of OPTIONAL_STRINGS) {
    const value = text(record, field, problems, line, where);
    if (value !== undefined) user[field] = value;
  }
  const active = record.active;
  if (typeof active === "boolean") user.active = active;
  else if (typeof active === "string" && active.trim() !== "") {
    if (TRUE.test(active.trim())) user.active = true;
    else if (FALSE.test(active.trim())) user.active = false;
    else {
      problems.push({
        line,
        ...where,
        field: "active",
        message: `active ${quote(active)} is not true or false`,
      });
    }
  } else if (active !== undefined && active !== null && active !== "") {
    problems.push({
      line,
      ...where,
      field: "active",
      message: `active ${quote(active)} is not true or false`,
    });
  }
  const groups = record.groups;
  if (typeof groups === "string") {
    user.groups = groups.split(";").map((name) => name.trim()).filter((name) => name !== "");
  } else if (Array.isArray(groups) && groups.every((name) => typeof name === "string")) {
    user.groups = groups.map((name: string) => name.trim()).filter((name) => name !== "");
  } else if (groups !== undefined && groups !== null) {
    problems.push({
      line,
      ...where,
      field: "groups",
      message: `groups ${quote(groups)} is not a list of group names`,
    });
  }
  return problems.length > 0 ? { user, line, problems } : { user, line };
}

function text(
  record: Readonly<Record<string, unknown>>,
  field: string,
  problems: SourceProblem[],
  line: number,
  where: { externalId?: string } = {},
): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    problems.push({ line, ...where, field, message: `${field} ${quote(value)} is not a string` });
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
