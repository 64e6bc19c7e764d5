/**
 * The SCIM v1 resources, with the Python SDK's names (`User`, `UserName`, …, `Group`).
 *
 * These types are the generated ones from `spec/scim-v1.openapi.yaml` (see `schema.gen.ts`),
 * restated with documentation: the checks at the bottom of this file fail to compile if the spec
 * and these types ever disagree. They are restated rather than re-exported so the public API does
 * not expose openapi-typescript's `components["schemas"][…]` shapes.
 *
 * `User` and `Group` carry an index signature: Slack adds attributes from time to time, and the
 * client keeps them (read → update sends them back untouched). The nested types are plain object
 * types, so values of any compatible shape (including your own interfaces) can be passed in;
 * unknown nested attributes are kept at run time all the same.
 *
 * @module
 */

import type { components } from "./schema.gen.ts";

/** The SCIM 1.1 core schema URN, the first `schemas` entry of every v1 resource. */
export const CORE_SCHEMA_V1 = "urn:scim:schemas:core:1.0";
/** The enterprise extension URN (`employeeNumber`, `department`, `manager`, …). */
export const ENTERPRISE_SCHEMA_V1 = "urn:scim:schemas:extension:enterprise:1.0";
/** Slack's guest extension URN (multi-channel guests). */
export const GUEST_SCHEMA_V1 = "urn:scim:schemas:extension:slack:guest:1.0";
/** Slack's profile extension URN (`startDate`). */
export const PROFILE_SCHEMA_V1 = "urn:scim:schemas:extension:slack:profile:1.0";

/** v1 PATCH only: remove this value from a multi-valued attribute. */
export type ValueOperation = "delete";

/** The parts of a user's name; Slack keeps `givenName`, `familyName` and `honorificPrefix`. */
export type UserName = {
  /** First name. */
  givenName?: string;
  /** Last name. */
  familyName?: string;
  /** Such as "Dr.". */
  honorificPrefix?: string;
  /** The full name, when Slack sends it. */
  formatted?: string;
};

/** An email address. Slack keeps two; the primary is `primary: true`, then `type: "work"`, then the first. */
export type UserEmail = {
  /** The address. */
  value?: string;
  /** Such as "work" or "home". */
  type?: string;
  /** Whether this is the primary address. */
  primary?: boolean;
  /** A display form, when Slack sends it. */
  display?: string;
  /** `"delete"` in a v1 PATCH removes this address (all given sub-attributes must match). */
  operation?: ValueOperation;
};

/** A postal address. Slack keeps one and does not store its `type`. */
export type UserAddress = {
  /** Street and number. */
  streetAddress?: string;
  /** City. */
  locality?: string;
  /** State or region. */
  region?: string;
  /** Postal code. */
  postalCode?: string;
  /** Country. */
  country?: string;
  /** The whole address as one string, when Slack sends it. */
  formatted?: string;
  /** Such as "work" (not stored by Slack). */
  type?: string;
  /** Whether this is the primary address. */
  primary?: boolean;
  /** `"delete"` in a v1 PATCH removes this address (all sub-attributes must match). */
  operation?: ValueOperation;
};

/** A phone number. Slack keeps two; `type: "mobile"` in a request means the primary phone. */
export type UserPhoneNumber = {
  /** The number. */
  value?: string;
  /** Such as "work" or "mobile". */
  type?: string;
  /** Whether this is the primary number. */
  primary?: boolean;
  /** A display form, when Slack sends it. */
  display?: string;
  /** `"delete"` in a v1 PATCH removes this number. */
  operation?: ValueOperation;
};

/** A photo: a URL or a `data:` URL. Slack keeps one. */
export type UserPhoto = {
  /** The URL. */
  value?: string;
  /** Such as "photo". */
  type?: string;
  /** Whether this is the primary photo. */
  primary?: boolean;
  /** A display form, when Slack sends it. */
  display?: string;
  /** `"delete"` in a v1 PATCH removes this photo. */
  operation?: ValueOperation;
};

/** A role. Slack keeps one, and also accepts roles as plain strings. */
export type UserRole = {
  /** The role's name. */
  value?: string;
  /** The role's type. */
  type?: string;
  /** Whether this is the primary role (Slack's own docs send the string `"true"`). */
  primary?: boolean | string;
  /** A display form, when Slack sends it. */
  display?: string;
  /** `"delete"` in a v1 PATCH removes this role. */
  operation?: ValueOperation;
};

