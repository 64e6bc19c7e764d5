/**
 * Every v2 request body in Slack's docs (tests/fixtures/slack-docs/v2/*_request.json) is accepted
 * by the simulator and has the effect its section describes (see SOURCES.md). Preconditions are
 * set through v1, so each effect is checked against a state the v2 code did not make; effects are
 * read back with a v2 GET, so they are stored, not only answered.
 */
import assert from "node:assert/strict";
import type { SlackScimSimulator } from "../../../scim/testing/mod.ts";
import {
  CORE_V1,
  createV1,
  ENTERPRISE_V1,
  ENTERPRISE_V2,
  expectStatus,
  fixture,
  FIXTURES,
  GUEST_V1,
  GUEST_V2,
  PROFILE_V2,
  simulator,
  v1,
  v2,
} from "./helpers.ts";

interface Ids {
  target: string;
  members: [string, string];
  group: string;
}

// deno-lint-ignore no-explicit-any
type Json = any;

interface Case {
  /** The method and path (after `/scim/v2/`) the docs' section is about. */
  route: (ids: Ids) => [string, string];
  /** The status the simulator answers. */
  status: number;
  /** A v1 PATCH of the target user (or a function of the simulator) run before. */
  before?: Record<string, unknown> | ((sim: SlackScimSimulator, ids: Ids) => Promise<void>);
  /** The effect: on the resource read back (the user, the group, or the created one). */
  check: (after: Json, ids: Ids) => void;
}

const patchUser = (ids: Ids): [string, string] => ["PATCH", `Users/${ids.target}`];
const patchGroup = (ids: Ids): [string, string] => ["PATCH", `Groups/${ids.group}`];
const TWO_EMAILS = {
  emails: [{ value: "target@example.com", primary: true }, { value: "some_other@email.com" }],
};
const TWO_PHONES = {
  phoneNumbers: [{ value: "333-333-3333", primary: true }, { value: "222-222-2222" }],
};
const ADDRESS = { addresses: [{ streetAddress: "1 A St", locality: "Town", country: "US" }] };
const ENTERPRISE = {
  schemas: [CORE_V1, ENTERPRISE_V1],
  [ENTERPRISE_V1]: { department: "Ops", employeeNumber: "7", manager: { managerId: "someone" } },
};
const GUEST = {
  schemas: [CORE_V1, GUEST_V1],
  [GUEST_V1]: { type: "multi", expiration: "2030-01-01T00:00:00Z" },
};
const emailValues = (user: Json) => user.emails.map((e: { value: string }) => e.value);
const phones = (user: Json) => user.phoneNumbers.map((p: { value: string | null }) => p.value);

