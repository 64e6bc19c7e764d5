/**
 * What `SCIM2Client.createGroup` takes: a group with what Slack requires to create one.
 *
 * @module
 */

import type { Group, GroupMember } from "./group.ts";

/**
 * A SCIM 2.0 group to create: Slack requires `displayName` and `members` (an empty list is
 * allowed), so the compiler does too, instead of Slack answering 400 at run time.
 *
 * @example Create a group with no members yet
 * ```ts
 * import { type NewGroup, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const team: NewGroup = { displayName: "New hires", members: [] };
 * const { group } = await client.createGroup(team);
 * assert.equal(group.displayName, "New hires");
 * // @ts-expect-error: members is required
 * const incomplete: NewGroup = { displayName: "Ops" };
 * assert.equal(incomplete.members, undefined);
 * ```
 */
export type NewGroup = Group & {
  /** The group's name (not unique). */
  displayName: string;
  /** The first members; `[]` for none. Up to 15,000. */
  members: GroupMember[];
};
