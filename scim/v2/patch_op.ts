/**
 * RFC 7644 PATCH operations, typed against the v2 models: a wrong `op`, a path the model does
 * not have (or that Slack's PATCH cannot change: `id`, `meta`, `groups`, `password`,
 * `externalId`, `profileUrl`), or a value of the wrong type is a compile error. Paths are
 * checked down to sub-attributes, extension URN paths in both forms Slack's docs use
 * (`…:enterprise:2.0:User:employeeNumber` and `…:enterprise:2.0:User.manager.managerId`), and
 * value filters on multi-valued attributes (`emails[type eq "work"]`, `members[value eq U123]`)
 * must name a sub-attribute of that attribute.
 *
 * `userPatch` and `groupPatch` build the common operations exactly as Slack's v2 examples write
 * them; `valuePath` builds a value-filter path from untrusted values without injection.
 *
 * @example Rename, clear an honorific and drop the secondary email in one call
 * ```ts
 * import { type UserPatchOperation, userPatch, valuePath } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const operations: UserPatchOperation[] = [
 *   { op: "replace", path: "name.givenName", value: "Cal" },
 *   userPatch.remove("name.honorificPrefix"),
 *   { op: "remove", path: valuePath("emails", { value: "cal@home.example" }) },
 * ];
 * assert.equal(operations[2]?.path, 'emails[value eq "cal@home.example"]');
 * ```
 *
 * @module
 */

import { isObject } from "../../common/is_object.ts";
import { optionsObject } from "../../common/options_object.ts";
import { quote } from "../../common/quote.ts";
import { checkJsonValue } from "../_arguments.ts";
import { encodeFilterValue, type FilterValue } from "../filter.ts";
import type { Group } from "./group.ts";
import type { components } from "./schema.gen.ts";
import { GUEST_SCHEMA_V2, PATCH_OP_SCHEMA_V2 } from "./urns.ts";
import type { SlackGuestExtension } from "./extensions.ts";
import type { User } from "./user.ts";
import type {
  AttributesOf,
  MultiValuedAttributes,
  PatchTargets,
  PatchValueAt,
  SubAttributeOf,
  TypedPatchOperation,
} from "./patch_paths.ts";

/**
 * The attributes a v2 user PATCH can change (the `value` of an operation without a `path`):
 * every attribute but `schemas`, `id`, `meta`, `groups` (read-only) and `password`,
 * `externalId`, `profileUrl` (which Slack's PATCH cannot change).
 *
 * @example Several attributes in one operation without a path
 * ```ts
 * import type { PatchableUser, UserPatchOperation } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const value: PatchableUser = { title: "Tour Guide", locale: "en_US" };
 * const operation: UserPatchOperation = { op: "replace", value };
 * assert.deepEqual(operation, { op: "replace", value: { title: "Tour Guide", locale: "en_US" } });
 * ```
 */
export type PatchableUser = Pick<
  User,
  | "userName"
  | "nickName"
  | "name"
  | "displayName"
  | "title"
  | "timezone"
  | "active"
  | "userType"
  | "preferredLanguage"
  | "locale"
  | "emails"
  | "photos"
  | "addresses"
  | "phoneNumbers"
  | "roles"
  | "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
  | "urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User"
  | "urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User"
>;

/**
 * The attributes a v2 group PATCH can change (the `value` of an operation without a `path`).
 *
 * @example Rename a group without a path
 * ```ts
 * import type { GroupPatchOperation, PatchableGroup } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const value: PatchableGroup = { displayName: "Operations" };
 * const operation: GroupPatchOperation = { op: "replace", value };
 * assert.equal(operation.op, "replace");
 * ```
 */
export type PatchableGroup = Pick<Group, "displayName" | "members">;

// Every attribute of User and Group is either patchable or named here as not: an attribute
// added to the models must be sorted into one or the other (this fails to compile otherwise).
type NotPatchable = {
  user: "schemas" | "id" | "meta" | "groups" | "password" | "externalId" | "profileUrl";
  group: "schemas" | "id" | "meta" | "externalId";
};
// deno-lint-ignore no-unused-vars
const everyAttributeSorted: [
  Exclude<keyof AttributesOf<User>, keyof PatchableUser | NotPatchable["user"]>,
  Exclude<keyof AttributesOf<Group>, keyof PatchableGroup | NotPatchable["group"]>,
] extends [never, never] ? true : false = true;

