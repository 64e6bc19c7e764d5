// The typed PATCH operations (scim/v2/patch_op.ts): what the compiler accepts and refuses.
// Each @ts-expect-error line must fail to compile; `deno check` (deno task check, deno test)
// fails if one of them ever compiles.

import assert from "node:assert/strict";
import {
  ENTERPRISE_SCHEMA_V2,
  groupPatch,
  type GroupPatchOperation,
  userPatch,
  type UserPatchOperation,
  valuePath,
} from "../../scim/v2/mod.ts";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const GUEST = "urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User";

Deno.test("user operations: attribute paths, sub-attributes and values are checked", () => {
  const ok: UserPatchOperation[] = [
    { op: "replace", path: "active", value: false },
    { op: "replace", path: "title", value: "Tour Guide" },
    { op: "replace", path: "title", value: null },
    { op: "replace", path: "name.givenName", value: "First" },
    { op: "add", path: "name", value: { givenName: "First", familyName: "Last" } },
    { op: "add", path: "emails", value: [{ value: "a@example.com", primary: true }] },
    { op: "add", path: "emails", value: { value: "a@example.com", type: "home" } },
    { op: "add", path: "roles", value: ["Tech Lead"] },
    { op: "remove", path: "addresses" },
    { op: "replace", value: { title: "Captain", active: true } },
  ];
  // @ts-expect-error: op must be add, replace or remove.
  const badOp: UserPatchOperation = { op: "delete", path: "title" };
  // @ts-expect-error: RFC 7644 op names are lower case here.
  const upperOp: UserPatchOperation = { op: "Replace", path: "title", value: "x" };
  // @ts-expect-error: active is a boolean, not the string "false".
  const badValue: UserPatchOperation = { op: "replace", path: "active", value: "false" };
  // @ts-expect-error: a user has no attribute "titel".
  const badPath: UserPatchOperation = { op: "replace", path: "titel", value: "x" };
  // @ts-expect-error: name has no sub-attribute "middle".
  const badSub: UserPatchOperation = { op: "replace", path: "name.middle", value: "x" };
  // @ts-expect-error: givenName is a string.
  const badSubValue: UserPatchOperation = { op: "replace", path: "name.givenName", value: 1 };
  // @ts-expect-error: remove takes no value.
  const removeValue: UserPatchOperation = { op: "remove", path: "title", value: "x" };
  // @ts-expect-error: add needs a value.
  const addNoValue: UserPatchOperation = { op: "add", path: "title" };
  // @ts-expect-error: PATCH cannot change id (nor meta, groups, password, externalId, profileUrl).
  const readOnly: UserPatchOperation = { op: "replace", path: "id", value: "U1" };
  // @ts-expect-error: nor the password.
  const password: UserPatchOperation = { op: "replace", path: "password", value: "secret" };
  // @ts-expect-error: without a path, the value holds known attributes only.
  const unknownAttribute: UserPatchOperation = { op: "replace", value: { titel: "x" } };
  // @ts-expect-error: an email is an object with value/type/primary.
  const badEmail: UserPatchOperation = { op: "add", path: "emails", value: [{ primary: "yes" }] };
  assert.equal(ok.length, 10);
  assert.ok(
    [
      badOp,
      upperOp,
      badValue,
      badPath,
      badSub,
      badSubValue,
      removeValue,
      addNoValue,
      readOnly,
      password,
      unknownAttribute,
      badEmail,
    ].length === 12,
  );
});

Deno.test("user operations: value filters must name a sub-attribute of the attribute", () => {
  const ok: UserPatchOperation[] = [
    { op: "remove", path: "emails[primary eq false]" },
    { op: "remove", path: 'emails[value eq "a@example.com"]' },
    { op: "replace", path: "emails[primary eq false]", value: { value: "b@example.com" } },
    { op: "replace", path: 'phoneNumbers[value eq "333"].value', value: "111" },
    { op: "remove", path: 'emails[type eq "work" and primary eq true]' },
    { op: "remove", path: "emails[type pr]" },
  ];
  // @ts-expect-error: emails have no sub-attribute "kind" to filter on.
  const badFilter: UserPatchOperation = { op: "remove", path: 'emails[kind eq "work"]' };
  // @ts-expect-error: an operator the grammar does not have.
  const badOperator: UserPatchOperation = { op: "remove", path: 'emails[type is "work"]' };
  // @ts-expect-error: title is not multi-valued; it has no filter.
  const notMulti: UserPatchOperation = { op: "remove", path: 'title[value eq "x"]' };
  const badFiltered: UserPatchOperation = {
    op: "replace",
    path: 'phoneNumbers[value eq "333"].value',
    // @ts-expect-error: the filtered sub-attribute value is a string.
    value: 111,
  };
  // @ts-expect-error: a filtered email is replaced by an email object, not a string.
  const badElement: UserPatchOperation = {
    op: "replace",
    path: "emails[primary eq false]",
    value: "b@example.com",
  };
  assert.equal(ok.length, 6);
  assert.ok([badFilter, badOperator, notMulti, badFiltered, badElement].length === 5);
});

