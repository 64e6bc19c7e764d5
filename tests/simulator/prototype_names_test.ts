/**
 * Names a client sends that are also names of `Object.prototype` (`constructor`, `toString`,
 * `hasOwnProperty`, `__proto__`, …) are the unknown names they are: a PATCH path naming one is
 * a 400 like any other unknown path, in the version's error shape, never a throw out of
 * `sim.fetch` and never a 200.
 */
import assert from "node:assert/strict";
import { applyPatchMetaAttributes } from "../../scim/testing/v1/patch.ts";
import { blankUser } from "../../scim/testing/store.ts";
import {
  CORE_V1,
  createV1,
  ENTERPRISE_V2,
  ERROR_V2,
  GROUP_V2,
  GUEST_V2,
  patchOp,
  PROFILE_V2,
  simulator,
  v1,
  v2,
} from "./v2/helpers.ts";

/** Every name `Object.prototype` has, as a client could spell it in a path. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Paths that name a prototype name where the simulator looks an attribute up by name. */
function userPaths(name: string): string[] {
  return [
    name,
    `${name}[value eq "x"]`,
    `${name}.value`,
    `name.${name}`,
    `emails.${name}`,
    `emails[${name} eq "x"]`,
    `${ENTERPRISE_V2}:${name}`,
    `${ENTERPRISE_V2}.${name}`,
    `${ENTERPRISE_V2}:manager.${name}`,
    `${GUEST_V2}:${name}`,
    `${PROFILE_V2}:${name}`,
  ];
}

Deno.test("v2 user PATCH paths naming Object.prototype names are unknown paths: 400, never a throw or a 200", async () => {
  const sim = simulator();
  const id = await createV1(sim, "proto");
  const before = (await v2(sim, "GET", `Users/${id}`)).body;
  for (const name of PROTOTYPE_NAMES) {
    for (const path of userPaths(name)) {
      for (const op of ["add", "replace", "remove"]) {
        const operation = op === "remove" ? { op, path } : { op, path, value: "x" };
        const answer = await v2(sim, "PATCH", `Users/${id}`, patchOp(operation));
        assert.equal(answer.status, 400, `${op} ${path}: ${answer.text}`);
        assert.deepEqual(answer.body.schemas, [ERROR_V2], `${op} ${path}`);
        assert.equal(typeof answer.body.detail, "string");
      }
    }
    // The same name as a key of a path-less operation's value.
    const pathless = await v2(
      sim,
      "PATCH",
      `Users/${id}`,
      patchOp({ op: "add", value: { [name]: "x" } }),
    );
    assert.equal(pathless.status, 400, `path-less ${name}: ${pathless.text}`);
  }
  assert.deepEqual((await v2(sim, "GET", `Users/${id}`)).body, before, "nothing changed");
});

Deno.test("v2 group PATCH paths naming Object.prototype names are unknown paths: 400", async () => {
  const sim = simulator();
  const member = await createV1(sim, "member");
  const group = await v2(sim, "POST", "Groups", {
    schemas: [GROUP_V2],
    displayName: "Proto",
    members: [{ value: member }],
  });
  assert.equal(group.status, 201, group.text);
  const id = group.body.id;
  for (const name of PROTOTYPE_NAMES) {
    for (const path of [name, `${name}[value eq "x"]`, `members[${name} eq "x"]`]) {
      for (const op of ["add", "replace", "remove"]) {
        const operation = op === "remove" ? { op, path } : { op, path, value: "x" };
        const answer = await v2(sim, "PATCH", `Groups/${id}`, patchOp(operation));
        assert.equal(answer.status, 400, `${op} ${path}: ${answer.text}`);
        assert.deepEqual(answer.body.schemas, [ERROR_V2]);
      }
    }
  }
  const after = (await v2(sim, "GET", `Groups/${id}`)).body;
  assert.deepEqual(after.members.map((m: { value: string }) => m.value), [member]);
});

Deno.test("GET Schemas/<Object.prototype name> is 404 bad_endpoint in v1 and v2, never a throw", async () => {
  const sim = simulator();
  for (const name of PROTOTYPE_NAMES) {
    for (const path of [`Schemas/${name}`, `ResourceTypes/${name}`]) {
      const two = await v2(sim, "GET", path);
      assert.equal(two.status, 404, `v2 ${path}: ${two.text}`);
      assert.equal(two.body.detail, "bad_endpoint");
    }
    const one = await v1(sim, "GET", `Schemas/${name}`);
    assert.equal(one.status, 404, `v1 Schemas/${name}: ${one.text}`);
    assert.equal(one.body.Errors.description, "bad_endpoint");
  }
});

Deno.test("filters on Object.prototype names are invalid_query in v1 and v2", async () => {
  const sim = simulator({ users: 2 });
  for (const name of PROTOTYPE_NAMES) {
    const filter = encodeURIComponent(`${name} eq "x"`);
    const one = await v1(sim, "GET", `Users?filter=${filter}`);
    assert.equal(one.status, 400, `v1 ${name}: ${one.text}`);
    assert.equal(one.body.Errors.description, "invalid_query");
    const two = await v2(sim, "GET", `Groups?filter=${filter}`);
    assert.equal(two.status, 400, `v2 ${name}: ${two.text}`);
    assert.equal(two.body.detail, "invalid_query");
  }
});

Deno.test("v1 meta.attributes naming Object.prototype names remove nothing and add nothing to the user", async () => {
  const sim = simulator();
  const id = await createV1(sim, "metaproto", { title: "Kept" });
  const attributes = PROTOTYPE_NAMES.flatMap((name) => [
    name,
    `name.${name}`,
    `urn:scim:schemas:extension:enterprise:1.0.${name}`,
  ]);
  const answer = await v1(sim, "PATCH", `Users/${id}`, {
    schemas: [CORE_V1],
    meta: { attributes },
  });
  // v1 ignores names it does not know (Slack's SCIM 1.1 PATCH).
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.body.title, "Kept");
  // The record itself gains no key named after a prototype member's value.
  const user = blankUser("U1", 0);
  user.enterprise = {
    employeeNumber: "",
    costCenter: "",
    organization: "",
    division: "",
    department: "",
    managerId: "",
  };
  const copy = structuredClone(user);
  applyPatchMetaAttributes(user, { attributes });
  assert.deepEqual(user, copy);
});
