/**
 * The v1 `/Users` endpoints: the shared ones (`../users_resource.ts`) with v1's URNs, user and
 * list shapes, filters, SCIM 1.1 PATCH and a 200 for DELETE.
 *
 * @module
 */

import type { FilterLiteral } from "../filter.ts";
import type { AttributeReader } from "../filter_evaluate.ts";
import { requireSchemas } from "../responses.ts";
import type { UserRecord } from "../store.ts";
import { userRoutes } from "../users_resource.ts";
import type { ResourceRoutes } from "../version_routes.ts";
import { applyPatchMetaAttributes } from "./patch.ts";
import { userToV1 } from "./resources.ts";
import {
  ENTERPRISE_SCHEMA_V1,
  GUEST_SCHEMA_V1,
  listBodyV1,
  PROFILE_SCHEMA_V1,
} from "./responses.ts";

/**
 * The v1-only filter attributes: Slack's documented `restricted` and `ultra_restricted`, and,
 * more lenient than Slack, `displayName` (the `userName` when unset). With the shared ones,
 * users filter on Slack's documented `userName` and `email`, and, more lenient than Slack (a
 * filter that passes here may get 400 from Slack), `id`, `externalId`, `displayName` and
 * `active`.
 */
const USER_FILTERS: ReadonlyMap<string, AttributeReader<UserRecord>> = new Map<
  string,
  AttributeReader<UserRecord>
>([
  ["restricted", (user) => [user.guest?.type === "multi"]],
  ["ultra_restricted", (user) => [user.guest?.type === "single"]],
  ["displayname", (user): FilterLiteral[] => [user.displayName || user.userName]],
]);

/**
 * The v1 `/Users` handlers. `GET /Users` filters on Slack's documented `userName`, `email`,
 * `restricted` and `ultra_restricted`, and, more lenient than Slack, `id`, `externalId`,
 * `displayName` and `active`; `PUT` with `active: true` reactivates; `PATCH` is SCIM 1.1 (a
 * partial resource, `meta.attributes` removals first; see `patch.ts`); `DELETE` deactivates
 * and answers 200 with an empty body.
 */
export const USERS_V1: ResourceRoutes = userRoutes({
  urns: { enterprise: ENTERPRISE_SCHEMA_V1, guest: GUEST_SCHEMA_V1, profile: PROFILE_SCHEMA_V1 },
  filters: USER_FILTERS,
  emailFilters: ["email"],
  deactivateStatus: 200,
  toWire: userToV1,
  listBody: listBodyV1,
  patch(user, body, _context, applyPartial) {
    requireSchemas(body);
    // SCIM 1.1: removals in meta.attributes happen before the attributes sent are applied.
    applyPatchMetaAttributes(user, body.meta);
    applyPartial(body);
  },
});