Deno.test("user operations: extension paths in both the : and the . form", () => {
  const ok: UserPatchOperation[] = [
    { op: "add", path: `${ENTERPRISE}:employeeNumber`, value: "121" },
    { op: "add", path: `${ENTERPRISE}.employeeNumber`, value: "121" },
    { op: "remove", path: `${ENTERPRISE}.manager.managerId` },
    { op: "replace", path: `${ENTERPRISE}:manager.managerId`, value: "U1" },
    { op: "replace", path: ENTERPRISE, value: { manager: { managerId: "U1" } } },
    { op: "add", path: GUEST, value: { type: "multi", expiration: "2024-11-30T23:59:59Z" } },
    { op: "remove", path: `${GUEST}.expiration` },
    { op: "replace", path: ENTERPRISE_SCHEMA_V2, value: { department: "Sales" } },
  ];
  // @ts-expect-error: the enterprise extension has no "salary".
  const badAttribute: UserPatchOperation = { op: "add", path: `${ENTERPRISE}:salary`, value: "1" };
  // @ts-expect-error: manager is an object, not a string.
  const badManager: UserPatchOperation = { op: "add", path: `${ENTERPRISE}.manager`, value: "U1" };
  const badExtension: UserPatchOperation = {
    op: "add",
    // @ts-expect-error: an extension the user does not have.
    path: "urn:ietf:params:scim:schemas:extension:acme:2.0:User",
    value: {},
  };
  // @ts-expect-error: the guest type is a string.
  const badGuest: UserPatchOperation = { op: "add", path: GUEST, value: { type: 1 } };
  assert.equal(ok.length, 8);
  assert.ok([badAttribute, badManager, badExtension, badGuest].length === 4);
});

Deno.test("group operations: members, filters and displayName are checked", () => {
  const ok: GroupPatchOperation[] = [
    { op: "replace", path: "displayName", value: "Ops" },
    { op: "add", path: "members", value: [{ value: "U1" }] },
    { op: "replace", path: "members", value: [{ value: "U1" }, { value: "U2" }] },
    { op: "remove", path: "members[value eq U123ABC456]" },
    { op: "remove", path: 'members[value eq "U123ABC456"]' },
    { op: "remove", path: "members" },
  ];
  // @ts-expect-error: a group has no emails.
  const userPath: GroupPatchOperation = { op: "remove", path: "emails" };
  // @ts-expect-error: members are objects with a value.
  const badMembers: GroupPatchOperation = { op: "add", path: "members", value: ["U1"] };
  // @ts-expect-error: members have no sub-attribute "id" to filter on.
  const badFilter: GroupPatchOperation = { op: "remove", path: "members[id eq U1]" };
  // @ts-expect-error: displayName is a string.
  const badName: GroupPatchOperation = { op: "replace", path: "displayName", value: 7 };
  assert.equal(ok.length, 6);
  assert.ok([userPath, badMembers, badFilter, badName].length === 4);
});

Deno.test("the builders' typed replace/add take the value their path holds", () => {
  const ok = [
    userPatch.replace("active", true),
    userPatch.replace("name.givenName", "First"),
    userPatch.add(`${ENTERPRISE}:costCenter`, "001919"),
    groupPatch.replace("displayName", "Ops"),
  ];
  // @ts-expect-error: active is a boolean.
  const bad1 = userPatch.replace("active", "yes");
  // @ts-expect-error: no such path.
  const bad2 = userPatch.remove("nmae");
  // @ts-expect-error: members are objects.
  const bad3 = groupPatch.add("members", "U1");
  assert.equal(ok.length, 4);
  assert.ok([bad1, bad2, bad3].length === 3);
});

Deno.test("valuePath is typed by its attribute: its sub-attributes only", () => {
  const ok: UserPatchOperation[] = [
    { op: "remove", path: valuePath("emails", { value: "a@example.com" }) },
    { op: "replace", path: `${valuePath("phoneNumbers", { value: "333" })}.value`, value: "1" },
  ];
  const group: GroupPatchOperation = { op: "remove", path: valuePath("members", { value: "U1" }) };
  // @ts-expect-error: emails have no sub-attribute "kind".
  const bad1 = valuePath("emails", { kind: "work" });
  // @ts-expect-error: title is not multi-valued.
  const bad2 = valuePath("title", { value: "x" });
  // @ts-expect-error: a members path is not a user path.
  const bad3: UserPatchOperation = { op: "remove", path: valuePath("members", { value: "U1" }) };
  assert.equal(ok.length + [group].length, 3);
  assert.ok([bad1, bad2, bad3].length === 3);
});
