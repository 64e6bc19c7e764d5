import assert from "node:assert/strict";
import { seedStore } from "../../scim/testing/seed.ts";
import { Store, type UserRecord, type UserTable } from "../../scim/testing/store.ts";
import { USERS_V1 } from "../../scim/testing/v1/users_routes.ts";
import { call, simulator } from "./helpers.ts";

const CORE = "urn:scim:schemas:core:1.0";
const ids = (body: { Resources: { id: string }[] }) => body.Resources.map((r) => r.id);
const filter = (text: string) => `Users?count=1000&filter=${encodeURIComponent(text)}`;

/** Counts the users a call reads from the table to answer (`at`; `peek` reads through it). */
function countReads(users: UserTable): { reads: () => number } {
  let reads = 0;
  const at = users.at.bind(users);
  users.at = (position: number): UserRecord | undefined => {
    reads++;
    return at(position);
  };
  return { reads: () => reads };
}

function seeded(users: number): Store {
  const store = new Store(1);
  seedStore(store, { users, groups: 3, seed: 1 });
  return store;
}

const context = (store: Store) => ({ store, now: () => 0, base: "https://x/scim/v1/" });

Deno.test("a page of users reads that page's users only, however big the directory", () => {
  const store = seeded(50_000);
  const { reads } = countReads(store.users);
  const result = USERS_V1.list(
    new URL("https://x/Users?startIndex=49991&count=100"),
    context(store),
  );
  const body = result.body as { totalResults: number; Resources: unknown[] };
  assert.equal(body.totalResults, 50_000);
  assert.equal(body.Resources.length, 10);
  assert.equal(reads(), 10);
});

Deno.test("userName eq and email eq read the one matching user, not the directory", () => {
  const store = seeded(50_000);
  const target = store.users.at(31_337) as UserRecord;
  const { reads } = countReads(store.users);
  for (
    const text of [
      `userName eq "${target.userName.toUpperCase()}"`,
      `email eq "${target.emails[0]!.value}"`,
    ]
  ) {
    const url = new URL(`https://x/Users?filter=${encodeURIComponent(text)}`);
    const body = USERS_V1.list(url, context(store)).body as { Resources: { id: string }[] };
    assert.deepEqual(body.Resources.map((user) => user.id), [target.id], text);
  }
  assert.equal(reads(), 2);
});

Deno.test("seeded userNames stay unique at 20,000 users (the name is cut, never the number)", () => {
  const store = seeded(20_000);
  const names = new Set<string>();
  for (const user of store.users.values()) {
    assert.ok(user.userName.length <= 21, user.userName);
    names.add(user.userName);
    assert.equal(store.findUserByUserName(user.userName)?.id, user.id, user.userName);
    assert.equal(store.findUserByEmail(user.emails[0]!.value)?.id, user.id);
  }
  assert.equal(names.size, 20_000);
});

Deno.test("filters answered from the indexes agree with a scan after renames, new emails, creates and deactivations", async () => {
  const sim = simulator({ users: 300, groups: 3, seed: 5 });
  const all = async () => (await call(sim, "GET", "Users?count=1000")).body.Resources;
  const before = await all();
  const renamed = before[10];
  const emailChanged = before[20];
  const deactivated = before[30];
  const taker = before[40];
  assert.equal(
    (await call(sim, "PATCH", `Users/${renamed.id}`, { schemas: [CORE], userName: "renamed.one" }))
      .status,
    200,
  );
  assert.equal(
    (await call(sim, "PATCH", `Users/${emailChanged.id}`, {
      schemas: [CORE],
      emails: [{ value: "moved@example.org", primary: true }],
    })).status,
    200,
  );
  assert.equal((await call(sim, "DELETE", `Users/${deactivated.id}`)).status, 200);
  // Another user takes the renamed user's old name.
  assert.equal(
    (await call(sim, "PATCH", `Users/${taker.id}`, { schemas: [CORE], userName: renamed.userName }))
      .status,
    200,
  );
  const created = await call(sim, "POST", "Users", {
    schemas: [CORE],
    userName: "Fresh.Person",
    externalId: "EXT-9",
    emails: [{ value: "Fresh@Example.com" }],
  });
  assert.equal(created.status, 201);
  const users = await all();
  const names = [
    renamed.userName,
    "renamed.one",
    taker.userName,
    "fresh.person",
    deactivated.userName,
    before[200].userName,
    "nobody.here",
  ];
  const emails = [
    emailChanged.emails[0].value,
    "MOVED@example.org",
    "fresh@example.com",
    before[250].emails.at(-1).value,
    `${renamed.userName}@example.com`,
  ];
  const expect = (
    pick: (user: { userName: string; emails: { value: string }[] }) => string[],
    value: string,
  ) =>
    users.filter((user: { userName: string; emails: { value: string }[] }) =>
      pick(user).some((v) => v.toLowerCase() === value.toLowerCase())
    ).map((user: { id: string }) => user.id);
  for (const name of names) {
    const answer = await call(sim, "GET", filter(`userName eq "${name}"`));
    assert.deepEqual(ids(answer.body), expect((user) => [user.userName], name), name);
  }
  for (const email of emails) {
    const answer = await call(sim, "GET", filter(`email eq "${email}"`));
    assert.deepEqual(
      ids(answer.body),
      expect((user) => user.emails.map((e) => e.value), email),
      email,
    );
  }
  const external = await call(sim, "GET", filter('externalId eq "ext-9"'));
  assert.deepEqual(ids(external.body), [created.body.id]);
  // Under and/or, the indexes narrow and the whole filter still decides.
  const both = await call(
    sim,
    "GET",
    filter(`userName eq "${before[50].userName}" or email eq "${before[60].emails[0].value}"`),
  );
  assert.deepEqual(ids(both.body), [before[50].id, before[60].id]);
  const narrowed = await call(
    sim,
    "GET",
    filter(`active eq false and userName eq "${deactivated.userName}"`),
  );
  assert.deepEqual(ids(narrowed.body), [deactivated.id]);
  const none = await call(
    sim,
    "GET",
    filter(`active eq true and userName eq "${deactivated.userName}"`),
  );
  assert.equal(none.body.totalResults, 0);
});

