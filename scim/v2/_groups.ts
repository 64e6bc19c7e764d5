// Internal: the group methods of `SCIM2Client` (documented there), each one operation of the v2
// spec sent through the transport.

import { isRequestFailedError } from "../../retry/request_failed_error.ts";
import type { SearchOptions } from "../client_options.ts";
import type { EmptyResponse } from "../response.ts";
import type { CallOptions, SCIMTransport } from "../transport.ts";
import { SCIMApiError } from "../errors.ts";
import { checkId, checkReplaced, checkResource, searchQuery } from "../_arguments.ts";
import { type Answer, emptyBody, listBody, meta, resourceBody } from "../_exchange.ts";
import { isObject } from "../../common/is_object.ts";
import { recoverDeletedGroup } from "../_recovery.ts";
import type { Group } from "./group.ts";
import type { NewGroup } from "./new_group.ts";
import { type GroupPatchOperation, patchOpBody, type UntypedOperation } from "./patch_op.ts";
import type { GroupResponse, PatchGroupResponse, SearchGroupsResponse } from "./responses.ts";
import type { paths } from "./schema.gen.ts";
import { withGroupSchemas } from "./_schemas.ts";

type V2 = SCIMTransport<paths>;

function groupOf(answer: Answer): GroupResponse {
  return { ...meta(answer), group: resourceBody(answer, "a group") as Group };
}

export async function searchGroups(
  t: V2,
  options: SearchOptions = {},
): Promise<SearchGroupsResponse> {
  const query = searchQuery("searchGroups", options);
  const answer = await t.call(
    "searchGroups",
    options,
    (init) => t.openapi.GET("/Groups", { ...init, params: { query } }),
  );
  const { resources, page } = listBody(answer, "a list of groups");
  return { ...page, groups: resources as Group[] };
}

export async function readGroup(t: V2, id: string, options?: CallOptions): Promise<GroupResponse> {
  checkId("readGroup", "id", id);
  return groupOf(
    await t.call(
      "readGroup",
      options,
      (init) => t.openapi.GET("/Groups/{id}", { ...init, params: { path: { id } } }),
    ),
  );
}

export async function createGroup(
  t: V2,
  group: NewGroup,
  options?: CallOptions,
): Promise<GroupResponse> {
  checkResource("createGroup", "group", group);
  const body = withGroupSchemas(group);
  try {
    return groupOf(
      await t.call(
        "createGroup",
        options,
        (init) => t.openapi.POST("/Groups", { ...init, body }),
        // Never re-sent after an attempt without an answer: names are not unique.
        { write: true, retryAfterSendFailure: false },
      ),
    );
  } catch (error) {
    if (isRequestFailedError(error) && error.mayHaveBeenApplied) {
      error.message += "; not retried: the group may have been created and a retry could " +
        "create a duplicate (display names are not unique), so search by displayName first";
    }
    throw error;
  }
}

export async function patchGroup(
  t: V2,
  id: string,
  operations: readonly (GroupPatchOperation | UntypedOperation)[],
  options?: CallOptions,
): Promise<PatchGroupResponse> {
  checkId("patchGroup", "id", id);
  const body = patchOpBody(operations);
  const answer = await t.call(
    "patchGroup",
    options,
    (init) => t.openapi.PATCH("/Groups/{id}", { ...init, params: { path: { id } }, body }),
    { write: true },
  );
  // 204 (no body) or 200 with the group, as Slack's v2 docs show; anything else is not success.
  if (answer.body === undefined) return { ...emptyBody(answer), group: undefined };
  if (isObject(answer.body) && typeof answer.body.id === "string" && answer.body.id !== "") {
    return { ...meta(answer), group: answer.body as Group };
  }
  throw new SCIMApiError(answer, { ...answer, expected: "the group or no body" });
}

export async function updateGroup(
  t: V2,
  group: Group,
  options?: CallOptions,
): Promise<GroupResponse> {
  const id = checkReplaced("updateGroup", "group", group);
  const body = withGroupSchemas(group);
  return groupOf(
    await t.call(
      "updateGroup",
      options,
      (init) => t.openapi.PUT("/Groups/{id}", { ...init, params: { path: { id } }, body }),
      { write: true },
    ),
  );
}

export async function deleteGroup(
  t: V2,
  id: string,
  options?: CallOptions,
): Promise<EmptyResponse> {
  checkId("deleteGroup", "id", id);
  try {
    return emptyBody(
      await t.call(
        "deleteGroup",
        options,
        (init) => t.openapi.DELETE("/Groups/{id}", { ...init, params: { path: { id } } }),
      ),
    );
  } catch (error) {
    // no_such_group after an attempt that may have deleted it: that attempt did.
    return recoverDeletedGroup(error, id, t.logger);
  }
}
