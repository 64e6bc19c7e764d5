/**
 * The SCIM v1 resources, with the Python SDK's names (`User`, `UserName`, …, `Group`).
 *
 * These types are the generated ones from `spec/scim-v1.openapi.yaml` (see `schema.gen.ts`),
 * restated with documentation: the checks at the bottom of this file fail to compile if the spec
 * and these types ever disagree. They are restated rather than re-exported so the public API does
 * not expose openapi-typescript's `components["schemas"][…]` shapes.
 *
 * `User` and `Group` carry an index signature: Slack adds attributes from time to time, and the
 * client keeps them (read → update sends them back untouched). The nested types are plain object
 * types, so values of any compatible shape (including your own interfaces) can be passed in;
 * unknown nested attributes are kept at run time all the same.
 *
 * @module
 */

import type { components } from "./schema.gen.ts";

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

/**
 * v1 PATCH only: remove this value from a multi-valued attribute.
 *
 * @example Delete a secondary email with a v1 PATCH
 * ```ts
 * import { SCIMClient, type ValueOperation } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { user } = await client.createUser({
 *   userName: "cal",
 *   emails: [{ value: "cal@example.com", primary: true }, { value: "cal@home.example" }],
 * });
 * const operation: ValueOperation = "delete";
 * const patched = await client.patchUser(user.id!, {
 *   emails: [{ value: "cal@home.example", operation }],
 * });
 * assert.deepEqual(patched.user.emails?.map((email) => email.value), ["cal@example.com"]);
 * ```
 */
export type ValueOperation = "delete";

/**
 * The parts of a user's name; Slack keeps `givenName`, `familyName` and `honorificPrefix`.
 *
 * @example A name with an honorific, then without it
 * ```ts
 * import { SCIMClient, type UserName } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const name: UserName = { givenName: "Grace", familyName: "Hopper", honorificPrefix: "Dr." };
 * const { user } = await client.createUser({
 *   userName: "grace",
 *   name,
 *   emails: [{ value: "grace@example.com" }],
 * });
 * assert.equal(user.name?.honorificPrefix, "Dr.");
 * const { user: plain } = await client.removeUserAttributes(user.id!, ["name.honorificPrefix"]);
 * assert.deepEqual(plain.name, { givenName: "Grace", familyName: "Hopper" });
 * ```
 */
export type UserName = {
  /** First name. */
  givenName?: string;
  /** Last name. */
  familyName?: string;
  /** Such as "Dr.". */
  honorificPrefix?: string;
  /** The full name, when Slack sends it. */
  formatted?: string;
};

/**
 * An email address. Slack keeps two; the primary is `primary: true`, then `type: "work"`, then
 * the first.
 *
 * @example A work and a home address: without `primary`, the work one is primary
 * ```ts
 * import { SCIMClient, type UserEmail } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const emails: UserEmail[] = [
 *   { value: "cal@home.example", type: "home" },
 *   { value: "cal@example.com", type: "work" },
 * ];
 * const { user } = await client.createUser({ userName: "cal", emails });
 * assert.equal(user.emails?.length, 2);
 * assert.equal(user.emails?.find((email) => email.primary)?.value, "cal@example.com");
 * ```
 */
export type UserEmail = {
  /** The address. */
  value?: string;
  /** Such as "work" or "home". */
  type?: string;
  /** Whether this is the primary address. */
  primary?: boolean;
  /** A display form, when Slack sends it. */
  display?: string;
  /** `"delete"` in a v1 PATCH removes this address (all given sub-attributes must match). */
  operation?: ValueOperation;
};

/**
 * A postal address. Slack keeps one and does not store its `type`.
 *
 * @example Set an office address, then delete it
 * ```ts
 * import { SCIMClient, type UserAddress } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const office: UserAddress = {
 *   streetAddress: "500 Howard St",
 *   locality: "San Francisco",
 *   region: "CA",
 *   postalCode: "94105",
 *   country: "US",
 * };
 * const emails = [{ value: "cal@example.com" }];
 * const { user } = await client.createUser({ userName: "cal", emails, addresses: [office] });
 * assert.equal(user.addresses?.[0]?.locality, "San Francisco");
 * // A delete must match every sub-attribute Slack holds.
 * const { user: moved } = await client.deleteUserValues(user.id!, { addresses: [office] });
 * assert.equal(moved.addresses, undefined);
 * ```
 */
