/**
 * What a SCIM client's methods resolve to, whatever the API version: the typed result plus the
 * HTTP answer it came from. Each version names its resources in these shapes (v1:
 * `UserResponse` is `ResourceResponse<"user", User>`, in `scim/v1/responses.ts`).
 *
 * @module
 */

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
 *   clock: { sleep: () => Promise.resolve() }, // so the example does not wait
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
 * A response holding one resource under the property `K`: the shape of every single-resource
 * answer, whatever the API version (`UserResponse` is `ResourceResponse<"user", User>`).
 *
 * @example One helper for any call that returns a resource
 * ```ts
 * import { type ResourceResponse, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const idOf = <K extends "user" | "group">(key: K, r: ResourceResponse<K, { id?: string }>) =>
 *   r[key].id;
 * const created = await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * assert.equal(idOf("user", await client.readUser(created.user.id!)), created.user.id);
 * const group = await client.createGroup({
 *   displayName: "Ops",
 *   members: [{ value: created.user.id! }],
 * });
 * assert.equal(idOf("group", group), group.group.id);
 * ```
 */
export type ResourceResponse<K extends string, T> = SCIMResponse & { readonly [P in K]: T };

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
 * One page of resources under the property `K`, with Slack's paging numbers, whatever the API
 * version (`SearchUsersResponse` is `SearchResponse<"users", User>`).
 *
 * @example Page sizes of users and groups alike
 * ```ts
 * import { SCIMClient, type SearchResponse } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5, groups: 2 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const size = <K extends string>(key: K, page: SearchResponse<K, unknown>) => page[key].length;
 * assert.equal(size("users", await client.searchUsers({ count: 3 })), 3);
 * assert.equal(size("groups", await client.searchGroups()), 2);
 * ```
 */
export type SearchResponse<K extends string, T> = ListResponse & { readonly [P in K]: T[] };

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
