/**
 * `SCIMClient`: Slack's SCIM v1 API, every call typed, retried and checked.
 *
 * @module
 */

import { checkId } from "../_arguments.ts";
import type { SCIMClientOptions, SearchOptions } from "../client_options.ts";
import { clientTransportOf, SCIMClientBase } from "../client_base.ts";
import type { EmptyResponse } from "../response.ts";
import type { CallOptions, SCIMTransport } from "../transport.ts";
import type { Group } from "./group.ts";
import type { NewGroup } from "./new_group.ts";
import {
  deleteValuesPatch,
  removeAttributesPatch,
  type UserValuesToDelete,
} from "./patch_helpers.ts";
import type {
  GroupResponse,
  SchemaResponse,
  SearchGroupsResponse,
  SearchUsersResponse,
  ServiceProviderConfigResponse,
  UserResponse,
} from "./responses.ts";
import type { paths } from "./schema.gen.ts";
import type { User } from "./user.ts";
import * as discovery from "./_discovery.ts";
import * as groups from "./_groups.ts";
import * as users from "./_users.ts";

/**
 * Slack's SCIM v1 base URL, the default `baseUrl`.
 *
 * @example A client without `baseUrl` talks to Slack
 * ```ts
 * import { DEFAULT_BASE_URL, SCIMClient } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * const client = new SCIMClient({ token: "xoxp-test" }); // no request is made
 * assert.equal(client.baseUrl, DEFAULT_BASE_URL);
 * assert.equal(DEFAULT_BASE_URL, "https://api.slack.com/scim/v1/");
 * ```
 */
export const DEFAULT_BASE_URL = "https://api.slack.com/scim/v1/";

/**
 * A client for Slack's SCIM v1 API (`https://api.slack.com/scim/v1/`), with the methods of the
 * Python SDK's `SCIMClient` in camelCase. Every method returns a Promise of a typed response
 * (`.user`, `.users`, `.group`, … plus `.status`, `.headers`, `.body`) and throws
 * `SCIMApiError` for any answer outside 2xx. Calls go through the retry handlers
 * (`client.retryHandlers`, a live array) and the timeout.
 *
 * The token stays in a private field: it is not in `toString()`, `JSON.stringify`,
 * `Deno.inspect`, errors or log lines.
 *
 * @example Search, create, patch, update and deactivate a user (against the simulator)
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ token: "xoxp-example" });
 * const client = new SCIMClient({ token: "xoxp-example", fetch: sim.fetch });
 *
 * const created = await client.createUser({
 *   userName: "cal",
 *   name: { givenName: "C", familyName: "Henderson" },
 *   emails: [{ value: "cal@example.com" }],
 * });
 * assert.equal(created.status, 201);
 * const found = await client.searchUsers({ count: 10, filter: 'userName eq "cal"' });
 * assert.equal(found.users[0]?.id, created.user.id);
 *
 * const { user } = await client.patchUser(created.user.id!, { title: "Captain" });
 * user.name = { givenName: "Cal", familyName: "Henderson" };
 * const updated = await client.updateUser(user);
 * assert.equal(updated.user.name?.givenName, "Cal");
 * await client.deleteUser(user.id!);
 * assert.equal((await client.readUser(user.id!)).user.active, false);
 * ```
 */
export class SCIMClient extends SCIMClientBase<paths> {
  readonly #transport: SCIMTransport<paths>;

  /**
   * Checks the options; no request is made.
   *
   * @param options The token and the optional settings.
   */
  constructor(options: SCIMClientOptions) {
    super(options, { baseUrl: DEFAULT_BASE_URL, name: "SCIMClient" });
    this.#transport = clientTransportOf(this);
  }

  // ---- Users ------------------------------------------------------------------------------

