/**
 * Slack's SCIM v2 API on the shared store: its users, groups and discovery handlers and its
 * error body, behind the route table every version shares (`../version_routes.ts`). The
 * simulator picks this table for `/scim/v2/…` URLs.
 *
 * @module
 */

import type { VersionRoutes } from "../route.ts";
import { decodeSegment, versionRoutes } from "../version_routes.ts";
import { discoveryRoute } from "./discovery_routes.ts";
import { GROUPS_V2 } from "./groups_routes.ts";
import { errorResponseV2 } from "./responses.ts";
import { USERS_V2 } from "./users_routes.ts";

/** The v2 API: its routes and its error body. */
export const V2_ROUTES: VersionRoutes = versionRoutes({
  users: USERS_V2,
  groups: GROUPS_V2,
  // v2 decodes the segment, so `Schemas/{URN}` may be sent encoded.
  discovery: (collection, rawId, context) =>
    discoveryRoute(
      collection,
      rawId === undefined ? undefined : decodeSegment(rawId, "bad_endpoint"),
      context.base,
    ),
  errorResponse: errorResponseV2,
});
