/**
 * Synthetic users and groups, the same for the same seed on every run and runtime.
 *
 * @module
 */

import { SeededRandom } from "./seeded_random.ts";
import { blankUser, type SeededUserSource, type Store, type UserRecord } from "./store.ts";

const GIVEN = [
  "Ada",
  "Alan",
  "Barbara",
  "Carly",
  "Dennis",
  "Edsger",
  "Frances",
  "Grace",
  "Hedy",
  "Ivan",
  "Joan",
  "Ken",
  "Linus",
  "Margaret",
  "Niklaus",
  "Radia",
  "Shafi",
  "Tim",
  "Vint",
  "Yukihiro",
];
const FAMILY = [
  "Allen",
  "Bell",
  "Cerf",
  "Dijkstra",
  "Engelbart",
  "Floyd",
  "Goldberg",
  "Hopper",
  "Iverson",
  "Jobs",
  "Knuth",
  "Lamport",
  "Liskov",
  "Matsumoto",
  "Perlman",
  "Ritchie",
  "Thompson",
  "Wirth",
];
const TITLES = ["", "Engineer", "Designer", "Support Lead", "Recruiter", "Product Manager"];
const TIMEZONES = ["America/Los_Angeles", "America/New_York", "Europe/London", "Asia/Tokyo"];
const DEPARTMENTS = ["Engineering", "Design", "Support", "People", "Sales"];
const TEAMS = ["eng", "design", "support", "people", "sales", "oncall", "leads", "alumni"];

/** Seeded data starts at this instant (2020-01-01T00:00:00Z), so it never depends on a clock. */
const SEED_EPOCH = Date.UTC(2020, 0, 1);

/** How much to seed. */
export interface SeedOptions {
  /** How many users. */
  readonly users: number;
  /** How many groups. */
  readonly groups: number;
  /** The seed. */
  readonly seed: number;
}

const WORK_DOMAIN = "@example.com";
const HOME_DOMAIN = "@home.example";
const SEEDED_EMAIL_DOMAINS = [WORK_DOMAIN, HOME_DOMAIN];

// What each seeded user has, one bit each.
const DISPLAY_NAME = 1;
const HOME_EMAIL = 2;
const PHONE = 4;
const MOBILE = 8;
const ENTERPRISE = 16;
const INACTIVE = 32;
const MULTI_GUEST = 64;
const SINGLE_GUEST = 128;

/**
 * Seeded users as columns: a few bytes per user plus its id, instead of a record of about 3 KB.
 * Records are built from the columns when read, the same every time; a seeded user's name and
 * emails are found from the name itself (it ends with the user's index), so seeding builds no
 * name or email index.
 */
class SeededColumns implements SeededUserSource {
  readonly ids: string[] = [];
  readonly given: Uint8Array;
  readonly family: Uint8Array;
  readonly flags: Uint8Array;
  readonly title: Uint8Array;
  readonly timezone: Uint8Array;
  readonly department: Uint8Array;
  /** The manager's seeded index, or -1. */
  readonly manager: Int32Array;
  /** Guests only: how many channels (1 to 3), and their numbers, 3 slots per user. */
  readonly channelCount: Uint8Array;
  readonly channels: Int32Array;

  constructor(count: number) {
    this.given = new Uint8Array(count);
    this.family = new Uint8Array(count);
    this.flags = new Uint8Array(count);
    this.title = new Uint8Array(count);
    this.timezone = new Uint8Array(count);
    this.department = new Uint8Array(count);
    this.manager = new Int32Array(count);
    this.channelCount = new Uint8Array(count);
    this.channels = new Int32Array(count * 3);
  }

  id(index: number): string {
    return this.ids[index] as string;
  }

  /**
   * Seeded user `i`'s `userName`: first and last name, then `i`, at most 21 characters (the
   * names are cut, never the number, so every seeded name is unique).
   */
  userName(i: number): string {
    const digits = String(i);
    const name = `${GIVEN[this.given[i] as number]}.${FAMILY[this.family[i] as number]}`;
    return name.toLowerCase().slice(0, 21 - digits.length) + digits;
  }

  indexOfUserName(lowerCased: string): number | undefined {
    const digits = /\d+$/.exec(lowerCased)?.[0];
    if (digits === undefined || digits.length > 7 || (digits.length > 1 && digits[0] === "0")) {
      return undefined;
    }
    const i = Number(digits);
    return i < this.ids.length && this.userName(i) === lowerCased ? i : undefined;
  }

  userNameOfEmail(lowerCased: string): string | undefined {
    for (const domain of SEEDED_EMAIL_DOMAINS) {
      if (lowerCased.endsWith(domain)) return lowerCased.slice(0, -domain.length);
    }
    return undefined;
  }

