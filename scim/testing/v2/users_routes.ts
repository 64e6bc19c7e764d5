/**
 * The v2 `/Users` endpoints on the shared store: list, read, create, replace, patch (RFC 7644)
 * and deactivate. The rules for what a write may do are the same ones v1 writes go through.
 *
 * @module
 */

import type { FilterLiteral } from "../filter.ts";
import type { AttributeReader } from "../filter_evaluate.ts";
import { fail, readJsonObject } from "../responses.ts";
import {
  type AttributeIndex,
  compileQuery,
  listPage,
  readPaging,
  type RouteContext,
  type RouteResult,
} from "../route.ts";
import { blankUser, copyUser, type UserRecord, type UserTable } from "../store.ts";
import { applyEnterprise, applyGuest, applyStartDate } from "../user_extensions.ts";
import { applyCoreAttributes, checkUser } from "../user_rules.ts";
import type { WriteMode } from "../user_values.ts";
import { isPatchOp, readPatchOperations } from "./patch_ops.ts";
import {
  ENTERPRISE_SCHEMA_V2,
  GUEST_SCHEMA_V2,
  listBodyV2,
  PROFILE_SCHEMA_V2,
} from "./responses.ts";
import { userToV2 } from "./resources.ts";
import { applyUserOperation } from "./user_patch.ts";

/**
 * The attributes v2 users can be filtered on: `userName`, `email` and `emails` (also
 * `emails.value`), `externalId`, and, as the v1 routes do, `id`, `displayName` and `active`.
 * `restricted` and `ultra_restricted` are v1 only ("not applicable to SCIM v2.0"):
 * `invalid_query`, like any attribute not listed.
 */
const USER_FILTERS: ReadonlyMap<string, AttributeReader<UserRecord>> = new Map<
  string,
  AttributeReader<UserRecord>
>([
  ["username", (user) => [user.userName]],
  ["email", (user) => user.emails.map((email) => email.value)],
  ["emails", (user) => user.emails.map((email) => email.value)],
  ["emails.value", (user) => user.emails.map((email) => email.value)],
  ["externalid", (user) => [user.externalId]],
  ["id", (user) => [user.id]],
  ["displayname", (user): FilterLiteral[] => [user.displayName]],
  ["active", (user) => [user.active]],
]);

/**
 * `GET /Users`: a `ListResponse` page of users, optionally filtered, in creation order.
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
    body: listBodyV2({
      totalResults,
      startIndex: paging.startIndex,
      resources: resources.map((user) => userToV2(user, context)),
    }),
  };
}

/** `userName`, the email attributes and `externalId` `eq`, answered from the store's indexes. */
function userIndexes(users: UserTable): ReadonlyMap<string, AttributeIndex<UserRecord>> {
  const read = (id: string | undefined) => {
    const user = id === undefined ? undefined : users.peek(id);
    return user === undefined ? [] : [user];
  };
  const byEmail: AttributeIndex<UserRecord> = (key) => read(users.idByEmail(key));
  return new Map<string, AttributeIndex<UserRecord>>([
    ["username", (key) => read(users.idByUserName(key))],
    ["email", byEmail],
    ["emails", byEmail],
    ["emails.value", byEmail],
    ["externalid", (key) => users.idsByExternalId(key).flatMap(read)],
  ]);
}

/** The stored user, to read only: every write copies it and stores the copy with `set`. */
function requireUser(id: string, context: RouteContext): UserRecord {
  return context.store.users.peek(id) ?? fail("no_such_user", 404);
}

/**
 * `GET /Users/{id}`: one user, deactivated ones included.
 *
 * @param id The id.
 * @param context The route context.
 * @returns The user.
 */
export function readUser(id: string, context: RouteContext): RouteResult {
  return { status: 200, body: userToV2(requireUser(id, context), context) };
}

function requireSchemas(body: Record<string, unknown>): readonly unknown[] {
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || schemas.length === 0) fail("missing_schema_element");
  return schemas;
}

/** Applies a v2 user body (a whole resource, or the partial one of a non-PatchOp PATCH). */
function applyUserBody(
  user: UserRecord,
  body: Record<string, unknown>,
  mode: WriteMode,
  context: RouteContext,
): void {
  const schemas = requireSchemas(body);
  applyCoreAttributes(user, body, mode);
  if (body[ENTERPRISE_SCHEMA_V2] !== undefined) {
    applyEnterprise(user, body[ENTERPRISE_SCHEMA_V2], mode, context.store);
  } else if (mode === "replace") {
    user.enterprise = undefined;
  }
  if (body[GUEST_SCHEMA_V2] !== undefined) {
    applyGuest(user, body[GUEST_SCHEMA_V2], mode);
  } else if (mode === "replace" && user.guest !== undefined) {
    // A PUT without the guest extension makes a full member, which reactivates.
    user.guest = undefined;
    user.active = true;
  }
  if (body[PROFILE_SCHEMA_V2] !== undefined) {
    if (!schemas.includes(PROFILE_SCHEMA_V2)) fail("missing_schema_element");
    applyStartDate(user, body[PROFILE_SCHEMA_V2]);
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
  return { status: 201, body: userToV2(user, context) };
}

/**
 * `PUT /Users/{id}`: replaces a user; omitted attributes are blanked, `externalId` kept.
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
  return { status: 200, body: userToV2(user, context) };
}

/**
 * `PATCH /Users/{id}`: an RFC 7644 PatchOp body, its operations applied in order and stored only
 * if all of them and the final checks pass; 200 with the user. A body without the PatchOp URN
 * whose `schemas` names other URNs is applied as a partial resource, as Slack's own
 * profile-extension example sends it; a body without `schemas` is `missing_schema_element`.
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
  const user = copyUser(stored);
  if (isPatchOp(body) || body.Operations !== undefined) {
    for (const operation of readPatchOperations(body)) {
      applyUserOperation(user, operation, context.store);
    }
  } else {
    // PATCH cannot change these.
    const { externalId: _externalId, password: _password, profileUrl: _profileUrl, ...rest } = body;
    applyUserBody(user, rest, "merge", context);
  }
  checkUser(user, context.store);
  context.store.users.set(user.id, user);
  return { status: 200, body: userToV2(user, context) };
}

/**
 * `DELETE /Users/{id}`: deactivates (never deletes); repeating it succeeds. 204, empty body.
 *
 * @param id The id.
 * @param context The route context.
 * @returns An empty 204.
 */
export function deactivateUser(id: string, context: RouteContext): RouteResult {
  const user = copyUser(requireUser(id, context));
  user.active = false;
  context.store.users.set(user.id, user);
  return { status: 204 };
}
