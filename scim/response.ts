/**
 * What the client's methods resolve to: the typed result plus the HTTP answer it came from.
 *
 * @module
 */

import type { Group, Schema, ServiceProviderConfig, User } from "./v1/models.ts";

/** What every response carries: the HTTP answer and how it was obtained. */
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

/** A response holding one user: `readUser`, `createUser`, `patchUser`, `updateUser`. */
export interface UserResponse extends SCIMResponse {
  /** The user, every attribute Slack sent included. */
  readonly user: User;
}

/** A response holding one group: `readGroup`, `createGroup`, `updateGroup`. */
export interface GroupResponse extends SCIMResponse {
  /** The group, every attribute Slack sent included. */
  readonly group: Group;
}

/** One page of a list, with Slack's paging numbers. */
export interface ListResponse extends SCIMResponse {
  /** How many resources match, in all pages. */
  readonly totalResults: number;
  /** How many resources this page holds, as Slack reported it. */
  readonly itemsPerPage: number;
  /** The 1-based position of this page's first resource. */
  readonly startIndex: number;
}

/** One page of users: `searchUsers`. */
export interface SearchUsersResponse extends ListResponse {
  /** The page's users (Slack's `Resources`). */
  readonly users: User[];
}

/** One page of groups: `searchGroups`. */
export interface SearchGroupsResponse extends ListResponse {
  /** The page's groups (Slack's `Resources`). */
  readonly groups: Group[];
}

/** A response whose body is empty or not needed: `deleteUser`, `patchGroup`, `deleteGroup`. */
export type EmptyResponse = SCIMResponse;

/** `readServiceProviderConfigs`: what the API supports. */
export interface ServiceProviderConfigResponse extends SCIMResponse {
  /** The configuration. */
  readonly serviceProviderConfig: ServiceProviderConfig;
}

/** `readUserSchema` / `readGroupSchema`: a resource's attribute schema. */
export interface SchemaResponse extends SCIMResponse {
  /** The schema. */
  readonly schema: Schema;
}

/** `apiCall`: any endpoint, its body typed by the caller. */
export interface ApiCallResponse<T = unknown> extends SCIMResponse {
  /** The body parsed as JSON (typed as the caller said; not checked), or `undefined` when empty. */
  readonly body: T | undefined;
}
