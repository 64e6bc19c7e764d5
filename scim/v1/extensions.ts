/**
 * The user extensions of SCIM v1 at Slack: enterprise (`urn:scim:schemas:extension:enterprise:1.0`),
 * Slack's guest and Slack's profile extensions.
 *
 * @module
 */

/**
 * The user's manager in the enterprise extension.
 *
 * @example Name a manager by email; Slack stores the manager's id
 * ```ts
 * import { ENTERPRISE_SCHEMA_V1, type EnterpriseUserManager, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const ada = await client.createUser({ userName: "ada", emails: [{ value: "ada@example.com" }] });
 * const manager: EnterpriseUserManager = { managerId: "ada@example.com" };
 * const { user } = await client.createUser({
 *   userName: "cal",
 *   emails: [{ value: "cal@example.com" }],
 *   [ENTERPRISE_SCHEMA_V1]: { manager },
 * });
 * assert.equal(user[ENTERPRISE_SCHEMA_V1]?.manager?.managerId, ada.user.id);
 * ```
 */
export type EnterpriseUserManager = {
  /** A Slack user id, an email or a userName. */
  managerId?: string;
  /** The manager's name, when Slack sends it. */
  displayName?: string;
};

/**
 * The enterprise extension, under the key {@linkcode ENTERPRISE_SCHEMA_V1}.
 *
 * @example HR attributes on a new user
 * ```ts
 * import { ENTERPRISE_SCHEMA_V1, type EnterpriseUserExtension, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const hr: EnterpriseUserExtension = {
 *   employeeNumber: "701984",
 *   costCenter: "4130",
 *   organization: "Example Corp",
 *   division: "Field Operations",
 *   department: "Sales",
 * };
 * const { user } = await client.createUser({
 *   userName: "cal",
 *   emails: [{ value: "cal@example.com" }],
 *   [ENTERPRISE_SCHEMA_V1]: hr,
 * });
 * assert.equal(user[ENTERPRISE_SCHEMA_V1]?.employeeNumber, "701984");
 * assert.equal(user[ENTERPRISE_SCHEMA_V1]?.department, "Sales");
 * ```
 */
export type EnterpriseUserExtension = {
  /** Employee number. */
  employeeNumber?: string;
  /** Cost center. */
  costCenter?: string;
  /** Organization. */
  organization?: string;
  /** Division. */
  division?: string;
  /** Department. */
  department?: string;
  /** Manager; `manager` without `managerId` gives `improper_enterprise_schema_format`. */
  manager?: EnterpriseUserManager;
};

/**
 * A channel a guest belongs to (read-only).
 *
 * @example List the channels of every multi-channel guest
 * ```ts
 * import { GUEST_SCHEMA_V1, SCIMClient, type SlackGuestChannel } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 100 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const guests = await client.searchUsers({ count: 100, filter: "restricted eq true" });
 * const channels: SlackGuestChannel[] = guests.users.flatMap(
 *   (guest) => guest[GUEST_SCHEMA_V1]?.channels ?? [],
 * );
 * assert.ok(channels.length > 0);
 * assert.ok(channels.every((channel) => channel.value?.startsWith("C")));
 * ```
 */
export type SlackGuestChannel = {
  /** The channel's id (`C…`). */
  value?: string;
  /** The channel's name. */
  display?: string;
};

/**
 * Slack's guest extension, under the key {@linkcode GUEST_SCHEMA_V1}: makes the user a
 * multi-channel guest (Enterprise plan only).
 *
 * @example Make a user a multi-channel guest until a date
 * ```ts
 * import { GUEST_SCHEMA_V1, SCIMClient, type SlackGuestExtension } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const emails = [{ value: "contractor@example.com" }];
 * const { user } = await client.createUser({ userName: "contractor", emails });
 * const guest: SlackGuestExtension = { type: "multi", expiration: "2030-12-31T00:00:00Z" };
 * const patched = await client.patchUser(user.id!, { [GUEST_SCHEMA_V1]: guest });
 * assert.equal(patched.user[GUEST_SCHEMA_V1]?.type, "multi");
 * assert.equal(patched.user[GUEST_SCHEMA_V1]?.expiration, "2030-12-31T00:00:00Z");
 * ```
 */
export type SlackGuestExtension = {
  /** Must be `"multi"` in requests. */
  type?: string;
  /** When the guest account expires (ISO 8601); optional. */
  expiration?: string;
  /** The guest's channels, in responses. */
  channels?: SlackGuestChannel[];
};

/**
 * Slack's profile extension, under the key {@linkcode PROFILE_SCHEMA_V1}.
 *
 * @example A new hire's start date
 * ```ts
 * import { PROFILE_SCHEMA_V1, SCIMClient, type SlackProfileExtension } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const profile: SlackProfileExtension = { startDate: "2024-04-10T00:00:00+0000" };
 * const { user } = await client.createUser({
 *   userName: "new.hire",
 *   emails: [{ value: "new.hire@example.com" }],
 *   [PROFILE_SCHEMA_V1]: profile,
 * });
 * assert.equal(user[PROFILE_SCHEMA_V1]?.startDate, "2024-04-10T00:00:00+0000");
 * ```
 */
export type SlackProfileExtension = {
  /** Start date, ISO 8601 such as `2024-04-10T00:00:00+0000`. */
  startDate?: string;
};
