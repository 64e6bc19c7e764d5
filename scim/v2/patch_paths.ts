/**
 * The type machinery behind the typed PATCH operations: from a resource type, every attribute
 * path RFC 7644 lets an operation name, and the value each one takes. `UserPatchOperation` and
 * `GroupPatchOperation` are these applied to the v2 user and group. Only `TypedPatchOperation`
 * is public (`@org/slack-scim/v2`), for a resource type of your own (a user type with your own
 * extension, say); the rest is `@internal`.
 *
 * @example Typed operations for a user type with an extension of your own
 * ```ts
 * import type { PatchableUser, TypedPatchOperation } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * type AcmeUser = PatchableUser & {
 *   "urn:example:acme:2.0:User"?: { badge?: string };
 * };
 * const operation: TypedPatchOperation<AcmeUser> = {
 *   op: "replace",
 *   path: "urn:example:acme:2.0:User:badge",
 *   value: "B-7",
 * };
 * assert.equal(operation.op, "replace");
 * ```
 *
 * @module
 */

/**
 * The attributes a type names, its index signature left out, each made required (so optional
 * attributes map to their value type).
 *
 * @example The attribute names of a type with unknown attributes
 * ```ts
 * import type { AttributesOf } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * type Thing = { title?: string; [attribute: string]: unknown };
 * const names: (keyof AttributesOf<Thing>)[] = ["title"]; // "other" would not compile
 * assert.deepEqual(names, ["title"]);
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type AttributesOf<T> = {
  [K in keyof T as string extends K ? never : number extends K ? never : K]-?: T[K];
};

/**
 * The operators of a value filter (RFC 7644 §3.4.2.2).
 *
 * @example A filter on a sub-attribute
 * ```ts
 * import type { FilterOperator } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const operator: FilterOperator = "eq";
 * assert.equal(`emails[type ${operator} "work"]`, 'emails[type eq "work"]');
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type FilterOperator = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

/**
 * The text between the brackets of a value filter on values of type `E`: it must start with one
 * of `E`'s sub-attributes and an operator (`type eq "work"`, `primary eq false`, `value pr`),
 * or be a negated or parenthesised group.
 *
 * @example Filters on emails
 * ```ts
 * import type { UserEmail } from "@org/slack-scim/v2";
 * import type { ValueFilter } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const filters: ValueFilter<UserEmail>[] = ["primary eq false", 'type eq "work"', "value pr"];
 * // "kind eq 1" would not compile: emails have no sub-attribute "kind".
 * assert.equal(filters.length, 3);
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type ValueFilter<E> =
  | `${keyof AttributesOf<E> & string} ${FilterOperator} ${string}`
  | `${keyof AttributesOf<E> & string} pr`
  | `not (${string})`
  | `(${string})`;

/**
 * `[path, value]` for each sub-attribute of an object type `O`, under `P` joined by `S` (`"."`
 * for sub-attributes, `":"` for an extension URN's attributes), recursively.
 *
 * @example The sub-attribute paths of a name
 * ```ts
 * import type { UserName } from "@org/slack-scim/v2";
 * import type { SubAttributeTargets } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const target: SubAttributeTargets<"name", ".", UserName> = ["name.givenName", "First"];
 * assert.equal(target[0], "name.givenName");
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type SubAttributeTargets<P extends string, S extends string, O> = {
  [K in keyof AttributesOf<O> & string]: AttributeTargets<`${P}${S}${K}`, AttributesOf<O>[K]>;
}[keyof AttributesOf<O> & string];

/**
 * `[path, value]` for an attribute at path `P` holding `V` and for everything under it: a
 * complex attribute's sub-attributes (`name.givenName`); a multi-valued attribute as one value
 * or a list (Slack's examples send both), and, when its values are objects, value-filter paths
 * (`emails[primary eq false]`) and their sub-attributes (`phoneNumbers[value eq "…"].value`).
 *
 * @example The targets of a user's emails
 * ```ts
 * import type { UserEmail } from "@org/slack-scim/v2";
 * import type { AttributeTargets } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const targets: AttributeTargets<"emails", UserEmail[]>[] = [
 *   ["emails", [{ value: "a@example.com" }]],
 *   ["emails[primary eq false]", { value: "b@example.com" }],
 *   ['emails[value eq "b@example.com"].type', "home"],
 * ];
 * assert.equal(targets.length, 3);
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type AttributeTargets<P extends string, V> = [NonNullable<V>] extends [readonly (infer E)[]]
  ?
    | [P, E | E[]]
    | ([Exclude<E, string>] extends [never] ? never
      :
        | [`${P}[${ValueFilter<Exclude<E, string>>}]`, Exclude<E, string>]
        | SubAttributeTargets<`${P}[${ValueFilter<Exclude<E, string>>}]`, ".", Exclude<E, string>>)
  : [NonNullable<V>] extends [Record<string, unknown>]
    ? [P, V] | SubAttributeTargets<P, ".", NonNullable<V>>
  : [P, V];

/**
 * Every `[path, value]` an operation on a resource of type `T` may name: each attribute and
 * everything under it (see `AttributeTargets`), and for each extension (an attribute whose name
 * is a `urn:`) the extension itself and its attributes in both forms Slack's docs use,
 * `urn:…:User:employeeNumber` and `urn:…:User.manager.managerId`.
 *
 * @example One target of the enterprise extension
 * ```ts
 * import type { PatchableUser } from "@org/slack-scim/v2";
 * import type { PatchTargets } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const target: PatchTargets<PatchableUser> = [
 *   "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter",
 *   "001919",
 * ];
 * assert.equal(target[1], "001919");
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type PatchTargets<T> = {
  [K in keyof AttributesOf<T> & string]: K extends `urn:${string}` ?
      | [K, AttributesOf<T>[K]]
      | SubAttributeTargets<K, ":", NonNullable<AttributesOf<T>[K]>>
      | SubAttributeTargets<K, ".", NonNullable<AttributesOf<T>[K]>>
    : AttributeTargets<K, AttributesOf<T>[K]>;
}[keyof AttributesOf<T> & string];

/**
 * The value an operation on path `P` takes, among targets `Targets`.
 *
 * @example The value of `active`
 * ```ts
 * import type { PatchableUser } from "@org/slack-scim/v2";
 * import type { PatchTargets, PatchValueAt } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const value: PatchValueAt<PatchTargets<PatchableUser>, "active"> = false;
 * assert.equal(value, false);
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type PatchValueAt<Targets, P> = Targets extends [infer Q, infer V]
  ? (P extends Q ? V : never)
  : never;

/**
 * One RFC 7644 operation on a resource of type `T`: `add` and `replace` at a path take the value
 * it holds; `remove` takes a path and no value; `add` and `replace` without a path take some of
 * `T`'s attributes.
 *
 * @example An operation on a group
 * ```ts
 * import type { PatchableGroup, TypedPatchOperation } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const operation: TypedPatchOperation<PatchableGroup> = {
 *   op: "replace",
 *   path: "displayName",
 *   value: "Operations",
 * };
 * assert.equal(operation.path, "displayName");
 * ```
 */