export type UserAddress = {
  /** Street and number. */
  streetAddress?: string;
  /** City. */
  locality?: string;
  /** State or region. */
  region?: string;
  /** Postal code. */
  postalCode?: string;
  /** Country. */
  country?: string;
  /** The whole address as one string, when Slack sends it. */
  formatted?: string;
  /** Such as "work" (not stored by Slack). */
  type?: string;
  /** Whether this is the primary address. */
  primary?: boolean;
  /** `"delete"` in a v1 PATCH removes this address (all sub-attributes must match). */
  operation?: ValueOperation;
};

/**
 * A phone number. Slack keeps two; `type: "mobile"` in a request means the primary phone.
 *
 * @example A desk phone and a mobile
 * ```ts
 * import { SCIMClient, type UserPhoneNumber } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const phoneNumbers: UserPhoneNumber[] = [
 *   { value: "+1 415 555 0100", type: "work", primary: true },
 *   { value: "+1 415 555 0199", type: "mobile", primary: false },
 * ];
 * const emails = [{ value: "cal@example.com" }];
 * const { user } = await client.createUser({ userName: "cal", emails, phoneNumbers });
 * const mobile = user.phoneNumbers?.find((phone) => phone.type === "mobile");
 * assert.equal(mobile?.value, "+1 415 555 0199");
 * ```
 */
export type UserPhoneNumber = {
  /** The number. */
  value?: string;
  /** Such as "work" or "mobile". */
  type?: string;
  /** Whether this is the primary number. */
  primary?: boolean;
  /** A display form, when Slack sends it. */
  display?: string;
  /** `"delete"` in a v1 PATCH removes this number. */
  operation?: ValueOperation;
};

/**
 * A photo: a URL or a `data:` URL. Slack keeps one.
 *
 * @example Set a profile photo
 * ```ts
 * import { SCIMClient, type UserPhoto } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const emails = [{ value: "cal@example.com" }];
 * const { user } = await client.createUser({ userName: "cal", emails });
 * const photo: UserPhoto = { value: "https://example.com/avatars/cal.png", type: "photo" };
 * const patched = await client.patchUser(user.id!, { photos: [photo] });
 * assert.equal(patched.user.photos?.[0]?.value, "https://example.com/avatars/cal.png");
 * ```
 */
export type UserPhoto = {
  /** The URL. */
  value?: string;
  /** Such as "photo". */
  type?: string;
  /** Whether this is the primary photo. */
  primary?: boolean;
  /** A display form, when Slack sends it. */
  display?: string;
  /** `"delete"` in a v1 PATCH removes this photo. */
  operation?: ValueOperation;
};

/**
 * A role. Slack keeps one, and also accepts roles as plain strings.
 *
 * @example Give a user a role, and read it back
 * ```ts
 * import { SCIMClient, type UserRole } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const role: UserRole = { value: "Team Lead", primary: true };
 * const emails = [{ value: "cal@example.com" }];
 * const { user } = await client.createUser({ userName: "cal", emails, roles: [role] });
 * const first = user.roles?.[0];
 * assert.ok(typeof first === "object"); // a role may also be a plain string
 * assert.equal(first.value, "Team Lead");
 * ```
 */
export type UserRole = {
  /** The role's name. */
  value?: string;
  /** The role's type. */
  type?: string;
  /** Whether this is the primary role (Slack's own docs send the string `"true"`). */
  primary?: boolean | string;
  /** A display form, when Slack sends it. */
  display?: string;
  /** `"delete"` in a v1 PATCH removes this role. */
  operation?: ValueOperation;
};

/**
 * A group the user belongs to; read-only on the user (change membership on the group).
 *
 * @example See which groups a user is in
 * ```ts
 * import { SCIMClient, type UserGroup } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const cal = await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * const members = [{ value: cal.user.id! }];
 * const { group } = await client.createGroup({ displayName: "Ops", members });
 *
 * const { user } = await client.readUser(cal.user.id!);
 * const groups: UserGroup[] = user.groups ?? [];
 * assert.deepEqual(groups, [{ value: group.id, display: "Ops" }]);
 * ```
 */
export type UserGroup = {
  /** The group's id (`S…`). */
  value?: string;
  /** The group's display name. */
  display?: string;
  /** The kind of membership, when Slack sends it. */
  type?: string;
};

