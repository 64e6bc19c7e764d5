/**
 * The simulator's in-memory directory: users and groups in a version-neutral shape.
 *
 * Nothing here knows SCIM's wire format: the v1 routes translate to and from it (and v2 routes
 * can, later, on the same records). Lists keep insertion order, which is creation order, as
 * Slack's do.
 *
 * @module
 */

import { SeededRandom } from "./seeded_random.ts";

/** One email of a user. Slack keeps two: the primary and one more. */
export interface EmailRecord {
  /** The address. */
  value: string;
  /** The type given when it was set (`work`, `home`, …), or `""`. */
  type: string;
  /** Whether this is the primary email. */
  primary: boolean;
}

/** A user's one postal address; Slack does not keep its `type`. */
export interface AddressRecord {
  /** Street. */
  streetAddress: string;
  /** City. */
  locality: string;
  /** State or region. */
  region: string;
  /** Postal code. */
  postalCode: string;
  /** Country. */
  country: string;
}

/** A user's one role. */
export interface RoleRecord {
  /** The role. */
  value: string;
  /** The type given when it was set, or `""`. */
  type: string;
}

/** The enterprise extension's attributes; `""` means unset. */
export interface EnterpriseRecord {
  /** Employee number. */
  employeeNumber: string;
  /** Cost center. */
  costCenter: string;
  /** Organization. */
  organization: string;
  /** Division. */
  division: string;
  /** Department. */
  department: string;
  /** The manager's Slack id (or the value given, when it names nobody known), or `""`. */
  managerId: string;
}

/** A guest's settings: Slack's multi-channel guests, or single-channel ones (seeded only). */
export interface GuestRecord {
  /** `multi` (`restricted`) or `single` (`ultra_restricted`). */
  type: "multi" | "single";
  /** ISO 8601 expiration, or `""`. */
  expiration: string;
  /** The channels the guest is in. */
  channels: { id: string; name: string }[];
}

/** One user, as the store keeps it. Empty strings mean "not set". */
export interface UserRecord {
  /** `U…` or `W…`. */
  id: string;
  /** Set on create only. */
  externalId: string;
  /** Slack's username; `nickName` mirrors it. */
  userName: string;
  /** First name. */
  givenName: string;
  /** Last name. */
  familyName: string;
  /** Honorific prefix. */
  honorificPrefix: string;
  /** Display name as set; answers fall back to `userName` when empty. */
  displayName: string;
  /** Job title. */
  title: string;
  /** IANA time zone (or whatever the IdP sent). */
  timezone: string;
  /** Preferred language. */
  preferredLanguage: string;
  /** Locale. */
  locale: string;
  /** User type. */
  userType: string;
  /** `false` once deactivated. */
  active: boolean;
  /** At most two; exactly one primary. */
  emails: EmailRecord[];
  /** Slack's primary phone. */
  primaryPhone: string;
  /** Slack's mobile phone. */
  mobilePhone: string;
  /** Photo URL or `data:` URL, or `""` for Slack's default avatar. */
  photo: string;
  /** The one address kept. */
  address: AddressRecord | undefined;
  /** The one role kept. */
  role: RoleRecord | undefined;
  /** The enterprise extension, if set. */
  enterprise: EnterpriseRecord | undefined;
  /** The guest settings, if the user is a guest. */
  guest: GuestRecord | undefined;
  /** The profile extension's start date, or `""`. */
  startDate: string;
  /** Creation time, ms since the epoch. */
  created: number;
}

/** One IdP group. */
export interface GroupRecord {
  /** `S…`. */
  id: string;
  /** The group's name. */
  displayName: string;
  /** Member user ids, in the order they were added. */
  members: Set<string>;
  /** Creation time, ms since the epoch. */
  created: number;
  /** When linked to channels, Slack refuses to delete it (`idp_group_linked_to_channels`). */
  linkedToChannels: boolean;
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Users by id, indexed by lower-cased `userName` and email so that uniqueness checks stay O(1)
 * in directories of 100,000 users. Records are replaced whole (`set`) on every write; the routes
 * never change a stored record's userName or emails in place.
 */
class UserMap extends Map<string, UserRecord> {
  readonly byUserName: Map<string, string> = new Map();
  readonly byEmail: Map<string, string> = new Map();

