// Internal: the discovery methods and `apiCall` of `SCIMClient` (documented there).

import type { CallOptions, SCIMTransport } from "../transport.ts";
import type {
  ApiCallResponse,
  SchemaResponse,
  ServiceProviderConfigResponse,
} from "../response.ts";
import type { Schema, ServiceProviderConfig } from "./models.ts";
import type { paths } from "./schema.gen.ts";
import { apiCallTarget } from "./_arguments.ts";
import { meta, objectBody } from "./_exchange.ts";

type V1 = SCIMTransport<paths>;

/** Options of `apiCall` (its public, documented type is in client.ts). */
interface ApiCallInit extends CallOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  retryAfterSendFailure?: boolean;
}

/** openapi-fetch's `request()` for a path outside the spec, which its types cannot name. */
type Untyped = {
  request(
    method: string,
    url: string,
    init: Record<string, unknown>,
  ): Promise<{ response: Response; error?: unknown }>;
};

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

export async function apiCall<T>(
  t: V1,
  method: string,
  path: string,
  options: ApiCallInit = {},
): Promise<ApiCallResponse<T>> {
  const { verb, url } = apiCallTarget(method, path);
  const { body, query, retryAfterSendFailure } = options;
  const untyped = t.openapi as unknown as Untyped;
  // The path is not one of the spec's: sent as given (apiCallTarget checked it), `{…}` as text.
  const answer = await t.call(
    "apiCall",
    options,
    (init) => untyped.request(verb, url, { ...init, params: { query }, body }),
    body !== undefined,
    retryAfterSendFailure ?? true,
  );
  return { ...meta(answer), body: answer.body as T | undefined };
}
