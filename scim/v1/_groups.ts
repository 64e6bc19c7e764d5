// Internal: the group methods of `SCIMClient` (documented there), each one operation of the spec
// sent through the transport.

import { isRequestFailedError } from "../../retry/request_failed_error.ts";
import type { SCIMTransport } from "../transport.ts";
import type { CallOptions } from "../transport.ts";
import type { SearchOptions } from "../client_options.ts";
import type { EmptyResponse } from "../response.ts";
import type { GroupResponse, SearchGroupsResponse } from "./responses.ts";
import { recoverDeletedGroup } from "../_recovery.ts";
import type { Group } from "./models.ts";
import type { NewGroup } from "./new_group.ts";
import type { paths } from "./schema.gen.ts";
import { checkId, checkReplaced, checkResource, searchQuery } from "../_arguments.ts";
import { type Answer, emptyBody, listBody, meta, resourceBody } from "../_exchange.ts";
import { withGroupSchemas } from "./_schemas.ts";

type V1 = SCIMTransport<paths>;

/** The response of a call that returns a group. */
function groupOf(answer: Answer): GroupResponse {
  return { ...meta(answer), group: resourceBody(answer, "a group") as Group };
}

export async function searchGroups(
  t: V1,
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

export async function readGroup(t: V1, id: string, options?: CallOptions): Promise<GroupResponse> {
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
  t: V1,
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
  t: V1,
  id: string,
  partialGroup: Group,
  options?: CallOptions,
): Promise<EmptyResponse> {
  checkId("patchGroup", "id", id);
  checkResource("patchGroup", "partialGroup", partialGroup);
  const body = withGroupSchemas(partialGroup);
  return emptyBody(
    await t.call(
      "patchGroup",
      options,
      (init) => t.openapi.PATCH("/Groups/{id}", { ...init, params: { path: { id } }, body }),
      { write: true },
    ),
  );
}

export async function updateGroup(
  t: V1,
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
  t: V1,
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
