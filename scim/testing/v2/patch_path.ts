/**
 * RFC 7644 PATCH paths as Slack accepts them: `attr`, `attr.sub`, `attr[filter]`,
 * `attr[filter].sub`, each optionally under a schema URN in either of Slack's forms
 * (`urn:…:enterprise:2.0:User:employeeNumber` and `urn:…:enterprise:2.0:User.manager.managerId`),
 * or a whole extension URN.
 *
 * Value filters use the simulator's filter grammar (`parseFilter`), with one leniency Slack's own
 * examples need: a bare word as a value (`members[value eq U123ABC456]`) reads as a string.
 *
 * Measured before writing this: `scim2-parse-filter` 0.2.10 (the filter parser `scim-patch`
 * uses) rejects that unquoted form ("[U123ABC456(Word)] is not json"), and `scim-patch` 0.8.3
 * rejects it too and silently leaves the resource unchanged for a whole-URN remove and for
 * `urn:…:User.manager.managerId`; it is also CommonJS with `@types/node` as a runtime dependency.
 *
 * @module
 */

import { type FilterExpression, FilterSyntaxError, parseFilter } from "../filter.ts";
import { fail } from "../responses.ts";

/** A parsed PATCH path; names are lower-cased, as SCIM attribute names are case-insensitive. */
export interface PatchPath {
  /** The schema URN the path was under (lower-cased), or `undefined` for a bare core path. */
  readonly urn: string | undefined;
  /** The attribute, lower-cased; `""` when the path is a whole URN. */
  readonly attribute: string;
  /** The value filter in `[…]`, if any. */
  readonly filter: FilterExpression | undefined;
  /** The sub-attribute after `.`, lower-cased, if any. */
  readonly subAttribute: string | undefined;
}

const ATTRIBUTE_PATH = /^([A-Za-z][\w$-]*)(?:\[(.*)\])?(?:\.([A-Za-z][\w$-]*))?$/s;
const OPERATOR = /(eq|co|sw|gt|ge|lt|le)(\s+)/iy;
const LITERAL = /^(?:true|false|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)$/i;

/**
 * Parses a PATCH `path`. Throws Slack's 400 for a malformed one: `invalid_request_payload` for
 * the path's structure, the filter's own code (`invalid_query`, `incomplete_filter`, …) for a
 * bad value filter.
 *
 * @param path The `path` of one operation.
 * @param urns The schema URNs the resource knows (core and extensions).
 * @returns The parsed path.
 */
export function parsePatchPath(path: string, urns: readonly string[]): PatchPath {
  const text = path.trim();
  const lower = text.toLowerCase();
  let urn: string | undefined;
  let rest = text;
  // Longest first, so an extension URN is never taken for a shorter one it starts with.
  for (const candidate of [...urns].sort((a, b) => b.length - a.length)) {
    const known = candidate.toLowerCase();
    if (lower === known) {
      return { urn: known, attribute: "", filter: undefined, subAttribute: undefined };
    }
    if (lower.startsWith(`${known}:`) || lower.startsWith(`${known}.`)) {
      urn = known;
      rest = text.slice(known.length + 1);
      break;
    }
  }
  const match = ATTRIBUTE_PATH.exec(rest);
  if (match === null) fail("invalid_request_payload");
  const [, attribute, filterText, subAttribute] = match;
  return {
    urn,
    attribute: (attribute as string).toLowerCase(),
    filter: filterText === undefined ? undefined : parseValueFilter(filterText),
    subAttribute: subAttribute?.toLowerCase(),
  };
}

function parseValueFilter(text: string): FilterExpression {
  try {
    return parseFilter(quoteBareValues(text));
  } catch (error) {
    if (error instanceof FilterSyntaxError) fail(error.description);
    throw error;
  }
}

/**
 * Quotes a bare word after an operator (`value eq U123` → `value eq "U123"`), leaving JSON
 * strings, numbers, `true` and `false` as they are.
 *
 * @param text A value filter.
 * @returns The filter with every value a literal `parseFilter` reads.
 */
export function quoteBareValues(text: string): string {
  let out = "";
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (char === '"') {
      // Copy a JSON string whole, escapes included, so nothing inside it is rewritten.
      let end = at + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      out += text.slice(at, end + 1);
      at = end + 1;
      continue;
    }
    const before = at === 0 ? " " : text[at - 1] as string;
    OPERATOR.lastIndex = at;
    const operator = /[\s(]/.test(before) ? OPERATOR.exec(text) : null;
    if (operator === null) {
      out += char;
      at++;
      continue;
    }
    out += operator[0];
    at += operator[0].length;
    const value = /^[^\s()"]+/.exec(text.slice(at))?.[0];
    if (value !== undefined && !LITERAL.test(value)) {
      out += JSON.stringify(value);
      at += value.length;
    }
  }
  return out;
}
