import assert from "node:assert/strict";
import { call, simulator } from "./helpers.ts";

async function snapshot(seed: number) {
  const sim = simulator({ users: 60, groups: 5, seed });
  const users = (await call(sim, "GET", "Users?count=1000")).body;
  const groups = (await call(sim, "GET", "Groups?count=1000")).body;
  const created = await call(sim, "POST", "Users", {
    schemas: ["urn:scim:schemas:core:1.0"],
    userName: "later",
    emails: [{ value: "later@example.com" }],
  });
  return { users, groups, createdId: created.body.id };
}

Deno.test("the same seed gives the same users, groups and later ids", async () => {
  assert.deepEqual(await snapshot(42), await snapshot(42));
});

Deno.test("different seeds give different data", async () => {
  const a = await snapshot(1);
  const b = await snapshot(2);
  assert.notDeepEqual(
    a.users.Resources.map((u: { id: string }) => u.id),
    b.users.Resources.map((u: { id: string }) => u.id),
  );
  assert.notEqual(a.createdId, b.createdId);
});

Deno.test("seeded data does not depend on the clock", async () => {
  const at = (now: number) => simulator({ users: 5, clock: { now: () => now } });
  const early = await call(at(0), "GET", "Users");
  const late = await call(at(2e12), "GET", "Users");
  assert.deepEqual(early.body, late.body);
});

Deno.test("seeded users are valid and unique: W ids, distinct userNames and emails", async () => {
  const sim = simulator({ users: 500, groups: 10, seed: 9 });
  const users = (await call(sim, "GET", "Users?count=1000")).body.Resources;
  assert.equal(users.length, 500);
  const names = new Set(users.map((u: { userName: string }) => u.userName));
  const emails = new Set(
    users.flatMap((u: { emails: { value: string }[] }) => u.emails.map((e) => e.value)),
  );
  assert.equal(names.size, 500);
  assert.ok(emails.size >= 500);
  for (const user of users) {
    assert.match(user.id, /^W[0-9A-Z]{10}$/);
    assert.ok(user.userName.length <= 21);
    assert.equal(user.emails.filter((e: { primary: boolean }) => e.primary).length, 1);
  }
  assert.ok(users.some((u: { active: boolean }) => !u.active), "some are deactivated");
});

Deno.test("seeded groups hold active full members, and members list the group", async () => {
  const sim = simulator({ users: 100, groups: 5, seed: 4 });
  const groups = (await call(sim, "GET", "Groups")).body.Resources;
  assert.equal(groups.length, 5);
  for (const group of groups) {
    assert.match(group.id, /^S[0-9A-Z]{10}$/);
    for (const member of group.members) {
      const user = (await call(sim, "GET", `Users/${member.value}`)).body;
      assert.equal(user.active, true);
      assert.equal(user["urn:scim:schemas:extension:slack:guest:1.0"], undefined);
      assert.ok(user.groups.some((g: { value: string }) => g.value === group.id));
    }
  }
});

Deno.test("bad seeding options are refused up front", () => {
  assert.throws(() => simulator({ users: -1 }), RangeError);
  assert.throws(() => simulator({ groups: 1.5 }), RangeError);
  assert.throws(() => simulator({ token: [] }), TypeError);
  assert.throws(() => simulator({ token: "" }), TypeError);
});
