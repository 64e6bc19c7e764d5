/**
 * `SCIMClient`: Slack's SCIM v1 API, every call typed, retried and checked.
 *
 * @module
 */

import { defaultRetryHandlers } from "../../retry/defaults.ts";
import type { RetryHandler } from "../../retry/handler.ts";
import { isRequestFailedError } from "../../retry/request_failed_error.ts";
import { isSCIMApiError } from "../errors.ts";
import type {
  ApiCallResponse,
  EmptyResponse,
  GroupResponse,
  SchemaResponse,
  SearchGroupsResponse,
  SearchUsersResponse,
  ServiceProviderConfigResponse,
  UserResponse,
} from "./responses.ts";
import type { Group, Schema, ServiceProviderConfig, User } from "./models.ts";
import { apiCallTarget, checkId, checkReplaced, checkResource, searchQuery } from "./_arguments.ts";
import type { CallOptions, SCIMClientOptions, SearchOptions } from "./client_options.ts";
import { Core } from "./_core.ts";
import { type Answer, emptyBody, listBody, meta, objectBody, resourceBody } from "./_exchange.ts";
import { recoverCreatedUser } from "./_recovery.ts";
import {
  deleteValuesPatch,
  removeAttributesPatch,
  type UserValuesToDelete,
} from "./patch_helpers.ts";
import { forReplace, withGroupSchemas, withUserSchemas } from "./schemas.ts";

/**
 * Options of {@linkcode SCIMClient.apiCall}.
 *
 * @example A write through the escape hatch, never re-sent blindly
 * ```ts
 * import { type ApiCallOptions, CORE_SCHEMA_V1, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const options: ApiCallOptions = {
 *   body: { schemas: [CORE_SCHEMA_V1], displayName: "Ops", members: [] },
 *   retryAfterSendFailure: false, // a lost answer may mean the group exists: check, do not resend
 *   timeout: 10_000,
 * };
 * const created = await client.apiCall<{ id: string }>("POST", "Groups", options);
 * assert.equal(created.status, 201);
 * assert.ok(created.body?.id);
 * ```
 */
export interface ApiCallOptions extends CallOptions {
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** The JSON body. */
  body?: unknown;
  /** Whether a write may be re-sent after an attempt got no answer. Default true. */
  retryAfterSendFailure?: boolean;
}

const REDACTED = "[redacted]";

function callOnly(options: CallOptions | undefined): CallOptions {
  if (options === undefined) return {};
  const { signal, timeout } = options;
  return { ...(signal ? { signal } : {}), ...(timeout !== undefined ? { timeout } : {}) };
}

/** The response of a call that returns a user. */
function userOf(answer: Answer): UserResponse {
  return { ...meta(answer), user: resourceBody(answer, "a user") as User };
}

/** The response of a call that returns a group. */
function groupOf(answer: Answer): GroupResponse {
  return { ...meta(answer), group: resourceBody(answer, "a group") as Group };
}

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
export class SCIMClient {
  /** The retry handlers, consulted in order at every call; change it at any time. */
  retryHandlers: RetryHandler[];
  readonly #core: Core;

  /**
   * Checks the options; no request is made.
   *
   * @param options The token and the optional settings.
   */
  constructor(options: SCIMClientOptions) {
    this.#core = new Core(options, () => this.retryHandlers);
    this.retryHandlers = options.retryHandlers ?? defaultRetryHandlers();
  }

  /** The API's base URL, ending with `/`. */
  get baseUrl(): string {
    return this.#core.baseUrl;
  }

  /** The default timeout of a call in milliseconds (0: none). */
  get timeout(): number {
    return this.#core.timeout;
  }

  // ---- Users ------------------------------------------------------------------------------