/** A group the user belongs to; read-only on the user (change membership on the group). */
export type UserGroup = {
  /** The group's id (`S…`). */
  value?: string;
  /** The group's display name. */
  display?: string;
  /** The kind of membership, when Slack sends it. */
  type?: string;
};

/** A user's metadata. In a v1 PATCH, `attributes` lists the attributes to remove. */
export type UserMeta = {
  /** When the user was created (ISO 8601). */
  created?: string;
  /** When the user last changed (ISO 8601). */
  lastModified?: string;
  /** The user's URL in the API. */
  location?: string;
  /** The resource version, when Slack sends it. */
  version?: string;
  /**
   * v1 PATCH only: attribute paths to remove, such as `"name.honorificPrefix"` or
   * `"urn:scim:schemas:extension:enterprise:1.0.manager.managerId"`.
   */
  attributes?: string[];
};

/** The user's manager in the enterprise extension. */
export type EnterpriseUserManager = {
  /** A Slack user id, an email or a userName. */
  managerId?: string;
  /** The manager's name, when Slack sends it. */
  displayName?: string;
};

/** The enterprise extension, under the key {@linkcode ENTERPRISE_SCHEMA_V1}. */
export type EnterpriseUserExtension = {
  /** Employee number. */
  employeeNumber?: string;
  /** Cost center. */
  costCenter?: string;
  /** Organization. */
  organization?: string;
  /** Division. */
  division?: string;
  /** Department. */
  department?: string;
  /** Manager; `manager` without `managerId` gives `improper_enterprise_schema_format`. */
  manager?: EnterpriseUserManager;
};

/** A channel a guest belongs to (read-only). */
export type SlackGuestChannel = {
  /** The channel's id (`C…`). */
  value?: string;
  /** The channel's name. */
  display?: string;
};

/**
 * Slack's guest extension, under the key {@linkcode GUEST_SCHEMA_V1}: makes the user a
 * multi-channel guest (Enterprise plan only).
 */
export type SlackGuestExtension = {
  /** Must be `"multi"` in requests. */
  type?: string;
  /** When the guest account expires (ISO 8601); optional. */
  expiration?: string;
  /** The guest's channels, in responses. */
  channels?: SlackGuestChannel[];
};

/** Slack's profile extension, under the key {@linkcode PROFILE_SCHEMA_V1}. */
export type SlackProfileExtension = {
  /** Start date, ISO 8601 such as `2024-04-10T00:00:00+0000`. */
  startDate?: string;
};

/**
 * A Slack user in SCIM 1.1 form. Every attribute is optional: the same type describes what Slack
 * answers, a new user (`userName` and one email are required by Slack) and a v1 PATCH body.
 * Attributes Slack adds that this type does not know are kept.
 */
export interface User {
  /** The schema URNs; filled in by the client when left out. */
  schemas?: string[];
  /** Slack's id (`U…` or `W…`). */
  id?: string;
  /** Your identity provider's id (PATCH and PUT cannot change it). */
  externalId?: string;
  /** At most 21 characters; mirrors `nickName`. */
  userName?: string;
  /** Mirrors `userName`. */
  nickName?: string;
  /** The parts of the name. */
  name?: UserName;
  /** At most 80 characters; falls back to `userName`. */
  displayName?: string;
  /** The profile URL (read-only). */
  profileUrl?: string;
  /** Job title. */
  title?: string;
  /** Such as "America/Los_Angeles". */
  timezone?: string;
  /** `false` once deactivated; `true` in a PUT or PATCH reactivates. */
  active?: boolean;
  /** Such as "Employee". */
  userType?: string;
  /** Such as "en_US". */
  preferredLanguage?: string;
  /** Such as "en_US". */
  locale?: string;
  /** Write-only; PATCH cannot change it. */
  password?: string;
  /** Email addresses (Slack keeps two). */
  emails?: UserEmail[];
  /** Photos (Slack keeps one). */
  photos?: UserPhoto[];
  /** Addresses (Slack keeps one). */
  addresses?: UserAddress[];
  /** Phone numbers (Slack keeps two). */
  phoneNumbers?: UserPhoneNumber[];
  /** Roles, as objects or plain strings (Slack keeps one). */
  roles?: (UserRole | string)[];
  /** The groups the user is in (read-only). */
  groups?: UserGroup[];
  /** Metadata; `meta.attributes` removes attributes in a v1 PATCH. */
  meta?: UserMeta;
  /** The enterprise extension. */
  "urn:scim:schemas:extension:enterprise:1.0"?: EnterpriseUserExtension;
  /** Slack's guest extension: present for multi-channel guests. */
  "urn:scim:schemas:extension:slack:guest:1.0"?: SlackGuestExtension;
  /** Slack's profile extension. */
  "urn:scim:schemas:extension:slack:profile:1.0"?: SlackProfileExtension;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
}

