/**
 * The v1 discovery endpoints: `ServiceProviderConfigs`, `Schemas/Users`, `Schemas/Groups`.
 *
 * @module
 */

import {
  CORE_SCHEMA_V1,
  ENTERPRISE_SCHEMA_V1,
  GUEST_SCHEMA_V1,
  PROFILE_SCHEMA_V1,
} from "./responses.ts";
import type { RouteResult } from "../route.ts";

/**
 * `GET /ServiceProviderConfigs`, with the keys Slack sends (no `schemas`).
 *
 * @returns What the simulated API supports.
 */
export function serviceProviderConfigs(): RouteResult {
  return {
    status: 200,
    body: {
      authenticationSchemes: [{
        type: "oauthbearertoken",
        name: "OAuth Bearer Token",
        description: "Authentication scheme using the OAuth Bearer Token Standard",
        specUrl: "http://www.rfc-editor.org/info/rfc6750",
        primary: true,
      }],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      xmlDataFormat: { supported: false },
    },
  };
}

type Attribute = [name: string, type: string, options?: {
  multiValued?: boolean;
  readOnly?: boolean;
  required?: boolean;
  schema?: string;
  subAttributes?: Attribute[];
}];

function attribute([name, type, options = {}]: Attribute): Record<string, unknown> {
  return {
    name,
    type,
    multiValued: options.multiValued ?? false,
    description: name,
    schema: options.schema ?? CORE_SCHEMA_V1,
    readOnly: options.readOnly ?? false,
    required: options.required ?? false,
    caseExact: false,
    ...(options.subAttributes === undefined
      ? {}
      : { subAttributes: options.subAttributes.map(attribute) }),
  };
}

const VALUE_ITEM: Attribute[] = [["value", "string"], ["type", "string"], ["primary", "boolean"]];

const USER_ATTRIBUTES: Attribute[] = [
  ["id", "string", { readOnly: true }],
  ["externalId", "string"],
  ["userName", "string", { required: true }],
  ["nickName", "string"],
  ["name", "complex", {
    subAttributes: [["givenName", "string"], ["familyName", "string"], [
      "honorificPrefix",
      "string",
    ]],
  }],
  ["displayName", "string"],
  ["profileUrl", "string", { readOnly: true }],
  ["title", "string"],
  ["timezone", "string"],
  ["active", "boolean"],
  ["password", "string"],
  ["emails", "complex", { multiValued: true, required: true, subAttributes: VALUE_ITEM }],
  ["phoneNumbers", "complex", { multiValued: true, subAttributes: VALUE_ITEM }],
  ["photos", "complex", { multiValued: true, subAttributes: VALUE_ITEM }],
  ["addresses", "complex", {
    multiValued: true,
    subAttributes: [
      ["streetAddress", "string"],
      ["locality", "string"],
      ["region", "string"],
      ["postalCode", "string"],
      ["country", "string"],
      ["primary", "boolean"],
    ],
  }],
  ["roles", "complex", { multiValued: true, subAttributes: VALUE_ITEM }],
  ["groups", "complex", {
    multiValued: true,
    readOnly: true,
    subAttributes: [["value", "string"], ["display", "string"]],
  }],
  ["preferredLanguage", "string"],
  ["locale", "string"],
  ["userType", "string"],
  ["employeeNumber", "string", { schema: ENTERPRISE_SCHEMA_V1 }],
  ["costCenter", "string", { schema: ENTERPRISE_SCHEMA_V1 }],
  ["organization", "string", { schema: ENTERPRISE_SCHEMA_V1 }],
  ["division", "string", { schema: ENTERPRISE_SCHEMA_V1 }],
  ["department", "string", { schema: ENTERPRISE_SCHEMA_V1 }],
  ["manager", "complex", {
    schema: ENTERPRISE_SCHEMA_V1,
    subAttributes: [["managerId", "string"]],
  }],
  ["type", "string", { schema: GUEST_SCHEMA_V1 }],
  ["expiration", "dateTime", { schema: GUEST_SCHEMA_V1 }],
  ["startDate", "dateTime", { schema: PROFILE_SCHEMA_V1 }],
];

const GROUP_ATTRIBUTES: Attribute[] = [
  ["id", "string", { readOnly: true }],
  ["displayName", "string", { required: true }],
  ["members", "complex", {
    multiValued: true,
    subAttributes: [["value", "string"], ["display", "string"]],
  }],
];

/**
 * `GET /Schemas/Users`.
 *
 * @returns The SCIM 1.1 schema of users, extensions included.
 */
export function userSchema(): RouteResult {
  return {
    status: 200,
    body: {
      id: `${CORE_SCHEMA_V1}:User`,
      name: "User",
      description: "Slack user",
      schema: CORE_SCHEMA_V1,
      endpoint: "/Users",
      attributes: USER_ATTRIBUTES.map(attribute),
    },
  };
}

/**
 * `GET /Schemas/Groups`.
 *
 * @returns The SCIM 1.1 schema of groups.
 */
export function groupSchema(): RouteResult {
  return {
    status: 200,
    body: {
      id: `${CORE_SCHEMA_V1}:Group`,
      name: "Group",
      description: "Slack IdP group",
      schema: CORE_SCHEMA_V1,
      endpoint: "/Groups",
      attributes: GROUP_ATTRIBUTES.map(attribute),
    },
  };
}

/**
 * The discovery answer for a path, if the path is a discovery endpoint.
 *
 * @param collection The first path segment after `/scim/v1/`.
 * @param rest The second segment, if any.
 * @returns The answer, or `undefined` for other paths.
 */
export function discoveryRoute(
  collection: string,
  rest: string | undefined,
): RouteResult | undefined {
  if (collection === "ServiceProviderConfigs" && rest === undefined) {
    return serviceProviderConfigs();
  }
  if (collection === "Schemas" && rest === "Users") return userSchema();
  if (collection === "Schemas" && rest === "Groups") return groupSchema();
  return undefined;
}