  override set(id: string, user: UserRecord): this {
    const previous = super.get(id);
    if (previous !== undefined) this.#unindex(id, previous);
    super.set(id, user);
    // Map's constructor calls set before the fields exist; no Store does that.
    this.byUserName?.set(user.userName.toLowerCase(), id);
    for (const email of user.emails) this.byEmail?.set(email.value.toLowerCase(), id);
    return this;
  }

  override delete(id: string): boolean {
    const previous = super.get(id);
    if (previous !== undefined) this.#unindex(id, previous);
    return super.delete(id);
  }

  override clear(): void {
    this.byUserName.clear();
    this.byEmail.clear();
    super.clear();
  }

  #unindex(id: string, user: UserRecord): void {
    const name = user.userName.toLowerCase();
    if (this.byUserName.get(name) === id) this.byUserName.delete(name);
    for (const email of user.emails) {
      const key = email.value.toLowerCase();
      if (this.byEmail.get(key) === id) this.byEmail.delete(key);
    }
  }
}

/** Users and groups, with id generation that is deterministic for a seed. */
export class Store {
  /** Users by id, in creation order. */
  readonly users: Map<string, UserRecord> = new UserMap();
  /** Groups by id, in creation order. */
  readonly groups: Map<string, GroupRecord> = new Map();
  #ids: SeededRandom;

  /** @param seed Seeds the ids of everything created later. */
  constructor(seed: number) {
    // A stream of its own, so ids do not depend on how much seeding drew from the data stream.
    this.#ids = new SeededRandom(seed ^ 0x5eed1d5);
  }

  /**
   * A new unused id: a prefix then 10 characters, like Slack's.
   *
   * @param prefix `U` or `W` for users, `S` for groups.
   * @returns The id.
   */
  newId(prefix: "U" | "W" | "S"): string {
    for (;;) {
      let id = prefix;
      for (let i = 0; i < 10; i++) id += this.#ids.pick(ID_ALPHABET);
      if (!this.users.has(id) && !this.groups.has(id)) return id;
    }
  }

  /**
   * Finds a user by `userName`, case-insensitively (deactivated users included).
   *
   * @param userName The name.
   * @returns The user, if any.
   */
  findUserByUserName(userName: string): UserRecord | undefined {
    const wanted = userName.toLowerCase();
    const id = (this.users as UserMap).byUserName.get(wanted);
    const user = id === undefined ? undefined : this.users.get(id);
    return user?.userName.toLowerCase() === wanted ? user : undefined;
  }

  /**
   * Finds a user holding an email, primary or not, case-insensitively (deactivated included).
   *
   * @param email The address.
   * @returns The user, if any.
   */
  findUserByEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase();
    const id = (this.users as UserMap).byEmail.get(wanted);
    const user = id === undefined ? undefined : this.users.get(id);
    return user?.emails.some((e) => e.value.toLowerCase() === wanted) ? user : undefined;
  }

  /**
   * The groups a user belongs to, in group creation order.
   *
   * @param userId The user's id.
   * @returns The groups.
   */
  groupsOf(userId: string): GroupRecord[] {
    return [...this.groups.values()].filter((group) => group.members.has(userId));
  }
}

/**
 * A user with every attribute unset, for create and PUT to fill in.
 *
 * @param id The id.
 * @param created Creation time, ms since the epoch.
 * @returns The blank user.
 */
export function blankUser(id: string, created: number): UserRecord {
  return {
    id,
    externalId: "",
    userName: "",
    givenName: "",
    familyName: "",
    honorificPrefix: "",
    displayName: "",
    title: "",
    timezone: "",
    preferredLanguage: "",
    locale: "",
    userType: "",
    active: true,
    emails: [],
    primaryPhone: "",
    mobilePhone: "",
    photo: "",
    address: undefined,
    role: undefined,
    enterprise: undefined,
    guest: undefined,
    startDate: "",
    created,
  };
}

/**
 * A deep copy of a user, so a write can be validated before it replaces the stored one.
 *
 * @param user The user.
 * @returns The copy.
 */
export function copyUser(user: UserRecord): UserRecord {
  return structuredClone(user);
}
