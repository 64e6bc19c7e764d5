/**
 * The v2 user (`urn:ietf:params:scim:schemas:core:2.0:User`) and its parts; Slack's
 * enterprise, guest and profile extensions are in `extensions.ts`.
 *
 * Slack's v2 answers carry `null` where v1 leaves an attribute out (`"userType": null`,
 * `"manager": {"managerId": null}`) and `""` for unset strings (`"externalId": ""`): string
 * attributes are typed `string | null`. `User` keeps attributes this type does not know.
 *
 * @module
 */

import type {
  EnterpriseUserExtension,
  SlackGuestExtension,
  SlackProfileExtension,
} from "./extensions.ts";
import type { Meta } from "./meta.ts";

/**
 * The parts of a user's name; Slack keeps `givenName`, `familyName` and `honorificPrefix`.
 *
 * @example A name, and the null Slack answers for a cleared part
 * ```ts
 * import type { UserName } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const name: UserName = { givenName: "Jay", familyName: "Doe", honorificPrefix: null };
 * assert.equal([name.givenName, name.familyName].join(" "), "Jay Doe");
 * ```
 */
export type UserName = {
  /** First name. */
  givenName?: string | null;
  /** Last name. */
  familyName?: string | null;
  /** Such as "Ms.". */
  honorificPrefix?: string | null;
  /** The full name, when sent. */
  formatted?: string | null;
};

/**
 * An email address. Slack keeps two; the primary is `primary: true`, then `type: "work"`, then
 * the first.
 *
 * @example The primary address of a user
 * ```ts
 * import type { UserEmail } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const emails: UserEmail[] = [
 *   { value: "pam@example.com", primary: false },
 *   { value: "pamhalpert@example.com", primary: true },
 * ];
 * assert.equal(emails.find((email) => email.primary)?.value, "pamhalpert@example.com");
 * ```
 */
export type UserEmail = {
  /** The address. */
  value?: string | null;
  /** Such as "work" or "home". */
  type?: string | null;
  /** Whether this is the primary address. */
  primary?: boolean;
  /** A display form, when sent. */
  display?: string | null;
};

/**
 * A postal address. Slack keeps one and does not store its `type`; a cleared address comes back
 * with every part `null`.
 *
 * @example An office address
 * ```ts
 * import type { UserAddress } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const office: UserAddress = {
 *   streetAddress: "1060 W Addison St",
 *   locality: "Chicago",
 *   region: "IL",
 *   postalCode: "60613",
 *   country: "USA",
 *   primary: true,
 * };
 * assert.equal(office.locality, "Chicago");
 * ```
 */
export type UserAddress = {
  /** Street and number. */
  streetAddress?: string | null;
  /** City. */
  locality?: string | null;
  /** State or region. */
  region?: string | null;
  /** Postal code. */
  postalCode?: string | null;
  /** Country. */
  country?: string | null;
  /** The whole address as one string, when sent. */
  formatted?: string | null;
  /** Such as "work" (not stored by Slack). */
  type?: string | null;
  /** Whether this is the primary address. */
  primary?: boolean;
};

/**
 * A phone number. Slack keeps two; in a request `type: "mobile"` means the primary phone, in a
 * response it marks the mobile one.
 *
 * @example A desk phone and a mobile
 * ```ts
 * import type { UserPhoneNumber } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const phones: UserPhoneNumber[] = [
 *   { value: "555-555-5555", type: "work" },
 *   { value: "555-555-4444", type: "mobile" },
 * ];
 * assert.equal(phones.find((phone) => phone.type === "mobile")?.value, "555-555-4444");
 * ```
 */
export type UserPhoneNumber = {
  /** The number (`null` once cleared). */
  value?: string | null;
  /** Such as "work" or "mobile". */
  type?: string | null;
  /** Whether this is the primary number. */
  primary?: boolean;
  /** A display form, when sent. */
  display?: string | null;
};

/**
 * A photo: a URL or a `data:` URL. Slack keeps one.
 *
 * @example A profile photo
 * ```ts
 * import type { UserPhoto } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const photo: UserPhoto = { value: "https://photos.example.com/profilephoto.jpg", primary: true };
 * assert.ok(photo.value?.startsWith("https://"));
 * ```
 */
export type UserPhoto = {
  /** The URL. */
  value?: string | null;
  /** Such as "photo". */
  type?: string | null;
  /** Whether this is the primary photo. */
  primary?: boolean;
  /** A display form, when sent. */
  display?: string | null;
};

