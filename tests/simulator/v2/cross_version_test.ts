/**
 * v1 and v2 serve one store: what one version writes, the other reads, patches and deactivates,
 * each answering in its own shape.
 */
import assert from "node:assert/strict";
import {
  CORE_V1,
  createV1,
  ENTERPRISE_V1,
  ENTERPRISE_V2,
  ERROR_V2,
  expectStatus,
  GROUP_V2,
  LIST_RESPONSE,
  patchOp,
  simulator,
  USER_V2,
  v1,
  v2,
} from "./helpers.ts";

Deno.test("a user created through v1 is read, patched and deactivated through v2, in v2's shape", async () => {
  const sim = simulator();
  const id = await createV1(sim, "cal", {
    emails: [{ value: "cal@example.com", primary: true }, { value: "cal@home.example" }],
    schemas: [CORE_V1, ENTERPRISE_V1],
    [ENTERPRISE_V1]: { department: "Ops" },
  });

  const read = expectStatus(await v2(sim, "GET", `Users/${id}`), 200).body;
  assert.equal(read.schemas[0], USER_V2);
  assert.equal(read.meta.location, `https://api.slack.com/scim/v2/Users/${id}`);
  assert.equal(read[ENTERPRISE_V2].department, "Ops");
  assert.equal(read[ENTERPRISE_V2].costCenter, null);
  assert.equal(read[ENTERPRISE_V1], undefined);

  const patched = expectStatus(
    await v2(
      sim,
      "PATCH",
      `Users/${id}`,
      patchOp(
        { op: "replace", path: "name.givenName", value: "Cal" },
        { op: "remove", path: "emails[primary eq false]" },
      ),
    ),
    200,
  ).body;
  assert.equal(patched.name.givenName, "Cal");
  assert.deepEqual(patched.emails, [{ value: "cal@example.com", primary: true }]);

  const deleted = await v2(sim, "DELETE", `Users/${id}`);
  assert.equal(deleted.status, 204);
  assert.equal(deleted.text, "");

  // v1 sees every change, in v1's shape.
  const back = expectStatus(await v1(sim, "GET", `Users/${id}`), 200).body;
  assert.deepEqual(back.schemas, [CORE_V1, ENTERPRISE_V1]);
  assert.equal(back.meta.location, `https://api.slack.com/scim/v1/Users/${id}`);
  assert.equal(back.name.givenName, "Cal");
  assert.deepEqual(back.emails, [{ value: "cal@example.com", primary: true }]);
  assert.equal(back.active, false);
});

Deno.test("a user created through v2 is read, patched and deactivated through v1, in v1's shape", async () => {
  const sim = simulator();
  const created = expectStatus(
    await v2(sim, "POST", "Users", {
      schemas: [USER_V2, ENTERPRISE_V2],
      userName: "dee",
      emails: [{ value: "dee@example.com", primary: true }],
      [ENTERPRISE_V2]: { employeeNumber: "42" },
    }),
    201,
  ).body;
  const id = created.id;
  assert.equal(created.externalId, "");

  const read = expectStatus(await v1(sim, "GET", `Users/${id}`), 200).body;
  assert.deepEqual(read.schemas, [CORE_V1, ENTERPRISE_V1]);
  assert.equal(read[ENTERPRISE_V1].employeeNumber, "42");
  assert.equal(read.displayName, "dee", "v1 falls back to userName");

  const patched = await v1(sim, "PATCH", `Users/${id}`, { schemas: [CORE_V1], title: "Chef" });
  assert.equal(expectStatus(patched, 200).body.title, "Chef");
  const deleted = await v1(sim, "DELETE", `Users/${id}`);
  assert.equal(deleted.status, 200, "v1 answers 200 where v2 answers 204");

  const back = expectStatus(await v2(sim, "GET", `Users/${id}`), 200).body;
  assert.equal(back.title, "Chef");
  assert.equal(back.active, false);
  assert.equal(back.displayName, "", "v2 has no fallback");
  assert.equal(back[ENTERPRISE_V2].employeeNumber, "42");
});

Deno.test("groups are shared too: made in one version, changed in the other", async () => {
  const sim = simulator();
  const [a, b] = [await createV1(sim, "ann"), await createV1(sim, "bob")];
  const group = expectStatus(
    await v2(sim, "POST", "Groups", {
      schemas: [GROUP_V2],
      displayName: "Both",
      members: [{ value: a }],
    }),
    201,
  ).body.id;
  const v1Patch = await v1(sim, "PATCH", `Groups/${group}`, {
    schemas: [CORE_V1],
    members: [{ value: b }],
  });
  assert.equal(v1Patch.status, 204);
  const read = expectStatus(await v2(sim, "GET", `Groups/${group}`), 200).body;
  assert.deepEqual(read.members.map((m: { value: string }) => m.value), [a, b]);
  const user = expectStatus(await v2(sim, "GET", `Users/${b}`), 200).body;
  assert.deepEqual(user.groups, [{ value: group, display: "Both" }]);
  assert.equal((await v2(sim, "DELETE", `Groups/${group}`)).status, 204);
  assert.equal((await v1(sim, "GET", `Groups/${group}`)).status, 404);
});

Deno.test("lists page the same store in each version's list shape", async () => {
  const sim = simulator({ users: 25, groups: 3, seed: 9 });
  const one = expectStatus(await v1(sim, "GET", "Users?startIndex=3&count=4"), 200).body;
  const two = expectStatus(await v2(sim, "GET", "Users?startIndex=3&count=4"), 200).body;
  assert.deepEqual(two.schemas, [LIST_RESPONSE]);
  assert.deepEqual(Object.keys(two), [
    "schemas",
    "Resources",
    "totalResults",
    "itemsPerPage",
    "startIndex",
  ]);
  assert.equal(two.totalResults, 25);
  assert.equal(two.itemsPerPage, 4);
  assert.equal(two.startIndex, 3);
  assert.deepEqual(
    two.Resources.map((u: { id: string }) => u.id),
    one.Resources.map((u: { id: string }) => u.id),
  );
  const defaults = expectStatus(await v2(sim, "GET", "Users"), 200).body;
  assert.equal(defaults.itemsPerPage, 10, "count defaults to 10");
});

Deno.test("errors are in the version's shape: v2 sends status as a number", async () => {
  const sim = simulator();
  const missing = await v2(sim, "GET", "Users/U0NOPE");
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { schemas: [ERROR_V2], detail: "no_such_user", status: 404 });
  const unauthenticated = await sim.fetch(new Request("https://api.slack.com/scim/v2/Users"));
  assert.deepEqual(await unauthenticated.json(), {
    schemas: [ERROR_V2],
    detail: "invalid_authentication",
    status: 401,
  });
  const v1Missing = await v1(sim, "GET", "Users/U0NOPE");
  assert.deepEqual(v1Missing.body, { Errors: { description: "no_such_user", code: 404 } });
});
