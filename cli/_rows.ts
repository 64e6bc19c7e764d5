/**
 * Users and groups as rows: the sync CSV's columns (so an export is valid `plan` input) and the
 * JSON lines of `--format jsonl`. Reads v1 and v2 users alike.
 *
 * @module
 */

import Papa from "papaparse";
import { ENTERPRISE_SCHEMA_V1 } from "../scim/v1/urns.ts";
import { ENTERPRISE_SCHEMA_V2 } from "../scim/v2/urns.ts";
import { SOURCE_CSV_COLUMNS } from "../sync/desired_user.ts";

/** The sync CSV's header, in order: the engine's own, so an export is valid `plan` input. */
export const USER_COLUMNS = SOURCE_CSV_COLUMNS;

/** The group export's columns. */
export const GROUP_COLUMNS = ["id", "displayName", "members"] as const;

/** A user as either client returns it, read loosely. */
export type AnyUser = {
  id?: string | undefined;
  externalId?: string | null | undefined;
  userName?: string | undefined;
  displayName?: string | null | undefined;
  title?: string | null | undefined;
  active?: boolean | undefined;
  name?:
    | { givenName?: string | null | undefined; familyName?: string | null | undefined }
    | undefined;
  emails?:
    | readonly { value?: string | null | undefined; primary?: boolean | undefined }[]
    | undefined;
  groups?:
    | readonly { value?: string | undefined; display?: string | null | undefined }[]
    | undefined;
};

/** A group as either client returns it, read loosely. */
export type AnyGroup = {
  id?: string | undefined;
  displayName?: string | null | undefined;
  members?: readonly { value?: string | undefined }[] | undefined;
};

/** One exported user: the sync CSV's fields, as strings. */
export type UserRow = Record<(typeof USER_COLUMNS)[number], string>;

/** The user's primary email (or its first). */
export function primaryEmail(user: AnyUser): string {
  const emails = user.emails ?? [];
  return (emails.find((email) => email.primary === true) ?? emails[0])?.value ?? "";
}

interface Enterprise {
  department?: string | null;
  manager?: { managerId?: string | null; value?: string | null } | null;
}

function enterprise(user: AnyUser): Enterprise {
  const record = user as Record<string, unknown>;
  return (record[ENTERPRISE_SCHEMA_V2] ?? record[ENTERPRISE_SCHEMA_V1] ?? {}) as Enterprise;
}

/** The Slack id of the user's manager, or "". */
export function managerIdOf(user: AnyUser): string {
  const manager = enterprise(user).manager;
  return manager?.managerId ?? manager?.value ?? "";
}

/**
 * A user as a sync CSV row.
 *
 * @param user The user.
 * @param managerExternalId The manager's externalId ("" when none or unknown).
 */
export function userRow(user: AnyUser, managerExternalId: string): UserRow {
  return {
    externalId: user.externalId ?? "",
    userName: user.userName ?? "",
    email: primaryEmail(user),
    givenName: user.name?.givenName ?? "",
    familyName: user.name?.familyName ?? "",
    displayName: user.displayName ?? "",
    title: user.title ?? "",
    active: user.active === false ? "false" : "true",
    department: enterprise(user).department ?? "",
    manager: managerExternalId,
    groups: (user.groups ?? []).map((group) => group.display ?? "").filter((name) => name !== "")
      .join(";"),
  };
}

/** CSV text of `rows` (each an array in the columns' order), with the header when asked. */
export function csvLines(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const all = header === undefined ? rows : [header, ...rows];
  if (all.length === 0) return "";
  // papaparse: the family sync's reader uses (same quoting); it ends no line, so add the last.
  return `${Papa.unparse(all.map((row) => [...row]), { newline: "\n" })}\n`;
}

/** A user row's cells in {@linkcode USER_COLUMNS}' order. */
export function userCells(row: UserRow): string[] {
  return USER_COLUMNS.map((column) => row[column]);
}

/** A group's cells in {@linkcode GROUP_COLUMNS}' order (members: ids joined by `;`). */
export function groupCells(group: AnyGroup): string[] {
  return [
    group.id ?? "",
    group.displayName ?? "",
    (group.members ?? []).map((member) => member.value ?? "").join(";"),
  ];
}
