/**
 * The v1 `/Users` endpoints: the wire format of a user, and list, read, create, replace,
 * patch and deactivate.
 *
 * @module
 */

import type { FilterLiteral } from "../filter.ts";
import type { AttributeReader } from "../filter_evaluate.ts";
import { applyPatchMetaAttributes } from "./patch.ts";
import { fail, readJsonObject } from "../responses.ts";
import {
  CORE_SCHEMA_V1,
  ENTERPRISE_SCHEMA_V1,
  GUEST_SCHEMA_V1,
  listBodyV1,
  PROFILE_SCHEMA_V1,
} from "./responses.ts";
import {
  type AttributeIndex,
  compileQuery,
  formatCreated,
  listPage,
  readPaging,
  type RouteContext,
  type RouteResult,
} from "../route.ts";
import { blankUser, copyUser, type UserRecord, type UserTable } from "../store.ts";
import { applyEnterprise, applyGuest, applyStartDate } from "../user_extensions.ts";
import { applyCoreAttributes, checkUser } from "../user_rules.ts";
import type { WriteMode } from "../user_values.ts";

/** Slack's default avatar, for users without a photo. */
const DEFAULT_PHOTO = "https://a.slack-edge.com/80588/img/avatars/ava_0001-192.png";

/**
 * A user in Slack's v1 shape, keys in the order Slack sends them.
 *
 * @param user The stored user.
 * @param context Where the request came (for `meta.location`) and the groups.
 * @returns The JSON object.
 */
export function userToV1(user: UserRecord, context: RouteContext): Record<string, unknown> {
  const schemas = [CORE_SCHEMA_V1];
  const result: Record<string, unknown> = {
    schemas,
    id: user.id,
    externalId: user.externalId,
    meta: { created: formatCreated(user.created), location: `${context.base}Users/${user.id}` },
    userName: user.userName,
    nickName: user.userName,
    name: {
      givenName: user.givenName,
      familyName: user.familyName,
      ...(user.honorificPrefix === "" ? {} : { honorificPrefix: user.honorificPrefix }),
    },
    displayName: user.displayName === "" ? user.userName : user.displayName,
    profileUrl: `https://example.enterprise.slack.com/team/${encodeURIComponent(user.userName)}`,
    title: user.title,
    timezone: user.timezone,
  };
  if (user.preferredLanguage !== "") result.preferredLanguage = user.preferredLanguage;
  if (user.locale !== "") result.locale = user.locale;
  if (user.userType !== "") result.userType = user.userType;
  result.active = user.active;
  result.emails = user.emails.map((email) => ({
    value: email.value,
    ...(email.type === "" ? {} : { type: email.type }),
    primary: email.primary,
  }));
  result.photos = [{ value: user.photo === "" ? DEFAULT_PHOTO : user.photo, type: "photo" }];
  result.groups = context.store.groupsOf(user.id).map((group) => ({
    value: group.id,
    display: group.displayName,
  }));
  if (user.address !== undefined) result.addresses = [{ ...user.address, primary: true }];
  const phones = [];
  if (user.primaryPhone !== "") {
    phones.push({ value: user.primaryPhone, type: "work", primary: true });
  }
  if (user.mobilePhone !== "") {
    phones.push({ value: user.mobilePhone, type: "mobile", primary: false });
  }
  if (phones.length > 0) result.phoneNumbers = phones;
  if (user.role !== undefined) {
    result.roles = [{
      value: user.role.value,
      ...(user.role.type === "" ? {} : { type: user.role.type }),
      primary: true,
    }];
  }
  if (user.enterprise !== undefined) {
    schemas.push(ENTERPRISE_SCHEMA_V1);
    const { managerId, ...fields } = user.enterprise;
    const extension: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== "") extension[key] = value;
    extension.manager = managerId === "" ? {} : { managerId };
    result[ENTERPRISE_SCHEMA_V1] = extension;
  }
  if (user.guest !== undefined) {
    schemas.push(GUEST_SCHEMA_V1);
    result[GUEST_SCHEMA_V1] = {
      type: user.guest.type,
      ...(user.guest.expiration === "" ? {} : { expiration: user.guest.expiration }),
      channels: user.guest.channels.map((channel) => ({
        value: channel.id,
        display: channel.name,
      })),
    };
  }
  if (user.startDate !== "") {
    schemas.push(PROFILE_SCHEMA_V1);
    result[PROFILE_SCHEMA_V1] = { startDate: user.startDate };
  }
  return result;
}

