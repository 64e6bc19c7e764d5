/**
 * `slack-scim export users|groups`: the org to CSV or JSON lines, page by page (one page in
 * memory), with progress, and resumable. A users CSV has the sync CSV's header, so it is valid
 * `plan` input.
 *
 * Resuming: after each page is written and flushed to disk, a line goes to `<out>.resume` (the
 * file's length, the rows written, the page's ids). `--resume` cuts the file back to the last
 * recorded length (a page half written when the run died goes), starts one page before where the
 * run stopped (the list may have moved), and skips every id already written: no row twice, none
 * missing. A finished export removes its `.resume` file.
 *
 * @module
 */

import { open, readFile, rm, stat, truncate } from "node:fs/promises";
import process from "node:process";
import { PagedIterable } from "../scim/paging.ts";
import type { Context } from "./_context.ts";
import { CliError } from "./_exit.ts";
import {
  type AnyGroup,
  type AnyUser,
  csvLines,
  GROUP_COLUMNS,
  groupCells,
  managerIdOf,
  USER_COLUMNS,
  userCells,
  type UserRow,
  userRow,
} from "./_rows.ts";

/** The options of `export`. */
export interface ExportOptions {
  format?: string;
  out?: string;
  resume?: boolean;
  pageSize?: string;
}

interface ResumeLine {
  bytes: number;
  rows: number;
  ids: string[];
}

/** A users row as a JSON line: the sync source's fields (`active` a boolean, `groups` a list). */
function userJson(row: UserRow): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const column of USER_COLUMNS) {
    const value = row[column];
    if (column === "active") json.active = value !== "false";
    else if (column === "groups") {
      if (value !== "") json.groups = value.split(";");
    } else if (value !== "" || column === "externalId" || column === "userName") {
      json[column] = value;
    }
  }
  return json;
}

async function readResume(path: string): Promise<ResumeLine[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return [];
    throw error;
  }
  const lines: ResumeLine[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      lines.push(JSON.parse(line) as ResumeLine);
    } catch {
      break; // a line cut short by the crash: the page it records may be cut too
    }
  }
  return lines;
}

/**
 * Runs `export`.
 *
 * @param ctx The shared context.
 * @param what `users` or `groups`.
 * @param options `--format`, `--out`, `--resume`, `--page-size`.
 * @returns The exit code.
 */
