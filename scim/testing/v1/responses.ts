/**
 * Slack's SCIM v1 wire shapes for answers: the schema URNs, the error body and the list body.
 *
 * @module
 */

import { jsonResponse } from "../responses.ts";
import type { ListPage } from "../route.ts";

/** The SCIM 1.1 core schema URN, the only `schemas` entry of v1 lists and groups. */
export const CORE_SCHEMA_V1 = "urn:scim:schemas:core:1.0";
/** The v1 enterprise extension URN. */
export const ENTERPRISE_SCHEMA_V1 = "urn:scim:schemas:extension:enterprise:1.0";
/** The v1 guest extension URN (multi-channel guests). */
export const GUEST_SCHEMA_V1 = "urn:scim:schemas:extension:slack:guest:1.0";
/** The v1 profile extension URN (`startDate`). */
export const PROFILE_SCHEMA_V1 = "urn:scim:schemas:extension:slack:profile:1.0";

/**
 * Slack's v1 error answer: `{"Errors":{"description":"…","code":N}}` with the same status.
 *
 * @param status The HTTP status, repeated as `code`.
 * @param description Slack's error code.
 * @param headers Extra headers, such as `Retry-After`.
 * @returns The response.
 */
export function errorResponseV1(
  status: number,
  description: string,
  headers?: Record<string, string>,
): Response {
  return jsonResponse({ Errors: { description, code: status } }, status, headers);
}

/**
 * Slack's v1 list body, keys in the order Slack sends them.
 *
 * @param page The page.
 * @returns The body to serialise.
 */
export function listBodyV1(page: ListPage): Record<string, unknown> {
  return {
    totalResults: page.totalResults,
    itemsPerPage: page.resources.length,
    startIndex: page.startIndex,
    schemas: [CORE_SCHEMA_V1],
    Resources: page.resources,
  };
}
