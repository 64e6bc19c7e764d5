/**
 * The v2 group (`urn:ietf:params:scim:schemas:core:2.0:Group`).
 *
 * @module
 */

import type { Meta } from "./meta.ts";

/**
 * A member of a group. In v2 a member is added, removed or replaced with PATCH operations
 * (see `groupPatch`), never with v1's `operation: "delete"`.
 *
 * @example The ids of a group's members
 * ```ts
 * import type { GroupMember } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const members: GroupMember[] = [
 *   { value: "U123ABC456", display: "Jay Doe" },
 *   { value: "U222ABC222", display: "Kay Doe" },
 * ];
 * assert.deepEqual(members.map((member) => member.value), ["U123ABC456", "U222ABC222"]);
 * ```
 */
export type GroupMember = {
  /** The user's id. */
  value?: string;
  /** The user's display name, in responses. */
  display?: string | null;
  /** The kind of member, when sent. */
  type?: string | null;
};

/**
 * A Slack IDP group in SCIM 2.0 form. Creating one needs `displayName` and `members`.
 * Attributes Slack adds that this type does not know are kept.
 *
 * @example A new group with one member
 * ```ts
 * import type { Group } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const ops: Group = { displayName: "Some Group Name", members: [{ value: "U123ABC456" }] };
 * assert.equal(ops.members?.length, 1);
 * ```
 */
export interface Group {
  /** The schema URNs; filled in by the client when left out. */
  schemas?: string[];
  /** Slack's id (`S…`). */
  id?: string;
  /** Your identity provider's id. */
  externalId?: string | null;
  /** Metadata. */
  meta?: Meta;
  /** The group's name (not unique). */
  displayName?: string;
  /** The members; up to 15,000 per call. */
  members?: GroupMember[];
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
}
