/**
 * The `/Groups` endpoints of every version on the shared store: list, read, create, replace,
 * patch and delete, with the group rules every write goes through. A version gives its
 * {@linkcode GroupWire}: its shape of a group and of a list, its PATCH form and answer, and
 * whether a PUT may leave `members` out.
 *
 * @module
 */

import type { AttributeReader } from "./filter_evaluate.ts";
import { groupName, readMembers } from "./group_rules.ts";
import { fail, readJsonObject, requireSchemas } from "./responses.ts";
import {
  answerList,
  type AttributeIndex,
  type ListPage,
  type RouteContext,
  type RouteResult,
} from "./route.ts";
import type { GroupRecord, Store } from "./store.ts";
import type { ResourceRoutes } from "./version_routes.ts";

/** What a version's `/Groups` endpoints differ in. */
export interface GroupWire {
  /** Whether a PUT without `members` means no members (v2's example) rather than a bad body. */
  readonly replaceMayOmitMembers: boolean;
  /** Whether PATCH answers 200 with the group (v2) rather than 204 with no body (v1). */
  readonly patchAnswersGroup: boolean;
  /**
   * A group as the version answers it.
   *
   * @param group The stored group.
   * @param context The route context.
   */
  toWire(group: GroupRecord, context: RouteContext): Record<string, unknown>;
  /**
   * The version's list body.
   *
   * @param page The page, resources already in the version's shape.
   */
  listBody(page: ListPage): Record<string, unknown>;
  /**
   * Applies a PATCH body to a copy of the stored group, in the version's PATCH form.
   *
   * @param group The copy to change (its `members` a copy too).
   * @param body The request body.
   * @param store The directory.
   */
  patch(group: GroupRecord, body: Record<string, unknown>, store: Store): void;
}

/** Groups filter on `displayName` (Slack's docs) and, more lenient than Slack, `id`. */
const GROUP_FILTERS: ReadonlyMap<string, AttributeReader<GroupRecord>> = new Map<
  string,
  AttributeReader<GroupRecord>
>([
  ["displayname", (group) => [group.displayName]],
  ["id", (group) => [group.id]],
]);

/**
 * The `/Groups` handlers of a version.
 *
 * @param wire What the version's endpoints differ in.
 * @returns The handlers, for {@linkcode versionRoutes}.
 */
export function groupRoutes(wire: GroupWire): ResourceRoutes {
  const requireGroup = (id: string, context: RouteContext): GroupRecord =>
    context.store.groups.get(id) ?? fail("no_such_group", 404);

  /**
   * The name and members of a create or PUT body. `members` is required on create in every
   * version (Slack's docs: `displayName` and `members`); only a v2 PUT may leave it out.
   */
  const readGroupBody = (
    body: Record<string, unknown>,
    context: RouteContext,
    mayOmitMembers: boolean,
  ) => {
    requireSchemas(body);
    const displayName = groupName(body.displayName);
    const { add } = mayOmitMembers && (body.members === undefined || body.members === null)
      ? { add: [] }
      : readMembers(body.members, context.store);
    return { displayName, members: new Set(add) };
  };

  const answer = (status: number, group: GroupRecord, context: RouteContext): RouteResult => ({
    status,
    body: wire.toWire(group, context),
  });

  return {
    notFound: "no_such_group",

    list(url, context) {
      const { groups } = context.store;
      const byName: AttributeIndex<GroupRecord> = (key) =>
        groups.idsByDisplayName(key).map((id) => groups.get(id) as GroupRecord);
      return answerList(url, {
        source: groups,
        filters: GROUP_FILTERS,
        indexes: new Map([["displayname", byName]]),
        toWire: (group) => wire.toWire(group, context),
        listBody: wire.listBody,
      });
    },

    read(id, context) {
      return answer(200, requireGroup(id, context), context);
    },

    // `displayName` and `members` required; 201.
    async create(request, context) {
      const body = await readJsonObject(request);
      const { displayName, members } = readGroupBody(body, context, false);
      const group: GroupRecord = {
        id: context.store.newId("S"),
        displayName,
        members,
        created: context.now(),
        linkedToChannels: false,
      };
      context.store.groups.set(group.id, group);
      return answer(201, group, context);
    },

    // Replaces the name and the members; 200.
    async replace(id, request, context) {
      const stored = requireGroup(id, context);
      const body = await readJsonObject(request);
      // A new record through set(), so the name index follows the rename.
      const group: GroupRecord = {
        ...stored,
        ...readGroupBody(body, context, wire.replaceMayOmitMembers),
      };
      context.store.groups.set(group.id, group);
      return answer(200, group, context);
    },

    // Applied whole or not at all.
    async patch(id, request, context) {
      const stored = requireGroup(id, context);
      const body = await readJsonObject(request);
      const group = { ...stored, members: new Set(stored.members) };
      wire.patch(group, body, context.store);
      context.store.groups.set(group.id, group);
      return wire.patchAnswersGroup ? answer(200, group, context) : { status: 204 };
    },

    // Deletes for good (204), unless linked to channels.
    remove(id, context) {
      const group = requireGroup(id, context);
      if (group.linkedToChannels) fail("idp_group_linked_to_channels");
      context.store.groups.delete(id);
      return { status: 204 };
    },
  };
}
