import assert from "node:assert/strict";
import { isFilterSyntaxError, parseFilter } from "../../scim/testing/filter.ts";
import { call, createUser, FIXTURES, simulator } from "./helpers.ts";

function codeOf(text: string): string {
  try {
    parseFilter(text);
  } catch (error) {
    assert.ok(isFilterSyntaxError(error), `not a FilterSyntaxError: ${error}`);
    return error.description;
  }
  return "parsed";
}

Deno.test("parseFilter reads every operator, case-insensitively", () => {
  for (const op of ["eq", "co", "sw", "gt", "ge", "lt", "le"]) {
    assert.deepEqual(parseFilter(`userName ${op.toUpperCase()} "x"`), {
      type: "comparison",
      attribute: "userName",
      operator: op,
      value: "x",
    });
  }
  assert.deepEqual(parseFilter("email Pr"), { type: "present", attribute: "email" });
});

Deno.test("parseFilter decodes JSON string escapes", () => {
  const expression = parseFilter(String.raw`userName eq "a\"b\\c\nd\u00e9\/"`);
  assert.equal(expression.type === "comparison" && expression.value, 'a"b\\c\nd\u00e9/');
});

Deno.test("parseFilter reads numbers, true and false", () => {
  assert.deepEqual(parseFilter("restricted eq TRUE"), {
    type: "comparison",
    attribute: "restricted",
    operator: "eq",
    value: true,
  });
  assert.equal((parseFilter("x gt -1.5e2") as { value: unknown }).value, -150);
  assert.equal((parseFilter("x eq false") as { value: unknown }).value, false);
});

Deno.test("parseFilter: and binds tighter than or, parentheses group", () => {
  const a = { type: "comparison", attribute: "a", operator: "eq", value: "1" };
  const b = { type: "comparison", attribute: "b", operator: "eq", value: "2" };
  const c = { type: "comparison", attribute: "c", operator: "eq", value: "3" };
  assert.deepEqual(parseFilter('a eq "1" or b eq "2" AND c eq "3"'), {
    type: "or",
    left: a,
    right: { type: "and", left: b, right: c },
  });
  assert.deepEqual(parseFilter('(a eq "1" or b eq "2") and c eq "3"'), {
    type: "and",
    left: { type: "or", left: a, right: b },
    right: c,
  });
});

Deno.test("parseFilter refuses malformed filters with Slack's codes", () => {
  const cases: [string, string][] = [
    ["foo", "no_filters"],
    ["", "no_filters"],
    ["userName eq", "incomplete_filter"],
    ["userName", "no_filters"],
    ['userName eq "a" and', "incomplete_filter"],
    ['(userName eq "a"', "invalid_filter_group"],
    ['userName eq "a")', "invalid_filter_group"],
    ['userName eq "a" email eq "b"', "invalid_query"],
    ['userName ne "a"', "invalid_query"],
    ['userName eq "unterminated', "invalid_query"],
    [String.raw`userName eq "bad \x escape"`, "invalid_query"],
    ["userName eq bare", "invalid_query"],
    ['filter=userName eq "a"', "invalid_query"],
  ];
  for (const [text, code] of cases) assert.equal(codeOf(text), code, text);
});

Deno.test("GET /Users?filter=foo answers Slack's recorded no_filters error", async () => {
  const sim = simulator({ users: 3 });
  const answer = await call(sim, "GET", "Users?filter=foo");
  const recorded = JSON.parse(
    await Deno.readTextFile(
      new URL("slack-python-sdk-tests/integration_tests__error_response_no_filters.json", FIXTURES),
    ),
  );
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body, recorded);
});

