/**
 * Reads desired users from JSON (an array of objects) and JSONL (one object a line).
 *
 * @module
 */

import type { SourceProblem, SourceRow } from "./desired_user.ts";
import { SourceError } from "./source_error.ts";
import { quote, rowOf } from "./_user_record.ts";

/**
 * Reads desired users from a JSON array of objects with the fields of
 * {@linkcode DesiredUser} (`groups` a list of names, `active` a boolean). A row's `line` is its
 * position in the array (1-based): JSON.parse keeps no line numbers. An object under a `users`
 * key (`{ "users": [...] }`) is read the same way.
 *
 * @param text The file's text.
 * @returns The rows, in file order.
 * @throws {SourceError} When the text is not JSON (a truncated file), not an array, or empty.
 *
 * @example Two users
 * ```ts
 * import { readUsersJson } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const rows = readUsersJson(JSON.stringify([
 *   { externalId: "E1", userName: "ada", email: "ada@example.com", groups: ["Engineering"] },
 *   { externalId: "E2", userName: "bob", email: "bob@example.com", active: false },
 * ]));
 * assert.deepEqual(rows.map((row) => [row.line, row.user.userName]), [[1, "ada"], [2, "bob"]]);
 * ```
 */
export function readUsersJson(text: string): SourceRow[] {
  if (typeof text !== "string") {
    throw new TypeError(`Cannot read JSON from ${typeof text}: pass the file's text`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") {
    throw new SourceError([{ line: 0, message: "The source is empty (no JSON at all)" }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new SourceError([{
      line: 0,
      message: `The source is not valid JSON (is the file truncated?): ${
        error instanceof Error ? error.message : String(error)
      }`,
    }], { cause: error });
  }
  if (
    value !== null && typeof value === "object" && !Array.isArray(value) &&
    Array.isArray((value as { users?: unknown }).users)
  ) {
    value = (value as { users: unknown[] }).users;
  }
  if (!Array.isArray(value)) {
    throw new SourceError([{
      line: 0,
      message: `The source is not a JSON array of users (it is ${quote(value)})`,
    }]);
  }
  return value.map((item, i) => recordRow(item, i + 1));
}

/**
 * Reads desired users from JSONL: one JSON object a line, blank lines skipped. A row's `line`
 * is its line in the file.
 *
 * @param text The file's text.
 * @returns The rows, in file order.
 * @throws {SourceError} When a line is not JSON (the last one cut short: a truncated file), or
 * the text is empty. Every such line is named.
 *
 * @example Two lines
 * ```ts
 * import { readUsersJsonl } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const rows = readUsersJsonl(
 *   '{"externalId":"E1","userName":"ada","email":"ada@example.com"}\n\n' +
 *     '{"externalId":"E2","userName":"bob","email":"bob@example.com","title":"CTO"}\n',
 * );
 * assert.deepEqual(rows.map((row) => [row.line, row.user.title]), [[1, undefined], [3, "CTO"]]);
 * ```
 */
export function readUsersJsonl(text: string): SourceRow[] {
  if (typeof text !== "string") {
    throw new TypeError(`Cannot read JSONL from ${typeof text}: pass the file's text`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") {
    throw new SourceError([{ line: 0, message: "The source is empty (no lines)" }]);
  }
  const rows: SourceRow[] = [];
  const fatal: SourceProblem[] = [];
  body.split("\n").forEach((raw, i) => {
    const content = raw.trim();
    if (content === "") return;
    try {
      rows.push(recordRow(JSON.parse(content), i + 1));
    } catch (error) {
      if (error instanceof SourceError) throw error;
      fatal.push({
        line: i + 1,
        message: `the line is not valid JSON (is the file truncated?): ${
          error instanceof Error ? error.message : String(error)
        }`,
      });
    }
  });
  if (fatal.length > 0) throw new SourceError(fatal);
  return rows;
}

function recordRow(item: unknown, line: number): SourceRow {
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    return {
      user: { externalId: "", userName: "", email: "" },
      line,
      problems: [{ line, message: `the record is not an object (it is ${quote(item)})` }],
    };
  }
  return rowOf(item as Record<string, unknown>, line);
}
