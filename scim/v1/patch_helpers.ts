/**
 * v1 PATCH bodies the official SDKs cannot express: removing whole attributes
 * (`meta.attributes`) and deleting single values of multi-valued attributes
 * (`"operation": "delete"`).
 *
 * @module
 */

import { quote } from "../../common/quote.ts";
import type { User, UserAddress, UserEmail, UserPhoneNumber, UserPhoto, UserRole } from "./user.ts";

/**
 * Values to delete from a user's multi-valued attributes; all sub-attributes given must match.
 *
 * @example Drop a user's old secondary email
 * ```ts
 * import { SCIMClient, type UserValuesToDelete } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { user } = await client.createUser({
 *   userName: "ann",
 *   emails: [{ value: "ann@example.com", primary: true }, { value: "ann@old.example" }],
 * });
 * const values: UserValuesToDelete = { emails: [{ value: "ann@old.example" }] };
 * const after = await client.deleteUserValues(user.id!, values);
 * assert.deepEqual(after.user.emails?.map((email) => email.value), ["ann@example.com"]);
 * ```
 */
export interface UserValuesToDelete {
  /** Email addresses (deleting the primary gives `missing_primary_email`). */
  emails?: readonly UserEmail[];
  /** Phone numbers. */
  phoneNumbers?: readonly UserPhoneNumber[];
  /** Addresses: every sub-attribute must match Slack's. */
  addresses?: readonly UserAddress[];
  /** Roles. */
  roles?: readonly UserRole[];
  /** Photos. */
  photos?: readonly UserPhoto[];
}

const MULTI_VALUED = ["emails", "phoneNumbers", "addresses", "roles", "photos"] as const;

/**
 * Makes the v1 PATCH body that removes whole attributes (Slack's `meta.attributes`).
 *
 * @param attributes Attribute paths: `"title"`, `"name.honorificPrefix"`,
 * `"urn:scim:schemas:extension:enterprise:1.0.manager.managerId"`, or an extension's URN (which
 * removes the extension: removing the guest URN turns a guest into a full member).
 * @returns The PATCH body (without `schemas`, which the client fills in).
 *
 * @example Remove the honorific prefix and the manager
 * ```ts
 * import { removeAttributesPatch } from "./patch_helpers.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(removeAttributesPatch(["name.honorificPrefix"]), {
 *   meta: { attributes: ["name.honorificPrefix"] },
 * });
 * ```
 */
export function removeAttributesPatch(attributes: readonly string[]): User {
  if (!Array.isArray(attributes) || attributes.length === 0) {
    throw new TypeError(
      `Cannot remove attributes: attributes ${quote(attributes)} is not a non-empty array`,
    );
  }
  for (const attribute of attributes) {
    if (typeof attribute !== "string" || attribute.trim() === "") {
      throw new TypeError(
        `Cannot remove attributes: ${quote(attribute)} is not an attribute path`,
      );
    }
  }
  return { meta: { attributes: [...attributes] } };
}

/**
 * Makes the v1 PATCH body that deletes single values of multi-valued attributes: each value is
 * sent with `"operation": "delete"`.
 *
 * @param values The values to delete, by attribute.
 * @returns The PATCH body (without `schemas`, which the client fills in).
 *
 * @example Delete a secondary email and a phone number
 * ```ts
 * import { deleteValuesPatch } from "./patch_helpers.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(
 *   deleteValuesPatch({ emails: [{ value: "old@example.com" }], phoneNumbers: [{ value: "555-0100" }] }),
 *   {
 *     emails: [{ value: "old@example.com", operation: "delete" }],
 *     phoneNumbers: [{ value: "555-0100", operation: "delete" }],
 *   },
 * );
 * ```
 */
export function deleteValuesPatch(values: UserValuesToDelete): User {
  if (typeof values !== "object" || values === null) {
    throw new TypeError(`Cannot delete values: values ${quote(values)} is not an object`);
  }
  const unknown = Object.keys(values).find((key) =>
    !(MULTI_VALUED as readonly string[]).includes(key)
  );
  if (unknown !== undefined) {
    throw new TypeError(
      `Cannot delete values: ${quote(unknown)} is not one of ${MULTI_VALUED.join(", ")}`,
    );
  }
  const body: User = {};
  for (const key of MULTI_VALUED) {
    const list = values[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      throw new TypeError(`Cannot delete values: ${key} ${quote(list)} is not an array`);
    }
    body[key] = list.map((value: Record<string, unknown>) => {
      if (typeof value !== "object" || value === null) {
        throw new TypeError(`Cannot delete values: ${key} holds ${quote(value)}, not an object`);
      }
      return { ...value, operation: "delete" as const };
    });
  }
  if (Object.keys(body).length === 0) {
    throw new TypeError("Cannot delete values: no values given");
  }
  return body;
}
