/**
 * `slack-scim users find <who>` and `slack-scim users deactivate <who…>`: a user by email,
 * userName or Slack id; deactivation confirms on a terminal and refuses without `--yes` off one.
 *
 * @module
 */

import process from "node:process";
import { createInterface } from "node:readline/promises";
import type { Context } from "./_context.ts";
import { CliError, EXIT_CODES } from "./_exit.ts";
import { findUsers } from "./_find.ts";
import { type AnyUser, primaryEmail } from "./_rows.ts";

function describe(user: AnyUser): Record<string, unknown> {
  return {
    id: user.id,
    userName: user.userName,
    email: primaryEmail(user),
    displayName: user.displayName ?? "",
    externalId: user.externalId ?? "",
    active: user.active !== false,
  };
}

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]!);
  const cells = [columns, ...rows.map((row) => columns.map((column) => String(row[column] ?? "")))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells.map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd())
    .join("\n");
}

/** Runs `users find`: prints the users found; exit 1 when none. */
export async function usersFind(ctx: Context, who: string): Promise<number> {
  const found = await findUsers(ctx, who);
  if (ctx.out.json) {
    ctx.out.printJson({ query: who, users: found.map(describe) });
  } else if (found.length > 0) {
    ctx.out.print(table(found.map(describe)));
  }
  if (found.length === 0) {
    if (!ctx.out.json) process.stderr.write(`No user matches "${who}"\n`);
    return EXIT_CODES.error;
  }
  return EXIT_CODES.ok;
}

/** Asks a yes/no question on the terminal; only "y" or "yes" is yes. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Whether the command may ask: stdin and stderr both a terminal. */
export function onTerminal(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/**
 * Runs `users deactivate`: finds every user first (an unknown one stops it before any write),
 * confirms, then deactivates each active one.
 */
export async function usersDeactivate(
  ctx: Context,
  who: string[],
  options: { yes?: boolean },
): Promise<number> {
  if (who.length === 0) throw new CliError("Name at least one user (email, userName or id)");
  const users: AnyUser[] = [];
  const unknown: string[] = [];
  for (const query of who) {
    const found = await findUsers(ctx, query);
    if (found.length !== 1) {
      unknown.push(
        found.length === 0
          ? `"${query}" matches no user`
          : `"${query}" matches ${found.length} users`,
      );
    } else if (!users.some((user) => user.id === found[0]!.id)) users.push(found[0]!);
  }
  if (unknown.length > 0) {
    throw new CliError(`Cannot deactivate: ${unknown.join("; ")}; nothing was changed`);
  }
  const active = users.filter((user) => user.active !== false);
  const already = users.filter((user) => user.active === false);
  if (active.length > 0 && options.yes !== true) {
    if (!onTerminal()) {
      throw new CliError(
        `Refusing to deactivate ${active.length} user(s) without --yes: not on a terminal, so no one can confirm`,
      );
    }
    const names = active.map((user) => `${user.userName} <${primaryEmail(user)}>`).join(", ");
    if (!(await confirm(`Deactivate ${active.length} user(s): ${names}?`))) {
      ctx.out.info("Nothing deactivated");
      return EXIT_CODES.ok;
    }
  }
  const done: string[] = [];
  const failed: { id: string; error: string }[] = [];
  for (const user of active) {
    try {
      await ctx.client.deleteUser(user.id!);
      done.push(user.id!);
      ctx.out.info(`deactivated ${user.userName} (${user.id})`);
    } catch (error) {
      failed.push({ id: user.id!, error: (error as Error).message });
      ctx.out.info(`failed ${user.userName} (${user.id}): ${(error as Error).message}`);
    }
  }
  const summary =
    `deactivate: ${done.length} deactivated, ${already.length} already inactive, ${failed.length} failed`;
  if (ctx.out.json) {
    ctx.out.printJson({
      deactivated: done,
      alreadyInactive: already.map((user) => user.id),
      failed,
    });
  }
  ctx.out.info(summary);
  if (failed.length === 0) return EXIT_CODES.ok;
  return done.length > 0 ? EXIT_CODES.partial : EXIT_CODES.error;
}
