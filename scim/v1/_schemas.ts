/**
 * Filling in `schemas`: Slack refuses a v1 write without it (`missing_schema_element`), and an
 * extension's attributes are only read when its URN is listed.
 *
 * @module
 */

import {
  CORE_SCHEMA_V1,
  ENTERPRISE_SCHEMA_V1,
  GUEST_SCHEMA_V1,
  PROFILE_SCHEMA_V1,
} from "./urns.ts";
import { isObject } from "../../common/is_object.ts";
import type { Group } from "./group.ts";
import type { User } from "./user.ts";

const USER_EXTENSIONS: readonly string[] = [
  ENTERPRISE_SCHEMA_V1,
  GUEST_SCHEMA_V1,
  PROFILE_SCHEMA_V1,
];

function merged(given: unknown, needed: readonly string[]): string[] {
  const list = Array.isArray(given)
    ? given.filter((urn) => typeof urn === "string" && urn !== "")
    : [];
  for (const urn of needed) if (!list.includes(urn)) list.push(urn);
  return list;
}

/**
 * Returns a copy of a user whose `schemas` lists the core URN and the URN of every extension the
 * user carries, after those the caller gave. Nothing else changes; the argument is not modified.
 *
 * @param user A user or a v1 PATCH body.
 * @returns The copy, `schemas` first.
 *
 * @example An enterprise attribute brings its URN
 * ```ts
 * import { withUserSchemas } from "./_schemas.ts";
 * import assert from "node:assert/strict";
 *
 * const body = withUserSchemas({
 *   userName: "cal",
 *   "urn:scim:schemas:extension:enterprise:1.0": { department: "Sales" },
 * });
 * assert.deepEqual(body.schemas, [
 *   "urn:scim:schemas:core:1.0",
 *   "urn:scim:schemas:extension:enterprise:1.0",
 * ]);
 * ```
 */
export function withUserSchemas(user: User): User {
  const { schemas, ...rest } = user;
  const needed = [CORE_SCHEMA_V1, ...USER_EXTENSIONS.filter((urn) => rest[urn] !== undefined)];
  return { schemas: merged(schemas, needed), ...rest };
}

/**
 * Returns a copy of a user read from Slack, ready to be sent back whole with PUT: Slack answers
 * `manager: {}` for a user without a manager but refuses that back
 * (`improper_enterprise_schema_format`), so an enterprise `manager` without a `managerId` is left
 * out, which PUT reads as the same "no manager". The argument is not modified.
 *
 * @param user A user as read.
 * @returns The copy.
 *
 * @example Send back a user who has no manager
 * ```ts
 * import { forReplace } from "./_schemas.ts";
 * import assert from "node:assert/strict";
 *
 * const read = { userName: "cal", "urn:scim:schemas:extension:enterprise:1.0": { department: "Ops", manager: {} } };
 * assert.deepEqual(forReplace(read)["urn:scim:schemas:extension:enterprise:1.0"], { department: "Ops" });
 * ```
 */
export function forReplace(user: User): User {
  const enterprise = user[ENTERPRISE_SCHEMA_V1];
  if (!isObject(enterprise) || !isEmptyManager(enterprise.manager)) return user;
  const { manager: _none, ...withoutManager } = enterprise;
  return { ...user, [ENTERPRISE_SCHEMA_V1]: withoutManager };
}

/** `{}` or `{ managerId: "" }`: what Slack returns for "no manager". */
function isEmptyManager(manager: unknown): boolean {
  return isObject(manager) &&
    Object.entries(manager).every(([key, value]) =>
      key === "managerId" && (value === "" || value === undefined || value === null)
    );
}

/**
 * Returns a copy of a group whose `schemas` includes the core URN. The argument is not modified.
 *
 * @param group A group or a v1 PATCH body.
 * @returns The copy, `schemas` first.
 *
 * @example Add the core URN
 * ```ts
 * import { withGroupSchemas } from "./_schemas.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(withGroupSchemas({ displayName: "Ops" }).schemas, ["urn:scim:schemas:core:1.0"]);
 * ```
 */
export function withGroupSchemas(group: Group): Group {
  const { schemas, ...rest } = group;
  return { schemas: merged(schemas, [CORE_SCHEMA_V1]), ...rest };
}
