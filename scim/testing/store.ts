/**
 * The simulator's in-memory directory: users and groups in a version-neutral shape.
 *
 * Nothing here knows SCIM's wire format: the v1 and v2 routes translate to and from it, on the
 * same records. Lists keep insertion order, which is creation order, as
 * Slack's do, and are read by position, so a page costs the same in any size of directory.
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
const ID_CODES: number[] = new Array(11).fill(0);

/**
 * Where a {@linkcode UserTable} builds seeded users from: compact columns (see `seed.ts`) instead
 * of one record per user, so a directory of 1,000,000 users fits in a few hundred MB.
 */
export interface SeededUserSource {
  /**
   * The id of seeded user `index`.
   *
   * @param index The seeded user's index, 0 for the first.
   */
  id(index: number): string;
  /**
   * A fresh full record of seeded user `index`, as seeded.
   *
   * @param index The seeded user's index, 0 for the first.
   */
  materialise(index: number): UserRecord;
  /**
   * Seeded user `index` to read only, each attribute built when read (cheaper than
   * `materialise` when few attributes are read, as when a filter scans the directory).
   *
   * @param index The seeded user's index, 0 for the first.
   */
  view(index: number): UserRecord;
  /**
   * The seeded user whose seeded `userName` this is.
   *
   * @param lowerCased The name, lower-cased.
   * @returns Its index, or `undefined` when no seeded user was given this name.
   */
  indexOfUserName(lowerCased: string): number | undefined;
  /**
   * The seeded `userName` that a seeded email would belong to (the caller checks the user).
   *
   * @param lowerCased The address, lower-cased.
   * @returns The name, or `undefined` when no seeded email looks like this.
   */
  userNameOfEmail(lowerCased: string): string | undefined;
}

/**
 * Makes a stored user's indexed attributes read-only (`userName`, `externalId`, the emails), so
 * that changing one in place, which the indexes would not see, throws instead of going stale.
 * Copies (`copyUser`, a spread) are writable again.
 */