  /**
   * Lists users, one page: `GET Users?startIndex=&count=&filter=`.
   *
   * @param options Paging (`startIndex` from 1, `count` 1 to 1000), `filter`, signal, timeout.
   * @returns The page's `users` and `totalResults`, `itemsPerPage`, `startIndex`.
   */
  async searchUsers(options: SearchOptions = {}): Promise<SearchUsersResponse> {
    const query = searchQuery("searchUsers", options);
    const answer = await this.#core.send("searchUsers", options, "GET", "/Users", {
      params: { query },
    });
    const { resources, page } = listBody(answer, "a list of users");
    return { ...page, users: resources as User[] };
  }

  /**
   * Reads one user: `GET Users/{id}`.
   *
   * @param id The user's id.
   * @param options Signal and timeout.
   * @returns The `user`.
   */
  async readUser(id: string, options?: CallOptions): Promise<UserResponse> {
    checkId("readUser", "id", id);
    return userOf(
      await this.#core.send("readUser", options, "GET", "/Users/{id}", {
        params: { path: { id } },
      }),
    );
  }

  /**
   * Creates a user: `POST Users`. Slack requires `userName` and one email; `schemas` is filled in.
   *
   * An attempt that got no answer is retried (as the handlers allow). If the retry then meets
   * `username_taken` or `email_taken`, the first attempt probably created the user: the client
   * looks it up (by `userName`, then by email) and, when one of its emails is one sent, returns
   * it with `recovered: true`. Otherwise the `SCIMApiError` says an earlier attempt may have
   * created the user.
   *
   * @param user The new user.
   * @param options Signal and timeout.
   * @returns The created `user` (status 201).
   */
  async createUser(user: User, options?: CallOptions): Promise<UserResponse> {
    checkResource("createUser", "user", user);
    const body = withUserSchemas(user);
    const core = this.#core;
    try {
      return userOf(await core.send("createUser", options, "POST", "/Users", { body }));
    } catch (error) {
      if (!isSCIMApiError(error)) throw error;
      return await recoverCreatedUser(error, body, {
        search: (filter) => this.searchUsers({ ...callOnly(options), count: 10, filter }),
        logger: core.logger,
      });
    }
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
  async patchUser(id: string, partialUser: User, options?: CallOptions): Promise<UserResponse> {
    checkId("patchUser", "id", id);
    checkResource("patchUser", "partialUser", partialUser);
    return userOf(
      await this.#core.send("patchUser", options, "PATCH", "/Users/{id}", {
        params: { path: { id } },
        body: withUserSchemas(partialUser),
      }),
    );
  }

  /**
   * Replaces a user: `PUT Users/{user.id}`. Attributes left out are blanked; every attribute of
   * the object is sent, unknown ones included, so a read → change → update keeps them.
   *
   * @param user The whole user, `id` included.
   * @param options Signal and timeout.
   * @returns The `user` after the replace.
   */
  async updateUser(user: User, options?: CallOptions): Promise<UserResponse> {
    const id = checkReplaced("updateUser", "user", user);
    return userOf(
      await this.#core.send("updateUser", options, "PUT", "/Users/{id}", {
        params: { path: { id } },
        body: withUserSchemas(forReplace(user)),
      }),
    );
  }

  /**
   * Deactivates a user: `DELETE Users/{id}` (Slack never deletes users; repeating succeeds).
   *
   * @param id The user's id.
   * @param options Signal and timeout.
   * @returns Slack's empty answer.
   */
  async deleteUser(id: string, options?: CallOptions): Promise<EmptyResponse> {
    checkId("deleteUser", "id", id);
    return emptyBody(
      await this.#core.send("deleteUser", options, "DELETE", "/Users/{id}", {
        params: { path: { id } },
      }),
    );
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
  async searchGroups(options: SearchOptions = {}): Promise<SearchGroupsResponse> {
    const query = searchQuery("searchGroups", options);
    const answer = await this.#core.send("searchGroups", options, "GET", "/Groups", {
      params: { query },
    });
    const { resources, page } = listBody(answer, "a list of groups");
    return { ...page, groups: resources as Group[] };
  }

  /**
   * Reads one group, members included: `GET Groups/{id}`.
   *
   * @param id The group's id.
   * @param options Signal and timeout.
   * @returns The `group`.
   */
  async readGroup(id: string, options?: CallOptions): Promise<GroupResponse> {
    checkId("readGroup", "id", id);
    return groupOf(
      await this.#core.send("readGroup", options, "GET", "/Groups/{id}", {
        params: { path: { id } },
      }),
    );
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
  async createGroup(group: Group, options?: CallOptions): Promise<GroupResponse> {
    checkResource("createGroup", "group", group);
    const body = withGroupSchemas(group);
    try {
      return groupOf(
        await this.#core.send("createGroup", options, "POST", "/Groups", { body }, false),
      );
    } catch (error) {
      if (isRequestFailedError(error) && error.mayHaveBeenApplied) {
        error.message += "; not retried: the group may have been created and a retry could " +
          "create a duplicate (display names are not unique), so search by displayName first";
      }
      throw error;
    }
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
  async patchGroup(id: string, partialGroup: Group, options?: CallOptions): Promise<EmptyResponse> {
    checkId("patchGroup", "id", id);
    checkResource("patchGroup", "partialGroup", partialGroup);
    return emptyBody(
      await this.#core.send("patchGroup", options, "PATCH", "/Groups/{id}", {
        params: { path: { id } },
        body: withGroupSchemas(partialGroup),
      }),
    );
  }

  /**
   * Replaces a group, members included: `PUT Groups/{group.id}`.
   *
   * @param group The whole group, `id` included.
   * @param options Signal and timeout.
   * @returns The `group` after the replace.
   */
  async updateGroup(group: Group, options?: CallOptions): Promise<GroupResponse> {
    const id = checkReplaced("updateGroup", "group", group);
    return groupOf(
      await this.#core.send("updateGroup", options, "PUT", "/Groups/{id}", {
        params: { path: { id } },
        body: withGroupSchemas(group),
      }),
    );
  }

  /**
   * Deletes a group for good: `DELETE Groups/{id}`. If an attempt got no answer and the retry
   * meets `no_such_group`, the first attempt deleted it: a success with `recovered: true`.
   *
   * @param id The group's id.
   * @param options Signal and timeout.
   * @returns Slack's empty answer.
   */
  async deleteGroup(id: string, options?: CallOptions): Promise<EmptyResponse> {
    checkId("deleteGroup", "id", id);
    const core = this.#core;
    try {
      return emptyBody(
        await core.send("deleteGroup", options, "DELETE", "/Groups/{id}", {
          params: { path: { id } },
        }),
      );
    } catch (error) {
      const recovered = isSCIMApiError(error) && error.status === 404 &&
        error.description === "no_such_group" &&
        error.failedAttempts.some((attempt) => attempt.kind === "error");
      if (!recovered) throw error;
      core.logger?.warn("deleteGroup: the retry met no_such_group; an earlier attempt deleted it", {
        id,
        attempts: error.attempts,
      });
      return {
        status: error.status,
        headers: error.response.headers,
        body: error.response.body,
        attempts: error.attempts,
        totalRetryDelay: error.totalRetryDelay,
        recovered: true,
      };
    }
  }

  // ---- Discovery and anything else ----------------------------------------------------------

  /**
   * Reads what the API supports: `GET ServiceProviderConfigs`.
   *
   * @param options Signal and timeout.
   * @returns The `serviceProviderConfig`.
   */
  async readServiceProviderConfigs(options?: CallOptions): Promise<ServiceProviderConfigResponse> {
    const answer = await this.#core.send(
      "readServiceProviderConfigs",
      options,
      "GET",
      "/ServiceProviderConfigs",
      {},
    );
    const config = objectBody(answer, "a service provider configuration");
    return { ...meta(answer), serviceProviderConfig: config as ServiceProviderConfig };
  }

  /**
   * Reads the user schema: `GET Schemas/Users`.
   *
   * @param options Signal and timeout.
   * @returns The `schema`.
   */
  async readUserSchema(options?: CallOptions): Promise<SchemaResponse> {
    const answer = await this.#core.send("readUserSchema", options, "GET", "/Schemas/Users", {});
    return { ...meta(answer), schema: objectBody(answer, "a schema") as Schema };
  }

  /**
   * Reads the group schema: `GET Schemas/Groups`.
   *
   * @param options Signal and timeout.
   * @returns The `schema`.
   */
  async readGroupSchema(options?: CallOptions): Promise<SchemaResponse> {
    const answer = await this.#core.send("readGroupSchema", options, "GET", "/Schemas/Groups", {});
    return { ...meta(answer), schema: objectBody(answer, "a schema") as Schema };
  }

  /**
   * Calls any endpoint, with the client's token, retries, timeout and error handling (the Python
   * SDK's `api_call`). The path is relative to the base URL and used as given (encode ids
   * yourself); it may not leave the base URL.
   *
   * @param method The HTTP method, such as `"GET"`.
   * @param path Such as `"ResourceTypes"` or `"Users/U123"`.
   * @param options Query, JSON body, signal, timeout, `retryAfterSendFailure`.
   * @returns The answer, its `body` typed as the caller says (not checked).
   *
   * @example Read an endpoint the client has no method for
   * ```ts
   * import { SCIMClient } from "@org/slack-scim";
   * import { SlackScimSimulator } from "@org/slack-scim/testing";
   * import assert from "node:assert/strict";
   *
   * const sim = new SlackScimSimulator({ token: "xoxp-example", users: 3 });
   * const client = new SCIMClient({ token: "xoxp-example", fetch: sim.fetch });
   * const page = await client.apiCall<{ totalResults: number }>("GET", "Users", {
   *   query: { count: 1 },
   * });
   * assert.equal(page.status, 200);
   * assert.equal(typeof page.body?.totalResults, "number");
   * ```
   */
  async apiCall<T = unknown>(
    method: string,
    path: string,
    options: ApiCallOptions = {},
  ): Promise<ApiCallResponse<T>> {
    const { verb, url } = apiCallTarget(method, path);
    const { body, query, retryAfterSendFailure } = options;
    // The path is not one of the spec's, so it is sent untyped (apiCallTarget checked it).
    const answer = await this.#core.sendTarget("apiCall", options, {
      method: verb,
      path: url,
      params: { query },
      body,
    }, retryAfterSendFailure ?? true);
    return { ...meta(answer), body: answer.body as T | undefined };
  }

  // ---- Never show the token ---------------------------------------------------------------

  /**
   * Describes the client without its token.
   *
   * @returns Such as `SCIMClient(https://api.slack.com/scim/v1/)`.
   */
  toString(): string {
    return `SCIMClient(${this.baseUrl})`;
  }

  /**
   * What `JSON.stringify` shows: the base URL and timeout, never the token.
   *
   * @returns The public settings.
   */
  toJSON(): { baseUrl: string; timeout: number; token: string } {
    return { baseUrl: this.baseUrl, timeout: this.timeout, token: REDACTED };
  }

  /**
   * What `Deno.inspect` and `console.log` show in Deno.
   *
   * @returns The client without its token.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.#inspected();
  }

  /**
   * What `util.inspect` and `console.log` show in Node and Bun.
   *
   * @returns The client without its token.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.#inspected();
  }

  #inspected(): string {
    return `SCIMClient { baseUrl: "${this.baseUrl}", timeout: ${this.timeout}, token: ${REDACTED} }`;
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