/**
 * Every path a user PATCH operation may name: attributes, sub-attributes (`name.givenName`),
 * value filters (`emails[primary eq false]`, `phoneNumbers[value eq "…"].value`) and extension
 * paths (`urn:…:enterprise:2.0:User:employeeNumber`, `urn:…:enterprise:2.0:User.manager.managerId`).
 *
 * @example A path checked by the compiler
 * ```ts
 * import type { UserPath } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const path: UserPath = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager.managerId";
 * // const wrong: UserPath = "name.middle"; // does not compile
 * assert.ok(path.endsWith("managerId"));
 * ```
 */
export type UserPath = PatchTargets<PatchableUser>[0];

/**
 * Every path a group PATCH operation may name: `displayName`, `members`, `members[value eq U123]`.
 *
 * @example Remove one member by path
 * ```ts
 * import type { GroupPath } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const path: GroupPath = "members[value eq U123ABC456]";
 * assert.ok(path.startsWith("members["));
 * ```
 */
export type GroupPath = PatchTargets<PatchableGroup>[0];

/**
 * The value an operation on a user path takes: `string | null` for `title`, a `UserEmail` or a
 * list of them for `emails`, `boolean` for `active`, and so on.
 *
 * @example The value of a filtered path
 * ```ts
 * import type { UserValue } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const value: UserValue<'phoneNumbers[value eq "333-333-3333"].value'> = "111-111-111";
 * assert.equal(value, "111-111-111");
 * ```
 */
export type UserValue<P extends UserPath> = PatchValueAt<PatchTargets<PatchableUser>, P>;

/**
 * The value an operation on a group path takes.
 *
 * @example The members of a replace
 * ```ts
 * import type { GroupValue } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const members: GroupValue<"members"> = [{ value: "U123ABC456" }, { value: "U999ABC456" }];
 * assert.equal(Array.isArray(members) && members.length, 2);
 * ```
 */
export type GroupValue<P extends GroupPath> = PatchValueAt<PatchTargets<PatchableGroup>, P>;

/**
 * One RFC 7644 operation on a user, typed: `add` and `replace` take the value the path holds,
 * `remove` takes no value, and an operation without a path takes a partial user.
 *
 * @example Slack's documented PATCH, typed
 * ```ts
 * import type { UserPatchOperation } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const operations: UserPatchOperation[] = [
 *   { op: "add", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", value: "121" },
 *   { op: "replace", path: "active", value: false },
 *   { op: "remove", path: "emails[primary eq false]" },
 * ];
 * // { op: "replace", path: "active", value: "false" } does not compile: active is a boolean.
 * assert.equal(operations.length, 3);
 * ```
 */
export type UserPatchOperation = TypedPatchOperation<PatchableUser>;

/**
 * One RFC 7644 operation on a group, typed as `UserPatchOperation` is.
 *
 * @example Add two members, remove one
 * ```ts
 * import type { GroupPatchOperation } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const operations: GroupPatchOperation[] = [
 *   { op: "add", path: "members", value: [{ value: "U1" }, { value: "U2" }] },
 *   { op: "remove", path: "members[value eq U3]" },
 * ];
 * assert.equal(operations.length, 2);
 * ```
 */
export type GroupPatchOperation = TypedPatchOperation<PatchableGroup>;

/**
 * An operation whose path and value are not checked: for an attribute these types do not know
 * yet (or a path as Slack's docs misspell it). Made only by `untypedOperation`, so an unchecked
 * operation is always a deliberate choice; it serializes as the plain operation.
 *
 * @example Send the path Slack's docs print (`address`, for `addresses`)
 * ```ts
 * import { UntypedOperation, untypedOperation } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const operation = untypedOperation({ op: "remove", path: "address" });
 * assert.ok(operation instanceof UntypedOperation);
 * assert.equal(JSON.stringify(operation), '{"op":"remove","path":"address"}');
 * ```
 */
export class UntypedOperation {
  /** The operation. */
  readonly op: "add" | "replace" | "remove";
  /** The path, if any. */
  readonly path?: string;
  /** The value, if any. */
  readonly value?: unknown;