Deno.test("pages walked while users are created and deactivated show every user once, in order", async () => {
  const sim = simulator({ users: 95, seed: 3 });
  const original = ids((await call(sim, "GET", "Users?count=1000")).body);
  const seen: string[] = [];
  for (let start = 1;; start += 10) {
    const page = (await call(sim, "GET", `Users?startIndex=${start}&count=10`)).body;
    seen.push(...ids(page));
    if (page.Resources.length < 10) break;
    await call(sim, "POST", "Users", {
      schemas: [CORE],
      userName: `late${start}`,
      emails: [{ value: `late${start}@example.com` }],
    });
    await call(sim, "DELETE", `Users/${original[start]}`);
  }
  assert.deepEqual(seen.slice(0, 95), original);
  assert.equal(new Set(seen).size, seen.length);
});

Deno.test("a renamed group is found by its new displayName, not its old one", async () => {
  const sim = simulator({ users: 20, groups: 4, seed: 2 });
  const groups = (await call(sim, "GET", "Groups")).body.Resources;
  const [first, second] = groups;
  const put = await call(sim, "PUT", `Groups/${first.id}`, {
    schemas: [CORE],
    displayName: "Renamed Team",
    members: [],
  });
  assert.equal(put.status, 200);
  const patch = await call(sim, "PATCH", `Groups/${second.id}`, {
    schemas: [CORE],
    displayName: "Patched Team",
  });
  assert.equal(patch.status, 204);
  const find = async (name: string) =>
    ids(
      (await call(sim, "GET", `Groups?filter=${encodeURIComponent(`displayName eq "${name}"`)}`))
        .body,
    );
  assert.deepEqual(await find("renamed team"), [first.id]);
  assert.deepEqual(await find(first.displayName), []);
  assert.deepEqual(await find("PATCHED TEAM"), [second.id]);
  assert.deepEqual(await find(second.displayName), []);
  assert.equal((await call(sim, "DELETE", `Groups/${first.id}`)).status, 204);
  assert.deepEqual(await find("renamed team"), []);
  const rest = (await call(sim, "GET", "Groups?startIndex=1&count=10")).body;
  assert.deepEqual(ids(rest), groups.slice(1).map((g: { id: string }) => g.id));
});

Deno.test("changing an indexed attribute of a stored record in place throws instead of going stale", () => {
  const store = seeded(10);
  const user = store.users.get(store.users.at(3)!.id)!;
  assert.throws(() => (user as { userName: string }).userName = "sneaky", TypeError);
  assert.throws(
    () => user.emails.push({ value: "x@example.com", type: "", primary: false }),
    TypeError,
  );
  assert.throws(() => (user.emails[0] as { value: string }).value = "x@example.com", TypeError);
  assert.throws(() => (user as { externalId: string }).externalId = "E1", TypeError);
  user.active = false; // not indexed: a route may deactivate in place
  assert.equal(store.users.get(user.id)?.active, false);
  const group = store.groups.at(0)!;
  assert.throws(() => (group as { displayName: string }).displayName = "renamed", TypeError);
  // A copy is writable, and set() indexes it.
  const renamed = { ...group, displayName: "Renamed" };
  store.groups.set(renamed.id, renamed);
  assert.deepEqual(store.groups.idsByDisplayName("renamed"), [group.id]);
  assert.deepEqual(store.groups.idsByDisplayName(group.displayName.toLowerCase()), []);
});

Deno.test("a filter that scans reads seeded users attribute by attribute, the same values as their records", () => {
  const store = seeded(3000);
  const keys = Object.keys(store.users.at(0)!) as (keyof UserRecord)[];
  assert.equal(keys.length, 23);
  for (let p = 0; p < 3000; p++) {
    const record = store.users.at(p)!;
    const probe = store.users.probe(p)!;
    for (const key of keys) assert.deepEqual(probe[key], record[key], `${p} ${key}`);
  }
  // A written user is its record.
  const written = store.users.get(store.users.at(5)!.id)!;
  assert.equal(store.users.probe(5), written);
  const scan = (
    text: string,
  ) => (USERS_V1.list(
    new URL(`https://x/Users?count=1000&filter=${encodeURIComponent(text)}`),
    context(store),
  )
    .body as { totalResults: number; Resources: { id: string; active: boolean }[] });
  const inactive = scan("active eq false");
  assert.equal(
    inactive.totalResults,
    [...store.users.values()].filter((user) => !user.active).length,
  );
  assert.ok(inactive.Resources.every((user) => user.active === false));
});
