/**
 * Slack's SCIM v1 API on the shared store: which handler answers which method and path under
 * `/scim/v1`, and the v1 error body. The simulator picks this table for `/scim/v1/…` URLs.
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
import { errorResponseV1 } from "./responses.ts";
import {
  createUser,
  deactivateUser,
  listUsers,
  patchUser,
  readUser,
  replaceUser,
} from "./users_routes.ts";

function routeV1(
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
  const discovery = discoveryRoute(collection, rawId);
  if (discovery !== undefined) {
    if (method !== "GET") throw new SlackErrorResponse(405, "method_not_allowed");
    return discovery;
  }
  if (collection !== "Users" && collection !== "Groups") {
    throw new SlackErrorResponse(404, "bad_endpoint");
  }
  const users = collection === "Users";
  if (rawId === undefined) {
    if (method === "GET") return users ? listUsers(url, context) : listGroups(url, context);
    if (method === "POST") {
      return users ? createUser(request, context) : createGroup(request, context);
    }
    throw new SlackErrorResponse(405, "method_not_allowed");
  }
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    throw new SlackErrorResponse(404, users ? "no_such_user" : "no_such_group");
  }
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

/** The v1 API: its routes and its error body. */
export const V1_ROUTES: VersionRoutes = Object.freeze({
  route: routeV1,
  errorResponse: errorResponseV1,
});