  /**
   * Checks the operation's shape (not its path or value).
   *
   * @param operation The operation as it is to be sent.
   */
  constructor(operation: { op: "add" | "replace" | "remove"; path?: string; value?: unknown }) {
    const checked = checkOperation(operation, 0);
    this.op = checked.op;
    if (checked.path !== undefined) this.path = checked.path;
    if (checked.value !== undefined) this.value = checked.value;
  }

  /**
   * The operation as sent.
   *
   * @returns `{ op, path?, value? }`.
   */
  toJSON(): { op: string; path?: string; value?: unknown } {
    return {
      op: this.op,
      ...(this.path === undefined ? {} : { path: this.path }),
      ...(this.value === undefined ? {} : { value: this.value }),
    };
  }
}

/**
 * Wraps an operation whose path or value the types cannot check (see `UntypedOperation`).
 *
 * @param operation `{ op, path?, value? }`; `remove` takes no value, `add`/`replace` need one.
 * @returns The operation, accepted by `patchUser` and `patchGroup`.
 *
 * @example An attribute Slack added after these types were written
 * ```ts
 * import { untypedOperation } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const operation = untypedOperation({ op: "replace", path: "pronouns", value: "they/them" });
 * assert.deepEqual(operation.toJSON(), { op: "replace", path: "pronouns", value: "they/them" });
 * ```
 */
export function untypedOperation(
  operation: { op: "add" | "replace" | "remove"; path?: string; value?: unknown },
): UntypedOperation {
  return new UntypedOperation(operation);
}

/**
 * An RFC 7644 PATCH message, as sent.
 *
 * @example The body of a deactivation
 * ```ts
 * import { type PatchOpBody, patchOpBody, userPatch } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const body: PatchOpBody = patchOpBody([userPatch.deactivate()]);
 * assert.deepEqual(JSON.parse(JSON.stringify(body)), {
 *   schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
 *   Operations: [{ op: "replace", path: "active", value: false }],
 * });
 * ```
 */
export interface PatchOpBody {
  /** `["urn:ietf:params:scim:api:messages:2.0:PatchOp"]`. */
  schemas: [typeof PATCH_OP_SCHEMA_V2];
  /** The operations, in order. */
  Operations: (
    | { op: "add" | "replace" | "remove"; path?: string; value?: unknown }
    | UntypedOperation
  )[];
}

// The typed operations and the message are what the spec says a PATCH body holds.
// deno-lint-ignore no-unused-vars
const operationsMatchTheSpec: [
  UserPatchOperation | GroupPatchOperation,
  PatchOpBody["schemas"],
] extends [components["schemas"]["PatchOperation"], components["schemas"]["PatchOp"]["schemas"]]
  ? true
  : false = true;

const OPS: ReadonlySet<string> = new Set(["add", "replace", "remove"]);

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 40));
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

type Checked = PatchOpBody["Operations"][number];

function checkOperation(operation: unknown, index: number): Checked {
  const where = `operation ${index + 1}`;
  if (!isObject(operation)) {
    throw new TypeError(`Cannot build PATCH: ${where} (${describe(operation)}) is not an object`);
  }
  if (operation instanceof UntypedOperation) {
    checkJsonValue("build PATCH", `${where} value`, operation.value);
    return operation;
  }
  const { op, path, value } = operation as Record<string, unknown>;
  if (typeof op !== "string" || !OPS.has(op)) {
    throw new TypeError(
      `Cannot build PATCH: ${where} has op ${describe(op)}; expected "add", "replace" or "remove"`,
    );
  }
  if (path !== undefined && (typeof path !== "string" || path.trim() === "")) {
    throw new TypeError(`Cannot build PATCH: ${where} has path ${describe(path)}; expected text`);
  }
  if (op === "remove") {
    if (path === undefined) {
      throw new TypeError(
        `Cannot build PATCH: ${where} removes without a path (RFC 7644 needs one)`,
      );
    }
    if (value !== undefined) {
      throw new TypeError(
        `Cannot build PATCH: ${where} removes "${path}" with a value; remove takes none (select values with a filter such as emails[value eq "…"])`,
      );
    }
  } else if (value === undefined) {
    throw new TypeError(`Cannot build PATCH: ${where} (${op}) has no value`);
  } else if (path === undefined && (typeof value !== "object" || value === null)) {
    throw new TypeError(
      `Cannot build PATCH: ${where} (${op}) has no path, so its value must be an object of attributes, got ${
        describe(value)
      }`,
    );
  }
  // NaN would be sent as null and clear the attribute; a BigInt or a cycle would throw the
  // runtime's own words.
  checkJsonValue("build PATCH", `${where} value`, value);
  return operation as Checked;
}