/**
 * A user's metadata. In a v1 PATCH, `attributes` lists the attributes to remove.
 *
 * @example Read when a user was created; remove an attribute with `meta.attributes`
 * ```ts
 * import { SCIMClient, type UserMeta } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const emails = [{ value: "cal@example.com" }];
 * const { user } = await client.createUser({ userName: "cal", title: "Captain", emails });
 * const meta: UserMeta = user.meta ?? {};
 * assert.ok(meta.location?.endsWith(`/Users/${user.id}`));
 * assert.ok(!Number.isNaN(Date.parse(meta.created ?? "")));
 *
 * const patched = await client.patchUser(user.id!, { meta: { attributes: ["title"] } });
 * assert.equal(patched.user.title, "");
 * ```
 */
export type UserMeta = {
  /** When the user was created (ISO 8601). */
  created?: string;
  /** When the user last changed (ISO 8601). */
  lastModified?: string;
  /** The user's URL in the API. */
  location?: string;
  /** The resource version, when Slack sends it. */
  version?: string;
  /**
   * v1 PATCH only: attribute paths to remove, such as `"name.honorificPrefix"` or
   * `"urn:scim:schemas:extension:enterprise:1.0.manager.managerId"`.
   */
  attributes?: string[];
};

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

/**
 * A Slack user in SCIM 1.1 form. Every attribute is optional: the same type describes what Slack
 * answers, a new user (`userName` and one email are required by Slack) and a v1 PATCH body.
 * Attributes Slack adds that this type does not know are kept.
 *
 * @example Build a new user; send a read user back whole, unknown attributes included
 * ```ts
 * import { SCIMClient, type User } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * // `unknownAttributes` makes the simulator answer an attribute this type does not know.
 * const sim = new SlackScimSimulator({ unknownAttributes: true });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const newHire: User = {
 *   externalId: "00u1abcd",
 *   userName: "cal",
 *   name: { givenName: "Cal", familyName: "Henderson" },
 *   emails: [{ value: "cal@example.com", primary: true }],
 * };
 * const { user } = await client.createUser(newHire);
 * assert.ok("newAttribute" in user); // kept, and sent back by updateUser
 * user.title = "Staff Engineer";
 * const updated = await client.updateUser(user);
 * assert.equal(updated.user.title, "Staff Engineer");
 * ```
 */
export interface User {
  /** The schema URNs; filled in by the client when left out. */
  schemas?: string[];
  /** Slack's id (`U…` or `W…`). */
  id?: string;
  /** Your identity provider's id (PATCH and PUT cannot change it). */
  externalId?: string;
  /** At most 21 characters; mirrors `nickName`. */
  userName?: string;
  /** Mirrors `userName`. */
  nickName?: string;
  /** The parts of the name. */
  name?: UserName;
  /** At most 80 characters; falls back to `userName`. */
  displayName?: string;
  /** The profile URL (read-only). */
  profileUrl?: string;
  /** Job title. */
  title?: string;
  /** Such as "America/Los_Angeles". */
  timezone?: string;
  /** `false` once deactivated; `true` in a PUT or PATCH reactivates. */
  active?: boolean;
  /** Such as "Employee". */
  userType?: string;
  /** Such as "en_US". */
  preferredLanguage?: string;
  /** Such as "en_US". */
  locale?: string;
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
  /** Metadata; `meta.attributes` removes attributes in a v1 PATCH. */
  meta?: UserMeta;
  /** The enterprise extension. */
  "urn:scim:schemas:extension:enterprise:1.0"?: EnterpriseUserExtension;
  /** Slack's guest extension: present for multi-channel guests. */
  "urn:scim:schemas:extension:slack:guest:1.0"?: SlackGuestExtension;
  /** Slack's profile extension. */
  "urn:scim:schemas:extension:slack:profile:1.0"?: SlackProfileExtension;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
}

/**
 * A member of a group. In a v1 PATCH, `operation: "delete"` removes it (adding is the default).
 *
 * @example Add two members, then remove one
 * ```ts
 * import { type GroupMember, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const ada = await client.createUser({ userName: "ada", emails: [{ value: "ada@example.com" }] });
 * const cal = await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * const members: GroupMember[] = [{ value: ada.user.id! }, { value: cal.user.id! }];
 * const { group } = await client.createGroup({ displayName: "Ops", members });
 *
 * await client.patchGroup(group.id!, { members: [{ value: ada.user.id!, operation: "delete" }] });
 * const read = await client.readGroup(group.id!);
 * assert.deepEqual(read.group.members?.map((member) => member.value), [cal.user.id]);
 * ```
 */
