// Every request body in Slack's v2 docs (tests/fixtures/slack-docs/v2/*_request.json) is what the
// builders or typed operations produce, JSON-equal: PATCH bodies through patchOpBody, create and
// PUT bodies through the schemas the client fills in.

import assert from "node:assert/strict";
import { FIXTURES } from "../_fixtures.ts";
import {
  ENTERPRISE_SCHEMA_V2,
  groupPatch,
  type GroupPatchOperation,
  GUEST_SCHEMA_V2,
  patchOpBody,
  type UntypedOperation,
  untypedOperation,
  userPatch,
  type UserPatchOperation,
  valuePath,
} from "../../scim/v2/mod.ts";
import { withGroupSchemasV2, withUserSchemasV2 } from "../../scim/v2/_schemas.ts";

const DIR = new URL("slack-docs/v2/", FIXTURES);

async function fixture(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await Deno.readTextFile(new URL(name, DIR)));
}

/** What goes over the wire: the JSON text parsed back. */
function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

type Operations = readonly (UserPatchOperation | GroupPatchOperation | UntypedOperation)[];

/** Each documented PATCH body, built with the builders (or typed operations where clearer). */
export const PATCH_BODIES: Record<string, Operations> = {
  "patch_user_active_request.json": [userPatch.activate()],
  "patch_user_username_request.json": [userPatch.replace("userName", "other_username")],
  "patch_user_nickname_request.json": [userPatch.replace("nickName", "slack_username")],
  "patch_user_display_name_request.json": [userPatch.replace("displayName", "First Last")],
  "patch_user_title_request.json": [userPatch.replace("title", "Tour Guide")],
  "patch_user_user_type_request.json": [userPatch.replace("userType", "Employee")],
  "patch_user_preferred_language_request.json": [
    userPatch.replace("preferredLanguage", "en_US"),
  ],
  "patch_user_locale_request.json": [userPatch.replace("locale", "en_US")],
  "patch_user_timezone_request.json": [userPatch.replace("timezone", "America/Chicago")],
  "patch_user_emails_add_request.json": [
    userPatch.add("emails", [
      { value: "some@email.com", type: "work", primary: true },
      { value: "some_other@email.com", type: "home" },
    ]),
  ],
  "patch_user_emails_add_single_request.json": [
    userPatch.add("emails", { value: "some_other@email.com", type: "home" }),
  ],
  "patch_user_emails_replace_secondary_request.json": [
    userPatch.replace("emails[primary eq false]", {
      value: "some_other_replaced@email.com",
      type: "work",
    }),
  ],
  "patch_user_emails_remove_secondary_request.json": [userPatch.removeSecondaryEmails()],
  "patch_user_emails_remove_by_value_request.json": [
    userPatch.removeEmail("some_other@email.com"),
  ],
  "patch_user_emails_remove_request.json": [userPatch.remove("emails")],
  "patch_user_phone_primary_request.json": [
    userPatch.add("phoneNumbers", { value: "123-333-3333", primary: true }),
  ],
  "patch_user_phone_mobile_request.json": [
    userPatch.add("phoneNumbers", [{ value: "123-333-3333", type: "work" }]),
  ],
  "patch_user_phone_both_request.json": [
    userPatch.add("phoneNumbers", [
      { value: "222-222-2222", primary: false },
      { value: "333-333-3333", primary: true },
    ]),
  ],
  "patch_user_phone_remove_by_value_request.json": [
    userPatch.removePhoneNumber("333-333-3333"),
    userPatch.removePhoneNumber("222-222-2222"),
  ],
  "patch_user_phone_remove_request.json": [userPatch.remove("phoneNumbers")],
  "patch_user_phone_replace_value_request.json": [
    userPatch.replacePhoneNumber("333-333-3333", "111-111-111"),
  ],
  "patch_user_photos_request.json": [
    userPatch.add("photos", [{
      value: "https://photos.example.com/profilephoto.jpg",
      primary: true,
    }]),
  ],
  "patch_user_addresses_add_request.json": [
    userPatch.add("addresses", [{
      streetAddress: "1060 W Addison St",
      locality: "Chicago",
      region: "IL",
      postalCode: "60613",
      country: "USA",
      primary: true,
    }]),
  ],
  "patch_user_addresses_remove_request.json": [userPatch.remove("addresses")],
  "patch_user_roles_add_request.json": [
    userPatch.add("roles", [{ value: "Tech Lead", primary: true }]),
  ],
  "patch_user_roles_add_string_request.json": [userPatch.add("roles", ["Tech Lead"])],
  "patch_user_roles_remove_request.json": [userPatch.remove("roles")],
  "patch_user_name_add_request.json": [
    userPatch.add("name", { familyName: "Last", givenName: "First", honorificPrefix: "Ms." }),
  ],
  "patch_user_name_given_name_replace_request.json": [
    userPatch.replace("name.givenName", "First"),
  ],
  "patch_user_remove_name_honorific_prefix_request.json": [
    userPatch.remove("name.honorificPrefix"),
  ],
  "patch_user_enterprise_add_request.json": [
    userPatch.add(ENTERPRISE_SCHEMA_V2, {
      employeeNumber: "701984",
      costCenter: "4130",
      organization: "Chicago Cubs",
      division: "Wrigley Field",
      department: "Tour Operations",
      manager: { managerId: "U123ABC456" },
    }),
  ],
  "patch_user_enterprise_manager_replace_request.json": [
    userPatch.replace(ENTERPRISE_SCHEMA_V2, { manager: { managerId: "U123ABC456" } }),
  ],
  "patch_user_remove_enterprise_manager_id_request.json": [
    userPatch.remove(`${ENTERPRISE_SCHEMA_V2}.manager.managerId`),
  ],
  "patch_user_remove_enterprise_request.json": [userPatch.remove(ENTERPRISE_SCHEMA_V2)],
  "patch_user_convert_to_guest_request.json": [userPatch.makeGuest()],
  "patch_user_convert_to_guest_with_expiration_request.json": [
    userPatch.makeGuest({ expiration: "2024-11-30T23:59:59Z" }),
  ],
  "patch_user_remove_guest_expiration_request.json": [
    userPatch.remove(`${GUEST_SCHEMA_V2}.expiration`),
  ],
  "patch_user_convert_guest_to_member_request.json": [userPatch.makeFullMember()],
  // The docs' general example: colon-form extension paths, and `address` (their typo for
  // `addresses`), which the types refuse, so it is sent as a deliberate untyped operation.
  "patch_user_request.json": [
    { op: "add", path: `${ENTERPRISE_SCHEMA_V2}:employeeNumber`, value: "121" },
    { op: "add", path: `${ENTERPRISE_SCHEMA_V2}:costCenter`, value: "001919" },
    untypedOperation({ op: "remove", path: "address" }),
  ],
  "patch_group_members_replace_request.json": [
    groupPatch.replaceMembers(["U123ABC456", "U999ABC456"]),
  ],
  "patch_group_remove_all_members_request.json": [groupPatch.removeAllMembers()],
  "patch_group_remove_member_request.json": groupPatch.removeMembers(["U123ABC456"]),
  // Printed under "DELETE /Groups/<id>" but a PATCH body (see SOURCES.md): remove all members.
  "delete_group_section_request.json": [groupPatch.removeAllMembers()],
};

/** The create and PUT bodies: the resource as a caller writes it, `schemas` filled in. */
const RESOURCE_BODIES: Record<string, () => Promise<unknown>> = {
  "create_user_request_enterprise.json": async () => {
    const { schemas: _, ...user } = await fixture("create_user_request_enterprise.json");
    return withUserSchemasV2(user);
  },
  "create_guest_user_request.json": async () => {
    const { schemas: _, ...user } = await fixture("create_guest_user_request.json");
    return withUserSchemasV2(user);
  },
  // A PUT sends back a user as read, its `schemas` included: they are kept as given.
  "put_user_request.json": async () => withUserSchemasV2(await fixture("put_user_request.json")),
  "create_group_request.json": () =>
    Promise.resolve(
      withGroupSchemasV2({ displayName: "Some Group Name", members: [{ value: "U123ABC456" }] }),
    ),
  "put_group_request.json": () =>
    Promise.resolve(withGroupSchemasV2({ displayName: "Updated Group Name" })),
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
