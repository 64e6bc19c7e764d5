/**
 * The SCIM 2.0 schema URNs Slack's v2 API uses: resources, extensions and messages.
 *
 * @module
 */

/**
 * The core user schema URN, the first `schemas` entry of every v2 user.
 *
 * @example Tell a v2 user from a v1 one
 * ```ts
 * import { USER_SCHEMA_V2, type User } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const user: User = { schemas: [USER_SCHEMA_V2], id: "U123ABC456", userName: "cal" };
 * assert.ok(user.schemas?.includes("urn:ietf:params:scim:schemas:core:2.0:User"));
 * ```
 */
export const USER_SCHEMA_V2 = "urn:ietf:params:scim:schemas:core:2.0:User";

/**
 * The core group schema URN.
 *
 * @example A group as Slack's v2 docs create it
 * ```ts
 * import { type Group, GROUP_SCHEMA_V2 } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const group: Group = { schemas: [GROUP_SCHEMA_V2], displayName: "Ops", members: [] };
 * assert.equal(group.schemas?.[0], "urn:ietf:params:scim:schemas:core:2.0:Group");
 * ```
 */
export const GROUP_SCHEMA_V2 = "urn:ietf:params:scim:schemas:core:2.0:Group";

/**
 * The enterprise extension URN (`employeeNumber`, `department`, `manager`, …), also the key of
 * the extension's attributes on a user.
 *
 * @example Read a user's department
 * ```ts
 * import { ENTERPRISE_SCHEMA_V2, type User } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const user: User = { userName: "cal", [ENTERPRISE_SCHEMA_V2]: { department: "Sales" } };
 * assert.equal(user[ENTERPRISE_SCHEMA_V2]?.department, "Sales");
 * ```
 */
export const ENTERPRISE_SCHEMA_V2 = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/**
 * Slack's guest extension URN: present on multi-channel guests.
 *
 * @example Is this user a guest?
 * ```ts
 * import { GUEST_SCHEMA_V2, type User } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const user: User = { userName: "contractor", [GUEST_SCHEMA_V2]: { type: "multi" } };
 * assert.equal(user[GUEST_SCHEMA_V2] !== undefined, true);
 * ```
 */
export const GUEST_SCHEMA_V2 = "urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User";

/**
 * Slack's profile extension URN (`startDate`).
 *
 * @example A new hire's start date
 * ```ts
 * import { PROFILE_SCHEMA_V2, type User } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const user: User = {
 *   userName: "new.hire",
 *   [PROFILE_SCHEMA_V2]: { startDate: "2024-04-10T00:00:00+0000" },
 * };
 * assert.equal(user[PROFILE_SCHEMA_V2]?.startDate, "2024-04-10T00:00:00+0000");
 * ```
 */
export const PROFILE_SCHEMA_V2 = "urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User";

/**
 * The `schemas` entry of an RFC 7644 PATCH message.
 *
 * @example The body SCIM2Client sends for a PATCH
 * ```ts
 * import { PATCH_OP_SCHEMA_V2, patchOpBody } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const body = patchOpBody([{ op: "replace", path: "active", value: false }]);
 * assert.deepEqual(body.schemas, [PATCH_OP_SCHEMA_V2]);
 * ```
 */
export const PATCH_OP_SCHEMA_V2 = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/**
 * The `schemas` entry of a v2 list page.
 *
 * @example Recognise a list page
 * ```ts
 * import { LIST_RESPONSE_SCHEMA_V2 } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const page = { schemas: [LIST_RESPONSE_SCHEMA_V2], totalResults: 0, Resources: [] };
 * assert.equal(page.schemas[0], "urn:ietf:params:scim:api:messages:2.0:ListResponse");
 * ```
 */
export const LIST_RESPONSE_SCHEMA_V2 = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/**
 * The `schemas` entry of a v2 error body (`{schemas, detail, status}`).
 *
 * @example Slack's documented v2 error
 * ```ts
 * import { ERROR_SCHEMA_V2 } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const body = { schemas: [ERROR_SCHEMA_V2], detail: "missing_schema_element", status: 400 };
 * assert.equal(body.schemas[0], "urn:ietf:params:scim:api:messages:2.0:Error");
 * ```
 */
export const ERROR_SCHEMA_V2 = "urn:ietf:params:scim:api:messages:2.0:Error";
