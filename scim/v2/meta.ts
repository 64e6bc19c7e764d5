/**
 * `meta`, the metadata every v2 resource carries.
 *
 * @module
 */

/**
 * A resource's metadata: when it was created, where it lives. Slack's v2 answers carry
 * `created` and `location`; the other attributes are RFC 7644's and may be `null` or missing.
 *
 * @example When a user was created
 * ```ts
 * import type { Meta } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const meta: Meta = {
 *   created: "2023-02-20T14:33:21-08:00",
 *   location: "https://api.slack.com/scim/v2/Users/U123ABC456",
 * };
 * assert.equal(new Date(meta.created!).getUTCFullYear(), 2023);
 * assert.ok(meta.location?.endsWith("/Users/U123ABC456"));
 * ```
 */
export type Meta = {
  /** Such as "User" or "Group". */
  resourceType?: string | null;
  /** When the resource was created (ISO 8601). */
  created?: string | null;
  /** When it last changed (ISO 8601). */
  lastModified?: string | null;
  /** Its URL in the API. */
  location?: string | null;
  /** Its version, when sent. */
  version?: string | null;
};
