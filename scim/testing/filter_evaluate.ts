/**
 * Evaluating parsed v1 filters against resources, and checking their attributes.
 *
 * @module
 */

import {
  type FilterExpression,
  type FilterLiteral,
  type FilterOperator,
  FilterSyntaxError,
} from "./filter.ts";

/** How a resource exposes one filterable attribute: its values (any may match). */
export type AttributeReader<T> = (resource: T) => readonly FilterLiteral[];

/**
 * Checks every attribute of a parsed filter against the attributes a resource supports, so an
 * unsupported one fails before any resource is looked at.
 *
 * @param expression The parsed filter.
 * @param readers The supported attributes, keyed by lower-cased name.
 * @throws {FilterSyntaxError} `invalid_query` naming the first unsupported attribute.
 */
export function checkFilterAttributes<T>(
  expression: FilterExpression,
  readers: ReadonlyMap<string, AttributeReader<T>>,
): void {
  switch (expression.type) {
    case "and":
    case "or":
      checkFilterAttributes(expression.left, readers);
      checkFilterAttributes(expression.right, readers);
      return;
    case "comparison":
    case "present":
      if (!readers.has(expression.attribute.toLowerCase())) {
        throw new FilterSyntaxError(
          "invalid_query",
          `Cannot filter on "${expression.attribute}": the attribute is not filterable`,
        );
      }
  }
}

/**
 * Evaluates a parsed filter against one resource. Strings compare case-insensitively; booleans
 * also equal `1`/`0` and `"1"`/`"0"`/`"true"`/`"false"`; `pr` means a non-empty value exists.
 *
 * @param expression A filter already checked with {@linkcode checkFilterAttributes}.
 * @param resource The resource.
 * @param readers The supported attributes, keyed by lower-cased name.
 * @returns Whether the resource matches.
 */
export function matchesFilter<T>(
  expression: FilterExpression,
  resource: T,
  readers: ReadonlyMap<string, AttributeReader<T>>,
): boolean {
  switch (expression.type) {
    case "and":
      return matchesFilter(expression.left, resource, readers) &&
        matchesFilter(expression.right, resource, readers);
    case "or":
      return matchesFilter(expression.left, resource, readers) ||
        matchesFilter(expression.right, resource, readers);
    case "present": {
      const values = readers.get(expression.attribute.toLowerCase())?.(resource) ?? [];
      return values.some((value) => value !== "");
    }
    case "comparison": {
      const values = readers.get(expression.attribute.toLowerCase())?.(resource) ?? [];
      return values.some((value) => compare(value, expression.operator, expression.value));
    }
  }
}

function compare(
  actual: FilterLiteral,
  operator: FilterOperator,
  expected: FilterLiteral,
): boolean {
  if (typeof actual === "boolean") {
    const wanted = asBoolean(expected);
    return operator === "eq" && wanted === actual;
  }
  if (typeof actual === "number") {
    const wanted = typeof expected === "number" ? expected : Number(expected);
    if (Number.isNaN(wanted)) return false;
    return order(actual, operator, wanted);
  }
  const left = actual.toLowerCase();
  const right = String(expected).toLowerCase();
  switch (operator) {
    case "co":
      return left.includes(right);
    case "sw":
      return left.startsWith(right);
    default:
      return order(left, operator, right);
  }
}

function order<V extends string | number>(left: V, operator: FilterOperator, right: V): boolean {
  switch (operator) {
    case "eq":
      return left === right;
    case "gt":
      return left > right;
    case "ge":
      return left >= right;
    case "lt":
      return left < right;
    case "le":
      return left <= right;
    default:
      return false;
  }
}

function asBoolean(value: FilterLiteral): boolean | undefined {
  if (typeof value === "boolean") return value;
  const text = String(value).toLowerCase();
  if (text === "1" || text === "true") return true;
  if (text === "0" || text === "false") return false;
  return undefined;
}
