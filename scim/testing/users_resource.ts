/**
 * The `/Users` endpoints of every version on the shared store: list, read, create, replace,
 * patch and deactivate, with the user rules every write goes through. A version gives its
 * {@linkcode UserWire}: its shape of a user and of a list, its extension URNs, its filters, its
 * PATCH form and its DELETE status.
 *
 * @module
 */

import type { AttributeReader } from "./filter_evaluate.ts";
import { isLongerThan, MAX_STRING_LENGTH } from "./request_limits.ts";
import { fail, readJsonObject, requireSchemas } from "./responses.ts";
import {
  answerList,
  type AttributeIndex,
  type ListPage,
  type RouteContext,
  type RouteResult,
} from "./route.ts";
import { blankUser, copyUser, type UserRecord, type UserTable } from "./store.ts";
import { applyEnterprise, applyGuest, applyStartDate } from "./user_extensions.ts";
import { applyCoreAttributes, checkUser } from "./user_rules.ts";
import type { WriteMode } from "./user_values.ts";
import type { ResourceRoutes } from "./version_routes.ts";

/** What a version's `/Users` endpoints differ in. */
export interface UserWire {
  /** The extension URNs, as keys of a request body and entries of its `schemas`. */
  readonly urns: {
    readonly enterprise: string;
    readonly guest: string;
    readonly profile: string;
  };
  /**
   * The filter attributes that read the emails, answered from the email index: `email`, and
   * v2's `emails` and `emails.value`.
   */
  readonly emailFilters: readonly string[];
  /**
   * The version's other filter attributes, keyed by lower-cased name, beside those every version
   * has: `userName`, the email ones, `externalId`, `id` and `active`.
   */
  readonly filters: ReadonlyMap<string, AttributeReader<UserRecord>>;
  /** The status of `DELETE /Users/{id}` (v1 200, v2 204; both with an empty body). */
  readonly deactivateStatus: number;
  /**
   * A user as the version answers it.
   *
   * @param user The stored user.
   * @param context Where the request came (for `meta.location`) and the groups.
   */
  toWire(user: UserRecord, context: RouteContext): Record<string, unknown>;
  /**
   * The version's list body.
   *
   * @param page The page, resources already in the version's shape.
   */
  listBody(page: ListPage): Record<string, unknown>;
  /**
   * Applies a PATCH body to a copy of the stored user, in the version's PATCH form.
   *
   * @param user The copy to change.
   * @param body The request body.
   * @param context The route context.
   * @param applyPartial Writes a partial resource in this version's shape (what a v1 PATCH
   *   body is), ignoring the attributes PATCH cannot change (`externalId`, `password`,
   *   `profileUrl`).
   */
  patch(
    user: UserRecord,
    body: Record<string, unknown>,
    context: RouteContext,
    applyPartial: (body: Record<string, unknown>) => void,
  ): void;
}

/**
 * The `/Users` handlers of a version.
 *
 * @param wire What the version's endpoints differ in.
 * @returns The handlers, for {@linkcode versionRoutes}.
 */
