/**
 * The `filter` tagged template (the `@org/slack-scim/filter` entry): SCIM filters built from
 * untrusted values without injection. Every interpolated value becomes a SCIM literal, every
 * attribute named must be one Slack can filter on, and a value out of place is refused before
 * any request.
 *
 * @example Find a user by an email that came from a form
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { filter } from "@org/slack-scim/filter";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const fromForm = 'nobody@example.com" or email co "@';
 * const found = await client.searchUsers({ filter: filter`email eq ${fromForm}` });
 * assert.equal(found.users.length, 0); // the whole text is one value: it matches nobody
 * ```
 *
 * @module
 */

import { quote } from "../common/quote.ts";

/** The comparison operators of Slack's SCIM filter grammar that take a value. */
const VALUE_OPERATORS: ReadonlySet<string> = new Set(["eq", "co", "sw", "gt", "ge", "lt", "le"]);

/** Every operator of the grammar, `pr` (present) included. */
const OPERATOR_PATTERN = "eq|co|sw|gt|ge|lt|le|pr";

/**
 * The attributes Slack documents as filterable, lower-cased: `userName` (also `username`),
 * `email`, `restricted`, `ultra_restricted` on Users and `displayName` on Groups.
 */
const FILTERABLE_ATTRIBUTES: ReadonlySet<string> = new Set([
  "username",
  "email",
  "restricted",
  "ultra_restricted",
  "displayname",
]);

/** An attribute name followed by an operator, as written in the template's literal text. */
const COMPARISON = new RegExp(`([A-Za-z_][\\w.:-]*)\\s+(${OPERATOR_PATTERN})(?![\\w])`, "gi");

/** The operator that ends a literal part, just before an interpolated value. */
const TRAILING_OPERATOR = new RegExp(`(?:^|[\\s(])(${OPERATOR_PATTERN})\\s*$`, "i");

/**
 * The values the `filter` template accepts in a value position.
 *
 * @example Build a filter from values read elsewhere
 * ```ts
 * import { filter, type FilterValue } from "@org/slack-scim/filter";
 * import assert from "node:assert/strict";
 *
 * const email: FilterValue = "ann@example.com"; // from a form, a CSV, an HR system
 * const restricted: FilterValue = false;
 * assert.equal(
 *   filter`email eq ${email} and restricted eq ${restricted}`,
 *   'email eq "ann@example.com" and restricted eq false',
 * );
 * ```
 */
export type FilterValue = string | number | boolean | Date;

/**
 * Builds a Slack SCIM filter string, encoding every interpolated value as a SCIM literal.
 *
 * Strings (and `Date`s, as ISO 8601) become JSON string literals with quotes, backslashes and
 * control characters escaped, so a hostile value such as `x" or userName pr or userName eq "y`
 * matches nothing instead of every user. Numbers and booleans are written as such. Each value
 * must follow a comparison operator (`eq co sw gt ge lt le`), and every attribute named in the
 * template must be one Slack can filter on (`userName`, `email`, `restricted`,
 * `ultra_restricted`, `displayName`); otherwise a `TypeError` names the problem before any
 * request is made.
 *
 * @param strings The literal parts of the template.
 * @param values The interpolated values.
 * @returns The filter, ready for `searchUsers({ filter })` or `searchGroups({ filter })`.
 *
 * @example Encode a hostile value
 * ```ts
 * import { filter } from "@org/slack-scim/filter";
 * import assert from "node:assert/strict";
 *
 * const name = 'x" or userName pr or userName eq "y';
 * assert.equal(
 *   filter`userName eq ${name} and email co ${"@example.com"}`,
 *   'userName eq "x\\" or userName pr or userName eq \\"y" and email co "@example.com"',
 * );
 * ```
 *
 * @example Reject an attribute Slack cannot filter on
 * ```ts
 * import { filter } from "@org/slack-scim/filter";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => filter`title eq ${"CEO"}`, TypeError);
 * ```
 */
export function filter(strings: TemplateStringsArray, ...values: FilterValue[]): string {
  // Called as filter("…") from plain JavaScript: a string is no template, and its values would
  // not be escaped.
  if (!Array.isArray(strings) || !Array.isArray((strings as { raw?: unknown }).raw)) {
    throw new TypeError(
      `Cannot build filter: filter is a template tag; write filter\`userName eq \${value}\`, not filter(${
        quote(strings)
      })`,
    );
  }
  let result = "";
  for (const [index, literal] of strings.entries()) {
    checkAttributes(literal);
    result += literal;
    if (index < values.length) {
      const operator = TRAILING_OPERATOR.exec(literal)?.[1]?.toLowerCase();
      if (/"\s*$/.test(literal) || insideString(result)) {
        throw new TypeError(
          `Cannot build filter: value ${
            index + 1
          } is inside quotes; remove them, filter\`\` quotes and escapes values itself`,
        );
      }
      if (operator === undefined || !VALUE_OPERATORS.has(operator)) {
        throw new TypeError(
          `Cannot build filter: value ${index + 1} (${
            describe(values[index])
          }) must follow one of the operators eq, co, sw, gt, ge, lt, le, but follows "${
            literal.slice(-20)
          }"`,
        );
      }
      result += encodeFilterValue(values[index] as FilterValue, index);
    }
  }
  return result;
}

/**
 * Encodes one value as a SCIM filter literal: a JSON string for strings and dates, the number or
 * boolean itself otherwise.
 *
 * @param value The value to encode.
 * @param index Its position in the template, for the error message (0-based).
 * @returns The literal, safe to place after a comparison operator.
 *
 * @example Quote and escape a string
 * ```ts
 * import { encodeFilterValue } from "@org/slack-scim/filter";
 * import assert from "node:assert/strict";
 *
 * assert.equal(encodeFilterValue('say "hi"\n'), '"say \\"hi\\"\\n"');
 * assert.equal(encodeFilterValue(true), "true");
 * ```
 */
export function encodeFilterValue(value: FilterValue, index = 0): string {
  switch (typeof value) {
    case "string":
      // JSON.stringify escapes `"`, `\`, every control character and lone surrogates.
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) {
        throw new RangeError(`Cannot build filter: value ${index + 1} (${value}) is not finite`);
      }
      return String(value);
    case "boolean":
      return String(value);
    default:
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) {
          throw new RangeError(`Cannot build filter: value ${index + 1} is an invalid Date`);
        }
        return JSON.stringify(value.toISOString());
      }
      throw new TypeError(
        `Cannot build filter: value ${index + 1} (${
          describe(value)
        }) must be a string, number, boolean or Date`,
      );
  }
}

/** Whether text ends inside a string literal: an odd number of unescaped quotes. */
function insideString(text: string): boolean {
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && inside) i++;
    else if (text[i] === '"') inside = !inside;
  }
  return inside;
}

function checkAttributes(literal: string): void {
  // String literals the developer wrote are values, not attribute names: skip them.
  const outsideStrings = literal.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const match of outsideStrings.matchAll(COMPARISON)) {
    const attribute = match[1] ?? "";
    if (!FILTERABLE_ATTRIBUTES.has(attribute.toLowerCase())) {
      throw new TypeError(
        `Cannot build filter: Slack cannot filter on ${
          quote(attribute)
        } (supported: userName, email, restricted, ultra_restricted on Users; displayName on Groups)`,
      );
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.slice(0, 40));
  return typeof value;
}
