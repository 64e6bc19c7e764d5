/**
 * What every version's routes share to answer: the error they throw, JSON and empty responses,
 * reading a JSON body, and the `unknownAttributes` option. Each version's wire shapes (its error
 * body, its list body, its schema URNs) live in its own folder (`v1/responses.ts`).
 *
 * @module
 */

import { isObject } from "../../common/is_object.ts";
import { MAX_REQUEST_BYTES } from "./request_limits.ts";

/**
 * A Slack API error the routes throw and the simulator turns into the version's error body.
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
 * Reads a request body as text, at most `limit` bytes: a larger body (by its `Content-Length`,
 * or as it streams in) is `request_too_large` (413), and reading stops there, so a runaway body
 * is never held whole.
 *
 * @param request The request.
 * @param limit The most bytes to read.
 * @returns The body, decoded as UTF-8 (`""` for no body).
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) fail("request_too_large", 413);
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      fail("request_too_large", 413);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Reads a request body as a JSON object, as Slack does for every write, at most
 * `MAX_REQUEST_BYTES` (8 MiB; larger is 413 `request_too_large`).
 *
 * @param request The request.
 * @returns The parsed object; throws `invalid_request_payload` for bad JSON or a non-object.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await readBodyText(request, MAX_REQUEST_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail("invalid_request_payload");
  }
  if (!isObject(parsed)) fail("invalid_request_payload");
  return parsed as Record<string, unknown>;
}

/**
 * A write body's `schemas`, or `missing_schema_element` when it is missing or empty (every
 * version's resource bodies, and v1 PATCH bodies, must name their schemas).
 *
 * @param body The request body.
 * @returns The body's `schemas`.
 */
export function requireSchemas(body: Record<string, unknown>): readonly unknown[] {
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || schemas.length === 0) fail("missing_schema_element");
  return schemas;
}
