/**
 * The v1 `/Groups` endpoints: the wire format of a group, and list, read, create, replace,
 * patch and delete.
 *
 * @module
 */

import type { AttributeReader } from "../filter_evaluate.ts";
import { groupName, readMembers } from "../group_rules.ts";
import { applyGroupPatch } from "./patch.ts";
import { fail, readJsonObject } from "../responses.ts";
import { CORE_SCHEMA_V1, listBodyV1 } from "./responses.ts";
import {
  type AttributeIndex,
  compileQuery,
  formatCreated,
  listPage,
  readPaging,
  type RouteContext,
  type RouteResult,
} from "../route.ts";
import type { GroupRecord } from "../store.ts";

/**
 * A group in Slack's v1 shape; each member's `display` is the user's display name.
 *
 * @param group The stored group.
 * @param context The route context.
 * @returns The JSON object.
 */
export function groupToV1(group: GroupRecord, context: RouteContext): Record<string, unknown> {
  return {
    schemas: [CORE_SCHEMA_V1],
    id: group.id,
    displayName: group.displayName,
    members: [...group.members].map((id) => {
      const user = context.store.users.peek(id);
      return { value: id, display: user === undefined ? "" : user.displayName || user.userName };
    }),
    meta: { created: formatCreated(group.created), location: `${context.base}Groups/${group.id}` },
  };
}

const GROUP_FILTERS: ReadonlyMap<string, AttributeReader<GroupRecord>> = new Map<
  string,
  AttributeReader<GroupRecord>
>([
  ["displayname", (group) => [group.displayName]],
  ["id", (group) => [group.id]],
]);

/**
 * `GET /Groups`: a page of groups, optionally filtered on Slack's documented `displayName`, or,
 * more lenient than Slack, on `id`.
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
    body: listBodyV1({
      totalResults,
      startIndex: paging.startIndex,
      resources: resources.map((group) => groupToV1(group, context)),
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
  return { status: 200, body: groupToV1(requireGroup(id, context), context) };
}

/**
 * `POST /Groups`: `displayName` and `members` required; 201 with the group.
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
  return { status: 201, body: groupToV1(group, context) };
}

/**
 * `PUT /Groups/{id}`: replaces name and members; 200 with the group.
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
  const { add } = readMembers(body.members, context.store);
  // A new record through set(), so the name index follows the rename.
  const group: GroupRecord = { ...stored, displayName, members: new Set(add) };
  context.store.groups.set(group.id, group);
  return { status: 200, body: groupToV1(group, context) };
}

/**
 * `PATCH /Groups/{id}`: name and member changes; 204 with no body.
 *
 * @param id The id.
 * @param request The request.
 * @param context The route context.
 * @returns An empty 204.
 */
export async function patchGroup(
  id: string,
  request: Request,
  context: RouteContext,
): Promise<RouteResult> {
  const stored = requireGroup(id, context);
  const body = await readJsonObject(request);
  requireSchemas(body);
  const group = { ...stored, members: new Set(stored.members) };
  applyGroupPatch(group, body, context.store);
  context.store.groups.set(group.id, group);
  return { status: 204 };
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