export async function exportCommand(
  ctx: Context,
  what: string,
  options: ExportOptions,
): Promise<number> {
  if (what !== "users" && what !== "groups") {
    throw new CliError(`Cannot export "${what}": export users or groups`);
  }
  const format = options.format ?? "csv";
  if (format !== "csv" && format !== "jsonl") {
    throw new CliError(`--format must be "csv" or "jsonl", got "${format}"`);
  }
  const pageSize = Number(options.pageSize ?? "1000");
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new CliError(
      `--page-size must be a whole number from 1 to 1000, got "${options.pageSize}"`,
    );
  }
  if (options.resume === true && options.out === undefined) {
    throw new CliError("--resume needs --out FILE (an export to stdout cannot resume)");
  }
  const { out } = ctx;
  const resumePath = options.out === undefined ? undefined : `${options.out}.resume`;

  // Where to start, and what is already written.
  let done = new Set<string>();
  let bytes = 0;
  let rows = 0;
  let resumed = false;
  if (options.resume === true && resumePath !== undefined) {
    const lines = await readResume(resumePath);
    const last = lines.at(-1);
    if (last !== undefined) {
      resumed = true;
      done = new Set(lines.flatMap((line) => line.ids));
      bytes = last.bytes;
      rows = last.rows;
      await truncate(options.out!, bytes).catch((error) => {
        throw new CliError(`Cannot resume into "${options.out}": ${(error as Error).message}`);
      });
    } else {
      const exists = await stat(options.out!).then(() => true, () => false);
      if (exists) out.info(`export: nothing recorded in ${resumePath}; starting over`);
    }
  }
  const offset = resumed ? Math.max(0, rows - pageSize) : 0;

  const file = options.out === undefined
    ? undefined
    : await open(options.out, resumed ? "r+" : "w", 0o600)
      .catch((error) => {
        throw new CliError(`Cannot write "${options.out}": ${(error as Error).message}`);
      });
  const resumeFile = resumePath === undefined
    ? undefined
    : await open(resumePath, resumed ? "a" : "w", 0o600);
  let position = bytes;
  const write = async (text: string): Promise<void> => {
    if (file === undefined) {
      await new Promise<void>((resolve) => {
        if (process.stdout.write(text)) resolve();
        else process.stdout.once("drain", () => resolve());
      });
      return;
    }
    const data = new TextEncoder().encode(text);
    await file.write(data, 0, data.length, position);
    position += data.length;
  };

  const searchOf = what === "users"
    ? (q: { startIndex: number; count: number }) =>
      ctx.client.searchUsers(q).then((page) => ({
        items: page.users as readonly (AnyUser & AnyGroup)[],
        totalResults: page.totalResults,
      }))
    : (q: { startIndex: number; count: number }) =>
      ctx.client.searchGroups(q).then((page) => ({
        items: page.groups as readonly (AnyUser & AnyGroup)[],
        totalResults: page.totalResults,
      }));
  let total: number | undefined;
  const walk = new PagedIterable<AnyUser & AnyGroup>(async ({ startIndex, count }) => {
    const page = await searchOf({ startIndex: startIndex + offset, count });
    total = page.totalResults;
    return { items: page.items, totalResults: Math.max(0, page.totalResults - offset) };
  }, { pageSize, idOf: (item) => item.id ?? "" });

  // Managers: Slack gives the manager's Slack id; the CSV wants their externalId.
  const externalIds = new Map<string, string>();
  const managerExternalId = async (id: string): Promise<string> => {
    if (id === "") return "";
    const known = externalIds.get(id);
    if (known !== undefined) return known;
    const found = await ctx.client.readUser(id).then(
      (answer) => (answer.user as AnyUser).externalId ?? "",
      () => "",
    );
    externalIds.set(id, found);
    return found;
  };

  const progress = out.progress(what);
  try {
    if (!resumed && format === "csv") {
      await write(csvLines([], what === "users" ? USER_COLUMNS : GROUP_COLUMNS));
    }
    for await (const page of walk.pages()) {
      const fresh = page.items.filter((item) => !done.has(item.id ?? ""));
      let text = "";
      if (what === "users") {
        for (const user of fresh) externalIds.set(user.id ?? "", user.externalId ?? "");
        const userRows: UserRow[] = [];
        for (const user of fresh) {
          userRows.push(userRow(user, await managerExternalId(managerIdOf(user))));
        }
        text = format === "csv"
          ? csvLines(userRows.map(userCells))
          : userRows.map((row) => `${JSON.stringify(userJson(row))}\n`).join("");
      } else {
        text = format === "csv"
          ? csvLines(fresh.map(groupCells))
          : fresh.map((group) =>
            `${
              JSON.stringify({
                id: group.id,
                displayName: group.displayName,
                members: (group.members ?? []).map((member) => member.value),
              })
            }\n`
          ).join("");
      }
      if (text !== "") await write(text);
      rows += fresh.length;
      if (file !== undefined && resumeFile !== undefined) {
        await file.datasync();
        const ids = fresh.map((item) => item.id ?? "");
        await resumeFile.write(`${JSON.stringify({ bytes: position, rows, ids })}\n`);
        await resumeFile.datasync();
      }
      progress.update(rows, total);
    }
  } catch (error) {
    progress.stop();
    await file?.close();
    await resumeFile?.close();
    throw error;
  }
  await file?.close();
  await resumeFile?.close();
  if (resumePath !== undefined) await rm(resumePath, { force: true });
  const where = options.out === undefined ? "stdout" : options.out;
  const summary = `export: ${rows} ${what} to ${where}${resumed ? " (resumed)" : ""}`;
  progress.stop(summary);
  if (out.json) {
    // stdout may hold the export itself; the JSON summary then goes to stderr.
    const doc = { what, format, rows, out: options.out ?? null, resumed };
    if (options.out !== undefined) out.printJson(doc);
    else process.stderr.write(`${JSON.stringify(doc)}\n`);
  }
  return 0;
}