const CASES: Record<string, Case> = {
  "create_group_request.json": {
    route: () => ["POST", "Groups"],
    status: 201,
    check: (group, ids) => {
      assert.equal(group.displayName, "Some Group Name");
      assert.deepEqual(group.members.map((m: { value: string }) => m.value), [ids.members[0]]);
    },
  },
  "create_guest_user_request.json": {
    route: () => ["POST", "Users"],
    status: 201,
    check: (user) => {
      assert.equal(user.userName, "guestUser");
      assert.equal(user.displayName, "TestGuestUser");
      assert.deepEqual(user[GUEST_V2], { type: "multi" });
      assert.ok(user.schemas.includes(GUEST_V2));
    },
  },
  "create_user_request_enterprise.json": {
    route: () => ["POST", "Users"],
    status: 201,
    check: (user, ids) => {
      assert.equal(user.userName, "some_fake_username");
      assert.deepEqual(emailValues(user), ["some_fake_user@email.com", "some_other@email.com"]);
      // Request `type: "work"` (no primary) is Slack's mobile phone, `type: "mobile"` its primary.
      assert.deepEqual(phones(user), ["555-555-5555", "555-555-4444"]);
      assert.equal(user.addresses[0].streetAddress, "1060 W Addison St");
      assert.equal(user.roles[0].value, "Tech Lead");
      assert.equal(user.name.honorificPrefix, "Ms.");
      assert.equal(user.profileUrl.includes("login.example.com"), false, "profileUrl is read-only");
      assert.equal(user.password, undefined, "password is write-only");
      assert.deepEqual(user[ENTERPRISE_V2], {
        employeeNumber: "701984",
        costCenter: "4130",
        organization: "Chicago Cubs",
        division: "Wrigley Field",
        department: "Tour Operations",
        manager: { managerId: ids.members[0] },
      });
      assert.equal(user[PROFILE_V2].startDate, "2024-04-10T00:00:00+0000");
    },
  },
  "delete_group_section_request.json": {
    // Printed under DELETE /Groups/<id>, though it is the remove-all-members PatchOp (SOURCES.md):
    // a DELETE carrying it deletes the group, the body unread.
    route: (ids) => ["DELETE", `Groups/${ids.group}`],
    status: 204,
    check: (group) => assert.equal(group, null),
  },
  "patch_group_members_replace_request.json": {
    route: patchGroup,
    status: 200,
    check: (group, ids) =>
      assert.deepEqual(group.members.map((m: { value: string }) => m.value), ids.members),
  },
  "patch_group_remove_all_members_request.json": {
    route: patchGroup,
    status: 200,
    check: (group) => assert.deepEqual(group.members, []),
  },
  "patch_group_remove_member_request.json": {
    route: patchGroup,
    status: 200,
    check: (group, ids) =>
      assert.deepEqual(group.members.map((m: { value: string }) => m.value), [ids.members[1]]),
  },
  "patch_user_active_request.json": {
    route: patchUser,
    status: 200,
    before: { active: false },
    check: (user) => assert.equal(user.active, true),
  },
  "patch_user_addresses_add_request.json": {
    route: patchUser,
    status: 200,
    check: (user) =>
      assert.deepEqual(user.addresses, [{
        streetAddress: "1060 W Addison St",
        locality: "Chicago",
        region: "IL",
        postalCode: "60613",
        country: "USA",
      }]),
  },
  "patch_user_addresses_remove_request.json": {
    route: patchUser,
    status: 200,
    before: ADDRESS,
    check: (user) => assert.equal(user.addresses[0].streetAddress, null),
  },
  "patch_user_convert_guest_to_member_request.json": {
    route: patchUser,
    status: 200,
    before: GUEST,
    check: (user) => {
      assert.equal(user[GUEST_V2], undefined);
      assert.equal(user.schemas.includes(GUEST_V2), false);
    },
  },
  "patch_user_convert_to_guest_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.deepEqual(user[GUEST_V2], { type: "multi" }),
  },
  "patch_user_convert_to_guest_with_expiration_request.json": {
    route: patchUser,
    status: 200,
    check: (user) =>
      assert.deepEqual(user[GUEST_V2], { type: "multi", expiration: "2024-11-30T23:59:59Z" }),
  },
  "patch_user_display_name_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.equal(user.displayName, "First Last"),
  },
  "patch_user_emails_add_request.json": {
    route: patchUser,
    status: 200,
    check: (user) =>
      assert.deepEqual(user.emails, [
        { value: "some@email.com", type: "work", primary: true },
        { value: "some_other@email.com", type: "home", primary: false },
      ]),
  },
  "patch_user_emails_add_single_request.json": {
    route: patchUser,
    status: 200,
    check: (user) =>
      assert.deepEqual(user.emails, [
        { value: "target@example.com", primary: true },
        { value: "some_other@email.com", type: "home", primary: false },
      ]),
  },
  "patch_user_emails_remove_by_value_request.json": {
    route: patchUser,
    status: 200,
    before: TWO_EMAILS,
    check: (user) => assert.deepEqual(emailValues(user), ["target@example.com"]),
  },
  "patch_user_emails_remove_request.json": {
    // The docs: removing `emails` removes only the secondary email.
    route: patchUser,
    status: 200,
    before: TWO_EMAILS,
    check: (user) => assert.deepEqual(emailValues(user), ["target@example.com"]),
  },
  "patch_user_emails_remove_secondary_request.json": {
    route: patchUser,
    status: 200,
    before: TWO_EMAILS,
    check: (user) => assert.deepEqual(emailValues(user), ["target@example.com"]),
  },
  "patch_user_emails_replace_secondary_request.json": {
    route: patchUser,
    status: 200,
    before: TWO_EMAILS,
    check: (user) =>
      assert.deepEqual(user.emails, [
        { value: "target@example.com", primary: true },
        { value: "some_other_replaced@email.com", type: "work", primary: false },
      ]),
  },
  "patch_user_enterprise_add_request.json": {
    route: patchUser,
    status: 200,
    check: (user, ids) =>
      assert.deepEqual(user[ENTERPRISE_V2], {
        employeeNumber: "701984",
        costCenter: "4130",
        organization: "Chicago Cubs",
        division: "Wrigley Field",
        department: "Tour Operations",
        manager: { managerId: ids.members[0] },
      }),
  },
  "patch_user_enterprise_manager_replace_request.json": {
    // "Replace only manager": the other enterprise fields stay.
    route: patchUser,
    status: 200,
    before: ENTERPRISE,
    check: (user, ids) => {
      assert.equal(user[ENTERPRISE_V2].manager.managerId, ids.members[0]);
      assert.equal(user[ENTERPRISE_V2].department, "Ops");
    },
  },
  "patch_user_locale_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.equal(user.locale, "en_US"),
  },
  "patch_user_name_add_request.json": {
    route: patchUser,
    status: 200,
    check: (user) =>
      assert.deepEqual(user.name, {
        givenName: "First",
        familyName: "Last",
        honorificPrefix: "Ms.",
      }),
  },
  "patch_user_name_given_name_replace_request.json": {
    route: patchUser,
    status: 200,
    before: { name: { givenName: "Old", familyName: "Kept" } },
    check: (user) =>
      assert.deepEqual(user.name, {
        givenName: "First",
        familyName: "Kept",
        honorificPrefix: null,
      }),
  },
  "patch_user_nickname_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => {
      assert.equal(user.userName, "slack_username");
      assert.equal(user.nickName, "slack_username");
    },
  },
  "patch_user_phone_both_request.json": {
    route: patchUser,
    status: 200,
    check: (user) =>
      assert.deepEqual(user.phoneNumbers, [
        { value: "222-222-2222", type: "mobile" },
        { value: "333-333-3333", primary: true },
      ]),
  },
  "patch_user_phone_mobile_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.deepEqual(phones(user), ["123-333-3333", null]),
  },
  "patch_user_phone_primary_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.deepEqual(phones(user), [null, "123-333-3333"]),
  },
  "patch_user_phone_remove_by_value_request.json": {
    route: patchUser,
    status: 200,
    before: TWO_PHONES,
    check: (user) => assert.deepEqual(phones(user), [null, null]),
  },
  "patch_user_phone_remove_request.json": {
    route: patchUser,
    status: 200,
    before: TWO_PHONES,
    check: (user) => assert.deepEqual(phones(user), [null, null]),
  },
  "patch_user_phone_replace_value_request.json": {
    route: patchUser,
    status: 200,
    before: TWO_PHONES,
    check: (user) => assert.deepEqual(phones(user), ["222-222-2222", "111-111-111"]),
  },
  "patch_user_photos_request.json": {
    route: patchUser,
    status: 200,
    check: (user) =>
      assert.deepEqual(user.photos, [{
        value: "https://photos.example.com/profilephoto.jpg",
        type: "photo",
      }]),
  },
  "patch_user_preferred_language_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.equal(user.preferredLanguage, "en_US"),
  },
  "patch_user_profile_start_date_request.json": {
    // Not a PatchOp message in the docs: a partial resource under the profile URN.
    route: patchUser,
    status: 200,
    check: (user) => assert.equal(user[PROFILE_V2].startDate, "2024-04-10T00:00:00+0000"),
  },
  "patch_user_remove_enterprise_manager_id_request.json": {
    route: patchUser,
    status: 200,
    before: ENTERPRISE,
    check: (user) => {
      assert.equal(user[ENTERPRISE_V2].manager.managerId, null);
      assert.equal(user[ENTERPRISE_V2].department, "Ops");
    },
  },
  "patch_user_remove_enterprise_request.json": {
    route: patchUser,
    status: 200,
    before: ENTERPRISE,
    check: (user) =>
      assert.deepEqual(user[ENTERPRISE_V2], {
        employeeNumber: null,
        costCenter: null,
        organization: null,
        division: null,
        department: null,
        manager: { managerId: null },
      }),
  },
  "patch_user_remove_guest_expiration_request.json": {
    route: patchUser,
    status: 200,
    before: GUEST,
    check: (user) => assert.deepEqual(user[GUEST_V2], { type: "multi" }),
  },
  "patch_user_remove_name_honorific_prefix_request.json": {
    route: patchUser,
    status: 200,
    before: { name: { givenName: "Pat", honorificPrefix: "Dr." } },
    check: (user) =>
      assert.deepEqual(user.name, { givenName: "Pat", familyName: "", honorificPrefix: null }),
  },
  "patch_user_request.json": {
    // `"path": "address"` is a typo for `addresses` in the docs; the response shows none left.
    route: patchUser,
    status: 200,
    before: { ...ADDRESS, ...ENTERPRISE },
    check: (user) => {
      assert.equal(user[ENTERPRISE_V2].employeeNumber, "121");
      assert.equal(user[ENTERPRISE_V2].costCenter, "001919");
      assert.equal(user[ENTERPRISE_V2].department, "Ops");
      assert.equal(user.addresses[0].streetAddress, null);
    },
  },
  "patch_user_roles_add_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.deepEqual(user.roles, [{ value: "Tech Lead", primary: true }]),
  },
  "patch_user_roles_add_string_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.deepEqual(user.roles, [{ value: "Tech Lead", primary: true }]),
  },
  "patch_user_roles_remove_request.json": {
    route: patchUser,
    status: 200,
    before: { roles: [{ value: "Lead" }] },
    check: (user) => assert.deepEqual(user.roles, [{ value: null, primary: true }]),
  },
  "patch_user_timezone_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.equal(user.timezone, "America/Chicago"),
  },
  "patch_user_title_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.equal(user.title, "Tour Guide"),
  },
  "patch_user_user_type_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.equal(user.userType, "Employee"),
  },
  "patch_user_username_request.json": {
    route: patchUser,
    status: 200,
    check: (user) => assert.equal(user.userName, "other_username"),
  },
  "put_group_request.json": {
    route: (ids) => ["PUT", `Groups/${ids.group}`],
    status: 200,
    check: (group) => {
      assert.equal(group.displayName, "Updated Group Name");
      assert.deepEqual(group.members, []);
    },
  },
  "put_user_request.json": {
    route: (ids) => ["PUT", `Users/${ids.target}`],
    status: 200,
    before: { title: "Blanked by PUT", ...ENTERPRISE },
    check: (user) => {
      assert.equal(user.userName, "updated_username");
      assert.deepEqual(emailValues(user), [
        "some_updated_username@email.com",
        "some_other@email.com",
      ]);
      assert.equal(user.title, "");
      assert.equal(user[ENTERPRISE_V2].department, null);
    },
  },
};

