/**
 * Rules that are the same in v1 and v2: a group is created with its members, and a PUT leaves a
 * deactivated user deactivated unless it says `active: true`.
 */
import assert from "node:assert/strict";
import {
  CORE_V1,
  createV1,
  ERROR_V2,
  expectStatus,
  GROUP_V2,
  GUEST_V1,
  GUEST_V2,
  simulator,
  USER_V2,
  v1,
  v2,
} from "./helpers.ts";

Deno.test("creating a group without members is refused in v2 as in v1 (Slack requires members)", async () => {
  const sim = simulator();
  const one = await v1(sim, "POST", "Groups", { schemas: [CORE_V1], displayName: "No members" });
  assert.deepEqual(one.body, { Errors: { description: "invalid_request_payload", code: 400 } });
  for (const members of [undefined, null]) {
    const two = await v2(sim, "POST", "Groups", {
      schemas: [GROUP_V2],
      displayName: "No members",
      ...(members === undefined ? {} : { members }),
    });
    assert.equal(two.status, 400, two.text);
    assert.deepEqual(two.body, {
      schemas: [ERROR_V2],
      detail: "invalid_request_payload",
      status: 400,
    });
  }
  assert.equal((await v2(sim, "GET", "Groups")).body.totalResults, 0, "nothing was created");
  // An empty list is a list: both versions create the group.
  for (const [call, schemas] of [[v1, [CORE_V1]], [v2, [GROUP_V2]]] as const) {
    expectStatus(
      await call(sim, "POST", "Groups", { schemas, displayName: "Empty", members: [] }),
      201,
    );
  }
  // A v2 PUT may still leave members out (Slack's own v2 example does): no members.
  const member = await createV1(sim, "member");
  const group = expectStatus(
    await v2(sim, "POST", "Groups", {
      schemas: [GROUP_V2],
      displayName: "Put",
      members: [{ value: member }],
    }),
    201,
  ).body.id;
  const put = await v2(sim, "PUT", `Groups/${group}`, { schemas: [GROUP_V2], displayName: "Put" });
  assert.deepEqual(expectStatus(put, 200).body.members, []);
});

/** A deactivated user, and PUT bodies for it in each version (none says `active`). */
async function deactivated(guest: boolean) {
  const sim = simulator();
  const emails = [{ value: "leaver@example.com", primary: true }];
  const id = await createV1(sim, "leaver", {
    emails,
    ...(guest ? { schemas: [CORE_V1, GUEST_V1], [GUEST_V1]: { type: "multi" } } : {}),
  });
  assert.equal((await v1(sim, "DELETE", `Users/${id}`)).status, 200);
  const bodies = {
    v1: {
      schemas: guest ? [CORE_V1, GUEST_V1] : [CORE_V1],
      userName: "leaver",
      title: "Left",
      emails,
      ...(guest ? { [GUEST_V1]: { type: "multi" } } : {}),
    },
    v2: {
      schemas: guest ? [USER_V2, GUEST_V2] : [USER_V2],
      userName: "leaver",
      title: "Left",
      emails,
      ...(guest ? { [GUEST_V2]: { type: "multi" } } : {}),
    },
  };
  return { sim, id, bodies };
}

Deno.test("a PUT without active leaves a deactivated user deactivated, in v1 and v2", async () => {
  for (const guest of [false, true]) {
    for (const [version, call] of [["v1", v1], ["v2", v2]] as const) {
      const { sim, id, bodies } = await deactivated(guest);
      const put = expectStatus(await call(sim, "PUT", `Users/${id}`, bodies[version]), 200).body;
      const what = `${version} PUT of a deactivated ${guest ? "guest" : "member"}`;
      assert.equal(put.title, "Left", what);
      assert.equal(put.active, false, `${what} answers active: false`);
      assert.equal((await v1(sim, "GET", `Users/${id}`)).body.active, false, `${what} stays so`);
      // It reads as deactivated through the other version too.
      assert.equal((await v2(sim, "GET", `Users/${id}`)).body.active, false, what);
    }
  }
});

Deno.test("a PUT with active: true reactivates, in v1 and v2; active: false keeps it off", async () => {
  for (const [version, call] of [["v1", v1], ["v2", v2]] as const) {
    const { sim, id, bodies } = await deactivated(false);
    const off = await call(sim, "PUT", `Users/${id}`, { ...bodies[version], active: false });
    assert.equal(expectStatus(off, 200).body.active, false, version);
    const on = await call(sim, "PUT", `Users/${id}`, { ...bodies[version], active: true });
    assert.equal(expectStatus(on, 200).body.active, true, version);
  }
});

Deno.test("a PATCH that does not name active leaves a deactivated user deactivated, in v1 and v2", async () => {
  const { sim, id } = await deactivated(false);
  const one = await v1(sim, "PATCH", `Users/${id}`, { schemas: [CORE_V1], title: "One" });
  assert.equal(expectStatus(one, 200).body.active, false);
  const two = await v2(sim, "PATCH", `Users/${id}`, {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "replace", path: "title", value: "Two" }],
  });
  assert.equal(expectStatus(two, 200).body.active, false);
});
