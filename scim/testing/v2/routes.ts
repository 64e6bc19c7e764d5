/**
 * Slack's SCIM v2 API on the shared store: which handler answers which method and path under
 * `/scim/v2`, and the v2 error body. The simulator picks this table for `/scim/v2/…` URLs.
 *
 * @module
 */

import { SlackErrorResponse } from "../responses.ts";
import type { RouteContext, RouteResult, VersionRoutes } from "../route.ts";
import { discoveryRoute } from "./discovery_routes.ts";
import {
  createGroup,
  deleteGroup,
  listGroups,
  patchGroup,
  readGroup,
  replaceGroup,
} from "./groups_routes.ts";
import { errorResponseV2 } from "./responses.ts";
import {
  createUser,
  deactivateUser,
  listUsers,
  patchUser,
  readUser,
  replaceUser,
} from "./users_routes.ts";

function decode(raw: string, notFound: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new SlackErrorResponse(404, notFound);
  }
}

function routeV2(
  request: Request,
  url: URL,
  path: string,
  context: RouteContext,
): RouteResult | Promise<RouteResult> {
  const [collection, rawId, extra] = path.split("/").filter((part) => part !== "");
  const method = request.method.toUpperCase();
  if (extra !== undefined || collection === undefined) {
    throw new SlackErrorResponse(404, "bad_endpoint");
  }
  if (collection !== "Users" && collection !== "Groups") {
    const rest = rawId === undefined ? undefined : decode(rawId, "bad_endpoint");
    const discovery = discoveryRoute(collection, rest, context.base);
    if (discovery === undefined) throw new SlackErrorResponse(404, "bad_endpoint");
    if (method !== "GET") throw new SlackErrorResponse(405, "method_not_allowed");
    return discovery;
  }
  const users = collection === "Users";
  if (rawId === undefined) {
    if (method === "GET") return users ? listUsers(url, context) : listGroups(url, context);
    if (method === "POST") {
      return users ? createUser(request, context) : createGroup(request, context);
    }
    throw new SlackErrorResponse(405, "method_not_allowed");
  }
  const id = decode(rawId, users ? "no_such_user" : "no_such_group");
  switch (method) {
    case "GET":
      return users ? readUser(id, context) : readGroup(id, context);
    case "PUT":
      return users ? replaceUser(id, request, context) : replaceGroup(id, request, context);
    case "PATCH":
      return users ? patchUser(id, request, context) : patchGroup(id, request, context);
    case "DELETE":
      return users ? deactivateUser(id, context) : deleteGroup(id, context);
    default:
      throw new SlackErrorResponse(405, "method_not_allowed");
  }
}

/** The v2 API: its routes and its error body. */
export const V2_ROUTES: VersionRoutes = Object.freeze({
  route: routeV2,
  errorResponse: errorResponseV2,
});
