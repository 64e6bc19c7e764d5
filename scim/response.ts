/**
 * What the client's methods resolve to: the typed result plus the HTTP answer it came from.
 *
 * @module
 */

import type { Group, Schema, ServiceProviderConfig, User } from "./v1/models.ts";

/**
 * What every response carries: the HTTP answer and how it was obtained.
 *
 * @example How a call went, whatever it returned
 * ```ts
 * import { SCIMClient, type SCIMResponse } from "@org/slack-scim";
 * import { RateLimitErrorRetryHandler } from "@org/slack-scim/retry";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * sim.faults.script({ kind: "retry-after-seconds", path: "/Users", retryAfterSeconds: 2 });
 * const client = new SCIMClient({
 *   token: "xoxp-test",
 *   fetch: sim.fetch,
 *   retryHandlers: [new RateLimitErrorRetryHandler()],
 *   sleep: () => Promise.resolve(), // so the example does not wait
 * });
 * const summary = (r: SCIMResponse) =>
 *   `${r.status}: ${r.attempts} attempts, ${r.totalRetryDelay} ms`;
 * assert.equal(summary(await client.searchUsers()), "200: 2 attempts, 2000 ms");
 * assert.equal(summary(await client.readUserSchema()), "200: 1 attempts, 0 ms");
 * ```
 */
export interface SCIMResponse {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The answer's headers. */
  readonly headers: Headers;
  /** The body parsed as JSON, or `undefined` for Slack's empty 200/204 bodies. */
  readonly body: unknown;
  /** Attempts sent, 1 meaning no retry. */
  readonly attempts: number;
  /** Milliseconds waited between attempts. */
  readonly totalRetryDelay: number;
  /**
   * True when an attempt got no answer and the client established the outcome another way: a
   * `createUser` whose retry met `username_taken`/`email_taken` and found the user the first
   * attempt created, or a `deleteGroup` whose retry met `no_such_group`. `status`, `headers`
   * and `body` are then those of the last call made (the look-up, or the 404).
   */
  readonly recovered: boolean;
}

/**
 * A response holding one user: `readUser`, `createUser`, `patchUser`, `updateUser`.
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
export interface UserResponse extends SCIMResponse {
  /** The user, every attribute Slack sent included. */
  readonly user: User;
}

/**
 * A response holding one group: `readGroup`, `createGroup`, `updateGroup`.
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
export interface GroupResponse extends SCIMResponse {
  /** The group, every attribute Slack sent included. */
  readonly group: Group;
}

/**
 * One page of a list, with Slack's paging numbers.
 *
 * @example Is there another page? One test for users and groups
 * ```ts
 * import { type ListResponse, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5, groups: 2 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const hasMore = (page: ListResponse) =>
 *   page.startIndex - 1 + page.itemsPerPage < page.totalResults;
 *
 * assert.equal(hasMore(await client.searchUsers({ count: 2 })), true);
 * assert.equal(hasMore(await client.searchUsers({ startIndex: 5, count: 2 })), false);
 * assert.equal(hasMore(await client.searchGroups({ count: 10 })), false);
 * ```
 */
export interface ListResponse extends SCIMResponse {
  /** How many resources match, in all pages. */
  readonly totalResults: number;
  /** How many resources this page holds, as Slack reported it. */
  readonly itemsPerPage: number;
  /** The 1-based position of this page's first resource. */
  readonly startIndex: number;
}

/**
 * One page of users: `searchUsers`.
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
export interface SearchUsersResponse extends ListResponse {
  /** The page's users (Slack's `Resources`). */
  readonly users: User[];
}

/**
 * One page of groups: `searchGroups`.
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
export interface SearchGroupsResponse extends ListResponse {
  /** The page's groups (Slack's `Resources`). */
  readonly groups: Group[];
}

/**
 * A response whose body is empty or not needed: `deleteUser`, `patchGroup`, `deleteGroup`.
 *
 * @example Deactivate a user: Slack's answer has no body
 * ```ts
 * import { type EmptyResponse, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const emails = [{ value: "cal@example.com" }];
 * const { user } = await client.createUser({ userName: "cal", emails });
 * const response: EmptyResponse = await client.deleteUser(user.id!);
 * assert.equal(response.status, 200);
 * assert.equal(response.body, undefined);
 * assert.equal((await client.readUser(user.id!)).user.active, false);
 * ```
 */
export type EmptyResponse = SCIMResponse;

/**
 * `readServiceProviderConfigs`: what the API supports.
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
export interface ServiceProviderConfigResponse extends SCIMResponse {
  /** The configuration. */
  readonly serviceProviderConfig: ServiceProviderConfig;
}

/**
 * `readUserSchema` / `readGroupSchema`: a resource's attribute schema.
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
export interface SchemaResponse extends SCIMResponse {
  /** The schema. */
  readonly schema: Schema;
}

/**
 * `apiCall`: any endpoint, its body typed by the caller.
 *
 * @example Type the body of a raw call
 * ```ts
 * import { type ApiCallResponse, SCIMClient, type User } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * type UserPage = { totalResults: number; Resources: User[] };
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const page: ApiCallResponse<UserPage> = await client.apiCall<UserPage>("GET", "Users", {
 *   query: { count: 2 },
 * });
 * assert.equal(page.body?.totalResults, 3);
 * assert.equal(page.body?.Resources.length, 2);
 * ```
 */
export interface ApiCallResponse<T = unknown> extends SCIMResponse {
  /** The body parsed as JSON (typed as the caller said; not checked), or `undefined` when empty. */
  readonly body: T | undefined;
}
