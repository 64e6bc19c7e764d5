/**
 * `slack-scim groups add-members <group> --users FILE`: adds the users a file names (a CSV with an
 * `email`, `userName` or `id` column, such as the sync CSV or an export; or one email, userName
 * or id a line) to a group, found by name or id. Every user is found first: a line naming no one
 * stops the command before any write, with its line number.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { addGroupMembers } from "../scim/v1/group_members.ts";
import { addGroupMembers as addGroupMembersV2 } from "../scim/v2/group_members.ts";
import type { SCIMClient } from "../mod.ts";
import type { SCIM2Client } from "../scim/v2/mod.ts";
import type { Context } from "./_context.ts";
import { CliError, EXIT_CODES } from "./_exit.ts";
import { findGroups, findUsers } from "./_find.ts";

/** One user a file names, with its 1-based line. */
export interface NamedUser {
  who: string;
  line: number;
}

/** Reads the users of `text`: a CSV with an `email`, `userName` or `id` column, or one a line. */
export function namedUsers(text: string, file: string): NamedUser[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((cell) => cell.trim().replace(/^"|"$/g, ""));
  const column = ["email", "userName", "id"].find((name) => header.includes(name));
  if (column === undefined) {
    return lines.map((line, i) => ({ who: line.trim(), line: i + 1 }))
      .filter((entry) => entry.who !== "" && !entry.who.startsWith("#"));
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  const bad = parsed.errors.find((error) => error.type === "Quotes");
  if (bad !== undefined) {
    throw new CliError(`${file}: line ${(bad.row ?? 0) + 2}: ${bad.message}`);
  }
  // Line numbers count one line a row (a quoted line break inside a cell would shift them).
  const users: NamedUser[] = [];
  let line = 2;
  for (const row of parsed.data) {
    const who = (row[column] ?? "").trim();
    users.push({ who, line });
    line++;
  }
  return users;
}

/** Runs `groups add-members`. */
export async function groupsAddMembers(
  ctx: Context,
  group: string,
  options: { users?: string },
): Promise<number> {
  if (options.users === undefined) throw new CliError("--users FILE is required");
  let text: string;
  try {
    text = await readFile(options.users, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read --users "${options.users}": ${(error as Error).message}`);
  }
  const named = namedUsers(text, options.users);
  if (named.length === 0) throw new CliError(`${options.users} names no user`);
  const groups = await findGroups(ctx, group);
  if (groups.length !== 1) {
    throw new CliError(
      groups.length === 0
        ? `No group named "${group}"`
        : `"${group}" names ${groups.length} groups; give its id`,
    );
  }
  const target = groups[0]!;
  const ids: string[] = [];
  const problems: string[] = [];
  const progress = ctx.out.progress("users found", named.length);
  for (const [i, entry] of named.entries()) {
    if (entry.who === "") {
      problems.push(`line ${entry.line}: empty`);
    } else {
      const found = await findUsers(ctx, entry.who);
      if (found.length !== 1) {
        problems.push(
          `line ${entry.line}: "${entry.who}" matches ${
            found.length === 0 ? "no user" : `${found.length} users`
          }`,
        );
      } else if (found[0]!.active === false) {
        problems.push(`line ${entry.line}: "${entry.who}" is deactivated`);
      } else ids.push(found[0]!.id!);
    }
    progress.update(i + 1);
  }
  progress.stop();
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join("; ");
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
    throw new CliError(`${options.users}: ${shown}${more}; nothing was changed`);
  }
  const result = ctx.api === "v2"
    ? await addGroupMembersV2(ctx.client as SCIM2Client, target.id!, ids)
    : await addGroupMembers(ctx.client as SCIMClient, target.id!, ids);
  const summary =
    `add-members: ${result.added} user(s) sent to "${target.displayName}" (${target.id}) in ${result.chunks.length} call(s)`;
  if (ctx.out.json) {
    ctx.out.printJson({ groupId: target.id, displayName: target.displayName, added: ids });
  }
  ctx.out.info(summary);
  return EXIT_CODES.ok;
}
