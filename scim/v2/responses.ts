/**
 * What `SCIM2Client`'s methods resolve to: the typed v2 result plus the HTTP answer it came from.
 * The shapes are the version-neutral ones (`ResourceResponse`, `SearchResponse`) over the v2
 * models.
 *
 * @module
 */

import type { ResourceResponse, SCIMResponse, SearchResponse } from "../response.ts";
import type { ResourceType, Schema, ServiceProviderConfig } from "./discovery.ts";
import type { Group } from "./group.ts";
import type { User } from "./user.ts";

export type {
  ApiCallResponse,
  EmptyResponse,
  ListResponse,
  ResourceResponse,
  SCIMResponse,
  SearchResponse,
} from "../response.ts";

/**
 * A response holding one v2 user: `readUser`, `createUser`, `patchUser`, `updateUser`.
 *
 * @example One helper for every call that returns a user
 * ```ts
 * import { SCIM2Client, type UserResponse } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const nameOf = (response: UserResponse) => response.user.userName;
 * const created = await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * assert.equal(nameOf(created), "cal");
 * assert.equal(nameOf(await client.readUser(created.user.id!)), "cal");
 * ```
 */
export type UserResponse = ResourceResponse<"user", User>;

/**
 * A response holding one v2 group: `readGroup`, `createGroup`, `updateGroup`.
 *
 * @example The members of a new group
 * ```ts
 * import { type GroupResponse, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 2 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const { users } = await client.searchUsers({ count: 2 });
 * const created: GroupResponse = await client.createGroup({
 *   displayName: "Ops",
 *   members: users.map((user) => ({ value: user.id! })),
 * });
 * assert.equal(created.status, 201);
 * assert.equal(created.group.members?.length, 2);
 * ```
 */
export type GroupResponse = ResourceResponse<"group", Group>;

/**
 * The response of `patchGroup`: Slack's v2 docs answer 200 with the group, v1 answers 204 with
 * no body; `group` is the group when Slack sent it, `undefined` otherwise.
 *
 * @example Rename a group and read the name back from the answer when there is one
 * ```ts
 * import { groupPatch, type PatchGroupResponse, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1, groups: 1 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const [group] = (await client.searchGroups({ count: 1 })).groups;
 * const patched: PatchGroupResponse = await client.patchGroup(group!.id!, [
 *   groupPatch.rename("Operations"),
 * ]);
 * const name = patched.group?.displayName ?? (await client.readGroup(group!.id!)).group.displayName;
 * assert.equal(name, "Operations");
 * ```
 */
export type PatchGroupResponse = SCIMResponse & {
  /** The group after the change, when Slack answered with it (200); `undefined` for a 204. */
  readonly group: Group | undefined;
};

/**
 * One page of v2 users.
 *
 * @example Count the deactivated users on a page
 * ```ts
 * import { SCIM2Client, type SearchUsersResponse } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const page: SearchUsersResponse = await client.searchUsers({ count: 100 });
 * assert.equal(page.totalResults, 5);
 * assert.equal(page.users.filter((user) => user.active === false).length >= 0, true);
 * ```
 */
export type SearchUsersResponse = SearchResponse<"users", User>;

/**
 * One page of v2 groups.
 *
 * @example Find a group by name
 * ```ts
 * import { filter, SCIM2Client, type SearchGroupsResponse } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const { users } = await client.searchUsers({ count: 1 });
 * await client.createGroup({ displayName: "Ops", members: [{ value: users[0]!.id! }] });
 * const page: SearchGroupsResponse = await client.searchGroups({
 *   filter: filter`displayName eq ${"Ops"}`,
 * });
 * assert.equal(page.groups[0]?.displayName, "Ops");
 * ```
 */
export type SearchGroupsResponse = SearchResponse<"groups", Group>;

/**
 * The response of `readServiceProviderConfig`.
 *
 * @example Is PATCH supported?
 * ```ts
 * import { SCIM2Client, type ServiceProviderConfigResponse } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const answer: ServiceProviderConfigResponse = await client.readServiceProviderConfig();
 * assert.equal(answer.serviceProviderConfig.patch?.supported, true);
 * ```
 */
export type ServiceProviderConfigResponse = ResourceResponse<
  "serviceProviderConfig",
  ServiceProviderConfig
>;

/**
 * The response of `readResourceTypes`: every resource type, from a ListResponse.
 *
 * @example The endpoints the API serves
 * ```ts
 * import { type ResourceTypesResponse, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const answer: ResourceTypesResponse = await client.readResourceTypes();
 * assert.ok(answer.resourceTypes.some((type) => type.endpoint === "/Users"));
 * ```
 */
export type ResourceTypesResponse = SearchResponse<"resourceTypes", ResourceType>;

/**
 * The response of `readSchemas`: every schema, from a ListResponse.
 *
 * @example The schema URNs the API knows
 * ```ts
 * import { type SchemasResponse, SCIM2Client, USER_SCHEMA_V2 } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const answer: SchemasResponse = await client.readSchemas();
 * assert.ok(answer.schemas.some((schema) => schema.id === USER_SCHEMA_V2));
 * ```
 */
export type SchemasResponse = SearchResponse<"schemas", Schema>;

/**
 * The response of `readUserSchema` and `readGroupSchema`.
 *
 * @example The attributes of a group
 * ```ts
 * import { type SchemaResponse, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const answer: SchemaResponse = await client.readGroupSchema();
 * assert.ok(answer.schema.attributes?.some((attribute) => attribute.name === "members"));
 * ```
 */
export type SchemaResponse = ResourceResponse<"schema", Schema>;
