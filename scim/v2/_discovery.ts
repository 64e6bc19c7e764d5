// Internal: the discovery methods of `SCIM2Client` (documented there).

import type { CallOptions, SCIMTransport } from "../transport.ts";
import { isSCIMApiError } from "../errors.ts";
import { listBody, meta, objectBody } from "../_exchange.ts";
import type { ResourceType, Schema, ServiceProviderConfig } from "./discovery.ts";
import type {
  ResourceTypesResponse,
  SchemaResponse,
  SchemasResponse,
  ServiceProviderConfigResponse,
} from "./responses.ts";
import type { paths } from "./schema.gen.ts";

type V2 = SCIMTransport<paths>;

export async function readServiceProviderConfig(
  t: V2,
  options?: CallOptions,
): Promise<ServiceProviderConfigResponse> {
  const name = "readServiceProviderConfig";
  let answer;
  try {
    answer = await t.call(
      name,
      options,
      (init) => t.openapi.GET("/ServiceProviderConfig", { ...init }),
    );
  } catch (error) {
    // Slack's docs name it both ways: the singular (v2's table) first, the plural on a 404.
    if (!isSCIMApiError(error) || error.status !== 404) throw error;
    answer = await t.call(
      name,
      options,
      (init) => t.openapi.GET("/ServiceProviderConfigs", { ...init }),
    );
  }
  const config = objectBody(answer, "a service provider configuration");
  return { ...meta(answer), serviceProviderConfig: config as ServiceProviderConfig };
}

export async function readResourceTypes(
  t: V2,
  options?: CallOptions,
): Promise<ResourceTypesResponse> {
  const answer = await t.call(
    "readResourceTypes",
    options,
    (init) => t.openapi.GET("/ResourceTypes", { ...init }),
  );
  const { resources, page } = listBody(answer, "a list of resource types");
  return { ...page, resourceTypes: resources as ResourceType[] };
}

export async function readSchemas(t: V2, options?: CallOptions): Promise<SchemasResponse> {
  const answer = await t.call(
    "readSchemas",
    options,
    (init) => t.openapi.GET("/Schemas", { ...init }),
  );
  const { resources, page } = listBody(answer, "a list of schemas");
  return { ...page, schemas: resources as Schema[] };
}

export async function readSchema(
  t: V2,
  name: "readUserSchema" | "readGroupSchema",
  options?: CallOptions,
): Promise<SchemaResponse> {
  const path = name === "readUserSchema" ? "/Schemas/Users" : "/Schemas/Groups";
  const answer = await t.call(name, options, (init) => t.openapi.GET(path, { ...init }));
  return { ...meta(answer), schema: objectBody(answer, "a schema") as Schema };
}