/**
 * Builds the PATCH message for operations, checking each one's shape at run time too (for
 * JavaScript callers): an unknown `op`, a `remove` with a value or without a path, an
 * `add`/`replace` without a value throw a `TypeError` before any request.
 *
 * @param operations The operations, in order (at least one).
 * @returns `{ schemas: [PatchOp URN], Operations }`.
 *
 * @example Two operations in one message
 * ```ts
 * import { groupPatch, patchOpBody } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const body = patchOpBody([groupPatch.rename("Operations"), ...groupPatch.addMembers(["U1"])]);
 * assert.equal(body.Operations.length, 2);
 * assert.throws(() => patchOpBody([]), TypeError);
 * ```
 */
export function patchOpBody(
  operations: readonly (UserPatchOperation | GroupPatchOperation | UntypedOperation)[],
): PatchOpBody {
  if (!Array.isArray(operations)) {
    throw new TypeError(
      `Cannot build PATCH: operations (${describe(operations)}) is not an array`,
    );
  }
  if (operations.length === 0) throw new TypeError("Cannot build PATCH: no operations");
  return {
    schemas: [PATCH_OP_SCHEMA_V2],
    Operations: operations.map((operation, index) => checkOperation(operation, index)),
  };
}

// ---- Value filters from untrusted values ----------------------------------------------------

/**
 * The attributes `valuePath` can filter: the multi-valued ones of users and groups.
 *
 * @example Filter a user's phone numbers
 * ```ts
 * import { type MultiValuedAttribute, valuePath } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const attribute: MultiValuedAttribute = "phoneNumbers";
 * assert.equal(valuePath(attribute, { value: "555" }), 'phoneNumbers[value eq "555"]');
 * ```
 */
export type MultiValuedAttribute =
  | MultiValuedAttributes<PatchableUser>
  | MultiValuedAttributes<PatchableGroup>;

/**
 * The sub-attributes of a multi-valued attribute of users or groups, for `valuePath`.
 *
 * @example What emails can be matched on
 * ```ts
 * import type { ValuePathSubAttribute } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const names: ValuePathSubAttribute<"emails">[] = ["value", "type", "primary", "display"];
 * assert.equal(names.length, 4);
 * ```
 */
export type ValuePathSubAttribute<A extends MultiValuedAttribute> = A extends
  MultiValuedAttributes<PatchableUser> ? SubAttributeOf<PatchableUser, A>
  : A extends MultiValuedAttributes<PatchableGroup> ? SubAttributeOf<PatchableGroup, A>
  : never;

const SUB_ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_$-]*$/;

/**
 * Builds a value-filter path such as `emails[value eq "ann@example.com"]` from untrusted values:
 * each value is written as a SCIM literal (strings quoted and escaped as the `filter` template
 * does), several sub-attributes are joined with `and`, so a value can never close the brackets
 * or add a clause. The result is typed as a path of that attribute, so it type-checks in an
 * operation; append `.value` (with `as const`) to address a sub-attribute.
 *
 * @param attribute A multi-valued attribute: `emails`, `phoneNumbers`, `addresses`, `photos`,
 * `roles` (users) or `members` (groups).
 * @param match The sub-attributes to compare for equality, such as `{ type: "work" }`.
 * @returns The path.
 *
 * @example A hostile value stays one value
 * ```ts
 * import { valuePath } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const fromForm = 'x"] or emails[value pr';
 * assert.equal(valuePath("emails", { value: fromForm }), 'emails[value eq "x\\"] or emails[value pr"]');
 * assert.equal(
 *   valuePath("emails", { type: "work", primary: true }),
 *   'emails[type eq "work" and primary eq true]',
 * );
 * ```
 */
