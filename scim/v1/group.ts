/**
 * The SCIM v1 group (`Group`), its members and metadata. `Group` carries an index signature:
 * attributes Slack adds are kept.
 *
 * @module
 */

import type { ValueOperation } from "./user.ts";

/**
 * A member of a group. In a v1 PATCH, `operation: "delete"` removes it (adding is the default).
 *
 * @example Add two members, then remove one
 * ```ts
 * import { type GroupMember, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const ada = await client.createUser({ userName: "ada", emails: [{ value: "ada@example.com" }] });
 * const cal = await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * const members: GroupMember[] = [{ value: ada.user.id! }, { value: cal.user.id! }];
 * const { group } = await client.createGroup({ displayName: "Ops", members });
 *
 * await client.patchGroup(group.id!, { members: [{ value: ada.user.id!, operation: "delete" }] });
 * const read = await client.readGroup(group.id!);
 * assert.deepEqual(read.group.members?.map((member) => member.value), [cal.user.id]);
 * ```
 */
export type GroupMember = {
  /** The user's id. */
  value?: string;
  /** The user's display name, in responses. */
  display?: string;
  /** The kind of member, when Slack sends it. */
  type?: string;
  /** `"delete"` in a v1 PATCH removes this member. */
  operation?: ValueOperation;
};

/**
 * A group's metadata.
 *
 * @example When a group was created, and its URL
 * ```ts
 * import { type GroupMeta, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 10, groups: 2 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { groups } = await client.searchGroups({ count: 1 });
 * const group = groups[0]!;
 * const meta: GroupMeta = group.meta ?? {};
 * assert.ok(meta.location?.endsWith(`/Groups/${group.id}`));
 * assert.ok(!Number.isNaN(Date.parse(meta.created ?? "")));
 * ```
 */
export type GroupMeta = {
  /** When the group was created (ISO 8601). */
  created?: string;
  /** When the group last changed (ISO 8601). */
  lastModified?: string;
  /** The group's URL in the API. */
  location?: string;
  /** The resource version, when Slack sends it. */
  version?: string;
};

/**
 * A Slack IDP group in SCIM 1.1 form. Creating one needs `displayName` and `members`.
 * Attributes Slack adds that this type does not know are kept.
 *
 * @example Create a group, then rename it with a whole-group update
 * ```ts
 * import { type Group, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const cal = await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * const ops: Group = { displayName: "Ops", members: [{ value: cal.user.id! }] };
 * const { group } = await client.createGroup(ops);
 *
 * group.displayName = "Operations";
 * const updated = await client.updateGroup(group); // PUT: members as read are kept
 * assert.equal(updated.group.displayName, "Operations");
 * assert.equal(updated.group.members?.length, 1);
 * ```
 */
export interface Group {
  /** The schema URNs; filled in by the client when left out. */
  schemas?: string[];
  /** Slack's id (`S…`). */
  id?: string;
  /** Your identity provider's id. */
  externalId?: string;
  /** The group's name (not unique). */
  displayName?: string;
  /** The members; up to 15,000 per call. */
  members?: GroupMember[];
  /** Metadata. */
  meta?: GroupMeta;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
}
