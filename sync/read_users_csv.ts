/**
 * Reads desired users from CSV text (papaparse parses it; this module only maps its records).
 *
 * @module
 */

// @ts-types="@types/papaparse"
import Papa from "papaparse";
import type { SourceProblem, SourceRow } from "./desired_user.ts";
import { SourceError } from "./source_error.ts";
import { quote, REQUIRED_FIELDS, rowOf } from "./_user_record.ts";
import { SOURCE_CSV_COLUMNS } from "./desired_user.ts";

const KNOWN = new Set<string>(SOURCE_CSV_COLUMNS);

/**
 * Reads desired users from CSV with a header row:
 * `externalId,userName,email,givenName,familyName,displayName,title,active,department,manager,groups`.
 * `externalId`, `userName` and `email` are required columns; the others may be left out (a column
 * left out is an attribute the sync leaves alone; leave out `groups` and memberships are not
 * managed); unknown columns are ignored. `groups` lists IdP group names separated by `;`; `active`
 * is `true`/`false` (empty: true); `manager` is the manager's `externalId`. Quoted fields may hold
 * commas, quotes (`""`) and line breaks; a UTF-8 BOM and CRLF line ends are fine.
 *
 * Each row carries the line its record starts on. Rows with a wrong number of fields or a bad
 * `active` carry `problems`; {@linkcode checkSource} reports them with every other row problem.
 *
 * @param text The file's text.
 * @returns The rows, in file order.
 * @throws {SourceError} When the file cannot be read at all: empty, no header, a required column
 * missing or repeated, or a quoted field never closed (a truncated file).
 *
 * @example An HR export with a quoted name and a terminated row
 * ```ts
 * import { readUsersCsv } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * const rows = readUsersCsv(
 *   "externalId,userName,email,displayName,active,groups\n" +
 *     'E1,ada,ada@example.com,"Lovelace, Ada",,Engineering;London\n' +
 *     "E2,bob,bob@example.com,Bob,false,\n",
 * );
 * assert.deepEqual(rows[0], {
 *   line: 2,
 *   user: {
 *     externalId: "E1",
 *     userName: "ada",
 *     email: "ada@example.com",
 *     displayName: "Lovelace, Ada",
 *     groups: ["Engineering", "London"],
 *   },
 * });
 * assert.equal(rows[1]?.user.active, false);
 * ```
 */
export function readUsersCsv(text: string): SourceRow[] {
  if (typeof text !== "string") {
    throw new TypeError(`Cannot read CSV from ${typeof text}: pass the file's text`);
  }
  // Papaparse strips a BOM too, but its offsets are then off by one: strip it here.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") {
    throw new SourceError([{ line: 0, message: "The source is empty (no header, no rows)" }]);
  }
  let header: string[] | undefined;
  let index: Map<string, number> | undefined;
  const rows: SourceRow[] = [];
  const fatal: SourceProblem[] = [];
  // Line counting: the offset up to which newlines have been counted, and the count.
  let counted = 0;
  let line = 1;
  let cursor = 0;
  const lineAt = (offset: number): number => {
    for (
      let i = body.indexOf("\n", counted);
      i !== -1 && i < offset;
      i = body.indexOf("\n", i + 1)
    ) {
      line++;
    }
    counted = Math.max(counted, offset);
    return line;
  };
  Papa.parse<string[]>(body, {
    header: false,
    delimiter: ",",
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      // The record starts at the first non-blank character after the previous one's end.
      let start = cursor;
      while (start < body.length && /\s/.test(body[start] as string)) start++;
      cursor = result.meta.cursor;
      const at = lineAt(start);
      const quoting = result.errors.find((error) => error.type === "Quotes");
      if (quoting !== undefined) {
        fatal.push({
          line: at,
          message: quoting.code === "MissingQuotes"
            ? "a quoted field is never closed (is the file truncated?)"
            : `a quoted field is malformed (${quoting.message})`,
        });
        parser.abort();
        return;
      }
      const fields = result.data;
      if (header === undefined) {
        header = fields.map((name) => name.trim());
        index = headerIndex(header, at, fatal);
        if (fatal.length > 0) parser.abort();
        return;
      }
      const record: Record<string, string> = {};
      for (const [name, column] of index ?? []) {
        const value = fields[column];
        if (value !== undefined) record[name] = value;
      }
      const row = rowOf(record, at);
      if (fields.length !== header.length) {
        const problem: SourceProblem = {
          line: at,
          ...(row.user.externalId === "" ? {} : { externalId: row.user.externalId }),
          message: fields.length < header.length
            ? `the row has ${fields.length} fields where the header has ${header.length} (is a column missing, or the file truncated?)`
            : `the row has ${fields.length} fields where the header has ${header.length}`,
        };
        row.problems = [problem, ...(row.problems ?? [])];
      }
      rows.push(row);
    },
  });
  if (fatal.length > 0) throw new SourceError(fatal);
  return rows;
}

function headerIndex(
  header: readonly string[],
  line: number,
  fatal: SourceProblem[],
): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, column) => {
    if (!KNOWN.has(name)) return;
    if (index.has(name)) {
      fatal.push({ line, field: name, message: `the header names column ${quote(name)} twice` });
    }
    index.set(name, column);
  });
  for (const name of REQUIRED_FIELDS) {
    if (!index.has(name)) {
      const near = header.find((given) => given.toLowerCase() === name.toLowerCase());
      fatal.push({
        line,
        field: name,
        message: near === undefined
          ? `the header has no ${quote(name)} column (it reads ${quote(header.join(","))})`
          : `the header has no ${quote(name)} column (${quote(near)} is spelled differently)`,
      });
    }
  }
  return index;
}
