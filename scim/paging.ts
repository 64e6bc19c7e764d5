/**
 * Paging over Slack's `startIndex`/`count` lists, one page in memory at a time.
 *
 * Slack's SCIM lists have no cursors: a page is a window at an offset into a list that can change
 * while it is walked. The walker here makes the guarantees a provisioning job needs:
 *
 * - **Nobody is yielded twice.** Each page after the first starts one item early, on the last item
 *   of the page before (the *anchor*); items already yielded in the previous page are dropped.
 * - **Nobody present for the whole walk is skipped.** When the anchor is not where it was (items
 *   before it were deleted, so everything after moved up), the walker steps back one page and
 *   walks forward again, dropping what it has already yielded. A step-back page is used from its
 *   first item already yielded on: when it holds none (more was deleted meanwhile), the walker
 *   steps back again.
 * - **It ends.** It stops on an empty page or a page shorter than asked for, whatever
 *   `totalResults` says, and throws instead of looping when pages stop making progress.
 *
 * Deactivating a user does not remove it from Slack's list, so deactivations never move the list.
 * Users created during the walk are yielded if they are appended after the current position
 * (Slack's lists are in a stable creation order) and not otherwise. Dropping duplicates uses the
 * ids of the previous page only, so memory stays at about one page whatever the directory's size;
 * that covers any number of changes between two page fetches smaller than one page.
 *
 * {@linkcode iterateSearch} walks a client's search call (v1: `iterateUsers`, `iterateGroups` in
 * `scim/v1/iterate.ts`, the `@org/slack-scim/paging` entry).
 *
 * @module
 */

import { quote } from "../common/quote.ts";
import type { SearchResponse } from "./response.ts";

/**
 * What a page fetcher returns: the items of one page and the list's size as Slack reported it.
 *
 * @example Page over a list held in memory
 * ```ts
 * import { type FetchedPage, PagedIterable, type PageRequest } from "@org/slack-scim/paging";
 * import assert from "node:assert/strict";
 *
 * const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
 * const fetchPage = ({ startIndex, count }: PageRequest): Promise<FetchedPage<{ id: string }>> =>
 *   Promise.resolve({
 *     items: rows.slice(startIndex - 1, startIndex - 1 + count),
 *     totalResults: rows.length,
 *   });
 * const walk = new PagedIterable(fetchPage, { pageSize: 2, idOf: (row) => row.id });
 * assert.deepEqual((await walk.collect()).map((row) => row.id), ["a", "b", "c"]);
 * ```
 */
export interface FetchedPage<T> {
  /** The page's items, in list order. */
  readonly items: readonly T[];
  /** The list's size as Slack reported it (not trusted to end the walk). */
  readonly totalResults: number;
}

/**
 * Where the walker asks a page from.
 *
 * @example Watch the walker start each page on the last item of the one before
 * ```ts
 * import { PagedIterable, type PageRequest } from "@org/slack-scim/paging";
 * import assert from "node:assert/strict";
 *
 * const ids = ["a", "b", "c", "d", "e"];
 * const requests: string[] = [];
 * const walk = new PagedIterable((request: PageRequest) => {
 *   requests.push(`startIndex=${request.startIndex} count=${request.count}`);
 *   const items = ids.slice(request.startIndex - 1, request.startIndex - 1 + request.count);
 *   return Promise.resolve({ items, totalResults: ids.length });
 * }, { pageSize: 2, idOf: (id: string) => id });
 * assert.deepEqual(await walk.collect(), ids); // nobody twice
 * assert.deepEqual(requests, [
 *   "startIndex=1 count=2",
 *   "startIndex=2 count=3", // b again: the anchor shows whether the list moved
 *   "startIndex=4 count=3",
 * ]);
 * ```
 */
export interface PageRequest {
  /** 1-based position of the first item. */
  readonly startIndex: number;
  /** How many items to ask for. */
  readonly count: number;
  /** Cancels the page request. */
  readonly signal?: AbortSignal;
}

/**
 * One page as the walker yields it: the new items only, and where they came from.
 *
 * @example Process a directory a page at a time
 * ```ts
 * import { SCIMClient, type User } from "@org/slack-scim";
 * import { iterateUsers, type Page } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 25 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * let seen = 0;
 * for await (const page of iterateUsers(client, { pageSize: 10 }).pages()) {
 *   const batch: Page<User> = page;
 *   assert.equal(batch.totalResults, 25);
 *   seen += batch.items.length; // e.g. one database transaction per page
 * }
 * assert.equal(seen, 25);
 * ```
 */
