/**
 * Slack's SCIM v1 API on the shared store: its users, groups and discovery handlers and its
 * error body, behind the route table every version shares (`../version_routes.ts`). The
 * simulator picks this table for `/scim/v1/…` URLs.
 *
 * @module
 */

import type { VersionRoutes } from "../route.ts";
import { versionRoutes } from "../version_routes.ts";
import { discoveryRoute } from "./discovery_routes.ts";
import { GROUPS_V1 } from "./groups_routes.ts";
import { errorResponseV1 } from "./responses.ts";
import { USERS_V1 } from "./users_routes.ts";

/** The v1 API: its routes and its error body. */
export const V1_ROUTES: VersionRoutes = versionRoutes({
  users: USERS_V1,
  groups: GROUPS_V1,
  // v1 names its discovery paths exactly: the segment is compared as sent.
  discovery: (collection, rawId) => discoveryRoute(collection, rawId),
  errorResponse: errorResponseV1,
});