function lockUser(user: UserRecord): UserRecord {
  for (const email of user.emails) Object.freeze(email);
  Object.freeze(user.emails);
  Object.defineProperty(user, "userName", { writable: false });
  Object.defineProperty(user, "externalId", { writable: false });
  Object.defineProperty(user, "emails", { writable: false });
  return user;
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  if (key === "") return;
  const ids = index.get(key);
  if (ids === undefined) index.set(key, new Set([id]));
  else ids.add(id);
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

/**
 * Users by id, in creation order, with indexes: lower-cased `userName` and email (unique, as
 * Slack keeps them) and `externalId`; seeded users' names and emails are found by the seeded
 * source until they are written. Lists read users by position (`at`), so a page costs the
 * same at any size of directory.
 *
 * Seeded users are kept as compact columns and built when read: `at`, `peek` and `values` build
 * a fresh record each time (read-only), `get` builds it once and keeps it, so that a route may
 * change what it got (`get(id).active = false`). Writes replace records whole with `set`: a
 * stored record's `userName`, `emails` and `externalId` are read-only (changing them in place,
 * which the indexes would not see, throws); change a copy (`copyUser`) and `set` it.
 */
export class UserTable {
  #slots: (UserRecord | number)[] = [];
  #positions: Map<string, number> = new Map();
  #seeded: SeededUserSource | undefined;
  #byUserName: Map<string, string> = new Map();
  #byEmail: Map<string, string> = new Map();
  #byExternalId: Map<string, Set<string>> = new Map();

  /** How many users, deactivated ones included. */
  get size(): number {
    return this.#slots.length;
  }

  /**
   * Whether a user has this id.
   *
   * @param id The id.
   * @returns Whether it exists.
   */
  has(id: string): boolean {
    return this.#positions.has(id);
  }

  /**
   * The stored user, to read or change in place (not its indexed attributes).
   *
   * @param id The id.
   * @returns The user, if any.
   */
  get(id: string): UserRecord | undefined {
    const position = this.#positions.get(id);
    if (position === undefined) return undefined;
    const slot = this.#slots[position] as UserRecord | number;
    if (typeof slot !== "number") return slot;
    const user = lockUser(this.#build(slot));
    this.#slots[position] = user;
    return user;
  }

  /**
   * A user to read only: a seeded user not written yet is built afresh and not kept.
   *
   * @param id The id.
   * @returns The user, if any.
   */
  peek(id: string): UserRecord | undefined {
    const position = this.#positions.get(id);
    return position === undefined ? undefined : this.at(position);
  }

  /**
   * The user at a position of creation order, to read only.
   *
   * @param position 0 for the first user created.
   * @returns The user, or `undefined` past the end.
   */
  at(position: number): UserRecord | undefined {
    const slot = this.#slots[position];
    return typeof slot === "number" ? this.#build(slot) : slot;
  }

  /**
   * The user at a position, to test a filter against: a seeded user not written yet builds
   * only the attributes read. Read-only; use `at` for what is answered.
   *
   * @param position 0 for the first user created.
   * @returns The user, or `undefined` past the end.
   */
  probe(position: number): UserRecord | undefined {
    const slot = this.#slots[position];
    return typeof slot === "number" ? (this.#seeded as SeededUserSource).view(slot) : slot;
  }

  /**
   * A user's position in creation order.
   *
   * @param id The id.
   * @returns The position, or `undefined` for an unknown id.
   */
  positionOf(id: string): number | undefined {
    return this.#positions.get(id);
  }

  /**
   * Adds a user at the end, or replaces the one with this id (keeping its position).
   *
   * @param id The id (the record's own).
   * @param user The full record.
   * @returns This table.
   */
  set(id: string, user: UserRecord): this {
    lockUser(user);
    const position = this.#positions.get(id);
    if (position === undefined) {
      this.#positions.set(id, this.#slots.length);
      this.#slots.push(user);
    } else {
      this.#unindex(id, this.at(position) as UserRecord);
      this.#slots[position] = user;
    }
    this.#index(id, user.userName, user.emails.map((email) => email.value), user.externalId);
    return this;
  }

  /**
   * Removes a user (Slack never does: users are deactivated); O(n).
   *
   * @param id The id.
   * @returns Whether there was one.
   */
  delete(id: string): boolean {
    const position = this.#positions.get(id);
    if (position === undefined) return false;
    this.#unindex(id, this.at(position) as UserRecord);
    this.#slots.splice(position, 1);
    this.#positions.delete(id);
    for (let p = position; p < this.#slots.length; p++) this.#positions.set(this.#idAt(p), p);
    return true;
  }

  /** Removes every user. */
  clear(): void {
    this.#slots = [];
    this.#positions.clear();
    this.#byUserName.clear();
    this.#byEmail.clear();
    this.#byExternalId.clear();
  }

  /**
   * Every user in creation order, to read only (seeded ones built as they come).
   *
   * @returns The users.
   */
  *values(): IterableIterator<UserRecord> {
    for (let p = 0; p < this.#slots.length; p++) yield this.at(p) as UserRecord;
  }

  /**
   * Every id, in creation order.
   *
   * @returns The ids.
   */
  *keys(): IterableIterator<string> {
    for (let p = 0; p < this.#slots.length; p++) yield this.#idAt(p);
  }

  /**
   * Every `[id, user]`, in creation order, to read only.
   *
   * @returns The entries.
   */
  *entries(): IterableIterator<[string, UserRecord]> {
    for (let p = 0; p < this.#slots.length; p++) yield [this.#idAt(p), this.at(p) as UserRecord];
  }

  /**
   * Every `[id, user]`, in creation order, to read only.
   *
   * @returns The entries.
   */
  [Symbol.iterator](): IterableIterator<[string, UserRecord]> {
    return this.entries();
  }

  /**
   * Calls `callback` for every user in creation order, as `Map.forEach` does (read only).
   *
   * @param callback Gets the user, its id and this table.
   */
  forEach(callback: (user: UserRecord, id: string, table: this) => void): void {
    for (const [id, user] of this.entries()) callback(user, id, this);
  }

  /**
   * The id of the user whose lower-cased `userName` this is.
   *
   * @param lowerCased The name, lower-cased.
   * @returns The id, if any (check the user: the index may name a user renamed since).
   */
  idByUserName(lowerCased: string): string | undefined {
    const id = this.#byUserName.get(lowerCased);
    if (id !== undefined || this.#seeded === undefined) return id;
    const index = this.#seeded.indexOfUserName(lowerCased);
    return index === undefined ? undefined : this.#seeded.id(index);
  }

  /**
   * The id of the user holding this lower-cased email.
   *
   * @param lowerCased The address, lower-cased.
   * @returns The id, if any (check the user).
   */
  idByEmail(lowerCased: string): string | undefined {
    const id = this.#byEmail.get(lowerCased);
    if (id !== undefined || this.#seeded === undefined) return id;
    const userName = this.#seeded.userNameOfEmail(lowerCased);
    const index = userName === undefined ? undefined : this.#seeded.indexOfUserName(userName);
    return index === undefined ? undefined : this.#seeded.id(index);
  }

  /**
   * The ids of the users with this lower-cased `externalId` (never `""`).
   *
   * @param lowerCased The external id, lower-cased.
   * @returns The ids, in no particular order.
   */
  idsByExternalId(lowerCased: string): readonly string[] {
    const ids = this.#byExternalId.get(lowerCased);
    return ids === undefined ? [] : [...ids];
  }

  /**
   * Hands the table where seeded users come from, before {@linkcode UserTable.addSeeded}.
   *
   * @param source The seeded users' columns.
   */
  attachSeeded(source: SeededUserSource): void {
    this.#seeded = source;
  }

  /**
   * Adds seeded user `index` at the end without building its record or indexing its name and
   * emails: the source finds those (`indexOfUserName`, `userNameOfEmail`) until it is written.
   *
   * @param index Its index in the seeded source.
   * @param id Its id.
   */
  addSeeded(index: number, id: string): void {
    if (this.#seeded === undefined) throw new Error("addSeeded before attachSeeded");
    this.#positions.set(id, this.#slots.length);
    this.#slots.push(index);
  }

  #build(index: number): UserRecord {
    return (this.#seeded as SeededUserSource).materialise(index);
  }

  #idAt(position: number): string {
    const slot = this.#slots[position] as UserRecord | number;
    return typeof slot === "number" ? (this.#seeded as SeededUserSource).id(slot) : slot.id;
  }

  #index(id: string, userName: string, emails: readonly string[], externalId: string): void {
    this.#byUserName.set(userName.toLowerCase(), id);
    for (const email of emails) this.#byEmail.set(email.toLowerCase(), id);
    addTo(this.#byExternalId, externalId.toLowerCase(), id);
  }

  #unindex(id: string, user: UserRecord): void {
    const name = user.userName.toLowerCase();
    if (this.#byUserName.get(name) === id) this.#byUserName.delete(name);
    for (const email of user.emails) {
      const key = email.value.toLowerCase();
      if (this.#byEmail.get(key) === id) this.#byEmail.delete(key);
    }
    removeFrom(this.#byExternalId, user.externalId.toLowerCase(), id);
  }
}

/**
 * Groups by id, in creation order, indexed by lower-cased `displayName`; lists read them by
 * position. A stored group's `displayName` is read-only (the index would not see a name changed
 * in place): rename with a copy (`{ ...group, displayName }`) through `set`; members and
 * `linkedToChannels` may change in place.
 */
export class GroupTable {
  #order: GroupRecord[] = [];
  #positions: Map<string, number> = new Map();
  #byDisplayName: Map<string, Set<string>> = new Map();

  /** How many groups. */
  get size(): number {
    return this.#order.length;
  }

  /**
   * Whether a group has this id.
   *
   * @param id The id.
   * @returns Whether it exists.
   */
  has(id: string): boolean {
    return this.#positions.has(id);
  }

  /**
   * The stored group.
   *
   * @param id The id.
   * @returns The group, if any.
   */
  get(id: string): GroupRecord | undefined {
    const position = this.#positions.get(id);
    return position === undefined ? undefined : this.#order[position];
  }

  /**
   * The group at a position of creation order.
   *
   * @param position 0 for the oldest group.
   * @returns The group, or `undefined` past the end.
   */
  at(position: number): GroupRecord | undefined {
    return this.#order[position];
  }

  /**
   * A group's position in creation order.
   *
   * @param id The id.
   * @returns The position, or `undefined` for an unknown id.
   */
  positionOf(id: string): number | undefined {
    return this.#positions.get(id);
  }

  /**
   * Adds a group at the end, or replaces the one with this id (keeping its position).
   *
   * @param id The id (the record's own).
   * @param group The record.
   * @returns This table.
   */
  set(id: string, group: GroupRecord): this {
    // Renaming in place would leave the index stale: it throws instead; copies are writable.
    Object.defineProperty(group, "displayName", { writable: false });
    const position = this.#positions.get(id);
    if (position === undefined) {
      this.#positions.set(id, this.#order.length);
      this.#order.push(group);
    } else {
      removeFrom(
        this.#byDisplayName,
        (this.#order[position] as GroupRecord).displayName.toLowerCase(),
        id,
      );
      this.#order[position] = group;
    }
    addTo(this.#byDisplayName, group.displayName.toLowerCase(), id);
    return this;
  }

  /**
   * Deletes a group; O(n) in the number of groups.
   *
   * @param id The id.
   * @returns Whether there was one.
   */
  delete(id: string): boolean {
    const position = this.#positions.get(id);
    if (position === undefined) return false;
    const [group] = this.#order.splice(position, 1) as [GroupRecord];
    removeFrom(this.#byDisplayName, group.displayName.toLowerCase(), id);
    this.#positions.delete(id);
    for (let p = position; p < this.#order.length; p++) {
      this.#positions.set((this.#order[p] as GroupRecord).id, p);
    }
    return true;
  }

  /** Removes every group. */
  clear(): void {
    this.#order = [];
    this.#positions.clear();
    this.#byDisplayName.clear();
  }

  /**
   * Every group, in creation order.
   *
   * @returns The groups.
   */
  values(): IterableIterator<GroupRecord> {
    return this.#order.values();
  }

  /**
   * Every id, in creation order.
   *
   * @returns The ids.
   */
  *keys(): IterableIterator<string> {
    for (const group of this.#order) yield group.id;
  }

  /**
   * Every `[id, group]`, in creation order.
   *
   * @returns The entries.
   */
  *entries(): IterableIterator<[string, GroupRecord]> {
    for (const group of this.#order) yield [group.id, group];
  }

  /**
   * Every `[id, group]`, in creation order.
   *
   * @returns The entries.
   */
  [Symbol.iterator](): IterableIterator<[string, GroupRecord]> {
    return this.entries();
  }

  /**
   * Calls `callback` for every group in creation order, as `Map.forEach` does.
   *
   * @param callback Gets the group, its id and this table.
   */
  forEach(callback: (group: GroupRecord, id: string, table: this) => void): void {
    for (const [id, group] of this.entries()) callback(group, id, this);
  }

  /**
   * The ids of the groups with this lower-cased `displayName`.
   *
   * @param lowerCased The name, lower-cased.
   * @returns The ids, in no particular order.
   */
  idsByDisplayName(lowerCased: string): readonly string[] {
    const ids = this.#byDisplayName.get(lowerCased);
    return ids === undefined ? [] : [...ids];
  }
}

/** Users and groups, with id generation that is deterministic for a seed. */
export class Store {
  /** Users by id, in creation order. */
  readonly users: UserTable = new UserTable();
  /** Groups by id, in creation order. */
  readonly groups: GroupTable = new GroupTable();
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
    const codes = ID_CODES;
    codes[0] = prefix.charCodeAt(0);
    for (;;) {
      for (let i = 1; i <= 10; i++) codes[i] = ID_ALPHABET.charCodeAt(this.#ids.int(36));
      // One flat string (not 10 concatenations), so hashing it for the maps is cheap.
      const id = String.fromCharCode(...codes);
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
    const id = this.users.idByUserName(wanted);
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
    const id = this.users.idByEmail(wanted);
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
    const groups = [];
    for (const group of this.groups.values()) if (group.members.has(userId)) groups.push(group);
    return groups;
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
