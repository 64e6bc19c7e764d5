/**
 * What `SCIMClient`'s methods resolve to: the v1 resources in the version-neutral response shapes
 * of `scim/response.ts`.
 *
 * @module
 */

import type { ResourceResponse, SearchResponse } from "../response.ts";
import type { Schema, ServiceProviderConfig } from "./discovery.ts";
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
 * A response holding one user: `readUser`, `createUser`, `patchUser`, `updateUser`.
 *
 * `user`: the user, every attribute Slack sent included.
 *
 * @example One helper for every call that returns a user
 * ```ts
 * import { SCIMClient, type UserResponse } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const primaryEmail = ({ user }: UserResponse) => user.emails?.find((e) => e.primary)?.value;
 *
 * const emails = [{ value: "cal@example.com" }];
 * const created = await client.createUser({ userName: "cal", emails });
 * assert.equal(created.status, 201);
 * assert.equal(primaryEmail(created), "cal@example.com");
 * const patched = await client.patchUser(created.user.id!, {
 *   emails: [{ value: "cal@new.example", primary: true }],
 * });
 * assert.equal(primaryEmail(patched), "cal@new.example");
 * ```
 */
export type UserResponse = ResourceResponse<"user", User>;

/**
 * A response holding one group: `readGroup`, `createGroup`, `updateGroup`.
 *
 * `group`: the group, every attribute Slack sent included.
 *
 * @example Create a group and keep its id
 * ```ts
 * import { type GroupResponse, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const cal = await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * const response: GroupResponse = await client.createGroup({
 *   displayName: "Ops",
 *   members: [{ value: cal.user.id! }],
 * });
 * assert.equal(response.status, 201);
 * const read = await client.readGroup(response.group.id!);
 * assert.equal(read.group.members?.[0]?.value, cal.user.id);
 * ```
 */
export type GroupResponse = ResourceResponse<"group", Group>;

/**
 * One page of users: `searchUsers`.
 *
 * `users`: the page's users (Slack's `Resources`).
 *
 * @example Find a user by email
 * ```ts
 * import { SCIMClient, type SearchUsersResponse } from "@org/slack-scim";
 * import { filter } from "@org/slack-scim/filter";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * const page: SearchUsersResponse = await client.searchUsers({
 *   filter: filter`email eq ${"cal@example.com"}`,
 * });
 * assert.equal(page.totalResults, 1);
 * assert.equal(page.users[0]?.userName, "cal");
 * ```
 */
export type SearchUsersResponse = SearchResponse<"users", User>;

/**
 * One page of groups: `searchGroups`.
 *
 * `groups`: the page's groups (Slack's `Resources`).
 *
 * @example One page of groups
 * ```ts
 * import { SCIMClient, type SearchGroupsResponse } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 10, groups: 4 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const page: SearchGroupsResponse = await client.searchGroups({ startIndex: 1, count: 3 });
 * assert.equal(page.totalResults, 4);
 * assert.equal(page.groups.length, 3);
 * assert.ok(page.groups.every((group) => group.id?.startsWith("S")));
 * ```
 */
export type SearchGroupsResponse = SearchResponse<"groups", Group>;

/**
 * `readServiceProviderConfigs`: what the API supports.
 *
 * `serviceProviderConfig`: the configuration.
 *
 * @example Read what the API supports
 * ```ts
 * import { SCIMClient, type ServiceProviderConfigResponse } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const response: ServiceProviderConfigResponse = await client.readServiceProviderConfigs();
 * assert.equal(response.status, 200);
 * assert.equal(response.serviceProviderConfig.filter?.supported, true);
 * assert.equal(response.serviceProviderConfig.bulk?.supported, false);
 * ```
 */
export type ServiceProviderConfigResponse = ResourceResponse<
  "serviceProviderConfig",
  ServiceProviderConfig
>;

/**
 * `readUserSchema` / `readGroupSchema`: a resource's attribute schema.
 *
 * `schema`: the schema.
 *
 * @example Both schema calls answer the same shape
 * ```ts
 * import { SCIMClient, type SchemaResponse } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const responses: SchemaResponse[] = [
 *   await client.readUserSchema(),
 *   await client.readGroupSchema(),
 * ];
 * assert.deepEqual(responses.map(({ schema }) => schema.name), ["User", "Group"]);
 * assert.deepEqual(responses.map(({ schema }) => schema.endpoint), ["/Users", "/Groups"]);
 * ```
 */
export type SchemaResponse = ResourceResponse<"schema", Schema>;
