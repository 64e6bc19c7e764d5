/**
 * Slack's SCIM v1 filter grammar: a small recursive-descent parser and an evaluator.
 *
 * Grammar (attribute names, operators and `and`/`or` case-insensitive; `and` binds tighter):
 * ```
 * filter     = or
 * or         = and *("or" and)
 * and        = term *("and" term)
 * term       = "(" or ")" / attribute "pr" / attribute op value
 * op         = "eq" / "co" / "sw" / "gt" / "ge" / "lt" / "le"
 * value      = JSON string / number / "true" / "false"
 * ```
 *
 * @module
 */

/**
 * A comparison operator that takes a value.
 *
 * @example The operator of a parsed comparison, lower-cased
 * ```ts
 * import { type FilterOperator, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * const expression = parseFilter('userName SW "ann"');
 * const operator: FilterOperator | undefined = expression.type === "comparison"
 *   ? expression.operator
 *   : undefined;
 * assert.equal(operator, "sw");
 * ```
 */
export type FilterOperator = "eq" | "co" | "sw" | "gt" | "ge" | "lt" | "le";

/**
 * A decoded literal: JSON strings are unescaped, numbers and booleans are themselves.
 *
 * @example The value of a comparison, decoded
 * ```ts
 * import { type FilterLiteral, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * const valueOf = (text: string): FilterLiteral | undefined => {
 *   const expression = parseFilter(text);
 *   return expression.type === "comparison" ? expression.value : undefined;
 * };
 * assert.equal(valueOf("restricted eq TRUE"), true);
 * assert.equal(valueOf("id gt 42"), 42);
 * assert.equal(valueOf('email eq "ann\\u0040example.com"'), "ann@example.com");
 * ```
 */
export type FilterLiteral = string | number | boolean;

/**
 * `attribute op value`, with the attribute as written and the operator lower-cased.
 *
 * @example The tree of a single comparison
 * ```ts
 * import { type FilterComparison, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * const expected: FilterComparison = {
 *   type: "comparison",
 *   attribute: "email",
 *   operator: "eq",
 *   value: "ann@example.com",
 * };
 * assert.deepEqual(parseFilter('email EQ "ann@example.com"'), expected);
 * ```
 */
export interface FilterComparison {
  /** Discriminant. */
  readonly type: "comparison";
  /** The attribute name as written (matching is case-insensitive). */
  readonly attribute: string;
  /** The operator, lower-cased. */
  readonly operator: FilterOperator;
  /** The decoded value. */
  readonly value: FilterLiteral;
}

/**
 * `attribute pr`: the attribute has a non-empty value.
 *
 * @example The tree of a presence test
 * ```ts
 * import { type FilterPresence, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * const expected: FilterPresence = { type: "present", attribute: "externalId" };
 * assert.deepEqual(parseFilter("externalId PR"), expected);
 * ```
 */
export interface FilterPresence {
  /** Discriminant. */
  readonly type: "present";
  /** The attribute name as written. */
  readonly attribute: string;
}

/**
 * Two expressions joined by `and` or `or`.
 *
 * @example `and` binds tighter than `or`
 * ```ts
 * import { type FilterLogical, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * const tree = parseFilter('userName eq "ann" or email pr and restricted eq true');
 * assert.equal(tree.type, "or");
 * const { left, right } = tree as FilterLogical;
 * assert.equal(left.type, "comparison");
 * assert.equal(right.type, "and");
 * ```
 */
export interface FilterLogical {
  /** Discriminant: the conjunction, lower-cased. */
  readonly type: "and" | "or";
  /** The left operand. */
  readonly left: FilterExpression;
  /** The right operand. */
  readonly right: FilterExpression;
}

/**
 * A parsed filter. Parentheses leave no node of their own: they only shape the tree.
 *
 * @example Check the attributes of the filter code under test sent
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import { type FilterExpression, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * const attributes = (expression: FilterExpression): string[] =>
 *   expression.type === "comparison" || expression.type === "present"
 *     ? [expression.attribute]
 *     : [...attributes(expression.left), ...attributes(expression.right)];
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * await client.searchUsers({ filter: '(userName eq "ann") or email pr' });
 * const sent = new URLSearchParams(sim.requests[0]!.search).get("filter")!;
 * assert.deepEqual(attributes(parseFilter(sent)), ["userName", "email"]);
 * ```
 */
export type FilterExpression = FilterComparison | FilterPresence | FilterLogical;

/**
 * A filter Slack would refuse, with the error code Slack answers it with.
 *
 * `description` is one of `no_filters`, `incomplete_filter`, `invalid_filter_group` or
 * `invalid_query`; the simulator answers 400 with it.
 *
 * @example A filter cut short, parsed and sent
 * ```ts
 * import { SCIMApiError, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import { FilterSyntaxError, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(
 *   () => parseFilter("userName eq"),
 *   (error) => error instanceof FilterSyntaxError && error.description === "incomplete_filter",
 * );
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * await assert.rejects(
 *   client.searchUsers({ filter: "userName eq" }),
 *   (error) => error instanceof SCIMApiError && error.description === "incomplete_filter",
 * );
 * assert.equal(sim.requests[0]?.status, 400);
 * ```
 */
