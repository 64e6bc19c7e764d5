/**
 * The v2 discovery endpoints: `ServiceProviderConfig` (Slack's docs also say
 * `ServiceProviderConfigs`, and the Java SDK calls that: both answer), `ResourceTypes`,
 * `Schemas`, `Schemas/Users` and `Schemas/Groups` (Slack's names; `Schemas/{URN}` too, as RFC
 * 7644 has it).
 *
 * Slack's docs print none of these bodies; the Java SDK's recorded samples give the keys of
 * `ServiceProviderConfigs` and `ResourceTypes`, and RFC 7643 the rest.
 *
 * @module
 */

import type { RouteResult } from "../route.ts";
import {
  type Attribute,
  CORE_USER_ATTRIBUTES,
  ENTERPRISE_ATTRIBUTES,
  GROUP_ATTRIBUTES,
  LANGUAGE_ATTRIBUTES,
  PROFILE_ATTRIBUTES,
  REFERENCE_ITEM,
  USER_TYPE_ATTRIBUTE,
} from "../schema_attributes.ts";
import { bearerScheme, serviceProviderFeatures } from "../service_provider.ts";
import {
  ENTERPRISE_SCHEMA_V2,
  GROUP_SCHEMA_V2,
  GUEST_SCHEMA_V2,
  listBodyV2,
  PROFILE_SCHEMA_V2,
  USER_SCHEMA_V2,
} from "./responses.ts";

const CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

function serviceProviderConfig(base: string): Record<string, unknown> {
  return {
    schemas: [CONFIG_SCHEMA],
    authenticationSchemes: [bearerScheme(true)],
    ...serviceProviderFeatures(),
    meta: { location: `${base}ServiceProviderConfig`, resourceType: "ServiceProviderConfig" },
  };
}

function resourceTypes(base: string): Record<string, unknown>[] {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "Slack user",
      schema: USER_SCHEMA_V2,
      meta: { location: `${base}ResourceTypes/User`, resourceType: "ResourceType" },
      schemaExtensions: [ENTERPRISE_SCHEMA_V2, GUEST_SCHEMA_V2, PROFILE_SCHEMA_V2].map((
        schema,
      ) => ({
        schema,
        required: false,
      })),
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "Slack IdP group",
      schema: GROUP_SCHEMA_V2,
      meta: { location: `${base}ResourceTypes/Group`, resourceType: "ResourceType" },
      schemaExtensions: [],
    },
  ];
}

function attribute([name, type, options = {}]: Attribute): Record<string, unknown> {
  return {
    name,
    type,
    multiValued: options.multiValued ?? false,
    description: name,
    required: options.required ?? false,
    caseExact: false,
    mutability: options.mutability ?? "readWrite",
    returned: options.mutability === "writeOnly" ? "never" : "default",
    uniqueness: name === "userName" || name === "id" ? "server" : "none",
    ...(options.subAttributes === undefined
      ? {}
      : { subAttributes: options.subAttributes.map(attribute) }),
  };
}

/** By schema id; a `Map`, as the id comes from the URL (`Schemas/constructor` names nothing). */
const SCHEMAS: ReadonlyMap<string, { name: string; attributes: Attribute[] }> = new Map(
  Object.entries<{ name: string; attributes: Attribute[] }>({
    // v2 lists `userType` before the language attributes.
    [USER_SCHEMA_V2]: {
      name: "User",
      attributes: [...CORE_USER_ATTRIBUTES, USER_TYPE_ATTRIBUTE, ...LANGUAGE_ATTRIBUTES],
    },
    [ENTERPRISE_SCHEMA_V2]: { name: "EnterpriseUser", attributes: ENTERPRISE_ATTRIBUTES },
    [GUEST_SCHEMA_V2]: {
      name: "SlackGuestUser",
      attributes: [
        ["type", "string", { required: true }],
        ["expiration", "dateTime"],
        ["channels", "complex", {
          multiValued: true,
          mutability: "readOnly",
          subAttributes: REFERENCE_ITEM,
        }],
      ],
    },
    [PROFILE_SCHEMA_V2]: { name: "SlackProfileUser", attributes: PROFILE_ATTRIBUTES },
    [GROUP_SCHEMA_V2]: { name: "Group", attributes: GROUP_ATTRIBUTES },
  }),
);

function schema(id: string, base: string): Record<string, unknown> {
  const { name, attributes } = SCHEMAS.get(id) as { name: string; attributes: Attribute[] };
  return {
    schemas: [SCHEMA_SCHEMA],
    id,
    name,
    description: name,
    attributes: attributes.map(attribute),
    meta: { location: `${base}Schemas/${id}`, resourceType: "Schema" },
  };
}

function ok(body: unknown): RouteResult {
  return { status: 200, body };
}

/**
 * The discovery answer for a path, if the path is a v2 discovery endpoint.
 *
 * @param collection The first path segment after `/scim/v2/`.
 * @param rest The second segment (decoded), if any.
 * @param base The API base, such as `https://api.slack.com/scim/v2/`, for `meta.location`.
 * @returns The answer, or `undefined` for other paths.
 */
export function discoveryRoute(
  collection: string,
  rest: string | undefined,
  base: string,
): RouteResult | undefined {
  if (
    (collection === "ServiceProviderConfig" || collection === "ServiceProviderConfigs") &&
    rest === undefined
  ) {
    return ok(serviceProviderConfig(base));
  }
  if (collection === "ResourceTypes") {
    const types = resourceTypes(base);
    if (rest === undefined) {
      return ok(listBodyV2({ totalResults: 2, startIndex: 1, resources: types }));
    }
    const type = types.find((type) => type.id === rest);
    return type === undefined ? undefined : ok(type);
  }
  if (collection === "Schemas") {
    if (rest === undefined) {
      const all = [...SCHEMAS.keys()].map((id) => schema(id, base));
      return ok(listBodyV2({ totalResults: all.length, startIndex: 1, resources: all }));
    }
    const id = rest === "Users" ? USER_SCHEMA_V2 : rest === "Groups" ? GROUP_SCHEMA_V2 : rest;
    return SCHEMAS.has(id) ? ok(schema(id, base)) : undefined;
  }
  return undefined;
}