Deno.test("GET /Users with a malformed or unsupported filter answers 400 with the code", async () => {
  const sim = simulator({ users: 3 });
  const cases: [string, string][] = [
    ['userName eq "a" and', "incomplete_filter"],
    ['(userName eq "a"', "invalid_filter_group"],
    ['title eq "CEO"', "invalid_query"],
  ];
  for (const [filter, code] of cases) {
    const answer = await call(sim, "GET", `Users?filter=${encodeURIComponent(filter)}`);
    assert.equal(answer.status, 400, filter);
    assert.deepEqual(answer.body, { Errors: { description: code, code: 400 } });
  }
  const groups = await call(sim, "GET", `Groups?filter=${encodeURIComponent('userName eq "a"')}`);
  assert.equal(groups.body.Errors.description, "invalid_query");
});

Deno.test("user filters: userName/username, email (any of the two), co, sw, and/or, parentheses", async () => {
  const sim = simulator();
  const carly = await createUser(sim, "Carly", {
    emails: [{ value: "carly@example.com" }, { value: "c.home@home.example" }],
  });
  const dave = await createUser(sim, "dave");
  const erin = await createUser(sim, "erin");
  const ids = async (filter: string) =>
    (await call(sim, "GET", `Users?filter=${encodeURIComponent(filter)}`)).body.Resources.map(
      (u: { id: string }) => u.id,
    );
  assert.deepEqual(await ids('userName Eq "carly"'), [carly]);
  assert.deepEqual(await ids('username eq "DAVE"'), [dave]);
  assert.deepEqual(await ids('email eq "c.home@home.example"'), [carly]);
  assert.deepEqual(await ids('email co "@example.com"'), [carly, dave, erin]);
  assert.deepEqual(await ids('userName sw "e"'), [erin]);
  assert.deepEqual(await ids('userName gt "d"'), [dave, erin]);
  assert.deepEqual(await ids('userName eq "dave" or userName eq "erin"'), [dave, erin]);
  assert.deepEqual(
    await ids('(userName eq "dave" or userName eq "erin") and email sw "e"'),
    [erin],
  );
  assert.deepEqual(await ids("email pr"), [carly, dave, erin]);
  assert.deepEqual(await ids(`id eq "${dave}"`), [dave]);
  await call(sim, "DELETE", `Users/${erin}`);
  assert.deepEqual(await ids("active eq false"), [erin]);
});

Deno.test("a value with an escaped quote matches exactly and injects nothing", async () => {
  const sim = simulator();
  await createUser(sim, "victim");
  const hostile = JSON.stringify('x" or userName pr or userName eq "y');
  const answer = await call(
    sim,
    "GET",
    `Users?filter=${encodeURIComponent(`userName eq ${hostile}`)}`,
  );
  assert.equal(answer.status, 200);
  assert.equal(answer.body.totalResults, 0);
});

Deno.test("restricted and ultra_restricted find multi- and single-channel guests", async () => {
  const sim = simulator({ users: 200, seed: 3 });
  const all = (await call(sim, "GET", "Users?count=1000")).body.Resources;
  const guestType = (u: Record<string, { type?: string } | undefined>) =>
    u["urn:scim:schemas:extension:slack:guest:1.0"]?.type;
  for (
    const [filter, type] of [["restricted eq true", "multi"], ['ultra_restricted eq "1"', "single"]]
  ) {
    const answer = await call(
      sim,
      "GET",
      `Users?count=1000&filter=${encodeURIComponent(filter as string)}`,
    );
    const expected = all.filter((u: Record<string, never>) => guestType(u) === type).map((
      u: { id: string },
    ) => u.id);
    assert.ok(expected.length > 0, `seed 3 has ${type} guests`);
    assert.deepEqual(answer.body.Resources.map((u: { id: string }) => u.id), expected);
  }
});

Deno.test("group filters: displayName, case-insensitive", async () => {
  const sim = simulator({ users: 10, groups: 4 });
  const groups = (await call(sim, "GET", "Groups")).body.Resources;
  const target = groups[2];
  const answer = await call(
    sim,
    "GET",
    `Groups?filter=${encodeURIComponent(`DisplayName eq "${target.displayName.toUpperCase()}"`)}`,
  );
  assert.deepEqual(answer.body.Resources.map((g: { id: string }) => g.id), [target.id]);
});
