import assert from "node:assert/strict";
import { BASE, call, createUser, simulator } from "./helpers.ts";

const CORE = "urn:scim:schemas:core:1.0";

async function setUp() {
  const sim = simulator();
  const a = await createUser(sim, "alpha", { displayName: "Alpha A" });
  const b = await createUser(sim, "bravo");
  const c = await createUser(sim, "charlie");
  return { sim, a, b, c };
}

Deno.test("POST /Groups answers 201 with the group, members displayed by name", async () => {
  const { sim, a, b } = await setUp();
  const answer = await call(sim, "POST", "Groups", {
    schemas: [CORE],
    displayName: "Team",
    members: [{ value: a }, { value: b }],
  });
  assert.equal(answer.status, 201);
  assert.match(answer.body.id, /^S[0-9A-Z]{10}$/);
  assert.deepEqual(answer.body.schemas, [CORE]);
  assert.equal(answer.body.displayName, "Team");
  assert.deepEqual(answer.body.members, [{ value: a, display: "Alpha A" }, {
    value: b,
    display: "bravo",
  }]);
  assert.equal(answer.body.meta.location, `${BASE}Groups/${answer.body.id}`);
});

Deno.test("PATCH /Groups/{id} answers 204 with no body, adding and removing members", async () => {
  const { sim, a, b, c } = await setUp();
  const group = await call(sim, "POST", "Groups", {
    schemas: [CORE],
    displayName: "Team",
    members: [{ value: a }, { value: b }],
  });
  const answer = await call(sim, "PATCH", `Groups/${group.body.id}`, {
    schemas: [CORE],
    displayName: "Renamed",
    members: [{ value: c }, { value: a, operation: "delete" }],
  });
  assert.equal(answer.status, 204);
  assert.equal(answer.text, "");
  const read = await call(sim, "GET", `Groups/${group.body.id}`);
  assert.equal(read.body.displayName, "Renamed");
  assert.deepEqual(read.body.members.map((m: { value: string }) => m.value), [b, c]);
});

Deno.test("PATCH meta.attributes members removes every member", async () => {
  const { sim, a, b } = await setUp();
  const group = await call(sim, "POST", "Groups", {
    schemas: [CORE],
    displayName: "Team",
    members: [{ value: a }, { value: b }],
  });
  await call(sim, "PATCH", `Groups/${group.body.id}`, {
    schemas: [CORE],
    meta: { attributes: ["members"] },
  });
  assert.deepEqual((await call(sim, "GET", `Groups/${group.body.id}`)).body.members, []);
});

Deno.test("PUT /Groups/{id} replaces name and members and answers 200", async () => {
  const { sim, a, b, c } = await setUp();
  const group = await call(sim, "POST", "Groups", {
    schemas: [CORE],
    displayName: "Team",
    members: [{ value: a }, { value: b }],
  });
  const answer = await call(sim, "PUT", `Groups/${group.body.id}`, {
    schemas: [CORE],
    displayName: "Other",
    members: [{ value: c }],
  });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.displayName, "Other");
  assert.deepEqual(answer.body.members.map((m: { value: string }) => m.value), [c]);
});

Deno.test("DELETE /Groups/{id} deletes for good with 204; then no_such_group", async () => {
  const { sim, a } = await setUp();
  const group = await call(sim, "POST", "Groups", {
    schemas: [CORE],
    displayName: "Gone",
    members: [{ value: a }],
  });
  const answer = await call(sim, "DELETE", `Groups/${group.body.id}`);
  assert.equal(answer.status, 204);
  assert.equal(answer.text, "");
  const read = await call(sim, "GET", `Groups/${group.body.id}`);
  assert.equal(read.status, 404);
  assert.deepEqual(read.body, { Errors: { description: "no_such_group", code: 404 } });
  assert.deepEqual((await call(sim, "GET", `Users/${a}`)).body.groups, []);
});

Deno.test("a group linked to channels cannot be deleted: idp_group_linked_to_channels", async () => {
  const { sim, a } = await setUp();
  const group = await call(sim, "POST", "Groups", {
    schemas: [CORE],
    displayName: "Linked",
    members: [{ value: a }],
  });
  sim.linkGroupToChannels(group.body.id);
  const answer = await call(sim, "DELETE", `Groups/${group.body.id}`);
  assert.equal(answer.status, 400);
  assert.equal(answer.body.Errors.description, "idp_group_linked_to_channels");
  sim.linkGroupToChannels(group.body.id, false);
  assert.equal((await call(sim, "DELETE", `Groups/${group.body.id}`)).status, 204);
  assert.throws(() => sim.linkGroupToChannels("S0000000000"), RangeError);
});

Deno.test("group writes refuse unknown, deactivated and guest members", async () => {
  const { sim, a } = await setUp();
  await call(sim, "DELETE", `Users/${a}`);
  const guest = await createUser(sim, "guesty", {
    schemas: [CORE, "urn:scim:schemas:extension:slack:guest:1.0"],
    "urn:scim:schemas:extension:slack:guest:1.0": { type: "multi" },
  });
  for (
    const [value, code] of [["U0000000000", "no_such_user"], [
      a,
      "unable_to_add_deleted_or_guest_to_group",
    ], [guest, "unable_to_add_deleted_or_guest_to_group"]]
  ) {
    const answer = await call(sim, "POST", "Groups", {
      schemas: [CORE],
      displayName: "Strict",
      members: [{ value }],
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.Errors.description, code);
  }
});

Deno.test("group writes need schemas, a displayName and a members list", async () => {
  const { sim } = await setUp();
  const cases: [Record<string, unknown>, string][] = [
    [{ displayName: "X", members: [] }, "missing_schema_element"],
    [{ schemas: [CORE], members: [] }, "invalid_display_name"],
    [{ schemas: [CORE], displayName: "X" }, "invalid_request_payload"],
  ];
  for (const [body, code] of cases) {
    const answer = await call(sim, "POST", "Groups", body);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.Errors.description, code);
  }
});

Deno.test("unknown group ids are 404 no_such_group on every method", async () => {
  const { sim } = await setUp();
  const body = { schemas: [CORE], displayName: "X", members: [] };
  for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
    const answer = await call(
      sim,
      method,
      "Groups/S0000000000",
      method === "GET" || method === "DELETE" ? undefined : body,
    );
    assert.equal(answer.status, 404, method);
    assert.equal(answer.body.Errors.description, "no_such_group");
  }
});
