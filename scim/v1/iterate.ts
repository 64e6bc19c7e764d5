/**
 * Paging iterators (the `@org/slack-scim/paging` entry): walk every user or group matching a
 * filter, one page in memory at a time, with guarantees Slack's `startIndex`/`count` lists do not
 * give by themselves: nobody yielded twice, nobody present for the whole walk skipped when the
 * list moves, an end on a short or empty page, an error instead of a loop (see
 * {@linkcode PagedIterable}).
 *
 * They are functions taking the client, not client methods, so an app that never pages does not
 * ship them: the main entry stays within its size budget.
 *
 * @example Deactivate every guest whose email is at a departed contractor's domain
 * ```ts
 * import { GUEST_SCHEMA_V1, SCIMClient } from "@org/slack-scim";
 * import { iterateUsers } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 50 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * await client.createUser({
 *   userName: "vendor.ann",
 *   emails: [{ value: "ann@vendor.example" }],
 *   [GUEST_SCHEMA_V1]: { type: "multi" },
 * });
 * const leaving: string[] = [];
 * for await (const user of iterateUsers(client)) {
 *   const guest = user[GUEST_SCHEMA_V1] !== undefined;
 *   if (user.active && guest && user.emails?.some((e) => e.value?.endsWith("@vendor.example"))) {
 *     leaving.push(user.id!);
 *   }
 * }
 * for (const id of leaving) await client.deleteUser(id);
 * assert.equal(leaving.length, 1);
 * ```
 *
 * @module
 */

import type { SCIMClient } from "./client.ts";
import type { Group } from "./group.ts";
import type { User } from "./user.ts";
import { type IterateOptions, iterateSearch, type Page, type PagedIterable } from "../paging.ts";

export { MAX_PAGE_SIZE, type Page, PagedIterable } from "../paging.ts";
export type { FetchedPage, IterateOptions, PageRequest, PaginateOptions } from "../paging.ts";

/**
 * One page of `iterateUsers(…).pages()`: the users not yielded before.
 *
 * @example Export users a page at a time
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { iterateUsers, type UsersPage } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 12 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const lines: string[] = [];
 * for await (const page of iterateUsers(client, { pageSize: 5 }).pages()) {
 *   const batch: UsersPage = page;
 *   assert.equal(batch.users, batch.items);
 *   lines.push(batch.users.map((user) => user.userName).join(","));
 * }
 * assert.equal(lines.length, 3);
 * ```
 */
export interface UsersPage extends Page<User> {
  /** The page's users (the same array as `items`). */
  readonly users: readonly User[];
}

/**
 * One page of `iterateGroups(…).pages()`: the groups not yielded before.
 *
 * @example Count members group page by group page
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { type GroupsPage, iterateGroups } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 10, groups: 5 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * let groups = 0;
 * for await (const page of iterateGroups(client, { pageSize: 2 }).pages()) {
 *   const batch: GroupsPage = page;
 *   assert.equal(batch.totalResults, 5);
 *   groups += batch.groups.length;
 * }
 * assert.equal(groups, 5);
 * ```
 */
export interface GroupsPage extends Page<Group> {
  /** The page's groups (the same array as `items`). */
  readonly groups: readonly Group[];
}

/**
 * Walks every user matching `filter`, one page in memory at a time. Each page is one
 * `searchUsers` call, retried like any call; nothing is sent until the walk starts.
 *
 * @param client The client (or anything with its `searchUsers`).
 * @param options `filter`, `pageSize` (1 to 1000, default 1000), `signal`, `timeout` per page.
 * @returns An async iterable of users; `.pages()` yields pages with `users`; `.collect()`.
 *
 * @example Export every active member
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { filter } from "@org/slack-scim/filter";
 * import { iterateUsers } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 120 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * let members = 0;
 * for await (const user of iterateUsers(client, { filter: filter`restricted eq ${false}`, pageSize: 50 })) {
 *   if (user.active) members++;
 * }
 * assert.ok(members > 0);
 * ```
 */
export function iterateUsers(
  client: Pick<SCIMClient, "searchUsers">,
  options: IterateOptions = {},
): PagedIterable<User, UsersPage> {
  return iterateSearch((query) => client.searchUsers(query), "users", options);
}

/**
 * Walks every group matching `filter`, one page in memory at a time, with the guarantees of
 * {@linkcode iterateUsers}.
 *
 * @param client The client (or anything with its `searchGroups`).
 * @param options `filter`, `pageSize` (1 to 1000, default 1000), `signal`, `timeout` per page.
 * @returns An async iterable of groups; `.pages()` yields pages with `groups`; `.collect()`.
 *
 * @example List every group's name
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { iterateGroups } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 10, groups: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const names = (await iterateGroups(client).collect()).map((group) => group.displayName);
 * assert.equal(names.length, 3);
 * ```
 */
export function iterateGroups(
  client: Pick<SCIMClient, "searchGroups">,
  options: IterateOptions = {},
): PagedIterable<Group, GroupsPage> {
  return iterateSearch((query) => client.searchGroups(query), "groups", options);
}