const files: string[] = [];
for await (const entry of Deno.readDir(new URL("slack-docs/v2/", FIXTURES))) {
  if (/_request[_.]/.test(entry.name)) files.push(entry.name);
}
files.sort();

Deno.test("every v2 request fixture has a case, and every case a fixture", () => {
  assert.ok(files.length >= 47, `found ${files.length}`);
  assert.deepEqual(files, Object.keys(CASES).sort());
});

/** A simulator with a target user, two more members (the first in a group) and that group. */
async function directory(): Promise<{ sim: SlackScimSimulator; ids: Ids }> {
  const sim = simulator();
  const target = await createV1(sim, "target");
  const members: [string, string] = [await createV1(sim, "first"), await createV1(sim, "second")];
  const group = expectStatus(
    await v1(sim, "POST", "Groups", {
      schemas: [CORE_V1],
      displayName: "Team",
      members: [{ value: members[0] }, { value: members[1] }],
    }),
    201,
  ).body.id;
  return { sim, ids: { target, members, group } };
}

/** The docs' placeholder ids (U123ABC456, U999ABC456) swapped for the directory's members. */
function withMembers(body: unknown, ids: Ids): unknown {
  return JSON.parse(
    JSON.stringify(body).replaceAll("U123ABC456", ids.members[0]).replaceAll(
      "U999ABC456",
      ids.members[1],
    ),
  );
}

for (const name of files) {
  Deno.test(`Slack's documented v2 request ${name} is accepted and applied`, async () => {
    const spec = CASES[name];
    assert.ok(spec !== undefined, `no case for ${name}`);
    const { sim, ids } = await directory();
    if (typeof spec.before === "function") await spec.before(sim, ids);
    else if (spec.before !== undefined) {
      const body = { schemas: [CORE_V1], ...spec.before };
      expectStatus(await v1(sim, "PATCH", `Users/${ids.target}`, body), 200);
    }
    const [method, path] = spec.route(ids);
    const body = withMembers(await fixture(`slack-docs/v2/${name}`), ids);
    const answer = expectStatus(await v2(sim, method, path, body), spec.status);
    const id = method === "POST" ? answer.body.id : path.split("/")[1];
    const collection = path.split("/")[0];
    const after = await v2(sim, "GET", `${collection}/${id}`);
    if (method === "DELETE") {
      assert.equal(after.status, 404);
      spec.check(null, ids);
      return;
    }
    expectStatus(after, 200);
    if (answer.body !== null) assert.deepEqual(answer.body, after.body, "answered as stored");
    spec.check(after.body, ids);
  });
}
