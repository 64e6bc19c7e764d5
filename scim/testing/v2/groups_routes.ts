/**
 * The v2 `/Groups` endpoints: the shared ones (`../groups_resource.ts`) with v2's group and
 * `ListResponse` shapes and RFC 7644 PATCH.
 *
 * @module
 */

import { groupRoutes } from "../groups_resource.ts";
import type { ResourceRoutes } from "../version_routes.ts";
import { applyGroupOperation } from "./group_patch.ts";
import { readPatchOperations } from "./patch_ops.ts";
import { groupToV2 } from "./resources.ts";
import { listBodyV2 } from "./responses.ts";

/**
 * The v2 `/Groups` handlers. `PUT` without `members` means none (Slack's v2 example sends only
 * `displayName` and answers `members: []`); `PATCH` is an RFC 7644 PatchOp body, applied whole or
 * not at all, and answers 200 with the group, as Slack's v2 examples do (v1 answers 204).
 */
export const GROUPS_V2: ResourceRoutes = groupRoutes({
  replaceMayOmitMembers: true,
  patchAnswersGroup: true,
  toWire: groupToV2,
  listBody: listBodyV2,
  patch(group, body, store) {
    for (const operation of readPatchOperations(body)) applyGroupOperation(group, operation, store);
  },
});