/**
 * The attributes users can be filtered on: Slack's documented `userName` (also `username`),
 * `email`, `restricted` and `ultra_restricted`, and, more lenient than Slack, `id`, `externalId`,
 * `displayName` and `active`, which Slack does not document (a filter that passes here may get
 * 400 from Slack).
 */
const USER_FILTERS: ReadonlyMap<string, AttributeReader<UserRecord>> = new Map<
  string,
  AttributeReader<UserRecord>
>([
  ["username", (user) => [user.userName]],
  ["email", (user) => user.emails.map((email) => email.value)],
  ["restricted", (user) => [user.guest?.type === "multi"]],
  ["ultra_restricted", (user) => [user.guest?.type === "single"]],
  ["id", (user) => [user.id]],
  ["externalid", (user) => [user.externalId]],
  ["displayname", (user): FilterLiteral[] => [user.displayName || user.userName]],
  ["active", (user) => [user.active]],
]);

/**
 * `GET /Users`: a page of users, optionally filtered, in creation order. Filters may use
 * Slack's documented `userName`, `email`, `restricted` and `ultra_restricted`; more lenient than
 * Slack, `id`, `externalId`, `displayName` and `active` are accepted too.
 *
 * @param url The request URL.
 * @param context The route context.
 * @returns The list body.
 */
export function listUsers(url: URL, context: RouteContext): RouteResult {
  const { users } = context.store;
  const query = compileQuery(url.searchParams.get("filter"), USER_FILTERS, userIndexes(users));
  const paging = readPaging(url);
  const { totalResults, resources } = listPage(users, query, paging);
  return {
    status: 200,
    body: listBodyV1({
      totalResults,
      startIndex: paging.startIndex,
      resources: resources.map((user) => userToV1(user, context)),
    }),
  };
}

/** Slack's documented `userName` and `email`, and `externalId`, answered from the indexes. */
function userIndexes(users: UserTable): ReadonlyMap<string, AttributeIndex<UserRecord>> {
  const read = (id: string | undefined) => {
    const user = id === undefined ? undefined : users.peek(id);
    return user === undefined ? [] : [user];
  };
  return new Map<string, AttributeIndex<UserRecord>>([
    ["username", (key) => read(users.idByUserName(key))],
    ["email", (key) => read(users.idByEmail(key))],
    ["externalid", (key) => users.idsByExternalId(key).flatMap(read)],
  ]);
}

/**
 * Finds a user or fails with 404 `no_such_user`.
 *
 * @param id The id from the path.
 * @param context The route context.
 * @returns The stored user.
 */
export function requireUser(id: string, context: RouteContext): UserRecord {
  return context.store.users.get(id) ?? fail("no_such_user", 404);
}

/**
 * `GET /Users/{id}`: one user, deactivated ones included.
 *
 * @param id The id.
 * @param context The route context.
 * @returns The user.
 */
export function readUser(id: string, context: RouteContext): RouteResult {
  return { status: 200, body: userToV1(requireUser(id, context), context) };
}

function requireSchemas(body: Record<string, unknown>): readonly unknown[] {
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || schemas.length === 0) fail("missing_schema_element");
  return schemas;
}

