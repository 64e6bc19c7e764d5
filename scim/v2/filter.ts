/**
 * The `filter` template for v2: the same injection-safe builder as `@org/slack-scim/filter`,
 * with v2's attribute set: `restricted` and `ultra_restricted` are v1 only ("not applicable to
 * SCIM v2.0"), so a v2 filter naming them is refused before any request.
 *
 * @module
 */

import { filter as neutralFilter, type FilterValue } from "../filter.ts";

/** `restricted` / `ultra_restricted` followed by an operator, outside string literals. */
const V1_ONLY = /(?:^|[\s(])(restricted|ultra_restricted)\s+(?:eq|co|sw|pr|gt|ge|lt|le)(?!\w)/i;

/**
 * Throws when a filter names an attribute only v1 can filter on.
 *
 * @param method The method's name, for the message.
 * @param text A filter, or a literal part of a `filter` template.
 */
export function refuseV1OnlyAttributes(method: string, text: string): void {
  // String literals are values, not attribute names: skip them.
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const match = V1_ONLY.exec(outsideStrings);
  if (match) {
    throw new TypeError(
      `Cannot ${method}: "${
        match[1]
      }" is a v1-only filter (not applicable to SCIM v2); find guests by the guest extension instead`,
    );
  }
}

/**
 * Builds a Slack SCIM v2 filter, encoding every interpolated value as a SCIM literal (see
 * `@org/slack-scim/filter`). Attributes: `userName`, `email` on users, `displayName` on groups;
 * v1's `restricted` and `ultra_restricted` are refused.
 *
 * @param strings The literal parts of the template.
 * @param values The interpolated values.
 * @returns The filter, ready for `searchUsers({ filter })` or `searchGroups({ filter })`.
 *
 * @example A user by an email from a form, and a v1-only filter refused
 * ```ts
 * import { filter, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const fromForm = 'nobody@example.com" or email co "@';
 * const found = await client.searchUsers({ filter: filter`email eq ${fromForm}` });
 * assert.equal(found.users.length, 0);
 * assert.throws(() => filter`restricted eq ${true}`, /v1-only/);
 * ```
 */
export function filter(strings: TemplateStringsArray, ...values: FilterValue[]): string {
  if (Array.isArray(strings)) {
    for (const literal of strings) refuseV1OnlyAttributes("build filter", String(literal));
  }
  return neutralFilter(strings, ...values);
}