export class FilterSyntaxError extends SyntaxError {
  /** Slack's error code for this filter. */
  readonly description: string;

  /**
   * Creates the error.
   *
   * @param description Slack's error code.
   * @param message What is wrong, for people.
   */
  constructor(description: string, message: string) {
    super(message);
    this.name = "FilterSyntaxError";
    this.description = description;
  }
}

/**
 * Tells whether a value is a {@linkcode FilterSyntaxError}.
 *
 * @param error Any value.
 * @returns `true` for a `FilterSyntaxError`.
 *
 * @example Catch a bad filter
 * ```ts
 * import { isFilterSyntaxError, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * try {
 *   parseFilter('(userName eq "a"');
 *   assert.fail("expected a FilterSyntaxError");
 * } catch (error) {
 *   assert.ok(isFilterSyntaxError(error));
 *   assert.equal(error.description, "invalid_filter_group");
 * }
 * ```
 */
export function isFilterSyntaxError(error: unknown): error is FilterSyntaxError {
  return error instanceof FilterSyntaxError;
}

/**
 * The deepest a filter's parentheses may nest: deeper is Slack's `invalid_filter_group`. Slack
 * documents no bound; this one is the simulator's, far beyond any filter a client writes, and
 * keeps the recursive-descent parser off the end of the stack (`((((…))))` 10,000 deep).
 *
 * @example 64 levels parse, 65 are refused
 * ```ts
 * import { FilterSyntaxError, MAX_FILTER_DEPTH, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * const nested = (depth: number) => `${"(".repeat(depth)}userName eq "a"${")".repeat(depth)}`;
 * assert.equal(parseFilter(nested(MAX_FILTER_DEPTH)).type, "comparison");
 * assert.throws(
 *   () => parseFilter(nested(MAX_FILTER_DEPTH + 1)),
 *   (error) => error instanceof FilterSyntaxError && error.description === "invalid_filter_group",
 * );
 * ```
 */
export const MAX_FILTER_DEPTH = 64;

/**
 * The most comparisons (`attr op value`, `attr pr`) one filter may hold: more is Slack's
 * `invalid_query`. Slack documents no bound; this one is the simulator's, so that a chain of
 * 20,000 `or`s (a tree 20,000 deep) cannot overflow the stack when it is checked or evaluated.
 *
 * @example 1,000 comparisons are a filter, 1,001 are refused
 * ```ts
 * import { FilterSyntaxError, MAX_FILTER_COMPARISONS, parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * const chain = (n: number) =>
 *   Array.from({ length: n }, (_, i) => `userName eq "u${i}"`).join(" or ");
 * assert.equal(parseFilter(chain(MAX_FILTER_COMPARISONS)).type, "or");
 * assert.throws(
 *   () => parseFilter(chain(MAX_FILTER_COMPARISONS + 1)),
 *   (error) => error instanceof FilterSyntaxError && error.description === "invalid_query",
 * );
 * ```
 */
export const MAX_FILTER_COMPARISONS = 1_000;

const OPERATORS: ReadonlySet<string> = new Set(["eq", "co", "sw", "gt", "ge", "lt", "le", "pr"]);

type Token =
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; value: string; at: number }
  | { kind: "number"; value: number; at: number }
  | { kind: "open" | "close"; at: number };

