// Internal: filling in `schemas` on v2 writes: the core URN first, then the URN of each
// extension the resource carries, after those the caller gave.

import { isObject } from "../../common/is_object.ts";
import type { Group } from "./group.ts";
import {
  ENTERPRISE_SCHEMA_V2,
  GROUP_SCHEMA_V2,
  GUEST_SCHEMA_V2,
  PROFILE_SCHEMA_V2,
  USER_SCHEMA_V2,
} from "./urns.ts";
import type { User } from "./user.ts";

const USER_EXTENSIONS: readonly string[] = [
  ENTERPRISE_SCHEMA_V2,
  GUEST_SCHEMA_V2,
  PROFILE_SCHEMA_V2,
];

function merged(given: unknown, needed: readonly string[]): string[] {
  const list = Array.isArray(given)
    ? given.filter((urn) => typeof urn === "string" && urn !== "")
    : [];
  for (const urn of needed) if (!list.includes(urn)) list.push(urn);
  return list;
}

/**
 * Returns a copy of a user whose `schemas` lists the v2 core URN and the URN of every extension
 * the user carries, after those the caller gave. The argument is not modified.
 *
 * @param user A user to create or replace.
 * @returns The copy, `schemas` first.
 */
export function withUserSchemas(user: User): User {
  const { schemas, ...rest } = user;
  const needed = [USER_SCHEMA_V2, ...USER_EXTENSIONS.filter((urn) => rest[urn] !== undefined)];
  return { schemas: merged(schemas, needed), ...rest };
}

/**
 * Returns a copy of a group whose `schemas` includes the v2 core group URN. The argument is not
 * modified.
 *
 * @param group A group to create or replace.
 * @returns The copy, `schemas` first.
 */
export function withGroupSchemas(group: Group): Group {
  const { schemas, ...rest } = group;
  return { schemas: merged(schemas, [GROUP_SCHEMA_V2]), ...rest };
}

/** `{}` or `{ managerId: null | "" }`: what Slack answers for "no manager". */
function isEmptyManager(manager: unknown): boolean {
  return isObject(manager) &&
    Object.entries(manager).every(([key, value]) =>
      key === "managerId" && (value === "" || value === undefined || value === null)
    );
}

/**
 * Returns a copy of a user read from Slack, ready to be sent back whole with PUT: Slack's v2
 * answers carry `manager: { managerId: null }` for a user without a manager but refuse a manager
 * without an id (`improper_enterprise_schema_format`), so that `manager` is left out, which PUT
 * reads as the same "no manager". The argument is not modified.
 */
export function forReplace(user: User): User {
  const enterprise = user[ENTERPRISE_SCHEMA_V2];
  if (!isObject(enterprise) || !isEmptyManager(enterprise.manager)) return user;
  const { manager: _none, ...withoutManager } = enterprise;
  return { ...user, [ENTERPRISE_SCHEMA_V2]: withoutManager };
}
