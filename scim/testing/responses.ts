/**
 * Slack's SCIM v1 wire shapes for answers: the error body, the list body, and JSON responses.
 *
 * @module
 */

/** The SCIM 1.1 core schema URN, the only `schemas` entry of v1 lists and groups. */
export const CORE_SCHEMA_V1 = "urn:scim:schemas:core:1.0";
/** The v1 enterprise extension URN. */
export const ENTERPRISE_SCHEMA_V1 = "urn:scim:schemas:extension:enterprise:1.0";
/** The v1 guest extension URN (multi-channel guests). */
export const GUEST_SCHEMA_V1 = "urn:scim:schemas:extension:slack:guest:1.0";
/** The v1 profile extension URN (`startDate`). */
export const PROFILE_SCHEMA_V1 = "urn:scim:schemas:extension:slack:profile:1.0";

/**
 * A Slack API error the routes throw and the simulator turns into Slack's error body.
 *
 * Internal to the simulator: route handlers throw it, `SlackScimSimulator` catches it.
 */
export class SlackErrorResponse extends Error {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** Slack's error code, such as `no_such_user`. */
  readonly description: string;

  /**
   * @param status The HTTP status of the answer.
   * @param description Slack's error code, such as `no_such_user`.
   */
  constructor(status: number, description: string) {
    super(`Slack answered ${status} ${description}`);
    this.name = "SlackErrorResponse";
    this.status = status;
    this.description = description;
  }
}

/**
 * Throws a {@linkcode SlackErrorResponse}: a 400 unless another status is given.
 *
 * @param description Slack's error code.
 * @param status The HTTP status (default 400).
 * @returns Never.
 */
export function fail(description: string, status = 400): never {
  throw new SlackErrorResponse(status, description);
}

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
 * A JSON answer with Slack's content type.
 *
 * @param body The value to serialise.
 * @param status The HTTP status (default 200).
 * @param headers Extra headers.
 * @returns The response.
 */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/**
 * An answer without a body (204 for group PATCH/DELETE, 200 for user DELETE in v1).
 *
 * @param status The HTTP status.
 * @returns The response.
 */
export function emptyResponse(status: number): Response {
  return new Response(null, { status });
}

/** What a list route needs to build a page. */
export interface ListPageV1 {
  /** How many resources match, over all pages. */
  readonly totalResults: number;
  /** The 1-based index of the first resource of this page. */
  readonly startIndex: number;
  /** The resources of this page, already in v1 shape. */
  readonly resources: readonly unknown[];
}

/**
 * Slack's v1 list body, keys in the order Slack sends them.
 *
 * @param page The page.
 * @returns The body to serialise.
 */
export function listBodyV1(page: ListPageV1): Record<string, unknown> {
  return {
    totalResults: page.totalResults,
    itemsPerPage: page.resources.length,
    startIndex: page.startIndex,
    schemas: [CORE_SCHEMA_V1],
    Resources: page.resources,
  };
}

/** The value the `unknownAttributes` option adds, as in the Python SDK's test payload. */
export const UNKNOWN_ATTRIBUTE_VALUE = "this should be just accepted as unknown attribute";

/**
 * Adds `"newAttribute"` to every object of a success body (top level, sub-objects, list items),
 * the way Slack's answers grow new attributes without notice.
 *
 * @param body A parsed JSON body.
 * @returns A copy with the unknown attribute added everywhere.
 */
export function withUnknownAttributes(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withUnknownAttributes);
  if (body !== null && typeof body === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) copy[key] = withUnknownAttributes(value);
    copy.newAttribute = UNKNOWN_ATTRIBUTE_VALUE;
    return copy;
  }
  return body;
}

/**
 * Reads a request body as a JSON object, as Slack does for every write.
 *
 * @param request The request.
 * @returns The parsed object; throws `invalid_request_payload` for bad JSON or a non-object.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail("invalid_request_payload");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    fail("invalid_request_payload");
  }
  return parsed as Record<string, unknown>;
}