/** A member of a group. In a v1 PATCH, `operation: "delete"` removes it (adding is the default). */
export type GroupMember = {
  /** The user's id. */
  value?: string;
  /** The user's display name, in responses. */
  display?: string;
  /** The kind of member, when Slack sends it. */
  type?: string;
  /** `"delete"` in a v1 PATCH removes this member. */
  operation?: ValueOperation;
};

/** A group's metadata. */
export type GroupMeta = {
  /** When the group was created (ISO 8601). */
  created?: string;
  /** When the group last changed (ISO 8601). */
  lastModified?: string;
  /** The group's URL in the API. */
  location?: string;
  /** The resource version, when Slack sends it. */
  version?: string;
};

/**
 * A Slack IDP group in SCIM 1.1 form. Creating one needs `displayName` and `members`.
 * Attributes Slack adds that this type does not know are kept.
 */
export interface Group {
  /** The schema URNs; filled in by the client when left out. */
  schemas?: string[];
  /** Slack's id (`S…`). */
  id?: string;
  /** Your identity provider's id. */
  externalId?: string;
  /** The group's name (not unique). */
  displayName?: string;
  /** The members; up to 15,000 per call. */
  members?: GroupMember[];
  /** Metadata. */
  meta?: GroupMeta;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
}

/** The name, patch, bulk, … support flags of `ServiceProviderConfigs`. */
export type ServiceProviderConfigSupport = {
  /** Whether the feature is supported. */
  supported?: boolean;
};

/** How the API authenticates (one entry of `authenticationSchemes`). */
export type AuthenticationScheme = {
  /** Such as "oauthbearertoken". */
  type?: string;
  /** The scheme's name. */
  name?: string;
  /** What it is. */
  description?: string;
  /** Its specification. */
  specUrl?: string;
  /** Whether it is the primary scheme. */
  primary?: boolean;
};

/** What the API supports, from `GET ServiceProviderConfigs`. */
export type ServiceProviderConfig = {
  /** The schema URNs. */
  schemas?: string[];
  /** How the API authenticates. */
  authenticationSchemes?: AuthenticationScheme[];
  /** PATCH support. */
  patch?: ServiceProviderConfigSupport;
  /** Bulk support and its limits. */
  bulk?: { supported?: boolean; maxOperations?: number; maxPayloadSize?: number };
  /** Filter support and the most results a filtered list returns. */
  filter?: { supported?: boolean; maxResults?: number };
  /** Password change support. */
  changePassword?: ServiceProviderConfigSupport;
  /** Sort support. */
  sort?: ServiceProviderConfigSupport;
  /** ETag support. */
  etag?: ServiceProviderConfigSupport;
  /** XML support. */
  xmlDataFormat?: ServiceProviderConfigSupport;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
};

/** One attribute of a resource schema. */
export type SchemaAttribute = {
  /** The attribute's name. */
  name?: string;
  /** Its type, such as "string" or "complex". */
  type?: string;
  /** Whether it holds several values. */
  multiValued?: boolean;
  /** What it is. */
  description?: string;
  /** The schema URN it belongs to. */
  schema?: string;
  /** Whether clients can change it. */
  readOnly?: boolean;
  /** Whether it is required. */
  required?: boolean;
  /** Whether comparisons are case-sensitive. */
  caseExact?: boolean;
  /** The sub-attributes of a complex attribute. */
  subAttributes?: SchemaAttribute[];
};

/** A resource schema, from `GET Schemas/Users` or `GET Schemas/Groups`. */
export type Schema = {
  /** The schema's URN. */
  id?: string;
  /** Such as "User". */
  name?: string;
  /** What it describes. */
  description?: string;
  /** The schema URN. */
  schema?: string;
  /** The endpoint, such as "/Users". */
  endpoint?: string;
  /** The attributes. */
  attributes?: SchemaAttribute[];
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
};

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
