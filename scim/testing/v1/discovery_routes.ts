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
import {
  type Attribute,
  CORE_USER_ATTRIBUTES,
  ENTERPRISE_ATTRIBUTES,
  GROUP_ATTRIBUTES,
  LANGUAGE_ATTRIBUTES,
  PROFILE_ATTRIBUTES,
  USER_TYPE_ATTRIBUTE,
} from "../schema_attributes.ts";
import { bearerScheme, serviceProviderFeatures } from "../service_provider.ts";

/**
 * `GET /ServiceProviderConfigs`, with the keys Slack sends (no `schemas`).
 *
 * @returns What the simulated API supports.
 */
export function serviceProviderConfigs(): RouteResult {
  return {
    status: 200,
    body: { authenticationSchemes: [bearerScheme(false)], ...serviceProviderFeatures() },
  };
}

/** A neutral attribute in v1's shape, under `schema` (sub-attributes under the core schema). */
function attribute(schema: string): (attribute: Attribute) => Record<string, unknown> {
  return ([name, type, options = {}]) => ({
    name,
    // SCIM 1.1 has no `reference` type.
    type: type === "reference" ? "string" : type,
    multiValued: options.multiValued ?? false,
    description: name,
    schema,
    readOnly: options.mutability === "readOnly",
    required: options.required ?? false,
    caseExact: false,
    ...(options.subAttributes === undefined
      ? {}
      : { subAttributes: options.subAttributes.map(attribute(CORE_SCHEMA_V1)) }),
  });
}

/** v1's guest extension: `type` and `expiration` (no `channels`). */
const GUEST_ATTRIBUTES: Attribute[] = [["type", "string"], ["expiration", "dateTime"]];

/** Every user attribute, extensions included, each under its schema; v1 lists `userType` last. */
function userAttributes(): Record<string, unknown>[] {
  return [
    ...[...CORE_USER_ATTRIBUTES, ...LANGUAGE_ATTRIBUTES, USER_TYPE_ATTRIBUTE].map(
      attribute(CORE_SCHEMA_V1),
    ),
    ...ENTERPRISE_ATTRIBUTES.map(attribute(ENTERPRISE_SCHEMA_V1)),
    ...GUEST_ATTRIBUTES.map(attribute(GUEST_SCHEMA_V1)),
    ...PROFILE_ATTRIBUTES.map(attribute(PROFILE_SCHEMA_V1)),
  ];
}

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
      attributes: userAttributes(),
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
      attributes: GROUP_ATTRIBUTES.map(attribute(CORE_SCHEMA_V1)),
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