export type GroupMember = {
  /** The user's id. */
  value?: string;
  /** The user's display name, in responses. */
  display?: string;
  /** The kind of member, when Slack sends it. */
  type?: string;
  /** `"delete"` in a v1 PATCH removes this member. */
  operation?: ValueOperation;
};

/**
 * A group's metadata.
 *
 * @example When a group was created, and its URL
 * ```ts
 * import { type GroupMeta, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 10, groups: 2 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { groups } = await client.searchGroups({ count: 1 });
 * const group = groups[0]!;
 * const meta: GroupMeta = group.meta ?? {};
 * assert.ok(meta.location?.endsWith(`/Groups/${group.id}`));
 * assert.ok(!Number.isNaN(Date.parse(meta.created ?? "")));
 * ```
 */
export type GroupMeta = {
  /** When the group was created (ISO 8601). */
  created?: string;
  /** When the group last changed (ISO 8601). */
  lastModified?: string;
  /** The group's URL in the API. */
  location?: string;
  /** The resource version, when Slack sends it. */
  version?: string;
};

/**
 * A Slack IDP group in SCIM 1.1 form. Creating one needs `displayName` and `members`.
 * Attributes Slack adds that this type does not know are kept.
 *
 * @example Create a group, then rename it with a whole-group update
 * ```ts
 * import { type Group, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const cal = await client.createUser({ userName: "cal", emails: [{ value: "cal@example.com" }] });
 * const ops: Group = { displayName: "Ops", members: [{ value: cal.user.id! }] };
 * const { group } = await client.createGroup(ops);
 *
 * group.displayName = "Operations";
 * const updated = await client.updateGroup(group); // PUT: members as read are kept
 * assert.equal(updated.group.displayName, "Operations");
 * assert.equal(updated.group.members?.length, 1);
 * ```
 */
export interface Group {
  /** The schema URNs; filled in by the client when left out. */
  schemas?: string[];
  /** Slack's id (`S…`). */
  id?: string;
  /** Your identity provider's id. */
  externalId?: string;
  /** The group's name (not unique). */
  displayName?: string;
  /** The members; up to 15,000 per call. */
  members?: GroupMember[];
  /** Metadata. */
  meta?: GroupMeta;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
}

/**
 * The name, patch, bulk, … support flags of `ServiceProviderConfigs`.
 *
 * @example Check for PATCH support
 * ```ts
 * import { SCIMClient, type ServiceProviderConfigSupport } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { serviceProviderConfig } = await client.readServiceProviderConfigs();
 * const patch: ServiceProviderConfigSupport = serviceProviderConfig.patch ?? {};
 * assert.equal(patch.supported, true);
 * assert.equal(serviceProviderConfig.sort?.supported, false);
 * ```
 */
export type ServiceProviderConfigSupport = {
  /** Whether the feature is supported. */
  supported?: boolean;
};

/**
 * How the API authenticates (one entry of `authenticationSchemes`).
 *
 * @example The primary way to authenticate
 * ```ts
 * import { type AuthenticationScheme, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { serviceProviderConfig } = await client.readServiceProviderConfigs();
 * const schemes: AuthenticationScheme[] = serviceProviderConfig.authenticationSchemes ?? [];
 * const primary = schemes.find((scheme) => scheme.primary);
 * assert.equal(primary?.type, "oauthbearertoken");
 * ```
 */
export type AuthenticationScheme = {
  /** Such as "oauthbearertoken". */
  type?: string;
  /** The scheme's name. */
  name?: string;
  /** What it is. */
  description?: string;
  /** Its specification. */
  specUrl?: string;
  /** Whether it is the primary scheme. */
  primary?: boolean;
};

/**
 * What the API supports, from `GET ServiceProviderConfigs`.
 *
 * @example Page size capped at what a filtered list returns
 * ```ts
 * import { SCIMClient, type ServiceProviderConfig } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const config: ServiceProviderConfig = (await client.readServiceProviderConfigs())
 *   .serviceProviderConfig;
 * assert.equal(config.bulk?.supported, false);
 * const count = Math.min(5000, config.filter?.maxResults ?? 100);
 * assert.equal(count, 1000);
 * const page = await client.searchUsers({ count });
 * assert.equal(page.users.length, 3);
 * ```
 */