export function valuePath<A extends MultiValuedAttribute>(
  attribute: A,
  match: { [K in ValuePathSubAttribute<A>]?: FilterValue },
): `${A}[${ValuePathSubAttribute<A>} eq ${string}]` {
  if (typeof attribute !== "string" || !SUB_ATTRIBUTE.test(attribute)) {
    throw new TypeError(
      `Cannot build a value path: attribute ${describe(attribute)} is not a name`,
    );
  }
  if (typeof match !== "object" || match === null) {
    throw new TypeError(`Cannot build a value path: match (${describe(match)}) is not an object`);
  }
  const clauses: string[] = [];
  for (const [name, value] of Object.entries(match)) {
    if (value === undefined) continue;
    if (!SUB_ATTRIBUTE.test(name)) {
      throw new TypeError(
        `Cannot build a value path: ${describe(name)} is not a sub-attribute name`,
      );
    }
    clauses.push(`${name} eq ${encodeFilterValue(value as FilterValue, clauses.length)}`);
  }
  if (clauses.length === 0) {
    throw new TypeError(
      `Cannot build a value path: no sub-attribute to match on ${attribute}; give one such as { value: "…" }`,
    );
  }
  return `${attribute}[${clauses.join(" and ")}]` as `${A}[${ValuePathSubAttribute<
    A
  >} eq ${string}]`;
}

// ---- The common operations, as Slack's examples write them --------------------------------

/** Slack ids: letters and digits only (U…, W…, S…). */
const SLACK_ID = /^[A-Z0-9]+$/i;

function memberIds(name: string, ids: readonly string[]): string[] {
  if (!Array.isArray(ids)) {
    throw new TypeError(`Cannot build ${name}: ids (${describe(ids)}) is not an array`);
  }
  for (const [index, id] of ids.entries()) {
    if (typeof id !== "string" || !SLACK_ID.test(id)) {
      throw new TypeError(
        `Cannot build ${name}: id ${index + 1} (${describe(id)}) is not a Slack user id`,
      );
    }
  }
  return [...ids];
}

/**
 * Builders for the common user operations, each returning exactly the operation Slack's v2 docs
 * show. `replace`, `add` and `remove` are typed as `UserPatchOperation` is.
 *
 * @example Deactivate, then reactivate
 * ```ts
 * import { userPatch } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(userPatch.deactivate(), { op: "replace", path: "active", value: false });
 * assert.deepEqual(userPatch.replace("title", "Tour Guide"), {
 *   op: "replace",
 *   path: "title",
 *   value: "Tour Guide",
 * });
 * assert.deepEqual(userPatch.remove("name.honorificPrefix"), {
 *   op: "remove",
 *   path: "name.honorificPrefix",
 * });
 * ```
 */
export const userPatch: {
  /** `replace` at a path with the value it holds. */
  replace<P extends UserPath>(path: P, value: UserValue<P>): UserPatchOperation;
  /** `add` at a path (multi-valued attributes: one value or a list). */
  add<P extends UserPath>(path: P, value: UserValue<P>): UserPatchOperation;
  /** `remove` at a path (a value filter removes only the matching values). */
  remove(path: UserPath): UserPatchOperation;
  /** `replace active false`: deactivates, as `deleteUser` does. */
  deactivate(): UserPatchOperation;
  /** `replace active true`: reactivates. */
  activate(): UserPatchOperation;
  /** `remove emails[value eq "…"]`: one email, the value quoted safely. */
  removeEmail(email: string): UserPatchOperation;
  /** `remove emails[primary eq false]`: the secondary email. */
  removeSecondaryEmails(): UserPatchOperation;
  /** `remove phoneNumbers[value eq "…"]`: one phone number, the value quoted safely. */
  removePhoneNumber(phoneNumber: string): UserPatchOperation;
  /** `replace phoneNumbers[value eq "old"].value` with a new number. */
  replacePhoneNumber(from: string, to: string): UserPatchOperation;
  /** `add` the guest extension: makes a full member a multi-channel guest. */
  makeGuest(options?: { expiration?: string }): UserPatchOperation;
  /** `remove` the guest extension: makes a guest a full member. */
  makeFullMember(): UserPatchOperation;
} = {
  replace: (path, value) => ({ op: "replace", path, value }) as UserPatchOperation,
  add: (path, value) => ({ op: "add", path, value }) as UserPatchOperation,
  remove: (path) => ({ op: "remove", path }),
  deactivate: () => ({ op: "replace", path: "active", value: false }),
  activate: () => ({ op: "replace", path: "active", value: true }),
  removeEmail: (email) => ({ op: "remove", path: valuePath("emails", { value: email }) }),
  removeSecondaryEmails: () => ({ op: "remove", path: "emails[primary eq false]" }),
  removePhoneNumber: (phoneNumber) => ({
    op: "remove",
    path: valuePath("phoneNumbers", { value: phoneNumber }),
  }),
  replacePhoneNumber: (from, to) => ({
    op: "replace",
    path: `${valuePath("phoneNumbers", { value: from })}.value` as const,
    value: to,
  }),
  makeGuest: (options) => {
    // From plain JavaScript, `makeGuest(null)` gets past a parameter default.
    const { expiration } = optionsObject("build userPatch.makeGuest", options);
    if (expiration !== undefined && typeof expiration !== "string") {
      throw new TypeError(
        `Cannot build userPatch.makeGuest: expiration ${quote(expiration)} is not a string`,
      );
    }
    const value: SlackGuestExtension = { type: "multi" };
    if (expiration !== undefined) value.expiration = expiration;
    return { op: "add", path: GUEST_SCHEMA_V2, value };
  },
  makeFullMember: () => ({ op: "remove", path: GUEST_SCHEMA_V2 }),
};

