/**
 * `SCIM2Client`: Slack's SCIM v2 API (SCIM 2.0), every call typed, retried and checked, on the
 * same transport, retries, errors and write recovery as `SCIMClient`.
 *
 * @module
 */

import type { SCIMClientOptions, SearchOptions } from "../client_options.ts";
import { clientTransportOf, SCIMClientBase } from "../client_base.ts";
import type { EmptyResponse } from "../response.ts";
import type { CallOptions, SCIMTransport } from "../transport.ts";
import type { Group } from "./group.ts";
import type { NewGroup } from "./new_group.ts";
import type { GroupPatchOperation, UntypedOperation, UserPatchOperation } from "./patch_op.ts";
import type {
  GroupResponse,
  PatchGroupResponse,
  ResourceTypesResponse,
  SchemaResponse,
  SchemasResponse,
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
 * Slack's SCIM v2 base URL, the default `baseUrl` of `SCIM2Client`.
 *
 * @example A client without `baseUrl` talks to Slack's v2 API
 * ```ts
 * import { DEFAULT_BASE_URL_V2, SCIM2Client } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const client = new SCIM2Client({ token: "xoxp-test" }); // no request is made
 * assert.equal(client.baseUrl, DEFAULT_BASE_URL_V2);
 * assert.equal(DEFAULT_BASE_URL_V2, "https://api.slack.com/scim/v2/");
 * ```
 */
export const DEFAULT_BASE_URL_V2 = "https://api.slack.com/scim/v2/";

/**
 * Options of `SCIM2Client`: the same as `SCIMClient`'s (only `token` is required); `baseUrl`
 * defaults to `https://api.slack.com/scim/v2/`.
 *
 * @example A client on the simulator that never really waits
 * ```ts
 * import { SCIM2Client, type SCIM2ClientOptions } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const options: SCIM2ClientOptions = {
 *   token: "xoxp-test",
 *   fetch: sim.fetch,
 *   timeout: 10_000,
 *   clock: { sleep: () => Promise.resolve() },
 * };
 * const client = new SCIM2Client(options);
 * assert.equal((await client.searchUsers({ count: 10 })).users.length, 3);
 * ```
 */
export type SCIM2ClientOptions = SCIMClientOptions;

/**
 * A client for Slack's SCIM v2 API (`https://api.slack.com/scim/v2/`). The methods are
 * `SCIMClient`'s, with v2's models and RFC 7644 PATCH: `patchUser(id, operations)` and
 * `patchGroup(id, operations)` take typed operations (see `UserPatchOperation`, `userPatch`,
 * `groupPatch`). Every method returns a Promise of a typed response and throws `SCIMApiError`
 * for any answer outside 2xx (v2's `{schemas, detail, status}` and v1's `Errors` shape alike);
 * calls go through the retry handlers and the timeout; `createUser` recovers a user created by
 * an attempt that got no answer; `createGroup` is never re-sent blindly.
 *
 * The token stays in a private field: it is not in `toString()`, `JSON.stringify`,
 * `Deno.inspect`, errors or log lines.
 *
 * @example Search, create, patch and deactivate a user (against the simulator)
 * ```ts
 * import { filter, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ token: "xoxp-example" });
 * const client = new SCIM2Client({ token: "xoxp-example", fetch: sim.fetch });
 * const created = await client.createUser({
 *   userName: "cal",
 *   emails: [{ value: "cal@example.com", primary: true }, { value: "cal@home.example" }],
 * });
 * const { users } = await client.searchUsers({ filter: filter`userName eq ${"cal"}`, count: 100 });
 * assert.equal(users[0]?.id, created.user.id);
 *
 * const patched = await client.patchUser(created.user.id!, [
 *   { op: "replace", path: "name.givenName", value: "Cal" },
 *   { op: "remove", path: "emails[primary eq false]" },
 * ]);
 * assert.equal(patched.user.name?.givenName, "Cal");
 * assert.equal(patched.user.emails?.length, 1);
 *
 * const deleted = await client.deleteUser(created.user.id!); // deactivates
 * assert.equal(deleted.status, 204);
 * assert.equal((await client.readUser(created.user.id!)).user.active, false);
 * ```
 */
export class SCIM2Client extends SCIMClientBase<paths> {
  readonly #transport: SCIMTransport<paths>;

  /**
   * Checks the options; no request is made.
   *
   * @param options The token and the optional settings, as for `SCIMClient`.
   */
  constructor(options: SCIM2ClientOptions) {
    super(options, { baseUrl: DEFAULT_BASE_URL_V2, name: "SCIM2Client" });
    this.#transport = clientTransportOf(this);
  }

  // ---- Users ------------------------------------------------------------------------------

  /**
   * Lists users, one page: `GET Users?startIndex=&count=&filter=`. A filter naming v1's
   * `restricted` or `ultra_restricted` is refused (v2 does not have them).
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
   * Creates a user: `POST Users` (`userName` and one email required; `schemas` filled in with
   * the core URN and each extension the user carries). Recovered as `SCIMClient.createUser` is
   * when an attempt got no answer and the retry meets `username_taken` or `email_taken`.
   *
   * @param user The new user.
   * @param options Signal and timeout.
   * @returns The created `user` (status 201).
   */
  createUser(user: User, options?: CallOptions): Promise<UserResponse> {
    return users.createUser(this.#transport, user, options);
  }

  /**
   * Changes a user with RFC 7644 operations: `PATCH Users/{id}` with a `PatchOp` message. The
   * operations are typed (a wrong `op`, a path the user does not have, or a value of the wrong
   * type does not compile) and checked again at run time; `userPatch` builds the common ones.
   *
   * @param id The user's id.
   * @param operations The operations, applied by Slack in order.
   * @param options Signal and timeout.
   * @returns The `user` after the change.
   */
  patchUser(
    id: string,
    operations: readonly (UserPatchOperation | UntypedOperation)[],
    options?: CallOptions,
  ): Promise<UserResponse> {
    return users.patchUser(this.#transport, id, operations, options);
  }

  /**
   * Replaces a user: `PUT Users/{user.id}`. Attributes left out are blanked; every attribute of
   * the object is sent, unknown ones included, so a read → change → update keeps them. Slack's
   * "no manager" (`manager: { managerId: null }`), which it refuses back, is left out.
   *
   * @param user The whole user, `id` included.
   * @param options Signal and timeout.
   * @returns The `user` after the replace.
   */
  updateUser(user: User, options?: CallOptions): Promise<UserResponse> {
    return users.updateUser(this.#transport, user, options);
  }

  /**
   * Deactivates a user: `DELETE Users/{id}`, answered 204 (Slack never deletes users).
   *
   * @param id The user's id.
   * @param options Signal and timeout.
   * @returns Slack's empty answer.
   */
  deleteUser(id: string, options?: CallOptions): Promise<EmptyResponse> {
    return users.deleteUser(this.#transport, id, options);
  }

  // ---- Groups -----------------------------------------------------------------------------

  /**
   * Lists groups, one page: `GET Groups?startIndex=&count=&filter=`.
   *
   * @param options Paging, `filter`, signal, timeout.
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
   * Creates a group: `POST Groups` (`displayName` and `members` required). Never re-sent after
   * an attempt that got no answer (display names are not unique): that failure throws
   * `RequestFailedError` with `mayHaveBeenApplied: true`.
   *
   * @param group The new group.
   * @param options Signal and timeout.
   * @returns The created `group` (status 201).
   */
  createGroup(group: NewGroup, options?: CallOptions): Promise<GroupResponse> {
    return groups.createGroup(this.#transport, group, options);
  }

  /**
   * Changes a group with RFC 7644 operations: rename it, add, remove or replace members (up to
   * 15,000 per call; `groupPatch` builds them). Slack answers 200 with the group (as its v2
   * docs show) or 204 without a body; both succeed.
   *
   * @param id The group's id.
   * @param operations The operations, applied by Slack in order.
   * @param options Signal and timeout.
   * @returns The `group` when Slack sent it.
   */
  patchGroup(
    id: string,
    operations: readonly (GroupPatchOperation | UntypedOperation)[],
    options?: CallOptions,
  ): Promise<PatchGroupResponse> {
    return groups.patchGroup(this.#transport, id, operations, options);
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
   * Deletes a group for good: `DELETE Groups/{id}` (204). If an attempt got no answer and the
   * retry meets `no_such_group`, the first attempt deleted it: a success with `recovered: true`.
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
   * Reads what the API supports: `GET ServiceProviderConfig`, and on a 404
   * `GET ServiceProviderConfigs` (Slack's docs give both names).
   *
   * @param options Signal and timeout.
   * @returns The `serviceProviderConfig`.
   */
  readServiceProviderConfig(options?: CallOptions): Promise<ServiceProviderConfigResponse> {
    return discovery.readServiceProviderConfig(this.#transport, options);
  }

  /**
   * Reads the resource types: `GET ResourceTypes` (v2 only).
   *
   * @param options Signal and timeout.
   * @returns The `resourceTypes`.
   */
  readResourceTypes(options?: CallOptions): Promise<ResourceTypesResponse> {
    return discovery.readResourceTypes(this.#transport, options);
  }

  /**
   * Reads every schema: `GET Schemas`.
   *
   * @param options Signal and timeout.
   * @returns The `schemas`.
   */
  readSchemas(options?: CallOptions): Promise<SchemasResponse> {
    return discovery.readSchemas(this.#transport, options);
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
