/**
 * The v2 `/Users` endpoints: the shared ones (`../users_resource.ts`, the same rules v1 writes
 * go through) with v2's URNs, user and `ListResponse` shapes, filters, RFC 7644 PATCH and a
 * 204 for DELETE.
 *
 * @module
 */

import type { FilterLiteral } from "../filter.ts";
import type { AttributeReader } from "../filter_evaluate.ts";
import type { UserRecord } from "../store.ts";
import { userRoutes } from "../users_resource.ts";
import type { ResourceRoutes } from "../version_routes.ts";
import { isPatchOp, readPatchOperations } from "./patch_ops.ts";
import { userToV2 } from "./resources.ts";
import {
  ENTERPRISE_SCHEMA_V2,
  GUEST_SCHEMA_V2,
  listBodyV2,
  PROFILE_SCHEMA_V2,
} from "./responses.ts";
import { applyUserOperation } from "./user_patch.ts";

/**
 * The v2-only filter attribute: `displayName` (as stored, no fallback). With the shared ones,
 * v2 users filter on `userName`, `email` and `emails` (also `emails.value`), `externalId`, and,
 * as the v1 routes do, `id`, `displayName` and `active`. `restricted` and `ultra_restricted` are
 * v1 only ("not applicable to SCIM v2.0"): `invalid_query`, like any attribute not listed.
 */
const USER_FILTERS: ReadonlyMap<string, AttributeReader<UserRecord>> = new Map<
  string,
  AttributeReader<UserRecord>
>([["displayname", (user): FilterLiteral[] => [user.displayName]]]);

/**
 * The v2 `/Users` handlers. `PATCH` takes an RFC 7644 PatchOp body, its operations applied in
 * order and stored only if all of them and the final checks pass; a body without the PatchOp
 * URN whose `schemas` names other URNs is applied as a partial resource, as Slack's own
 * profile-extension example sends it; a body without `schemas` is `missing_schema_element`.
 * `DELETE` deactivates and answers 204.
 */
export const USERS_V2: ResourceRoutes = userRoutes({
  urns: { enterprise: ENTERPRISE_SCHEMA_V2, guest: GUEST_SCHEMA_V2, profile: PROFILE_SCHEMA_V2 },
  filters: USER_FILTERS,
  emailFilters: ["email", "emails", "emails.value"],
  deactivateStatus: 204,
  toWire: userToV2,
  listBody: listBodyV2,
  patch(user, body, context, applyPartial) {
    if (isPatchOp(body) || body.Operations !== undefined) {
      for (const operation of readPatchOperations(body)) {
        applyUserOperation(user, operation, context.store);
      }
    } else {
      applyPartial(body);
    }
  },
});