export interface Page<T> {
  /** The items not yielded before, in list order. */
  readonly items: readonly T[];
  /** 1-based position in the list of the first item Slack returned for this page. */
  readonly startIndex: number;
  /** The list's size as Slack reported it for this page. */
  readonly totalResults: number;
}

/**
 * How to walk a list.
 *
 * @example Walk any `startIndex`/`count` list the client exposes
 * ```ts
 * import { SCIMClient, type User } from "@org/slack-scim";
 * import { PagedIterable, type PaginateOptions } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 7 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const options: PaginateOptions<User> = {
 *   pageSize: 3,
 *   idOf: (user) => user.id!,
 *   maxStepBacks: 5,
 * };
 * const walk = new PagedIterable<User>(async ({ startIndex, count }) => {
 *   const page = await client.searchUsers({ startIndex, count });
 *   return { items: page.users, totalResults: page.totalResults };
 * }, options);
 * assert.equal((await walk.collect()).length, 7);
 * ```
 */
export interface PaginateOptions<T> {
  /** Items per request, 1 to 1000 (Slack's maximum). */
  readonly pageSize: number;
  /** The item's stable identity (a SCIM `id`). */
  readonly idOf: (item: T) => string;
  /** Cancels the walk, including a page request in flight. */
  readonly signal?: AbortSignal | undefined;
  /** How many times the walker may step back because the list moved, before it gives up. Default 20. */
  readonly maxStepBacks?: number;
}

/**
 * The largest `count` Slack serves in one page.
 *
 * @example Larger pages are refused before any request
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { iterateUsers, MAX_PAGE_SIZE } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * assert.equal(MAX_PAGE_SIZE, 1000);
 * assert.throws(() => iterateUsers(client, { pageSize: MAX_PAGE_SIZE + 1 }), RangeError);
 * assert.equal(sim.requests.length, 0);
 * ```
 */
export const MAX_PAGE_SIZE = 1000;

/**
 * An async iterable over a paged list's items, with `pages()` for page-at-a-time work and
 * `collect()` for small lists.
 *
 * @example Item by item, page by page, or the first few
 * ```ts
 * import { SCIMClient, type User } from "@org/slack-scim";
 * import { iterateUsers, PagedIterable, type UsersPage } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 12 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const users: PagedIterable<User, UsersPage> = iterateUsers(client, { pageSize: 5 });
 * let count = 0;
 * for await (const _user of users) count++;
 * assert.equal(count, 12);
 * const sizes: number[] = [];
 * for await (const page of users.pages()) sizes.push(page.users.length);
 * assert.deepEqual(sizes, [5, 5, 2]);
 * assert.equal((await users.collect(3)).length, 3); // stops after the first page
 * ```
 */
export class PagedIterable<T, P extends Page<T> = Page<T>> implements AsyncIterable<T> {
  readonly #fetchPage: (request: PageRequest) => Promise<FetchedPage<T>>;
  readonly #options: PaginateOptions<T>;
  readonly #shapePage: (page: Page<T>) => P;