export type ServiceProviderConfig = {
  /** The schema URNs. */
  schemas?: string[];
  /** How the API authenticates. */
  authenticationSchemes?: AuthenticationScheme[];
  /** PATCH support. */
  patch?: ServiceProviderConfigSupport;
  /** Bulk support and its limits. */
  bulk?: { supported?: boolean; maxOperations?: number; maxPayloadSize?: number };
  /** Filter support and the most results a filtered list returns. */
  filter?: { supported?: boolean; maxResults?: number };
  /** Password change support. */
  changePassword?: ServiceProviderConfigSupport;
  /** Sort support. */
  sort?: ServiceProviderConfigSupport;
  /** ETag support. */
  etag?: ServiceProviderConfigSupport;
  /** XML support. */
  xmlDataFormat?: ServiceProviderConfigSupport;
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
};

/**
 * One attribute of a resource schema.
 *
 * @example Which user attributes are required
 * ```ts
 * import { SCIMClient, type SchemaAttribute } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const { schema } = await client.readUserSchema();
 * const attributes: SchemaAttribute[] = schema.attributes ?? [];
 * const required = attributes.filter((attribute) => attribute.required);
 * assert.deepEqual(required.map((attribute) => attribute.name), ["userName", "emails"]);
 * const emails = required[1]?.subAttributes?.map((attribute) => attribute.name);
 * assert.deepEqual(emails, ["value", "type", "primary"]);
 * ```
 */
export type SchemaAttribute = {
  /** The attribute's name. */
  name?: string;
  /** Its type, such as "string" or "complex". */
  type?: string;
  /** Whether it holds several values. */
  multiValued?: boolean;
  /** What it is. */
  description?: string;
  /** The schema URN it belongs to. */
  schema?: string;
  /** Whether clients can change it. */
  readOnly?: boolean;
  /** Whether it is required. */
  required?: boolean;
  /** Whether comparisons are case-sensitive. */
  caseExact?: boolean;
  /** The sub-attributes of a complex attribute. */
  subAttributes?: SchemaAttribute[];
};

/**
 * A resource schema, from `GET Schemas/Users` or `GET Schemas/Groups`.
 *
 * @example The attributes of a group
 * ```ts
 * import { SCIMClient, type Schema } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const schema: Schema = (await client.readGroupSchema()).schema;
 * assert.equal(schema.endpoint, "/Groups");
 * const names = schema.attributes?.map((attribute) => attribute.name);
 * assert.deepEqual(names, ["id", "displayName", "members"]);
 * ```
 */
export type Schema = {
  /** The schema's URN. */
  id?: string;
  /** Such as "User". */
  name?: string;
  /** What it describes. */
  description?: string;
  /** The schema URN. */
  schema?: string;
  /** The endpoint, such as "/Users". */
  endpoint?: string;
  /** The attributes. */
  attributes?: SchemaAttribute[];
  /** Attributes Slack added that this type does not know yet. */
  [attribute: string]: unknown;
};

// ---- Compile-time checks: these models and the types generated from the spec agree. ----------
// Each pair must be assignable both ways; a spec change that breaks that fails `deno check`.

type Generated = components["schemas"];
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Mutual assignability alone would accept a renamed optional attribute: compare the names too.
type Agree<A, B> = Same<A, B> extends true ? Same<KnownKeys<A>, KnownKeys<B>> : false;
// deno-lint-ignore no-unused-vars
const modelsMatchTheSpec: [
  Agree<User, Generated["User"]>,
  Agree<UserName, Generated["UserName"]>,
  Agree<UserEmail, Generated["UserEmail"]>,
  Agree<UserAddress, Generated["UserAddress"]>,
  Agree<UserPhoneNumber, Generated["UserPhoneNumber"]>,
  Agree<UserPhoto, Generated["UserPhoto"]>,
  Agree<UserRole, Generated["UserRole"]>,
  Agree<UserGroup, Generated["UserGroup"]>,
  Agree<UserMeta, Generated["UserMeta"]>,
  Agree<EnterpriseUserExtension, Generated["EnterpriseUserExtension"]>,
  Agree<SlackGuestExtension, Generated["SlackGuestExtension"]>,
  Agree<SlackProfileExtension, Generated["SlackProfileExtension"]>,
  Agree<Group, Generated["Group"]>,
  Agree<GroupMember, Generated["GroupMember"]>,
  Agree<GroupMeta, Generated["GroupMeta"]>,
  Agree<ServiceProviderConfig, Generated["ServiceProviderConfig"]>,
  Agree<Schema, Generated["Schema"]>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
