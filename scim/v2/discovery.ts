/**
 * What the v2 API says about itself: `ServiceProviderConfig`, `ResourceTypes`, `Schemas`.
 *
 * @module
 */

import type { Meta } from "./meta.ts";

/**
 * The `supported` flag of a feature in `ServiceProviderConfig`.
 *
 * @example Is PATCH supported?
 * ```ts
 * import type { ServiceProviderConfigSupport } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const patch: ServiceProviderConfigSupport = { supported: true };
 * assert.equal(patch.supported, true);
 * ```
 */
export type ServiceProviderConfigSupport = {
  /** Whether the feature is supported. */
  supported?: boolean;
};

/**
 * How the API authenticates (one entry of `authenticationSchemes`).
 *
 * @example The primary scheme
 * ```ts
 * import type { AuthenticationScheme } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const schemes: AuthenticationScheme[] = [{ type: "oauthbearertoken", primary: true }];
 * assert.equal(schemes.find((scheme) => scheme.primary)?.type, "oauthbearertoken");
 * ```
 */
export type AuthenticationScheme = {
  /** Such as "oauthbearertoken". */
  type?: string;
  /** The scheme's name. */
  name?: string;
  /** What it is. */
  description?: string;
  /** Its specification (RFC 7643's name). */
  specUri?: string;
  /** Its documentation. */
  documentationUri?: string;
  /** Its specification, under the name the Java SDK's samples show. */
  specUrl?: string;
  /** Whether it is the primary scheme. */
  primary?: boolean;
};

/**
 * What the API supports, from `GET ServiceProviderConfig` (or the plural name).
 *
 * @example Page size capped at what a filtered list returns
 * ```ts
 * import type { ServiceProviderConfig } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const config: ServiceProviderConfig = {
 *   patch: { supported: true },
 *   filter: { supported: true, maxResults: 1000 },
 * };
 * assert.equal(Math.min(5000, config.filter?.maxResults ?? 100), 1000);
 * ```
 */
export type ServiceProviderConfig = {
  /** The schema URNs. */
  schemas?: string[];
  /** Where the API is documented. */
  documentationUri?: string;
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
  /** XML support (SCIM 1.1's flag, still sent). */
  xmlDataFormat?: ServiceProviderConfigSupport;
  /** Metadata. */
  meta?: Meta;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
};

/**
 * An extension a resource type may carry.
 *
 * @example Which user extensions are optional
 * ```ts
 * import type { SchemaExtension } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const extension: SchemaExtension = {
 *   schema: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
 *   required: false,
 * };
 * assert.equal(extension.required, false);
 * ```
 */
export type SchemaExtension = {
  /** The extension's URN. */
  schema?: string;
  /** Whether every resource must carry it. */
  required?: boolean;
};

/**
 * A resource type, from `GET ResourceTypes` (v2 only).
 *
 * @example Where users live, and their extensions
 * ```ts
 * import type { ResourceType } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const users: ResourceType = {
 *   id: "User",
 *   name: "User",
 *   endpoint: "/Users",
 *   schema: "urn:ietf:params:scim:schemas:core:2.0:User",
 *   schemaExtensions: [{ schema: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" }],
 * };
 * assert.equal(users.schemaExtensions?.length, 1);
 * ```
 */
export type ResourceType = {
  /** The schema URNs of this message. */
  schemas?: string[];
  /** Such as "User". */
  id?: string;
  /** Such as "User". */
  name?: string;
  /** Such as "/Users". */
  endpoint?: string;
  /** What it is. */
  description?: string;
  /** Its core schema's URN. */
  schema?: string;
  /** The extensions it may carry. */
  schemaExtensions?: SchemaExtension[];
  /** Metadata. */
  meta?: Meta;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
};

/**
 * One attribute of a schema.
 *
 * @example The required attributes of a schema
 * ```ts
 * import type { SchemaAttribute } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const attributes: SchemaAttribute[] = [
 *   { name: "userName", type: "string", required: true, mutability: "readWrite" },
 *   { name: "title", type: "string", required: false },
 * ];
 * assert.deepEqual(attributes.filter((a) => a.required).map((a) => a.name), ["userName"]);
 * ```
 */
export type SchemaAttribute = {
  /** The attribute's name. */
  name?: string;
  /** Such as "string", "boolean" or "complex". */
  type?: string;
  /** Whether it holds several values. */
  multiValued?: boolean;
  /** What it is. */
  description?: string;
  /** Whether it is required. */
  required?: boolean;
  /** Whether comparisons are case-sensitive. */
  caseExact?: boolean;
  /** Such as "readOnly", "readWrite", "writeOnly". */
  mutability?: string;
  /** When it is returned, such as "default". */
  returned?: string;
  /** Such as "none" or "server". */
  uniqueness?: string;
  /** The values it may take, when listed. */
  canonicalValues?: string[];
  /** What a reference may point at. */
  referenceTypes?: string[];
  /** The sub-attributes of a complex attribute. */
  subAttributes?: SchemaAttribute[];
};

/**
 * A schema, from `GET Schemas/Users`, `GET Schemas/Groups` or one entry of `GET Schemas`.
 *
 * @example The attribute names of a schema
 * ```ts
 * import type { Schema } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const schema: Schema = {
 *   id: "urn:ietf:params:scim:schemas:core:2.0:Group",
 *   name: "Group",
 *   attributes: [{ name: "displayName" }, { name: "members" }],
 * };
 * assert.deepEqual(schema.attributes?.map((a) => a.name), ["displayName", "members"]);
 * ```
 */
export type Schema = {
  /** The schema URNs of this message. */
  schemas?: string[];
  /** The schema's URN. */
  id?: string;
  /** Such as "User". */
  name?: string;
  /** What it describes. */
  description?: string;
  /** The attributes. */
  attributes?: SchemaAttribute[];
  /** Metadata. */
  meta?: Meta;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
};