export function userRoutes(wire: UserWire): ResourceRoutes {
  const { enterprise, guest, profile } = wire.urns;
  const emails: AttributeReader<UserRecord> = (user) => user.emails.map((email) => email.value);
  const filters = new Map<string, AttributeReader<UserRecord>>([
    ["username", (user) => [user.userName]],
    ...wire.emailFilters.map((name): [string, AttributeReader<UserRecord>] => [name, emails]),
    ["externalid", (user) => [user.externalId]],
    ["id", (user) => [user.id]],
    ["active", (user) => [user.active]],
    ...wire.filters,
  ]);

  /** The stored user, to read only: every write copies it and stores the copy with `set`. */
  const requireUser = (id: string, context: RouteContext): UserRecord =>
    context.store.users.peek(id) ?? fail("no_such_user", 404);

  /** Applies a whole user body (create, PUT) or a partial one (PATCH). */
  const applyUserBody = (
    user: UserRecord,
    body: Record<string, unknown>,
    mode: WriteMode,
    context: RouteContext,
  ): void => {
    const schemas = requireSchemas(body);
    applyCoreAttributes(user, body, mode);
    if (body[enterprise] !== undefined) {
      applyEnterprise(user, body[enterprise], mode, context.store);
    } else if (mode === "replace") {
      user.enterprise = undefined;
    }
    if (body[guest] !== undefined) {
      applyGuest(user, body[guest], mode);
    } else if (mode === "replace" && user.guest !== undefined) {
      // A PUT without the guest extension makes a full member, which reactivates.
      user.guest = undefined;
      user.active = true;
    }
    if (body[profile] !== undefined) {
      // The profile extension's URN must be in `schemas` (Slack's docs).
      if (!schemas.includes(profile)) fail("missing_schema_element");
      applyStartDate(user, body[profile]);
    } else if (mode === "replace") {
      user.startDate = "";
    }
    // A guest/member conversion reactivates, unless the same body says otherwise.
    if (typeof body.active === "boolean") user.active = body.active;
  };

  const answer = (status: number, user: UserRecord, context: RouteContext): RouteResult => ({
    status,
    body: wire.toWire(user, context),
  });

  /** The checks every write ends with, then the write. */
  const save = (user: UserRecord, context: RouteContext): void => {
    checkUser(user, context.store);
    context.store.users.set(user.id, user);
  };

  return {
    notFound: "no_such_user",

    list(url, context) {
      const { users } = context.store;
      return answerList(url, {
        source: users,
        filters,
        indexes: userIndexes(users, wire.emailFilters),
        toWire: (user) => wire.toWire(user, context),
        listBody: wire.listBody,
      });
    },

    read(id, context) {
      return answer(200, requireUser(id, context), context);
    },

    // `userName` and an email required; 201.
    async create(request, context) {
      const body = await readJsonObject(request);
      const user = blankUser(context.store.newId("U"), context.now());
      user.timezone = "America/Los_Angeles";
      applyUserBody(user, body, "replace", context);
      if (typeof body.externalId === "string") {
        if (isLongerThan(body.externalId, MAX_STRING_LENGTH)) fail("invalid_attribute_format");
        user.externalId = body.externalId;
      }
      if (body.userName === undefined && body.nickName === undefined) fail("username_required");
      save(user, context);
      return answer(201, user, context);
    },

    // Omitted attributes are blanked; `externalId` kept; `active: true` reactivates.
    async replace(id, request, context) {
      const stored = requireUser(id, context);
      const body = await readJsonObject(request);
      const user = blankUser(stored.id, stored.created);
      user.externalId = stored.externalId;
      user.active = stored.active;
      user.guest = stored.guest === undefined ? undefined : structuredClone(stored.guest);
      user.userName = stored.userName;
      if (body.userName === undefined && body.nickName === undefined) fail("username_required");
      applyUserBody(user, body, "replace", context);
      save(user, context);
      return answer(200, user, context);
    },

    // Stored only if the whole body and the final checks pass.
    async patch(id, request, context) {
      const stored = requireUser(id, context);
      const body = await readJsonObject(request);
      const user = copyUser(stored);
      wire.patch(user, body, context, (partial) => {
        // PATCH cannot change these.
        const { externalId: _e, password: _p, profileUrl: _u, ...rest } = partial;
        applyUserBody(user, rest, "merge", context);
      });
      save(user, context);
      return answer(200, user, context);
    },

    // Deactivates (never deletes); repeating it succeeds.
    remove(id, context) {
      const user = copyUser(requireUser(id, context));
      user.active = false;
      context.store.users.set(user.id, user);
      return { status: wire.deactivateStatus };
    },
  };
}

/** `userName`, the email attributes and `externalId` `eq`, answered from the store's indexes. */
function userIndexes(
  users: UserTable,
  emailFilters: readonly string[],
): ReadonlyMap<string, AttributeIndex<UserRecord>> {
  const read = (id: string | undefined) => {
    const user = id === undefined ? undefined : users.peek(id);
    return user === undefined ? [] : [user];
  };
  const byEmail: AttributeIndex<UserRecord> = (key) => read(users.idByEmail(key));
  return new Map<string, AttributeIndex<UserRecord>>([
    ["username", (key) => read(users.idByUserName(key))],
    ...emailFilters.map((name): [string, AttributeIndex<UserRecord>] => [name, byEmail]),
    ["externalid", (key) => users.idsByExternalId(key).flatMap(read)],
  ]);
}