/**
 * A role. Slack keeps one, accepts roles as plain strings too, and its docs send `primary` as
 * the string `"true"`.
 *
 * @example The primary role, whichever form it came in
 * ```ts
 * import type { UserRole } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const roles: (UserRole | string)[] = [{ value: "Tech Lead", primary: "true" }];
 * const primary = roles.find((role) =>
 *   typeof role !== "string" && String(role.primary) === "true"
 * );
 * assert.deepEqual(primary, { value: "Tech Lead", primary: "true" });
 * ```
 */
export type UserRole = {
  /** The role. */
  value?: string | null;
  /** Its kind, when sent. */
  type?: string | null;
  /** Whether this is the primary role (a boolean, or Slack's string `"true"`). */
  primary?: boolean | string;
  /** A display form, when sent. */
  display?: string | null;
};

/**
 * A group the user belongs to (read-only on the user: change it through the group).
 *
 * @example The ids of a user's groups
 * ```ts
 * import type { UserGroup } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const groups: UserGroup[] = [{ value: "S123ABC456", display: "SCIM V2 Test Group" }];
 * assert.deepEqual(groups.map((group) => group.value), ["S123ABC456"]);
 * ```
 */
export type UserGroup = {
  /** The group's id (`S…`). */
  value?: string;
  /** The group's name. */
  display?: string | null;
  /** The kind of membership, when sent. */
  type?: string | null;
};

/**
 * A Slack user in SCIM 2.0 form. Every attribute is optional: the same type describes what Slack
 * answers and a new user (Slack requires `userName` and one email). Attributes Slack adds that
 * this type does not know are kept, so a read → change → `updateUser` sends them back.
 *
 * @example A new user with the enterprise and profile extensions, as Slack's docs create one
 * ```ts
 * import { ENTERPRISE_SCHEMA_V2, PROFILE_SCHEMA_V2, type User } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const newHire: User = {
 *   userName: "some_fake_username",
 *   name: { givenName: "First", familyName: "Last" },
 *   emails: [{ value: "some_fake_user@email.com", type: "work", primary: true }],
 *   [ENTERPRISE_SCHEMA_V2]: { department: "Tour Operations", manager: { managerId: "U123ABC456" } },
 *   [PROFILE_SCHEMA_V2]: { startDate: "2024-04-10T00:00:00+0000" },
 * };
 * assert.equal(newHire[ENTERPRISE_SCHEMA_V2]?.manager?.managerId, "U123ABC456");
 * ```
 */
export interface User {
  /** The schema URNs; filled in by the client when left out. */
  schemas?: string[];
  /** Slack's id (`U…` or `W…`). */
  id?: string;
  /** Your identity provider's id (`""` when unset; PATCH and PUT cannot change it). */
  externalId?: string | null;
  /** Metadata. */
  meta?: Meta;
  /** At most 21 characters; mirrors `nickName`. */
  userName?: string;
  /** Mirrors `userName`. */
  nickName?: string | null;
  /** The parts of the name. */
  name?: UserName;
  /** At most 80 characters; falls back to `userName`. */
  displayName?: string | null;
  /** The profile URL (read-only). */
  profileUrl?: string | null;
  /** Job title. */
  title?: string | null;
  /** Such as "America/Chicago". */
  timezone?: string | null;
  /** `false` once deactivated; `true` in a PUT or PATCH reactivates. */
  active?: boolean;
  /** Such as "Employee". */
  userType?: string | null;
  /** Such as "en_US". */
  preferredLanguage?: string | null;
  /** Such as "en_US". */
  locale?: string | null;
  /** Write-only; PATCH cannot change it. */
  password?: string;
  /** Email addresses (Slack keeps two). */
  emails?: UserEmail[];
  /** Photos (Slack keeps one). */
  photos?: UserPhoto[];
  /** Addresses (Slack keeps one). */
  addresses?: UserAddress[];
  /** Phone numbers (Slack keeps two). */
  phoneNumbers?: UserPhoneNumber[];
  /** Roles, as objects or plain strings (Slack keeps one). */
  roles?: (UserRole | string)[];
  /** The groups the user is in (read-only). */
  groups?: UserGroup[];
  /** The enterprise extension. */
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"?: EnterpriseUserExtension;
  /** Slack's guest extension: present for multi-channel guests. */
  "urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User"?: SlackGuestExtension;
  /** Slack's profile extension. */
  "urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User"?: SlackProfileExtension;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
}
