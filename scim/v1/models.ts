/**
 * The SCIM v1 resources, with the Python SDK's names (`User`, `UserName`, …, `Group`), in one
 * import: `user.ts`, `extensions.ts`, `group.ts`, `discovery.ts` and the schema URNs.
 *
 * These types are the generated ones from `spec/scim-v1.openapi.yaml` (see `schema.gen.ts`),
 * restated with documentation: the checks below fail to compile if the spec and these types ever
 * disagree. They are restated rather than re-exported so the public API does not expose
 * openapi-typescript's `components["schemas"][…]` shapes.
 *
 * @module
 */

import type { components } from "./schema.gen.ts";
import type {
  User,
  UserAddress,
  UserEmail,
  UserGroup,
  UserMeta,
  UserName,
  UserPhoneNumber,
  UserPhoto,
  UserRole,
} from "./user.ts";
import type {
  EnterpriseUserExtension,
  SlackGuestExtension,
  SlackProfileExtension,
} from "./extensions.ts";
import type { Group, GroupMember, GroupMeta } from "./group.ts";
import type { Schema, ServiceProviderConfig } from "./discovery.ts";

export * from "./urns.ts";
export type * from "./user.ts";
export type * from "./extensions.ts";
export type * from "./group.ts";
export type * from "./discovery.ts";

// ---- Compile-time checks: these models and the types generated from the spec agree. ----------
// Each pair must be assignable both ways; a spec change that breaks that fails `deno check`.

type Generated = components["schemas"];
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Mutual assignability alone would accept a renamed optional attribute: compare the names too.
type Agree<A, B> = Same<A, B> extends true ? Same<KnownKeys<A>, KnownKeys<B>> : false;
// deno-lint-ignore no-unused-vars
const modelsMatchTheSpec: [
  Agree<User, Generated["User"]>,
  Agree<UserName, Generated["UserName"]>,
  Agree<UserEmail, Generated["UserEmail"]>,
  Agree<UserAddress, Generated["UserAddress"]>,
  Agree<UserPhoneNumber, Generated["UserPhoneNumber"]>,
  Agree<UserPhoto, Generated["UserPhoto"]>,
  Agree<UserRole, Generated["UserRole"]>,
  Agree<UserGroup, Generated["UserGroup"]>,
  Agree<UserMeta, Generated["UserMeta"]>,
  Agree<EnterpriseUserExtension, Generated["EnterpriseUserExtension"]>,
  Agree<SlackGuestExtension, Generated["SlackGuestExtension"]>,
  Agree<SlackProfileExtension, Generated["SlackProfileExtension"]>,
  Agree<Group, Generated["Group"]>,
  Agree<GroupMember, Generated["GroupMember"]>,
  Agree<GroupMeta, Generated["GroupMeta"]>,
  Agree<ServiceProviderConfig, Generated["ServiceProviderConfig"]>,
  Agree<Schema, Generated["Schema"]>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
