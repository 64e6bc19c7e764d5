/**
 * The SCIM v1 schema URNs: the core schema and the three user extensions Slack serves.
 *
 * @module
 */

/**
 * The SCIM 1.1 core schema URN, the first `schemas` entry of every v1 resource.
 *
 * @example Send a body of your own through apiCall
 * ```ts
 * import { CORE_SCHEMA_V1, SCIMClient, type User } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * // The typed methods fill `schemas` in; a body sent with apiCall must list the core URN itself.
 * const created = await client.apiCall<User>("POST", "Users", {
 *   body: { schemas: [CORE_SCHEMA_V1], userName: "cal", emails: [{ value: "cal@example.com" }] },
 * });
 * assert.equal(created.status, 201);
 * assert.deepEqual(created.body?.schemas, [CORE_SCHEMA_V1]);
 * ```
 */
export const CORE_SCHEMA_V1 = "urn:scim:schemas:core:1.0";

/**
 * The enterprise extension URN (`employeeNumber`, `department`, `manager`, …).
 *
 * @example Give a user a department
 * ```ts
 * import { ENTERPRISE_SCHEMA_V1, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const emails = [{ value: "cal@example.com" }];
 * const { user } = await client.createUser({ userName: "cal", emails });
 * assert.equal(user.schemas?.includes(ENTERPRISE_SCHEMA_V1), false);
 *
 * const patched = await client.patchUser(user.id!, {
 *   [ENTERPRISE_SCHEMA_V1]: { department: "Sales" },
 * });
 * assert.ok(patched.user.schemas?.includes(ENTERPRISE_SCHEMA_V1)); // listed once the user has it
 * assert.equal(patched.user[ENTERPRISE_SCHEMA_V1]?.department, "Sales");
 * ```
 */
export const ENTERPRISE_SCHEMA_V1 = "urn:scim:schemas:extension:enterprise:1.0";

/**
 * Slack's guest extension URN (multi-channel guests).
 *
 * @example Find the multi-channel guests and make one a full member
 * ```ts
 * import { GUEST_SCHEMA_V1, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 100 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const guests = await client.searchUsers({ count: 100, filter: "restricted eq true" });
 * const guest = guests.users[0]!;
 * assert.equal(guest[GUEST_SCHEMA_V1]?.type, "multi");
 *
 * // Removing the extension makes a full member.
 * const { user } = await client.removeUserAttributes(guest.id!, [GUEST_SCHEMA_V1]);
 * assert.equal(user[GUEST_SCHEMA_V1], undefined);
 * assert.equal(user.schemas?.includes(GUEST_SCHEMA_V1), false);
 * ```
 */
export const GUEST_SCHEMA_V1 = "urn:scim:schemas:extension:slack:guest:1.0";

/**
 * Slack's profile extension URN (`startDate`).
 *
 * @example Set a start date, then clear it
 * ```ts
 * import { PROFILE_SCHEMA_V1, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { user } = await client.createUser({
 *   userName: "new.hire",
 *   emails: [{ value: "new.hire@example.com" }],
 *   [PROFILE_SCHEMA_V1]: { startDate: "2024-04-10T00:00:00+0000" },
 * });
 * assert.ok(user.schemas?.includes(PROFILE_SCHEMA_V1)); // filled in by the client and kept
 * const cleared = await client.removeUserAttributes(user.id!, [`${PROFILE_SCHEMA_V1}.startDate`]);
 * assert.equal(cleared.user[PROFILE_SCHEMA_V1], undefined);
 * ```
 */
export const PROFILE_SCHEMA_V1 = "urn:scim:schemas:extension:slack:profile:1.0";
