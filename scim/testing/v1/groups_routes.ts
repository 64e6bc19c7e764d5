/**
 * The v1 `/Groups` endpoints: the shared ones (`../groups_resource.ts`) with v1's group and list
 * shapes and SCIM 1.1 PATCH.
 *
 * @module
 */

import { groupRoutes } from "../groups_resource.ts";
import { requireSchemas } from "../responses.ts";
import type { ResourceRoutes } from "../version_routes.ts";
import { applyGroupPatch } from "./patch.ts";
import { groupToV1 } from "./resources.ts";
import { listBodyV1 } from "./responses.ts";

/**
 * The v1 `/Groups` handlers. `PUT` needs `members`, as `POST` does; `PATCH` is SCIM 1.1 (name,
 * and `members` items added or, with `"operation": "delete"`, removed) and answers 204 with no
 * body.
 */
export const GROUPS_V1: ResourceRoutes = groupRoutes({
  replaceMayOmitMembers: false,
  patchAnswersGroup: false,
  toWire: groupToV1,
  listBody: listBodyV1,
  patch(group, body, store) {
    requireSchemas(body);
    applyGroupPatch(group, body, store);
  },
});