  /**
   * Lists users, one page: `GET Users?startIndex=&count=&filter=`.
   *
   * @param options Paging (`startIndex` from 1, `count` 1 to 1000), `filter`, signal, timeout.
   * @returns The page's `users` and `totalResults`, `itemsPerPage`, `startIndex`.
   */
  searchUsers(options: SearchOptions = {}): Promise<SearchUsersResponse> {
    return users.searchUsers(this.#transport, options);
  }

  /**
   * Reads one user: `GET Users/{id}`.
   *
   * @param id The user's id.
   * @param options Signal and timeout.
   * @returns The `user`.
   */
  readUser(id: string, options?: CallOptions): Promise<UserResponse> {
    return users.readUser(this.#transport, id, options);
  }

  /**
   * Creates a user: `POST Users`. Slack requires `userName` and one email; `schemas` is filled in.
   *
   * An attempt that got no answer is retried (as the handlers allow). If the retry then meets
   * `username_taken` or `email_taken`, the first attempt probably created the user: the client
   * looks it up by the `userName` sent and, when its `userName` and one of its emails are the
   * ones sent, returns it with `recovered: true` (a user who merely holds a sent email is never
   * taken for it). Otherwise the `SCIMApiError` says an earlier attempt may have
   * created the user.
   *
   * @param user The new user.
   * @param options Signal and timeout.
   * @returns The created `user` (status 201).
   */
  createUser(user: User, options?: CallOptions): Promise<UserResponse> {
    return users.createUser(this.#transport, user, options);
  }

  /**
   * Changes some attributes of a user: `PATCH Users/{id}`, SCIM 1.1 style (omitted attributes
   * stay; `" "` clears a string; `operation: "delete"` on a value removes it; `meta.attributes`
   * removes attributes). `schemas` is filled in.
   *
   * @param id The user's id.
   * @param partialUser The attributes to change.
   * @param options Signal and timeout.
   * @returns The `user` after the change.
   */
  patchUser(id: string, partialUser: User, options?: CallOptions): Promise<UserResponse> {
    return users.patchUser(this.#transport, id, partialUser, options);
  }

  /**
   * Replaces a user: `PUT Users/{user.id}`. Attributes left out are blanked; every attribute of
   * the object is sent, unknown ones included, so a read → change → update keeps them.
   *
   * @param user The whole user, `id` included.
   * @param options Signal and timeout.
   * @returns The `user` after the replace.
   */
  updateUser(user: User, options?: CallOptions): Promise<UserResponse> {
    return users.updateUser(this.#transport, user, options);
  }

  /**
   * Deactivates a user: `DELETE Users/{id}` (Slack never deletes users; repeating succeeds).
   *
   * @param id The user's id.
   * @param options Signal and timeout.
   * @returns Slack's empty answer.
   */
  deleteUser(id: string, options?: CallOptions): Promise<EmptyResponse> {
    return users.deleteUser(this.#transport, id, options);
  }

  /**
   * Removes whole attributes of a user with a v1 PATCH (`meta.attributes`), which the official
   * SDKs cannot send.
   *
   * @param id The user's id.
   * @param attributes Paths such as `"name.honorificPrefix"`, `"title"`,
   * `"urn:scim:schemas:extension:enterprise:1.0.manager.managerId"` or an extension URN.
   * @param options Signal and timeout.
   * @returns The `user` after the change.
   */
  removeUserAttributes(
    id: string,
    attributes: readonly string[],
    options?: CallOptions,
  ): Promise<UserResponse> {
    checkId("removeUserAttributes", "id", id);
    return this.patchUser(id, removeAttributesPatch(attributes), options);
  }

  /**
   * Deletes single values of a user's multi-valued attributes with a v1 PATCH
   * (`"operation": "delete"`): a secondary email, a phone number, an address, a role.
   *
   * @param id The user's id.
   * @param values The values to delete, such as `{ emails: [{ value: "old@example.com" }] }`.
   * @param options Signal and timeout.
   * @returns The `user` after the change.
   */
  deleteUserValues(
    id: string,
    values: UserValuesToDelete,
    options?: CallOptions,
  ): Promise<UserResponse> {
    checkId("deleteUserValues", "id", id);
    return this.patchUser(id, deleteValuesPatch(values), options);
  }

  // ---- Groups -----------------------------------------------------------------------------

  /**
   * Lists groups, one page: `GET Groups?startIndex=&count=&filter=`.
   *
   * @param options Paging (`startIndex` from 1, `count` 1 to 1000), `filter`, signal, timeout.
   * @returns The page's `groups` and `totalResults`, `itemsPerPage`, `startIndex`.
   */
  searchGroups(options: SearchOptions = {}): Promise<SearchGroupsResponse> {
    return groups.searchGroups(this.#transport, options);
  }

  /**
   * Reads one group, members included: `GET Groups/{id}`.
   *
   * @param id The group's id.
   * @param options Signal and timeout.
   * @returns The `group`.
   */
  readGroup(id: string, options?: CallOptions): Promise<GroupResponse> {
    return groups.readGroup(this.#transport, id, options);
  }

  /**
   * Creates a group: `POST Groups` (`displayName` and `members` required; `schemas` filled in).
   * Never re-sent after an attempt that got no answer: display names are not unique, so a retry
   * could create a second group. That failure throws `RequestFailedError` with
   * `mayHaveBeenApplied: true`; search by `displayName` before trying again.
   *
   * @param group The new group.
   * @param options Signal and timeout.
   * @returns The created `group` (status 201).
   */
  createGroup(group: NewGroup, options?: CallOptions): Promise<GroupResponse> {
    return groups.createGroup(this.#transport, group, options);
  }

  /**
   * Changes a group: `PATCH Groups/{id}`: rename it, add members (`{ value }`) or remove them
   * (`{ value, operation: "delete" }`), up to 15,000 per call. Slack answers 204 with no body.
   *
   * @param id The group's id.
   * @param partialGroup The changes, such as `{ members: [{ value: "U1" }] }`.
   * @param options Signal and timeout.
   * @returns Slack's empty answer.
   */
  patchGroup(id: string, partialGroup: Group, options?: CallOptions): Promise<EmptyResponse> {
    return groups.patchGroup(this.#transport, id, partialGroup, options);
  }

  /**
   * Replaces a group, members included: `PUT Groups/{group.id}`.
   *
   * @param group The whole group, `id` included.
   * @param options Signal and timeout.
   * @returns The `group` after the replace.
   */
  updateGroup(group: Group, options?: CallOptions): Promise<GroupResponse> {
    return groups.updateGroup(this.#transport, group, options);
  }

  /**
   * Deletes a group for good: `DELETE Groups/{id}`. If an attempt got no answer and the retry
   * meets `no_such_group`, the first attempt deleted it: a success with `recovered: true`.
   *
   * @param id The group's id.
   * @param options Signal and timeout.
   * @returns Slack's empty answer.
   */
  deleteGroup(id: string, options?: CallOptions): Promise<EmptyResponse> {
    return groups.deleteGroup(this.#transport, id, options);
  }

  // ---- Discovery and anything else ----------------------------------------------------------

  /**
   * Reads what the API supports: `GET ServiceProviderConfigs`.
   *
   * @param options Signal and timeout.
   * @returns The `serviceProviderConfig`.
   */
  readServiceProviderConfigs(options?: CallOptions): Promise<ServiceProviderConfigResponse> {
    return discovery.readServiceProviderConfigs(this.#transport, options);
  }

  /**
   * Reads the user schema: `GET Schemas/Users`.
   *
   * @param options Signal and timeout.
   * @returns The `schema`.
   */
  readUserSchema(options?: CallOptions): Promise<SchemaResponse> {
    return discovery.readSchema(this.#transport, "readUserSchema", options);
  }

  /**
   * Reads the group schema: `GET Schemas/Groups`.
   *
   * @param options Signal and timeout.
   * @returns The `schema`.
   */
  readGroupSchema(options?: CallOptions): Promise<SchemaResponse> {
    return discovery.readSchema(this.#transport, "readGroupSchema", options);
  }
}

/**
 * The same class under the Python SDK's async name: every `SCIMClient` method already returns a
 * Promise.
 *
 * @example Code ported from the Python SDK's `AsyncSCIMClient`
 * ```ts
 * import { AsyncSCIMClient, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client: AsyncSCIMClient = new AsyncSCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * assert.ok(client instanceof SCIMClient);
 * assert.equal((await client.searchUsers({ count: 10 })).users.length, 3);
 * ```
 */
export const AsyncSCIMClient: typeof SCIMClient = SCIMClient;
/**
 * The same type under the Python SDK's async name.
 *
 * @example Type a function ported from the Python SDK
 * ```ts
 * import { type AsyncSCIMClient, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * async function countUsers(client: AsyncSCIMClient): Promise<number> {
 *   return (await client.searchUsers({ count: 1 })).totalResults;
 * }
 * const sim = new SlackScimSimulator({ users: 3 });
 * assert.equal(await countUsers(new SCIMClient({ token: "xoxp-test", fetch: sim.fetch })), 3);
 * ```
 */
export type AsyncSCIMClient = SCIMClient;
