/**
 * Desired users from code: arrays and (async) iterables, numbered as rows.
 *
 * @module
 */

import type { DesiredUser, SourceRow } from "./desired_user.ts";
import { rowOf } from "./_user_record.ts";

/**
 * Numbers desired users given by code (an array, a generator, an async iterable such as a
 * directory query's pages) as source rows, `line` being the position (1-based). Rows already read
 * from a file pass through unchanged. Every value is checked as a file's record is: a field of the
 * wrong type becomes a row problem for {@linkcode checkSource}, not a crash halfway.
 *
 * @param desired The users, or rows from a reader.
 * @returns The rows, in order.
 * @throws {TypeError} When `desired` is not iterable.
 *
 * @example Users from an async generator
 * ```ts
 * import { type DesiredUser, sourceRows } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * async function* directory(): AsyncGenerator<DesiredUser> {
 *   yield { externalId: "E1", userName: "ada", email: "ada@example.com" };
 *   yield { externalId: "E2", userName: "bob", email: "bob@example.com", active: false };
 * }
 * const rows = await sourceRows(directory());
 * assert.deepEqual(rows.map((row) => [row.line, row.user.active]), [[1, undefined], [2, false]]);
 * ```
 */
export async function sourceRows(
  desired: Iterable<DesiredUser | SourceRow> | AsyncIterable<DesiredUser | SourceRow>,
): Promise<SourceRow[]> {
  if (
    desired === null || typeof desired !== "object" ||
    (typeof (desired as Iterable<unknown>)[Symbol.iterator] !== "function" &&
      typeof (desired as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function")
  ) {
    throw new TypeError(
      `Cannot read desired users from ${
        desired === null ? "null" : typeof desired
      }: pass an array or an (async) iterable`,
    );
  }
  const rows: SourceRow[] = [];
  let position = 0;
  for await (const item of desired) {
    position++;
    if (isRow(item)) rows.push(item);
    else if (item === null || typeof item !== "object") {
      rows.push({
        user: { externalId: "", userName: "", email: "" },
        line: position,
        problems: [{ line: position, message: `the user is not an object (it is ${typeof item})` }],
      });
    } else rows.push(rowOf(item as unknown as Record<string, unknown>, position));
  }
  return rows;
}

function isRow(item: unknown): item is SourceRow {
  return item !== null && typeof item === "object" &&
    typeof (item as { line?: unknown }).line === "number" &&
    typeof (item as { user?: unknown }).user === "object" &&
    (item as { user?: unknown }).user !== null;
}
