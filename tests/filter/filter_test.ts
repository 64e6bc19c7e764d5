import assert from "node:assert/strict";
import { encodeFilterValue, filter } from "../../scim/filter.ts";

Deno.test("filter`` quotes an interpolated string as a JSON string literal", () => {
  const name = "Carly";
  assert.equal(filter`userName eq ${name}`, 'userName eq "Carly"');
});

Deno.test("filter`` escapes quotes so a hostile value cannot add clauses", () => {
  const name = 'x" or userName pr or userName eq "y';
  assert.equal(
    filter`userName eq ${name}`,
    'userName eq "x\\" or userName pr or userName eq \\"y"',
  );
});

Deno.test("filter`` escapes backslashes, control characters and lone surrogates", () => {
  assert.equal(encodeFilterValue("a\\b"), '"a\\\\b"');
  assert.equal(encodeFilterValue("line\nbreak\ttab\u0000nul"), '"line\\nbreak\\ttab\\u0000nul"');
  assert.equal(encodeFilterValue("\ud800"), '"\\ud800"');
});

Deno.test("filter`` writes numbers and booleans bare and dates as ISO strings", () => {
  assert.equal(filter`restricted eq ${true}`, "restricted eq true");
  assert.equal(filter`userName eq ${42}`, "userName eq 42");
  assert.equal(
    filter`userName eq ${new Date("2024-04-10T00:00:00Z")}`,
    'userName eq "2024-04-10T00:00:00.000Z"',
  );
});

/** Calls the tag as a template with one value would, for operators chosen at run time. */
function withOperator(op: string, value: string): string {
  const strings = Object.assign([`email ${op} `, ""], { raw: [`email ${op} `, ""] });
  return filter(strings, value);
}

Deno.test("filter`` accepts every comparison operator in any case", () => {
  for (const op of ["eq", "co", "sw", "gt", "ge", "lt", "le", "Eq", "CO", "sW"]) {
    assert.equal(withOperator(op, "a"), `email ${op} "a"`);
  }
});

Deno.test("filter`` refuses a value after pr, after an attribute or in attribute position", () => {
  assert.throws(() => withOperator("pr", "a"), /must follow one of the operators/);
  assert.throws(() => filter`userName ${"Carly"}`, /must follow one of the operators/);
  assert.throws(() => filter`${"userName"} eq "x"`, /must follow one of the operators/);
});

Deno.test("filter`` refuses a value the caller quoted already", () => {
  assert.throws(() => filter`userName eq "${"Carly"}"`, /inside quotes/);
});

Deno.test("filter`` names an attribute Slack cannot filter on", () => {
  assert.throws(() => filter`title eq ${"CEO"}`, /Slack cannot filter on "title"/);
  assert.throws(() => filter`userName eq ${"a"} or nickName sw ${"b"}`, /"nickName"/);
});

Deno.test("filter`` accepts Slack's attributes in any case, grouped and combined", () => {
  assert.equal(
    filter`(UserName eq ${"a"} or username sw ${"b"}) and email co ${"@x.com"} and restricted pr`,
    '(UserName eq "a" or username sw "b") and email co "@x.com" and restricted pr',
  );
  assert.equal(filter`displayName eq ${"Eng"}`, 'displayName eq "Eng"');
  assert.equal(filter`ultra_restricted eq ${false}`, "ultra_restricted eq false");
});

Deno.test("filter`` ignores operator-like words inside string literals the caller wrote", () => {
  assert.equal(filter`userName eq "title eq x"`, 'userName eq "title eq x"');
});

Deno.test("filter`` refuses non-finite numbers, invalid dates and other types", () => {
  assert.throws(() => filter`userName eq ${Number.NaN}`, RangeError);
  assert.throws(() => filter`userName eq ${new Date("nope")}`, RangeError);
  assert.throws(
    () => filter`userName eq ${{ toString: () => "x" } as unknown as string}`,
    /must be a string, number, boolean or Date/,
  );
});

Deno.test("filter`` refuses a value placed inside a string the caller opened", () => {
  const v = '" or userName pr or userName eq "';
  assert.throws(() => filter`userName co "email eq ${v}"`, /inside quotes/);
  // A closed string with an escaped quote before the value is fine.
  assert.equal(
    filter`userName eq "a\\"b" or email eq ${"x"}`,
    'userName eq "a\\"b" or email eq "x"',
  );
});
