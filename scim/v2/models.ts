/**
 * The SCIM v2 resources and their parts. They restate the types generated from
 * `spec/scim-v2.openapi.yaml` (`schema.gen.ts`) with documentation; the checks below fail to
 * compile if the spec and these types ever disagree.
 *
 * @module
 */

import type { components } from "./schema.gen.ts";
import type {
  AuthenticationScheme,
  ResourceType,
  Schema,
  SchemaAttribute,
  SchemaExtension,
  ServiceProviderConfig,
} from "./discovery.ts";
import type { Group, GroupMember } from "./group.ts";
import type { Meta } from "./meta.ts";
import type {
  EnterpriseUserExtension,
  EnterpriseUserManager,
  SlackGuestChannel,
  SlackGuestExtension,
  SlackProfileExtension,
} from "./extensions.ts";
import type {
  User,
  UserAddress,
  UserEmail,
  UserGroup,
  UserName,
  UserPhoneNumber,
  UserPhoto,
  UserRole,
} from "./user.ts";

export type * from "./discovery.ts";
export type * from "./group.ts";
export type * from "./meta.ts";
export type * from "./user.ts";
export type * from "./extensions.ts";
export * from "./urns.ts";

// ---- Compile-time checks: these models and the types generated from the spec agree. ----------
// Each pair must be assignable both ways, with the same attribute names; a spec change that
// breaks that fails `deno check`.

type Generated = components["schemas"];
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
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
  Agree<Meta, Generated["Meta"]>,
  Agree<EnterpriseUserExtension, Generated["EnterpriseUserExtension"]>,
  Agree<EnterpriseUserManager, Generated["EnterpriseUserManager"]>,
  Agree<SlackGuestExtension, Generated["SlackGuestExtension"]>,
  Agree<SlackGuestChannel, Generated["SlackGuestChannel"]>,
  Agree<SlackProfileExtension, Generated["SlackProfileExtension"]>,
  Agree<Group, Generated["Group"]>,
  Agree<GroupMember, Generated["GroupMember"]>,
  Agree<ServiceProviderConfig, Generated["ServiceProviderConfig"]>,
  Agree<AuthenticationScheme, Generated["AuthenticationScheme"]>,
  Agree<ResourceType, Generated["ResourceType"]>,
  Agree<SchemaExtension, Generated["SchemaExtension"]>,
  Agree<Schema, Generated["Schema"]>,
  Agree<SchemaAttribute, Generated["SchemaAttribute"]>,
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
  true,
  true,
  true,
  true,
  true,
];