  /**
   * Prepares a walk; nothing is fetched until iteration starts.
   *
   * @param fetchPage Fetches one page.
   * @param options Page size, identity and cancellation.
   * @param shapePage Turns a page into what `pages()` yields (e.g. adds `users`); default: as is.
   */
  constructor(
    fetchPage: (request: PageRequest) => Promise<FetchedPage<T>>,
    options: PaginateOptions<T>,
    shapePage: (page: Page<T>) => P = (page) => page as P,
  ) {
    const { pageSize, maxStepBacks = 20 } = options;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new RangeError(
        `Cannot page: pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${
          quote(pageSize)
        }`,
      );
    }
    if (!Number.isInteger(maxStepBacks) || maxStepBacks < 0) {
      throw new RangeError(
        `Cannot page: maxStepBacks must be a non-negative integer, got ${quote(maxStepBacks)}`,
      );
    }
    this.#fetchPage = fetchPage;
    this.#options = { ...options, maxStepBacks };
    this.#shapePage = shapePage;
  }

  /**
   * Walks the list page by page.
   *
   * @returns The pages, each holding only items not yielded before.
   */
  async *pages(): AsyncGenerator<P, void, undefined> {
    const { pageSize, idOf, signal } = this.#options;
    const maxStepBacks = this.#options.maxStepBacks ?? 20;
    let previousIds = new Set<string>();
    let anchorId: string | undefined; // the last item yielded
    let steppedBack = false; // the next page is a step-back page
    let nextIndex = 1; // where the item after the anchor should be
    let stepBacks = 0;
    let barren = 0; // consecutive pages that brought nothing new

    while (true) {
      signal?.throwIfAborted();
      // Start on the anchor so that we can see whether the list moved under us.
      const anchored = anchorId !== undefined;
      const startIndex = anchored ? Math.max(1, nextIndex - 1) : nextIndex;
      // An anchored page asks for one more, so that it still brings pageSize new items (and a
      // pageSize of 1 makes progress), up to Slack's maximum.
      const count = anchored ? Math.min(pageSize + 1, MAX_PAGE_SIZE) : pageSize;
      const request: PageRequest = signal ? { startIndex, count, signal } : { startIndex, count };
      const fetched = await this.#fetchPage(request);
      let items = fetched.items;
      if (items.length === 0 && !steppedBack) return;

      if (
        anchorId !== undefined && startIndex > 1 && items.every((item) => idOf(item) !== anchorId)
      ) {
        // The anchor moved up: items before it were deleted. Step back and walk forward again.
        if (stepBacks++ >= maxStepBacks) {
          throw new Error(
            `Cannot page: the list kept moving while it was walked (stepped back ${maxStepBacks} times near startIndex ${startIndex}); some items may be missing`,
          );
        }
        nextIndex = Math.max(1, startIndex - pageSize);
        anchorId = undefined; // the step-back page is deduplicated by previousIds alone
        steppedBack = true;
        continue;
      }
      if (steppedBack) {
        // Continuity: the step-back page is trusted from an item already yielded on (what comes
        // before it was yielded earlier). None there: more was deleted meanwhile, step back again.
        const known = items.findIndex((item) => previousIds.has(idOf(item)));
        if (known < 0) {
          if (startIndex === 1 || stepBacks++ >= maxStepBacks) {
            throw new Error(
              `Cannot page: the list kept moving while it was walked (stepped back ${stepBacks} times near startIndex ${startIndex}); some items may be missing`,
            );
          }
          nextIndex = Math.max(1, startIndex - pageSize);
          continue;
        }
        steppedBack = false;
        if (known > 0) items = items.slice(known);
      }

      const fresh = items.filter((item) => !previousIds.has(idOf(item)));
      if (fresh.length === 0 && items.length >= count) {
        if (++barren >= 3) {
          throw new Error(
            `Cannot page: three pages in a row from startIndex ${startIndex} brought no new items; the server may be ignoring startIndex`,
          );
        }
      } else {
        barren = 0;
      }
      if (fresh.length > 0) {
        yield this.#shapePage({ items: fresh, startIndex, totalResults: fetched.totalResults });
      }
      if (fetched.items.length < count) return; // a short page is the last, whatever totalResults says

      // Remember this page's ids (and the previous page's, covering a step-back) to drop repeats.
      const ids = new Set<string>();
      for (const item of fetched.items) ids.add(idOf(item));
      if (anchorId === undefined && nextIndex > 1) { for (const id of previousIds) ids.add(id); }
      previousIds = ids;
      const last = items[items.length - 1] as T;
      anchorId = idOf(last);
      nextIndex = startIndex + fetched.items.length;
    }
  }

  /** Walks the list item by item. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /**
   * Reads the whole list into an array: for small lists only.
   *
   * @param limit Stop after this many items (default: no limit).
   * @returns The items in list order.
   */
  async collect(limit: number = Infinity): Promise<T[]> {
    const all: T[] = [];
    if (limit <= 0) return all;
    for await (const item of this) {
      all.push(item);
      if (all.length >= limit) break;
    }
    return all;
  }
}

/**
 * Options of a walk over a search: `iterateUsers`, `iterateGroups`.
 *
 * @example Walk the guests only, 100 per page, with a cancellable job
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { filter } from "@org/slack-scim/filter";
 * import { type IterateOptions, iterateUsers } from "@org/slack-scim/paging";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 30 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const job = new AbortController();
 * const options: IterateOptions = {
 *   filter: filter`restricted eq ${true}`,
 *   pageSize: 100,
 *   signal: job.signal,
 *   timeout: 10_000,
 * };
 * const guests = await iterateUsers(client, options).collect();
 * const all = await iterateUsers(client).collect();
 * assert.ok(guests.length > 0 && guests.length < all.length);
 * ```
 */
