/**
 * Synthetic users and groups, the same for the same seed on every run and runtime.
 *
 * @module
 */

import { SeededRandom } from "./seeded_random.ts";
import { blankUser, type Store, type UserRecord } from "./store.ts";

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

/**
 * Fills a store with synthetic users and groups. About 1 user in 20 is a multi-channel guest,
 * 1 in 50 a single-channel guest and 1 in 25 deactivated; groups hold active full members only.
 *
 * @param store The store to fill (ids come from its own seeded stream).
 * @param options How much, from which seed.
 */
export function seedStore(store: Store, options: SeedOptions): void {
  const random = new SeededRandom(options.seed);
  const created: UserRecord[] = [];
  for (let i = 0; i < options.users; i++) {
    const given = random.pick(GIVEN);
    const family = random.pick(FAMILY);
    // The index keeps names and emails unique without a retry loop.
    const userName = `${given}.${family}${i}`.toLowerCase().slice(0, 21);
    const user = blankUser(store.newId("W"), SEED_EPOCH + i * 3_600_000);
    user.userName = userName;
    user.givenName = given;
    user.familyName = family;
    user.displayName = random.next() < 0.8 ? `${given} ${family}` : "";
    user.title = random.pick(TITLES);
    user.timezone = random.pick(TIMEZONES);
    user.emails = [{ value: `${userName}@example.com`, type: "work", primary: true }];
    if (random.next() < 0.3) {
      user.emails.push({ value: `${userName}@home.example`, type: "home", primary: false });
    }
    if (random.next() < 0.5) user.primaryPhone = `555-01${String(i % 100).padStart(2, "0")}`;
    if (random.next() < 0.2) user.mobilePhone = `555-02${String(i % 100).padStart(2, "0")}`;
    if (random.next() < 0.3) {
      user.enterprise = {
        employeeNumber: String(1000 + i),
        costCenter: "",
        organization: "Example",
        division: "",
        department: random.pick(DEPARTMENTS),
        managerId: created.length > 0 ? random.pick(created).id : "",
      };
    }
    const kind = random.next();
    if (kind < 0.05) {
      user.guest = { type: "multi", expiration: "", channels: guestChannels(random) };
    } else if (kind < 0.07) {
      user.guest = { type: "single", expiration: "", channels: guestChannels(random).slice(0, 1) };
    }
    if (random.next() < 0.04) user.active = false;
    store.users.set(user.id, user);
    created.push(user);
  }
  const members = created.filter((user) => user.active && user.guest === undefined);
  for (let i = 0; i < options.groups; i++) {
    const group = {
      id: store.newId("S"),
      displayName: `${random.pick(TEAMS)}-${i}`,
      members: new Set<string>(),
      created: SEED_EPOCH + i * 60_000,
      linkedToChannels: false,
    };
    const size = members.length === 0 ? 0 : 1 + random.int(Math.min(members.length, 20));
    for (let j = 0; j < size; j++) group.members.add(random.pick(members).id);
    store.groups.set(group.id, group);
  }
}

function guestChannels(random: SeededRandom): { id: string; name: string }[] {
  const count = 1 + random.int(3);
  const channels = [];
  for (let i = 0; i < count; i++) {
    const id = `C${String(random.int(1e8)).padStart(8, "0")}`;
    channels.push({ id, name: `shared-${id.slice(-4).toLowerCase()}` });
  }
  return channels;
}