function applyUserBody(
  user: UserRecord,
  body: Record<string, unknown>,
  mode: WriteMode,
  context: RouteContext,
): void {
  const schemas = requireSchemas(body);
  applyCoreAttributes(user, body, mode);
  if (body[ENTERPRISE_SCHEMA_V1] !== undefined) {
    applyEnterprise(user, body[ENTERPRISE_SCHEMA_V1], mode, context.store);
  } else if (mode === "replace") {
    user.enterprise = undefined;
  }
  if (body[GUEST_SCHEMA_V1] !== undefined) {
    applyGuest(user, body[GUEST_SCHEMA_V1], mode);
  } else if (mode === "replace" && user.guest !== undefined) {
    // A PUT without the guest extension makes a full member, which reactivates.
    user.guest = undefined;
    user.active = true;
  }
  if (body[PROFILE_SCHEMA_V1] !== undefined) {
    // The profile extension's URN must be in `schemas` (Slack's docs).
    if (!schemas.includes(PROFILE_SCHEMA_V1)) fail("missing_schema_element");
    applyStartDate(user, body[PROFILE_SCHEMA_V1]);
  } else if (mode === "replace") {
    user.startDate = "";
  }
  // A guest/member conversion reactivates, unless the same body says otherwise.
  if (typeof body.active === "boolean") user.active = body.active;
}

/**
 * `POST /Users`: creates a user (201), `userName` and an email required.
 *
 * @param request The request.
 * @param context The route context.
 * @returns The new user.
 */
export async function createUser(request: Request, context: RouteContext): Promise<RouteResult> {
  const body = await readJsonObject(request);
  const user = blankUser(context.store.newId("U"), context.now());
  user.timezone = "America/Los_Angeles";
  applyUserBody(user, body, "replace", context);
  if (typeof body.externalId === "string") user.externalId = body.externalId;
  if (body.userName === undefined && body.nickName === undefined) fail("username_required");
  checkUser(user, context.store);
  context.store.users.set(user.id, user);
  return { status: 201, body: userToV1(user, context) };
}

/**
 * `PUT /Users/{id}`: replaces a user; omitted attributes are blanked, `externalId` kept,
 * `active: true` reactivates.
 *
 * @param id The id.
 * @param request The request.
 * @param context The route context.
 * @returns The user.
 */
export async function replaceUser(
  id: string,
  request: Request,
  context: RouteContext,
): Promise<RouteResult> {
  const stored = requireUser(id, context);
  const body = await readJsonObject(request);
  const user = blankUser(stored.id, stored.created);
  user.externalId = stored.externalId;
  user.active = stored.active;
  user.guest = stored.guest === undefined ? undefined : structuredClone(stored.guest);
  user.userName = stored.userName;
  if (body.userName === undefined && body.nickName === undefined) fail("username_required");
  applyUserBody(user, body, "replace", context);
  checkUser(user, context.store);
  context.store.users.set(user.id, user);
  return { status: 200, body: userToV1(user, context) };
}

/**
 * `PATCH /Users/{id}`: SCIM 1.1 partial update (see `patch_v1.ts` for `meta.attributes`).
 *
 * @param id The id.
 * @param request The request.
 * @param context The route context.
 * @returns The user.
 */
export async function patchUser(
  id: string,
  request: Request,
  context: RouteContext,
): Promise<RouteResult> {
  const stored = requireUser(id, context);
  const body = await readJsonObject(request);
  requireSchemas(body);
  const user = copyUser(stored);
  // SCIM 1.1: removals in meta.attributes happen before the attributes sent are applied.
  applyPatchMetaAttributes(user, body.meta);
  // PATCH cannot change these.
  const { externalId: _externalId, password: _password, profileUrl: _profileUrl, ...rest } = body;
  applyUserBody(user, rest, "merge", context);
  checkUser(user, context.store);
  context.store.users.set(user.id, user);
  return { status: 200, body: userToV1(user, context) };
}

/**
 * `DELETE /Users/{id}`: deactivates (never deletes); repeating it succeeds. 200, empty body.
 *
 * @param id The id.
 * @param context The route context.
 * @returns An empty 200.
 */
export function deactivateUser(id: string, context: RouteContext): RouteResult {
  requireUser(id, context).active = false;
  return { status: 200 };
}
