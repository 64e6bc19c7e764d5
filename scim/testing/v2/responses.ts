/**
 * Slack's SCIM v2 wire shapes for answers: the schema and message URNs, the error body and the
 * `ListResponse` body.
 *
 * @module
 */

import { jsonResponse } from "../responses.ts";
import type { ListPage } from "../route.ts";

/** The SCIM 2.0 core user schema URN. */
export const USER_SCHEMA_V2 = "urn:ietf:params:scim:schemas:core:2.0:User";
/** The SCIM 2.0 core group schema URN. */
export const GROUP_SCHEMA_V2 = "urn:ietf:params:scim:schemas:core:2.0:Group";
/** The v2 enterprise extension URN. */
export const ENTERPRISE_SCHEMA_V2 = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
/** The v2 guest extension URN (multi-channel guests). */
export const GUEST_SCHEMA_V2 = "urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User";
/** The v2 profile extension URN (`startDate`). */
export const PROFILE_SCHEMA_V2 = "urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User";
/** The message URN of a list answer. */
export const LIST_RESPONSE_V2 = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
/** The message URN of an RFC 7644 PATCH body. */
export const PATCH_OP_V2 = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
/** The message URN of an error answer. */
export const ERROR_V2 = "urn:ietf:params:scim:api:messages:2.0:Error";

/**
 * Slack's v2 error answer: `{"schemas":[…Error],"detail":"…","status":N}`, `status` a number as
 * Slack sends it (RFC 7644 says a string).
 *
 * @param status The HTTP status, repeated in the body.
 * @param description Slack's error code, the `detail`.
 * @param headers Extra headers, such as `Retry-After`.
 * @returns The response.
 */
export function errorResponseV2(
  status: number,
  description: string,
  headers?: Record<string, string>,
): Response {
  return jsonResponse({ schemas: [ERROR_V2], detail: description, status }, status, headers);
}

/**
 * Slack's v2 `ListResponse`, keys in the order Slack's examples show them.
 *
 * @param page The page.
 * @returns The body to serialise.
 */
export function listBodyV2(page: ListPage): Record<string, unknown> {
  return {
    schemas: [LIST_RESPONSE_V2],
    Resources: page.resources,
    totalResults: page.totalResults,
    itemsPerPage: page.resources.length,
    startIndex: page.startIndex,
  };
}
