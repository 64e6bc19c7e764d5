/** PATCH paths: the forms Slack's docs use, and bare filter values read as strings. */
import assert from "node:assert/strict";
import { SlackErrorResponse } from "../../../scim/testing/responses.ts";
import { parsePatchPath, quoteBareValues } from "../../../scim/testing/v2/patch_path.ts";
import { ENTERPRISE_V2, GUEST_V2, USER_V2 } from "./helpers.ts";

const URNS = [USER_V2, ENTERPRISE_V2, GUEST_V2];

Deno.test("quoteBareValues() quotes bare words only, never inside a JSON string", () => {
  assert.equal(quoteBareValues("value eq U123ABC456"), 'value eq "U123ABC456"');
  assert.equal(quoteBareValues("value EQ U1 or value eq U2"), 'value EQ "U1" or value eq "U2"');
  assert.equal(quoteBareValues("primary eq false"), "primary eq false");
  assert.equal(quoteBareValues("value eq 5550001"), "value eq 5550001");
  assert.equal(quoteBareValues('display eq "a eq b"'), 'display eq "a eq b"');
  assert.equal(quoteBareValues('display eq "say \\"eq x\\""'), 'display eq "say \\"eq x\\""');
  assert.equal(quoteBareValues("(value eq U1)"), '(value eq "U1")');
  // An attribute whose name ends in an operator's letters is not an operator.
  assert.equal(quoteBareValues("freq eq x"), 'freq eq "x"');
});

Deno.test("parsePatchPath() reads both extension forms, whole URNs, filters and sub-attributes", () => {
  assert.deepEqual(parsePatchPath(`${ENTERPRISE_V2}:employeeNumber`, URNS), {
    urn: ENTERPRISE_V2.toLowerCase(),
    attribute: "employeenumber",
    filter: undefined,
    subAttribute: undefined,
  });
  assert.deepEqual(parsePatchPath(`${ENTERPRISE_V2}.manager.managerId`, URNS), {
    urn: ENTERPRISE_V2.toLowerCase(),
    attribute: "manager",
    filter: undefined,
    subAttribute: "managerid",
  });
  assert.deepEqual(parsePatchPath(` ${GUEST_V2} `, URNS), {
    urn: GUEST_V2.toLowerCase(),
    attribute: "",
    filter: undefined,
    subAttribute: undefined,
  });
  assert.deepEqual(parsePatchPath('phoneNumbers[value eq "333-333-3333"].value', URNS), {
    urn: undefined,
    attribute: "phonenumbers",
    filter: { type: "comparison", attribute: "value", operator: "eq", value: "333-333-3333" },
    subAttribute: "value",
  });
  assert.deepEqual(parsePatchPath(`${USER_V2}:name.givenName`, URNS).attribute, "name");
  assert.deepEqual(parsePatchPath("members[value eq U123ABC456]", []).filter, {
    type: "comparison",
    attribute: "value",
    operator: "eq",
    value: "U123ABC456",
  });
});

Deno.test("parsePatchPath() refuses malformed paths with Slack's codes", () => {
  const code = (path: string) => {
    try {
      parsePatchPath(path, URNS);
    } catch (error) {
      assert.ok(error instanceof SlackErrorResponse);
      return error.description;
    }
    return "accepted";
  };
  assert.equal(code("emails[value eq x"), "invalid_request_payload");
  assert.equal(code("emails..value"), "invalid_request_payload");
  assert.equal(code("1emails"), "invalid_request_payload");
  assert.equal(code("emails[value eq]"), "incomplete_filter");
  assert.equal(code("emails[(value eq x]"), "invalid_filter_group");
});
