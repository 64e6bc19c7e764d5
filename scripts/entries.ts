/**
 * Prints the library's entry files, one a line: the targets of deno.json's `exports`, the one
 * list of entries that `.ci/run` (doc lint), `deno task check` and the packaging tests read
 * instead of repeating it.
 *
 * Usage: `deno run --allow-read scripts/entries.ts` (or `deno task entries`)
 *
 * @module
 */

/**
 * The entry files, as deno.json's `exports` names them (`./mod.ts`, `./scim/v2/mod.ts`, …).
 *
 * @param config deno.json's text.
 * @returns The targets, in deno.json's order.
 */
export function entryFiles(config: string): string[] {
  const { exports } = JSON.parse(config) as { exports?: Record<string, string> | string };
  if (exports === undefined) return [];
  return typeof exports === "string" ? [exports] : Object.values(exports);
}

if (import.meta.main) {
  const config = await Deno.readTextFile(new URL("../deno.json", import.meta.url));
  console.log(entryFiles(config).join("\n"));
}
