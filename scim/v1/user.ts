/**
 * The SCIM v1 user (`User`) and its attribute types, with the Python SDK's names (`UserName`,
 * `UserEmail`, …). The extensions it carries are in `extensions.ts`; `models.ts` checks all
 * of them against the types generated from `spec/scim-v1.openapi.yaml`.
 *
 * `User` carries an index signature: Slack adds attributes from time to time, and the client keeps
 * them (read → update sends them back untouched). The nested types are plain object types, so
 * values of any compatible shape (including your own interfaces) can be passed in; unknown nested
 * attributes are kept at run time all the same.
 *
 * @module
 */

import type {
  EnterpriseUserExtension,
  SlackGuestExtension,
  SlackProfileExtension,
} from "./extensions.ts";

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
