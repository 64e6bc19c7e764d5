/**
 * RFC 7644 PATCH of a group, as Slack applies it: `displayName`, and `members` added
 * (`add`), replaced as a whole list (`replace`), removed all (`remove` without a filter), removed
 * by value filter (`members[value eq U123]`, unquoted as in Slack's examples, or quoted), or
 * removed by the values listed (`remove` with `"value": [{"value": "U123"}]`, as some IdPs send
 * it). Members added must be active full members, as in v1; at most 15,000 per operation.
 *
 * @module
 */

import { fail } from "../responses.ts";
import type { GroupRecord, Store } from "../store.ts";
import { groupName, readMembers } from "../group_rules.ts";
import { isObject } from "../../../common/is_object.ts";
import { memberDisplay } from "../wire_values.ts";
import { parsePatchPath } from "./patch_path.ts";
import { asList, itemMatcher, type PatchOperation, withPaths } from "./patch_ops.ts";
import { GROUP_SCHEMA_V2 } from "./responses.ts";

/** What a group PATCH may name but never changes. */
const IGNORED = new Set(["id", "externalid", "meta", "schemas"]);

/**
 * Applies one PATCH operation to a group (a copy: the caller stores it only if every operation
 * passes).
 *
 * @param group The group to change.
 * @param operation The operation.
 * @param store Where members are looked up.
 */
export function applyGroupOperation(
  group: GroupRecord,
  operation: PatchOperation,
  store: Store,
): void {
  for (const one of withPaths(operation)) applyPathOperation(group, one, store);
}

function applyPathOperation(
  group: GroupRecord,
  { op, path, value }: PatchOperation & { path: string },
  store: Store,
): void {
  const parsed = parsePatchPath(path, [GROUP_SCHEMA_V2]);
  if (IGNORED.has(parsed.attribute)) return;
  if (parsed.subAttribute !== undefined) fail("invalid_request_payload");
  if (parsed.attribute === "displayname") {
    if (parsed.filter !== undefined || op === "remove") fail("invalid_display_name");
    group.displayName = groupName(value);
    return;
  }
  if (parsed.attribute !== "members") fail("invalid_request_payload");
  if (parsed.filter !== undefined) {
    if (op !== "remove") fail("invalid_request_payload");
    const matches = itemMatcher(parsed.filter, ["value", "display"]);
    for (const id of [...group.members]) {
      if (matches({ value: id, display: memberDisplay(id, store) })) group.members.delete(id);
    }
    return;
  }
  if (op === "remove") {
    if (value === undefined) group.members.clear();
    else for (const id of memberIds(value)) group.members.delete(id);
    return;
  }
  const { add } = readMembers(asList(value), store);
  if (op === "replace") group.members.clear();
  for (const id of add) group.members.add(id);
}

function memberIds(value: unknown): string[] {
  return asList(value).map((item) =>
    isObject(item) && typeof item.value === "string" ? item.value : fail("invalid_request_payload")
  );
}
