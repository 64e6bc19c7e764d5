// Every request body in Slack's v2 docs (tests/fixtures/slack-docs/v2/*_request.json) is what the
// builders or typed operations produce, JSON-equal: PATCH bodies through patchOpBody, create and
// PUT bodies through the schemas the client fills in.

import assert from "node:assert/strict";
import { FIXTURES } from "../_fixtures.ts";
import {
  groupPatch,
  patchOpBody,
  untypedOperation,
  userPatch,
  valuePath,
} from "../../scim/v2/mod.ts";
import { withGroupSchemas, withUserSchemas } from "../../scim/v2/_schemas.ts";
import { PATCH_BODIES } from "./_patch_bodies.ts";

const DIR = new URL("slack-docs/v2/", FIXTURES);

async function fixture(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await Deno.readTextFile(new URL(name, DIR)));
}

/** What goes over the wire: the JSON text parsed back. */
function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The create and PUT bodies: the resource as a caller writes it, `schemas` filled in. */
const RESOURCE_BODIES: Record<string, () => Promise<unknown>> = {
  "create_user_request_enterprise.json": async () => {
    const { schemas: _, ...user } = await fixture("create_user_request_enterprise.json");
    return withUserSchemas(user);
  },
  "create_guest_user_request.json": async () => {
    const { schemas: _, ...user } = await fixture("create_guest_user_request.json");
    return withUserSchemas(user);
  },
  // A PUT sends back a user as read, its `schemas` included: they are kept as given.
  "put_user_request.json": async () => withUserSchemas(await fixture("put_user_request.json")),
  "create_group_request.json": () =>
    Promise.resolve(
      withGroupSchemas({ displayName: "Some Group Name", members: [{ value: "U123ABC456" }] }),
    ),
  "put_group_request.json": () =>
    Promise.resolve(withGroupSchemas({ displayName: "Updated Group Name" })),
};

/**
 * Not a PatchOp: Slack's docs print a v1-style partial resource under v2's PATCH (SOURCES.md).
 * It can only go out through apiCall; the client test sends it there. Its typed equivalent is
 * an `add` of the extension.
 */
const NOT_A_PATCH_OP = "patch_user_profile_start_date_request.json";

Deno.test("every documented v2 PATCH body is what the builders make, JSON-equal", async () => {
  for (const [name, operations] of Object.entries(PATCH_BODIES)) {
    assert.deepEqual(wire(patchOpBody(operations)), await fixture(name), name);
  }
});

Deno.test("the documented v2 create and PUT bodies are the resources with schemas filled in", async () => {
  for (const [name, build] of Object.entries(RESOURCE_BODIES)) {
    assert.deepEqual(wire(await build()), await fixture(name), name);
  }
});

Deno.test("every v2 request fixture is covered by one of the tests above", async () => {
  const covered = new Set([
    ...Object.keys(PATCH_BODIES),
    ...Object.keys(RESOURCE_BODIES),
    NOT_A_PATCH_OP,
  ]);
  const files: string[] = [];
  for await (const entry of Deno.readDir(DIR)) {
    if (entry.name.endsWith("_request.json")) files.push(entry.name);
  }
  assert.deepEqual(files.filter((file) => !covered.has(file)), []);
  assert.equal(files.length, 48);
});

Deno.test("the profile start date example's typed equivalent adds the extension", async () => {
  const documented = await fixture(NOT_A_PATCH_OP);
  const profile = "urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User";
  const body = patchOpBody([userPatch.add(profile, { startDate: "2024-04-10T00:00:00+0000" })]);
  assert.deepEqual(wire(body.Operations[0]), {
    op: "add",
    path: profile,
    value: documented[profile],
  });
});

Deno.test("valuePath and the builders quote hostile values: one value, never a new clause", () => {
  const hostile = 'a@example.com"] or emails[value pr';
  assert.equal(
    userPatch.removeEmail(hostile).path,
    'emails[value eq "a@example.com\\"] or emails[value pr"]',
  );
  assert.equal(
    userPatch.replacePhoneNumber('1"]', "2").path,
    'phoneNumbers[value eq "1\\"]"].value',
  );
  assert.equal(valuePath("emails", { value: "x\n" }), 'emails[value eq "x\\n"]');
  for (const id of ["U1 or value pr", "U1]", "", 'U1"']) {
    assert.throws(() => groupPatch.removeMembers([id]), TypeError, id);
    assert.throws(() => groupPatch.addMembers([id]), TypeError, id);
    assert.throws(() => groupPatch.replaceMembers([id]), TypeError, id);
  }
  assert.throws(
    () => valuePath("emails", { "value eq x] or [type": "x" } as never),
    /is not a sub-attribute name/,
  );
  assert.throws(() => valuePath("emails", {}), /no sub-attribute to match/);
});

Deno.test("patchOpBody refuses malformed operations from JavaScript callers, naming them", () => {
  const cases: [unknown, RegExp][] = [
    [[{ op: "delete", path: "title" }], /operation 1 has op "delete"/],
    [[{ op: "remove", path: "title", value: "x" }], /removes "title" with a value/],
    [[{ op: "remove" }], /removes without a path/],
    [[{ op: "add", path: "title" }], /operation 1 \(add\) has no value/],
    [[{ op: "replace", value: "x" }], /no path, so its value must be an object/],
    [[{ op: "add", path: "", value: 1 }], /has path ""/],
    [[null], /operation 1 \(null\) is not an object/],
    ["x", /operations \("x"\) is not an array/],
    [[], /no operations/],
  ];
  for (const [operations, message] of cases) {
    assert.throws(() => patchOpBody(operations as never), { name: "TypeError", message });
  }
  assert.throws(() => untypedOperation({ op: "remove", path: "x", value: 1 }), TypeError);
});

Deno.test("groupPatch.addMembers with no ids makes no operation; rename refuses a blank name", () => {
  assert.deepEqual(groupPatch.addMembers([]), []);
  assert.throws(() => groupPatch.rename(" "), TypeError);
});