export type TypedPatchOperation<T> =
  | (PatchTargets<T> extends infer X
    ? X extends [infer P, infer V] ? { op: "add" | "replace"; path: P; value: V } : never
    : never)
  | {
    op: "remove";
    path: PatchTargets<T> extends infer X ? X extends [infer P, unknown] ? P : never : never;
    value?: never;
  }
  | { op: "add" | "replace"; path?: never; value: { [K in keyof AttributesOf<T>]?: T[K] } };

/**
 * The names of `T`'s multi-valued attributes whose values are objects (the ones a value filter
 * can select from).
 *
 * @example The multi-valued attributes of a group
 * ```ts
 * import type { PatchableGroup } from "@org/slack-scim/v2";
 * import type { MultiValuedAttributes } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const attribute: MultiValuedAttributes<PatchableGroup> = "members";
 * assert.equal(attribute, "members");
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type MultiValuedAttributes<T> = {
  [K in keyof AttributesOf<T> & string]: [NonNullable<AttributesOf<T>[K]>] extends
    [readonly (infer E)[]] ? ([Exclude<E, string>] extends [never] ? never : K)
    : never;
}[keyof AttributesOf<T> & string];

/**
 * The sub-attribute names of the values of `T`'s multi-valued attribute `A`.
 *
 * @example What a user's phone numbers can be filtered on
 * ```ts
 * import type { PatchableUser } from "@org/slack-scim/v2";
 * import type { SubAttributeOf } from "./patch_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const names: SubAttributeOf<PatchableUser, "phoneNumbers">[] = ["value", "type", "primary"];
 * assert.equal(names.length, 3);
 * ```
 *
 * @internal Not in any entry: the machinery `UserPath`, `UserValue`, `UserPatchOperation` and
 * their group twins are computed with.
 */
export type SubAttributeOf<T, A extends keyof AttributesOf<T>> =
  & keyof AttributesOf<
    Exclude<NonNullable<AttributesOf<T>[A]> extends readonly (infer E)[] ? E : never, string>
  >
  & string;