/**
 * Builders for the common group operations, as Slack's v2 docs write them. A member is removed
 * by Slack's documented path `members[value eq U123]` (the id unquoted, as in the docs); ids are
 * checked to be Slack ids, so none can change the filter.
 *
 * @example Replace the members, add one, remove one
 * ```ts
 * import { groupPatch } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(groupPatch.replaceMembers(["U123ABC456", "U999ABC456"]), {
 *   op: "replace",
 *   path: "members",
 *   value: [{ value: "U123ABC456" }, { value: "U999ABC456" }],
 * });
 * assert.deepEqual(groupPatch.addMembers(["U1"]), [{ op: "add", path: "members", value: [{ value: "U1" }] }]);
 * assert.deepEqual(groupPatch.removeMembers(["U2"]), [{ op: "remove", path: "members[value eq U2]" }]);
 * assert.throws(() => groupPatch.removeMembers(["U2] or [value pr"]), TypeError);
 * ```
 */
export const groupPatch: {
  /** `replace` at a path with the value it holds. */
  replace<P extends GroupPath>(path: P, value: GroupValue<P>): GroupPatchOperation;
  /** `add` at a path. */
  add<P extends GroupPath>(path: P, value: GroupValue<P>): GroupPatchOperation;
  /** `remove` at a path. */
  remove(path: GroupPath): GroupPatchOperation;
  /** `replace displayName`. */
  rename(displayName: string): GroupPatchOperation;
  /** One `add members` operation with these ids (none when the list is empty). */
  addMembers(ids: readonly string[]): GroupPatchOperation[];
  /** One `remove members[value eq U…]` operation per id. */
  removeMembers(ids: readonly string[]): GroupPatchOperation[];
  /** `replace members`: the group's members become exactly these. */
  replaceMembers(ids: readonly string[]): GroupPatchOperation;
  /** `remove members`: the group keeps no member. */
  removeAllMembers(): GroupPatchOperation;
} = {
  replace: (path, value) => ({ op: "replace", path, value }) as GroupPatchOperation,
  add: (path, value) => ({ op: "add", path, value }) as GroupPatchOperation,
  remove: (path) => ({ op: "remove", path }),
  rename: (displayName) => {
    if (typeof displayName !== "string" || displayName.trim() === "") {
      throw new TypeError(
        `Cannot build rename: displayName ${describe(displayName)} is not a name`,
      );
    }
    return { op: "replace", path: "displayName", value: displayName };
  },
  addMembers: (ids) => {
    const checked = memberIds("addMembers", ids);
    return checked.length === 0
      ? []
      : [{ op: "add", path: "members", value: checked.map((value) => ({ value })) }];
  },
  removeMembers: (ids) =>
    memberIds("removeMembers", ids).map((id) => ({
      op: "remove",
      path: `members[value eq ${id}]` as const,
    })),
  replaceMembers: (ids) => ({
    op: "replace",
    path: "members",
    value: memberIds("replaceMembers", ids).map((value) => ({ value })),
  }),
  removeAllMembers: () => ({ op: "remove", path: "members" }),
};