  materialise(i: number): UserRecord {
    const flags = this.flags[i] as number;
    const given = GIVEN[this.given[i] as number] as string;
    const family = FAMILY[this.family[i] as number] as string;
    const userName = this.userName(i);
    const user = blankUser(this.ids[i] as string, SEED_EPOCH + i * 3_600_000);
    user.userName = userName;
    user.givenName = given;
    user.familyName = family;
    user.displayName = flags & DISPLAY_NAME ? `${given} ${family}` : "";
    user.title = TITLES[this.title[i] as number] as string;
    user.timezone = TIMEZONES[this.timezone[i] as number] as string;
    user.emails = [{ value: `${userName}${WORK_DOMAIN}`, type: "work", primary: true }];
    if (flags & HOME_EMAIL) {
      user.emails.push({ value: `${userName}${HOME_DOMAIN}`, type: "home", primary: false });
    }
    if (flags & PHONE) user.primaryPhone = `555-01${String(i % 100).padStart(2, "0")}`;
    if (flags & MOBILE) user.mobilePhone = `555-02${String(i % 100).padStart(2, "0")}`;
    if (flags & ENTERPRISE) {
      const manager = this.manager[i] as number;
      user.enterprise = {
        employeeNumber: String(1000 + i),
        costCenter: "",
        organization: "Example",
        division: "",
        department: DEPARTMENTS[this.department[i] as number] as string,
        managerId: manager < 0 ? "" : this.ids[manager] as string,
      };
    }
    if (flags & (MULTI_GUEST | SINGLE_GUEST)) {
      const channels = [];
      for (let c = 0; c < (this.channelCount[i] as number); c++) {
        const id = `C${String(this.channels[i * 3 + c]).padStart(8, "0")}`;
        channels.push({ id, name: `shared-${id.slice(-4).toLowerCase()}` });
      }
      user.guest = { type: flags & MULTI_GUEST ? "multi" : "single", expiration: "", channels };
    }
    if (flags & INACTIVE) user.active = false;
    return user;
  }
}

/**
 * Fills a store with synthetic users and groups. About 1 user in 20 is a multi-channel guest,
 * 1 in 50 a single-channel guest and 1 in 25 deactivated; groups hold active full members only.
 * Users are kept as compact columns (see `UserTable`), so seeding 1,000,000 takes
 * seconds.
 *
 * @param store The store to fill (ids come from its own seeded stream).
 * @param options How much, from which seed.
 */
export function seedStore(store: Store, options: SeedOptions): void {
  const random = new SeededRandom(options.seed);
  const n = options.users;
  const columns = new SeededColumns(n);
  store.users.attachSeeded(columns);
  for (let i = 0; i < n; i++) {
    columns.given[i] = random.int(GIVEN.length);
    columns.family[i] = random.int(FAMILY.length);
    const id = store.newId("W");
    let flags = 0;
    if (random.next() < 0.8) flags |= DISPLAY_NAME;
    columns.title[i] = random.int(TITLES.length);
    columns.timezone[i] = random.int(TIMEZONES.length);
    if (random.next() < 0.3) flags |= HOME_EMAIL;
    if (random.next() < 0.5) flags |= PHONE;
    if (random.next() < 0.2) flags |= MOBILE;
    columns.manager[i] = -1;
    if (random.next() < 0.3) {
      flags |= ENTERPRISE;
      columns.department[i] = random.int(DEPARTMENTS.length);
      if (i > 0) columns.manager[i] = random.int(i);
    }
    const kind = random.next();
    if (kind < 0.07) {
      flags |= kind < 0.05 ? MULTI_GUEST : SINGLE_GUEST;
      // A single-channel guest draws its channels as a multi-channel one does, keeps the first.
      const count = 1 + random.int(3);
      for (let c = 0; c < count; c++) columns.channels[i * 3 + c] = random.int(1e8);
      columns.channelCount[i] = kind < 0.05 ? count : 1;
    }
    if (random.next() < 0.04) flags |= INACTIVE;
    columns.flags[i] = flags;
    columns.ids.push(id);
    store.users.addSeeded(i, id);
  }
  const members: string[] = [];
  for (let i = 0; i < n; i++) {
    if (((columns.flags[i] as number) & (INACTIVE | MULTI_GUEST | SINGLE_GUEST)) === 0) {
      members.push(columns.ids[i] as string);
    }
  }
  for (let i = 0; i < options.groups; i++) {
    const group = {
      id: store.newId("S"),
      displayName: `${random.pick(TEAMS)}-${i}`,
      members: new Set<string>(),
      created: SEED_EPOCH + i * 60_000,
      linkedToChannels: false,
    };
    const size = members.length === 0 ? 0 : 1 + random.int(Math.min(members.length, 20));
    for (let j = 0; j < size; j++) group.members.add(random.pick(members));
    store.groups.set(group.id, group);
  }
}
