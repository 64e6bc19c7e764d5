/**
 * The v2 `/Groups` endpoints on the shared store: list, read, create, replace, patch (RFC 7644)
 * and delete.
 *
 * @module
 */

import type { AttributeReader } from "../filter_evaluate.ts";
import { groupName, readMembers } from "../group_rules.ts";
import { fail, readJsonObject } from "../responses.ts";
import {
  type AttributeIndex,
  compileQuery,
  listPage,
  readPaging,
  type RouteContext,
  type RouteResult,
} from "../route.ts";
import type { GroupRecord } from "../store.ts";
import { applyGroupOperation } from "./group_patch.ts";
import { readPatchOperations } from "./patch_ops.ts";
import { groupToV2 } from "./resources.ts";
import { listBodyV2 } from "./responses.ts";

/** Groups filter on `displayName` (Slack's docs) and, as in v1, `id`. */
const GROUP_FILTERS: ReadonlyMap<string, AttributeReader<GroupRecord>> = new Map<
  string,
  AttributeReader<GroupRecord>
>([
  ["displayname", (group) => [group.displayName]],
  ["id", (group) => [group.id]],
]);

/**
 * `GET /Groups`: a `ListResponse` page of groups, optionally filtered.
 *
 * @param url The request URL.
 * @param context The route context.
 * @returns The list body.
 */
export function listGroups(url: URL, context: RouteContext): RouteResult {
  const { groups } = context.store;
  const indexes = new Map<string, AttributeIndex<GroupRecord>>([
    [
      "displayname",
      (key) => groups.idsByDisplayName(key).map((id) => groups.get(id) as GroupRecord),
    ],
  ]);
  const query = compileQuery(url.searchParams.get("filter"), GROUP_FILTERS, indexes);
  const paging = readPaging(url);
  const { totalResults, resources } = listPage(groups, query, paging);
  return {
    status: 200,
    body: listBodyV2({
      totalResults,
      startIndex: paging.startIndex,
      resources: resources.map((group) => groupToV2(group, context)),
    }),
  };
}

function requireGroup(id: string, context: RouteContext): GroupRecord {
  return context.store.groups.get(id) ?? fail("no_such_group", 404);
}

function requireSchemas(body: Record<string, unknown>): void {
  if (!Array.isArray(body.schemas) || body.schemas.length === 0) fail("missing_schema_element");
}

/**
 * `GET /Groups/{id}`.
 *
 * @param id The id.
 * @param context The route context.
 * @returns The group.
 */
export function readGroup(id: string, context: RouteContext): RouteResult {
  return { status: 200, body: groupToV2(requireGroup(id, context), context) };
}

/**
 * `POST /Groups`: `displayName` and `members` required, as in v1; 201 with the group.
 *
 * @param request The request.
 * @param context The route context.
 * @returns The new group.
 */
export async function createGroup(request: Request, context: RouteContext): Promise<RouteResult> {
  const body = await readJsonObject(request);
  requireSchemas(body);
  const displayName = groupName(body.displayName);
  const { add } = readMembers(body.members, context.store);
  const group: GroupRecord = {
    id: context.store.newId("S"),
    displayName,
    members: new Set(add),
    created: context.now(),
    linkedToChannels: false,
  };
  context.store.groups.set(group.id, group);
  return { status: 201, body: groupToV2(group, context) };
}

/**
 * `PUT /Groups/{id}`: replaces the name and the members; members left out means none (Slack's
 * v2 example sends only `displayName` and answers `members: []`). 200 with the group.
 *
 * @param id The id.
 * @param request The request.
 * @param context The route context.
 * @returns The group.
 */
export async function replaceGroup(
  id: string,
  request: Request,
  context: RouteContext,
): Promise<RouteResult> {
  const stored = requireGroup(id, context);
  const body = await readJsonObject(request);
  requireSchemas(body);
  const displayName = groupName(body.displayName);
  const { add } = body.members === undefined || body.members === null
    ? { add: [] }
    : readMembers(body.members, context.store);
  context.store.groups.set(id, { ...stored, displayName, members: new Set(add) });
  return { status: 200, body: groupToV2(requireGroup(id, context), context) };
}

/**
 * `PATCH /Groups/{id}`: an RFC 7644 PatchOp body, applied whole or not at all; 200 with the
 * group, as Slack's v2 examples answer (v1 answers 204).
 *
 * @param id The id.
 * @param request The request.
 * @param context The route context.
 * @returns The group.
 */
export async function patchGroup(
  id: string,
  request: Request,
  context: RouteContext,
): Promise<RouteResult> {
  const stored = requireGroup(id, context);
  const body = await readJsonObject(request);
  const operations = readPatchOperations(body);
  const group = { ...stored, members: new Set(stored.members) };
  for (const operation of operations) applyGroupOperation(group, operation, context.store);
  context.store.groups.set(group.id, group);
  return { status: 200, body: groupToV2(group, context) };
}

/**
 * `DELETE /Groups/{id}`: deletes for good (204), unless linked to channels.
 *
 * @param id The id.
 * @param context The route context.
 * @returns An empty 204.
 */
export function deleteGroup(id: string, context: RouteContext): RouteResult {
  const group = requireGroup(id, context);
  if (group.linkedToChannels) fail("idp_group_linked_to_channels");
  context.store.groups.delete(id);
  return { status: 204 };
}