export interface IterateOptions {
  /** A SCIM filter (build it with `filter\`\`` for untrusted values). */
  filter?: string;
  /** Items per page, 1 to 1000. Default 1000: the fewest calls against Slack's read limit. */
  pageSize?: number;
  /** Cancels the walk, including a page request or a wait in flight. */
  signal?: AbortSignal;
  /** Milliseconds each page's call may take, retries included. */
  timeout?: number;
}

/**
 * What one page of {@linkcode iterateSearch} asks the search call for.
 *
 * @example A search call that logs what the walk asks
 * ```ts
 * import { iterateSearch, type SearchPageQuery } from "./paging.ts";
 * import assert from "node:assert/strict";
 *
 * const asked: SearchPageQuery[] = [];
 * const walk = iterateSearch((query: SearchPageQuery) => {
 *   asked.push(query);
 *   const users = query.startIndex === 1 ? [{ id: "U1" }] : [];
 *   return Promise.resolve({ users, totalResults: 1, itemsPerPage: 1, startIndex: 1,
 *     status: 200, headers: new Headers(), body: undefined, attempts: 1, totalRetryDelay: 0,
 *     recovered: false });
 * }, "users", { filter: 'userName eq "a"', pageSize: 5 });
 * assert.equal((await walk.collect()).length, 1);
 * assert.deepEqual(asked, [{ startIndex: 1, count: 5, filter: 'userName eq "a"' }]);
 * ```
 */
export interface SearchPageQuery {
  /** 1-based position of the first item. */
  readonly startIndex: number;
  /** How many items to ask for. */
  readonly count: number;
  /** The walk's filter. */
  readonly filter?: string;
  /** Cancels the page request. */
  readonly signal?: AbortSignal;
  /** Milliseconds the page's call may take, retries included. */
  readonly timeout?: number;
}

/**
 * One page of {@linkcode iterateSearch}: the new items, also under the property `K`
 * (`users`, `groups`).
 *
 * @example The users of a page are its items
 * ```ts
 * import type { SearchPage } from "./paging.ts";
 * import assert from "node:assert/strict";
 *
 * const users = [{ id: "U1" }];
 * const page: SearchPage<"users", { id: string }> = { items: users, users, startIndex: 1, totalResults: 1 };
 * assert.equal(page.users, page.items);
 * ```
 */
export type SearchPage<K extends string, T> = Page<T> & { readonly [P in K]: readonly T[] };

/**
 * Walks every resource a search call returns, one page in memory at a time, with the guarantees
 * of {@linkcode PagedIterable}. Each page is one call of `search`; nothing is sent until the walk
 * starts. Resources are told apart by `id`.
 *
 * @param search One page of the search (a client's `searchUsers`, `searchGroups`).
 * @param key Where the response holds the page's resources, and where `pages()` puts them.
 * @param options `filter`, `pageSize` (1 to 1000, default 1000), `signal`, `timeout` per page.
 * @returns An async iterable of the resources; `.pages()` yields pages with `key`; `.collect()`.
 *
 * @example Walk the groups of a v1 client
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import { iterateSearch } from "./paging.ts";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 10, groups: 5 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const walk = iterateSearch((query) => client.searchGroups(query), "groups", { pageSize: 2 });
 * const sizes: number[] = [];
 * for await (const page of walk.pages()) sizes.push(page.groups.length);
 * assert.deepEqual(sizes, [2, 2, 1]);
 * ```
 */
export function iterateSearch<K extends string, T extends { readonly id?: string | undefined }>(
  search: (query: SearchPageQuery) => Promise<SearchResponse<K, T>>,
  key: K,
  options: IterateOptions = {},
): PagedIterable<T, SearchPage<K, T>> {
  return new PagedIterable<T, SearchPage<K, T>>(
    async ({ startIndex, count, signal }) => {
      const page = await search({
        startIndex,
        count,
        ...(options.filter !== undefined ? { filter: options.filter } : {}),
        ...(signal ? { signal } : {}),
        ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      });
      return { items: page[key], totalResults: page.totalResults };
    },
    {
      pageSize: options.pageSize ?? MAX_PAGE_SIZE,
      idOf: (item) => item.id ?? "",
      signal: options.signal,
    },
    (page) => ({ ...page, [key]: page.items }) as SearchPage<K, T>,
  );
}