const WORD = /[A-Za-z_][\w.:-]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/y;
// JSON strings: no raw control characters, only JSON's escapes.
// deno-lint-ignore no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4}))*"/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === "(" || char === ")") {
      depth += char === "(" ? 1 : -1;
      if (depth > MAX_FILTER_DEPTH) {
        throw new FilterSyntaxError(
          "invalid_filter_group",
          `Cannot parse filter: groups nest deeper than ${MAX_FILTER_DEPTH} at ${at} in "${
            clip(text)
          }"`,
        );
      }
      if (depth < 0) {
        throw new FilterSyntaxError(
          "invalid_filter_group",
          `Cannot parse filter: ")" at ${at} closes no group in "${clip(text)}"`,
        );
      }
      tokens.push({ kind: char === "(" ? "open" : "close", at });
      at++;
      continue;
    }
    if (char === '"') {
      STRING.lastIndex = at;
      const match = STRING.exec(text);
      if (match === null) {
        throw new FilterSyntaxError(
          "invalid_query",
          `Cannot parse filter: the string at ${at} is not a valid JSON string in "${clip(text)}"`,
        );
      }
      tokens.push({ kind: "string", value: JSON.parse(match[0]) as string, at });
      at += match[0].length;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number !== null) {
      tokens.push({ kind: "number", value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(text);
    if (word === null) {
      throw new FilterSyntaxError(
        "invalid_query",
        `Cannot parse filter: unexpected "${char}" at ${at} in "${clip(text)}"`,
      );
    }
    tokens.push({ kind: "word", text: word[0], at });
    at += word[0].length;
  }
  if (depth > 0) {
    throw new FilterSyntaxError(
      "invalid_filter_group",
      `Cannot parse filter: a "(" is never closed in "${clip(text)}"`,
    );
  }
  return tokens;
}

/**
 * Parses a Slack SCIM v1 filter into an expression tree, decoding string values.
 *
 * Attribute names are kept as written; operators and `and`/`or` are matched case-insensitively
 * and lower-cased. Values are JSON strings (with `\"`, `\\`, `\n`, `\uXXXX` escapes), numbers,
 * `true` or `false`. Which attributes exist is not checked here: that depends on the resource.
 * The simulator then accepts Slack's documented attributes (Users: `userName`/`username`,
 * `email`, `restricted`, `ultra_restricted`; Groups: `displayName`) and, more lenient than
 * Slack, also Users' `id`, `externalId`, `displayName`, `active` and Groups' `id`; any other
 * attribute is `invalid_query`.
 *
 * @param text The filter, as sent in `?filter=`.
 * @returns The expression tree.
 * @throws {FilterSyntaxError} With Slack's code: `no_filters` (no comparison at all),
 * `incomplete_filter` (a comparison or conjunction cut short), `invalid_filter_group`
 * (unbalanced parentheses, or nested deeper than {@linkcode MAX_FILTER_DEPTH}) or `invalid_query`
 * (more than {@linkcode MAX_FILTER_COMPARISONS} comparisons, or anything else malformed).
 *
 * @example Parse a filter with an escaped value
 * ```ts
 * import { parseFilter } from "./filter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseFilter('userName Eq "say \\"hi\\"" or email pr'), {
 *   type: "or",
 *   left: { type: "comparison", attribute: "userName", operator: "eq", value: 'say "hi"' },
 *   right: { type: "present", attribute: "email" },
 * });
 * ```
 */
export function parseFilter(text: string): FilterExpression {
  const tokens = tokenize(text);
  // Slack's answer to a filter with no comparison in it, such as `filter=foo`.
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0]?.kind === "word")) {
    throw new FilterSyntaxError(
      "no_filters",
      `Cannot parse filter: "${clip(text)}" has no comparison`,
    );
  }
  const parser = new Parser(tokens, text);
  const expression = parser.or();
  parser.end();
  return expression;
}

/** A filter as an error message quotes it: its first 100 characters. */
function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}… (${text.length} chars)` : text;
}

class Parser {
  #tokens: Token[];
  #text: string;
  #next = 0;
  #comparisons = 0;

  constructor(tokens: Token[], text: string) {
    this.#tokens = tokens;
    this.#text = text;
  }

  or(): FilterExpression {
    let left = this.and();
    while (this.#peekWord("or")) {
      this.#next++;
      left = { type: "or", left, right: this.and() };
    }
    return left;
  }

  and(): FilterExpression {
    let left = this.term();
    while (this.#peekWord("and")) {
      this.#next++;
      left = { type: "and", left, right: this.term() };
    }
    return left;
  }

  term(): FilterExpression {
    const token = this.#take();
    if (token.kind === "open") {
      const inner = this.or();
      const close = this.#take();
      if (close.kind !== "close") this.#invalid(close, 'expected ")"');
      return inner;
    }
    if (token.kind !== "word") this.#invalid(token, "expected an attribute name");
    if (++this.#comparisons > MAX_FILTER_COMPARISONS) {
      throw new FilterSyntaxError(
        "invalid_query",
        `Cannot parse filter: more than ${MAX_FILTER_COMPARISONS} comparisons in "${
          clip(this.#text)
        }"`,
      );
    }
    const operatorToken = this.#take();
    if (operatorToken.kind !== "word" || !OPERATORS.has(operatorToken.text.toLowerCase())) {
      this.#invalid(operatorToken, `expected an operator after "${token.text}"`);
    }
    const operator = operatorToken.text.toLowerCase();
    if (operator === "pr") return { type: "present", attribute: token.text };
    const valueToken = this.#take();
    return {
      type: "comparison",
      attribute: token.text,
      operator: operator as FilterOperator,
      value: this.#literal(valueToken),
    };
  }

  end(): void {
    const token = this.#tokens[this.#next];
    if (token !== undefined) this.#invalid(token, 'expected "and", "or" or the end');
  }

  #literal(token: Token): FilterLiteral {
    if (token.kind === "string" || token.kind === "number") return token.value;
    if (token.kind === "word") {
      const lower = token.text.toLowerCase();
      if (lower === "true") return true;
      if (lower === "false") return false;
    }
    return this.#invalid(token, "expected a JSON string, a number, true or false");
  }

  #peekWord(word: string): boolean {
    const token = this.#tokens[this.#next];
    return token?.kind === "word" && token.text.toLowerCase() === word;
  }

  #take(): Token {
    const token = this.#tokens[this.#next++];
    if (token === undefined) {
      throw new FilterSyntaxError(
        "incomplete_filter",
        `Cannot parse filter: "${clip(this.#text)}" ends too early`,
      );
    }
    return token;
  }

  #invalid(token: Token, expected: string): never {
    throw new FilterSyntaxError(
      "invalid_query",
      `Cannot parse filter: ${expected} at ${token.at} in "${clip(this.#text)}"`,
    );
  }
}
