/**
 * The user extensions of SCIM v2 at Slack: enterprise
 * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`), Slack's guest and Slack's
 * profile extensions.
 *
 * @module
 */

/**
 * The user's manager in the enterprise extension; Slack answers `{ managerId: null }` for none.
 *
 * @example Name a manager by email; Slack stores the manager's id
 * ```ts
 * import type { EnterpriseUserManager } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const manager: EnterpriseUserManager = { managerId: "ada@example.com" };
 * const none: EnterpriseUserManager = { managerId: null };
 * assert.equal(none.managerId ?? "no manager", "no manager");
 * assert.equal(manager.managerId, "ada@example.com");
 * ```
 */
export type EnterpriseUserManager = {
  /** A Slack user id, an email or a userName; `null` for none. */
  managerId?: string | null;
  /** The manager's name, when sent. */
  displayName?: string | null;
};

/**
 * The enterprise extension, under the key `ENTERPRISE_SCHEMA_V2`.
 *
 * @example HR attributes
 * ```ts
 * import type { EnterpriseUserExtension } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const hr: EnterpriseUserExtension = {
 *   employeeNumber: "701984",
 *   costCenter: "4130",
 *   organization: "Chicago Cubs",
 *   division: "Wrigley Field",
 *   department: "Tour Operations",
 *   manager: { managerId: "U123ABC456" },
 * };
 * assert.equal(hr.manager?.managerId, "U123ABC456");
 * ```
 */
export type EnterpriseUserExtension = {
  /** Employee number. */
  employeeNumber?: string | null;
  /** Cost center. */
  costCenter?: string | null;
  /** Organization. */
  organization?: string | null;
  /** Division. */
  division?: string | null;
  /** Department. */
  department?: string | null;
  /** Manager; `manager` without `managerId` gives `improper_enterprise_schema_format`. */
  manager?: EnterpriseUserManager;
};

/**
 * A channel a guest belongs to (read-only).
 *
 * @example A guest's channel ids
 * ```ts
 * import type { SlackGuestChannel } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const channels: SlackGuestChannel[] = [{ value: "C00000000", display: "project-x" }];
 * assert.ok(channels.every((channel) => channel.value?.startsWith("C")));
 * ```
 */
export type SlackGuestChannel = {
  /** The channel's id (`C…`). */
  value?: string;
  /** The channel's name. */
  display?: string | null;
};

/**
 * Slack's guest extension, under the key `GUEST_SCHEMA_V2`: makes the user a multi-channel guest
 * (Enterprise plan only).
 *
 * @example A guest until the end of November
 * ```ts
 * import type { SlackGuestExtension } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const guest: SlackGuestExtension = { type: "multi", expiration: "2024-11-30T23:59:59Z" };
 * assert.equal(guest.type, "multi");
 * ```
 */
export type SlackGuestExtension = {
  /** Must be `"multi"` in requests. */
  type?: string;
  /** When the guest account expires (ISO 8601); optional. */
  expiration?: string | null;
  /** The guest's channels, in responses. */
  channels?: SlackGuestChannel[];
};

/**
 * Slack's profile extension, under the key `PROFILE_SCHEMA_V2`.
 *
 * @example A start date
 * ```ts
 * import type { SlackProfileExtension } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const profile: SlackProfileExtension = { startDate: "2024-04-10T00:00:00+0000" };
 * assert.equal(profile.startDate?.slice(0, 10), "2024-04-10");
 * ```
 */
export type SlackProfileExtension = {
  /** Start date, ISO 8601 such as `2024-04-10T00:00:00+0000`; `null` when unset. */
  startDate?: string | null;
};
