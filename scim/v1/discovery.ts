/**
 * What the v1 discovery endpoints answer: `ServiceProviderConfigs` and the `Schemas` of users and
 * groups.
 *
 * @module
 */

/**
 * The name, patch, bulk, … support flags of `ServiceProviderConfigs`.
 *
 * @example Check for PATCH support
 * ```ts
 * import { SCIMClient, type ServiceProviderConfigSupport } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { serviceProviderConfig } = await client.readServiceProviderConfigs();
 * const patch: ServiceProviderConfigSupport = serviceProviderConfig.patch ?? {};
 * assert.equal(patch.supported, true);
 * assert.equal(serviceProviderConfig.sort?.supported, false);
 * ```
 */
export type ServiceProviderConfigSupport = {
  /** Whether the feature is supported. */
  supported?: boolean;
};

/**
 * How the API authenticates (one entry of `authenticationSchemes`).
 *
 * @example The primary way to authenticate
 * ```ts
 * import { type AuthenticationScheme, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { serviceProviderConfig } = await client.readServiceProviderConfigs();
 * const schemes: AuthenticationScheme[] = serviceProviderConfig.authenticationSchemes ?? [];
 * const primary = schemes.find((scheme) => scheme.primary);
 * assert.equal(primary?.type, "oauthbearertoken");
 * ```
 */
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

/**
 * What the API supports, from `GET ServiceProviderConfigs`.
 *
 * @example Page size capped at what a filtered list returns
 * ```ts
 * import { SCIMClient, type ServiceProviderConfig } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const config: ServiceProviderConfig = (await client.readServiceProviderConfigs())
 *   .serviceProviderConfig;
 * assert.equal(config.bulk?.supported, false);
 * const count = Math.min(5000, config.filter?.maxResults ?? 100);
 * assert.equal(count, 1000);
 * const page = await client.searchUsers({ count });
 * assert.equal(page.users.length, 3);
 * ```
 */
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

/**
 * One attribute of a resource schema.
 *
 * @example Which user attributes are required
 * ```ts
 * import { SCIMClient, type SchemaAttribute } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { schema } = await client.readUserSchema();
 * const attributes: SchemaAttribute[] = schema.attributes ?? [];
 * const required = attributes.filter((attribute) => attribute.required);
 * assert.deepEqual(required.map((attribute) => attribute.name), ["userName", "emails"]);
 * const emails = required[1]?.subAttributes?.map((attribute) => attribute.name);
 * assert.deepEqual(emails, ["value", "type", "primary"]);
 * ```
 */
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

/**
 * A resource schema, from `GET Schemas/Users` or `GET Schemas/Groups`.
 *
 * @example The attributes of a group
 * ```ts
 * import { SCIMClient, type Schema } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const schema: Schema = (await client.readGroupSchema()).schema;
 * assert.equal(schema.endpoint, "/Groups");
 * const names = schema.attributes?.map((attribute) => attribute.name);
 * assert.deepEqual(names, ["id", "displayName", "members"]);
 * ```
 */
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
