/** v2 lists page and filter through the store's indexes, as v1's do: cost follows the page. */
import assert from "node:assert/strict";
import { seedStore } from "../../../scim/testing/seed.ts";
import { Store, type UserRecord, type UserTable } from "../../../scim/testing/store.ts";
import { USERS_V2 } from "../../../scim/testing/v2/users_routes.ts";

/** Counts the users a call reads from the table (`at`; `peek` reads through it). */
function countReads(users: UserTable): () => number {
  let reads = 0;
  const at = users.at.bind(users);
  users.at = (position: number): UserRecord | undefined => {
    reads++;
    return at(position);
  };
  return () => reads;
}

function seeded(users: number): Store {
  const store = new Store(1);
  seedStore(store, { users, groups: 3, seed: 1 });
  return store;
}

const context = (store: Store) => ({ store, now: () => 0, base: "https://x/scim/v2/" });

Deno.test("a v2 page of users reads that page's users only, however big the directory", () => {
  const store = seeded(50_000);
  const reads = countReads(store.users);
  const result = USERS_V2.list(
    new URL("https://x/Users?startIndex=49991&count=100"),
    context(store),
  );
  const body = result.body as { totalResults: number; Resources: unknown[] };
  assert.equal(body.totalResults, 50_000);
  assert.equal(body.Resources.length, 10);
  assert.equal(reads(), 10);
});

Deno.test("v2 userName, emails and email eq filters read the one matching user", () => {
  const store = seeded(50_000);
  const target = store.users.at(31_337) as UserRecord;
  const reads = countReads(store.users);
  const email = target.emails[0]!.value;
  const filters = [
    `userName eq "${target.userName.toUpperCase()}"`,
    `emails eq "${email}"`,
    `emails.value eq "${email}"`,
    `email eq "${email}"`,
  ];
  for (const text of filters) {
    const url = new URL(`https://x/Users?filter=${encodeURIComponent(text)}`);
    const body = USERS_V2.list(url, context(store)).body as { Resources: { id: string }[] };
    assert.deepEqual(body.Resources.map((user) => user.id), [target.id], text);
  }
  assert.equal(reads(), filters.length);
});
