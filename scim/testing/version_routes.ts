/**
 * The route table every version shares: `/Users` and `/Groups` by method and path, the
 * version's discovery endpoints for any other collection, and Slack's 404/405 answers. A
 * version gives its resources' handlers, its discovery answers and its error body.
 *
 * @module
 */

import { SlackErrorResponse } from "./responses.ts";
import type { RouteContext, RouteResult, VersionRoutes } from "./route.ts";

/** One collection's handlers (`/Users` or `/Groups`) in a version's wire shape. */
export interface ResourceRoutes {
  /** Slack's error code for an unknown id, such as `no_such_user`. */
  readonly notFound: string;
  /** `GET /{collection}`: a page, optionally filtered. */
  list(url: URL, context: RouteContext): RouteResult;
  /** `POST /{collection}`. */
  create(request: Request, context: RouteContext): Promise<RouteResult>;
  /** `GET /{collection}/{id}`. */
  read(id: string, context: RouteContext): RouteResult;
  /** `PUT /{collection}/{id}`. */
  replace(id: string, request: Request, context: RouteContext): Promise<RouteResult>;
  /** `PATCH /{collection}/{id}`. */
  patch(id: string, request: Request, context: RouteContext): Promise<RouteResult>;
  /** `DELETE /{collection}/{id}` (users are deactivated, groups deleted). */
  remove(id: string, context: RouteContext): RouteResult;
}

/** What a version plugs into the shared route table. */
export interface VersionTable {
  /** The `/Users` handlers. */
  readonly users: ResourceRoutes;
  /** The `/Groups` handlers. */
  readonly groups: ResourceRoutes;
  /**
   * The discovery answer for a path outside `/Users` and `/Groups`, or `undefined` (404
   * `bad_endpoint`); `rawId` is the second segment as sent, not decoded.
   */
  discovery(
    collection: string,
    rawId: string | undefined,
    context: RouteContext,
  ): RouteResult | undefined;
  /** The version's error body. */
  errorResponse: VersionRoutes["errorResponse"];
}

/**
 * Decodes a path segment, or answers 404 with `notFound`.
 *
 * @param raw The segment as sent.
 * @param notFound Slack's error code for a segment that names nothing.
 * @returns The decoded segment.
 */
export function decodeSegment(raw: string, notFound: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new SlackErrorResponse(404, notFound);
  }
}

/**
 * A version's routes: its resources and discovery endpoints behind the shared table.
 *
 * @param table The version's handlers and error body.
 * @returns What the simulator sends the version's requests to.
 */
export function versionRoutes(table: VersionTable): VersionRoutes {
  const route = (
    request: Request,
    url: URL,
    path: string,
    context: RouteContext,
  ): RouteResult | Promise<RouteResult> => {
    const [collection, rawId, extra] = path.split("/").filter((part) => part !== "");
    const method = request.method.toUpperCase();
    if (extra !== undefined || collection === undefined) {
      throw new SlackErrorResponse(404, "bad_endpoint");
    }
    const resource = collection === "Users"
      ? table.users
      : collection === "Groups"
      ? table.groups
      : undefined;
    if (resource === undefined) {
      const discovery = table.discovery(collection, rawId, context);
      if (discovery === undefined) throw new SlackErrorResponse(404, "bad_endpoint");
      if (method !== "GET") throw new SlackErrorResponse(405, "method_not_allowed");
      return discovery;
    }
    if (rawId === undefined) {
      if (method === "GET") return resource.list(url, context);
      if (method === "POST") return resource.create(request, context);
      throw new SlackErrorResponse(405, "method_not_allowed");
    }
    const id = decodeSegment(rawId, resource.notFound);
    switch (method) {
      case "GET":
        return resource.read(id, context);
      case "PUT":
        return resource.replace(id, request, context);
      case "PATCH":
        return resource.patch(id, request, context);
      case "DELETE":
        return resource.remove(id, context);
      default:
        throw new SlackErrorResponse(405, "method_not_allowed");
    }
  };
  return Object.freeze({ route, errorResponse: table.errorResponse });
}
