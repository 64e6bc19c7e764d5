/**
 * Paging for `SCIM2Client`: every user or group, page by page, through the version-neutral
 * walk of `@org/slack-scim/paging` (the same de-duplication across shifting pages).
 *
 * @module
 */

import { type IterateOptions, iterateSearch, type Page, type PagedIterable } from "../paging.ts";
import { checkPagingArguments } from "../_paging_arguments.ts";
import type { SCIM2Client } from "./client.ts";
import type { Group } from "./group.ts";
import type { User } from "./user.ts";

export type { IterateOptions, Page, PagedIterable } from "../paging.ts";

/**
 * One page of v2 users, as the iterator's `pages()` yields it.
 *
 * @example Page sizes
 * ```ts
 * import { iterateUsers, SCIM2Client, type UsersPage } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 5 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const sizes: number[] = [];
 * for await (const page of iterateUsers(client, { pageSize: 2 }).pages()) {
 *   const typed: UsersPage = page;
 *   sizes.push(typed.users.length);
 * }
 * assert.deepEqual(sizes, [2, 2, 1]);
 * ```
 */
export interface UsersPage extends Page<User> {
  /** The page's users. */
  readonly users: readonly User[];
}

/**
 * One page of v2 groups, as the iterator's `pages()` yields it.
 *
 * @example Count groups page by page
 * ```ts
 * import { type GroupsPage, iterateGroups, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3, groups: 3 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * let count = 0;
 * for await (const page of iterateGroups(client, { pageSize: 2 }).pages()) {
 *   const typed: GroupsPage = page;
 *   count += typed.groups.length;
 * }
 * assert.equal(count, 3);
 * ```
 */
export interface GroupsPage extends Page<Group> {
  /** The page's groups. */
  readonly groups: readonly Group[];
}

/**
 * Every v2 user matching an optional filter, page by page.
 *
 * @param client The v2 client (anything with its `searchUsers`).
 * @param options `filter`, `pageSize` (default and at most 1000), `signal`, `timeout`.
 * @returns An async iterable of users (`pages()` yields whole pages).
 *
 * @example Deactivated users
 * ```ts
 * import { iterateUsers, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 20 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * let all = 0;
 * for await (const user of iterateUsers(client, { pageSize: 7 })) if (user.id) all++;
 * assert.equal(all, 20);
 * ```
 */
export function iterateUsers(
  client: Pick<SCIM2Client, "searchUsers">,
  options: IterateOptions = {},
): PagedIterable<User, UsersPage> {
  options = checkPagingArguments("iterateUsers", client, "searchUsers", options, "SCIM2Client");
  return iterateSearch((query) => client.searchUsers(query), "users", options);
}

/**
 * Every v2 group matching an optional filter, page by page.
 *
 * @param client The v2 client (anything with its `searchGroups`).
 * @param options `filter`, `pageSize`, `signal`, `timeout`.
 * @returns An async iterable of groups.
 *
 * @example Every group's name
 * ```ts
 * import { iterateGroups, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3, groups: 4 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * const names: string[] = [];
 * for await (const group of iterateGroups(client)) names.push(group.displayName ?? "");
 * assert.equal(names.length, 4);
 * ```
 */
export function iterateGroups(
  client: Pick<SCIM2Client, "searchGroups">,
  options: IterateOptions = {},
): PagedIterable<Group, GroupsPage> {
  options = checkPagingArguments("iterateGroups", client, "searchGroups", options, "SCIM2Client");
  return iterateSearch((query) => client.searchGroups(query), "groups", options);
}
