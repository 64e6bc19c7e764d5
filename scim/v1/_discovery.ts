// Internal: the discovery methods of `SCIMClient` (documented there).

import type { CallOptions, SCIMTransport } from "../transport.ts";
import type { SchemaResponse, ServiceProviderConfigResponse } from "./responses.ts";
import type { Schema, ServiceProviderConfig } from "./models.ts";
import type { paths } from "./schema.gen.ts";
import { meta, objectBody } from "../_exchange.ts";

type V1 = SCIMTransport<paths>;

export async function readServiceProviderConfigs(
  t: V1,
  options?: CallOptions,
): Promise<ServiceProviderConfigResponse> {
  const answer = await t.call(
    "readServiceProviderConfigs",
    options,
    (init) => t.openapi.GET("/ServiceProviderConfigs", { ...init }),
  );
  const config = objectBody(answer, "a service provider configuration");
  return { ...meta(answer), serviceProviderConfig: config as ServiceProviderConfig };
}

export async function readSchema(
  t: V1,
  name: "readUserSchema" | "readGroupSchema",
  options?: CallOptions,
): Promise<SchemaResponse> {
  const path = name === "readUserSchema" ? "/Schemas/Users" : "/Schemas/Groups";
  const answer = await t.call(name, options, (init) => t.openapi.GET(path, { ...init }));
  return { ...meta(answer), schema: objectBody(answer, "a schema") as Schema };
}
