/**
 * Reading an RFC 7644 PATCH body (`{"schemas":[…PatchOp],"Operations":[…]}`) and the pieces the
 * user and group PATCHes share: value filters over the items of a multi-valued attribute.
 *
 * - `schemas` must name the PatchOp URN, or the answer is `missing_schema_element`, Slack's code
 *   for a body without its schema.
 * - `op` is `add`, `replace` or `remove`, in any case (`Replace`, as some identity providers
 *   send it); `add` and `replace` need a `value`; `remove` needs a `path`, or the answer is
 *   `invalid_request_payload`.
 *
 * @module
 */

import type { FilterExpression, FilterLiteral } from "../filter.ts";
import { type AttributeReader, checkFilterAttributes, matchesFilter } from "../filter_evaluate.ts";
import { FilterSyntaxError } from "../filter.ts";
import { isObject } from "../../../common/is_object.ts";
import { fail } from "../responses.ts";
import { PATCH_OP_V2 } from "./responses.ts";

/** One PATCH operation, its `op` lower-cased. */
export interface PatchOperation {
  /** What to do. */
  readonly op: "add" | "replace" | "remove";
  /** The target, or `undefined` for a no-path `add`/`replace` whose value is an object. */
  readonly path: string | undefined;
  /** The value (`undefined` for most removes). */
  readonly value: unknown;
}

const OPS = new Set(["add", "replace", "remove"]);

/**
 * Whether a body is an RFC 7644 PatchOp message (its `schemas` names the PatchOp URN).
 *
 * @param body The request body.
 * @returns `true` when `schemas` holds the PatchOp URN.
 */
export function isPatchOp(body: Record<string, unknown>): boolean {
  return Array.isArray(body.schemas) &&
    body.schemas.some((urn) =>
      typeof urn === "string" && urn.toLowerCase() === PATCH_OP_V2.toLowerCase()
    );
}

/**
 * An operation as operations with a path each: a path-less `add`/`replace`, whose value is an
 * object of path → value, becomes one operation per key, in order (`invalid_request_payload`
 * when that value is not an object).
 *
 * @param operation The operation.
 * @returns The operations to apply, in order.
 */
export function withPaths(operation: PatchOperation): (PatchOperation & { path: string })[] {
  const { op, path, value } = operation;
  if (path !== undefined) return [{ op, path, value }];
  if (!isObject(value)) fail("invalid_request_payload");
  return Object.entries(value).map(([key, item]) => ({ op, path: key, value: item }));
}

/**
 * Reads the operations of a PatchOp body, failing with Slack's codes for a malformed one.
 *
 * @param body The request body.
 * @returns The operations, in order.
 */
export function readPatchOperations(body: Record<string, unknown>): PatchOperation[] {
  if (!isPatchOp(body)) fail("missing_schema_element");
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) fail("invalid_request_payload");
  return operations.map((item): PatchOperation => {
    if (!isObject(item)) fail("invalid_request_payload");
    const { op, path, value } = item as Record<string, unknown>;
    const name = typeof op === "string" ? op.toLowerCase() : "";
    if (!OPS.has(name)) fail("invalid_request_payload");
    if (path !== undefined && (typeof path !== "string" || path.trim() === "")) {
      fail("invalid_request_payload");
    }
    if (name !== "remove" && value === undefined) fail("invalid_request_payload");
    if (name === "remove" && path === undefined) fail("invalid_request_payload");
    return { op: name as PatchOperation["op"], path: path as string | undefined, value };
  });
}

/** One item of a multi-valued attribute as a value filter sees it. */
export type Item = Record<string, unknown>;

/**
 * A predicate over the items of a multi-valued attribute for a value filter, checking first that
 * the filter names only the item's sub-attributes (else Slack's `invalid_query`).
 *
 * @param filter The parsed filter.
 * @param subAttributes The item's sub-attributes, as spelled in answers.
 * @returns Whether an item matches.
 */
export function itemMatcher(
  filter: FilterExpression,
  subAttributes: readonly string[],
): (item: Item) => boolean {
  const readers = new Map<string, AttributeReader<Item>>(
    subAttributes.map((name) => [name.toLowerCase(), (item) => literals(item[name])]),
  );
  try {
    checkFilterAttributes(filter, readers);
  } catch (error) {
    if (error instanceof FilterSyntaxError) fail(error.description);
    throw error;
  }
  return (item) => matchesFilter(filter, item, readers);
}

function literals(value: unknown): FilterLiteral[] {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? [value]
    : [];
}

/**
 * A PATCH value as a list: an array as it is, one object (Slack's examples send both) as a list
 * of one.
 *
 * @param value The operation's value.
 * @returns The items.
 */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Whether a request value means `true` (Slack's examples send `"primary": "true"` too).
 *
 * @param value The value.
 * @returns `true` for `true` and `"true"`.
 */
export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}
