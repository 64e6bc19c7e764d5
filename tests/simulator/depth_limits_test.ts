/**
 * Filters and PATCH paths nested or chained beyond any real use answer Slack's 400s, in the
 * version's error shape, never a stack overflow thrown out of `sim.fetch` (a 500 over HTTP).
 */
import assert from "node:assert/strict";
import { MAX_FILTER_COMPARISONS, MAX_FILTER_DEPTH } from "../../scim/testing/filter.ts";
import { createV1, ERROR_V2, patchOp, simulator, v1, v2 } from "./v2/helpers.ts";

const nested = (depth: number, inner = 'userName eq "a"') =>
  `${"(".repeat(depth)}${inner}${")".repeat(depth)}`;
const chain = (n: number) =>
  Array.from({ length: n }, (_, i) => `userName eq "u${i}"`).join(" or ");
const query = (filter: string) => `Users?filter=${encodeURIComponent(filter)}`;

Deno.test("a filter nested 10,000 parentheses deep is invalid_filter_group in v1 and v2", async () => {
  const sim = simulator({ users: 2 });
  const one = await v1(sim, "GET", query(nested(10_000)));
  assert.equal(one.status, 400, one.text);
  assert.deepEqual(one.body, { Errors: { description: "invalid_filter_group", code: 400 } });
  const two = await v2(sim, "GET", query(nested(10_000)));
  assert.equal(two.status, 400, two.text);
  assert.deepEqual(two.body, { schemas: [ERROR_V2], detail: "invalid_filter_group", status: 400 });
  // Unclosed, too: the depth is refused before the end is reached.
  const open = await v1(sim, "GET", query("(".repeat(100_000)));
  assert.equal(open.body.Errors.description, "invalid_filter_group");
});

Deno.test("a chain of 20,000 comparisons is invalid_query, not a tree deep enough to overflow", async () => {
  const sim = simulator({ users: 2 });
  for (const call of [v1, v2]) {
    const answer = await call(sim, "GET", query(chain(20_000)));
    assert.equal(answer.status, 400, answer.text);
    assert.equal(answer.body.Errors?.description ?? answer.body.detail, "invalid_query");
  }
  // And as a presence chain with `and`, which builds the same left-deep tree.
  const present = Array.from({ length: 20_000 }, () => "userName pr").join(" and ");
  assert.equal((await v1(sim, "GET", query(present))).body.Errors.description, "invalid_query");
});

Deno.test("filters at the limits still work: 64 groups deep, 1,000 comparisons", async () => {
  const sim = simulator({ users: 3 });
  const id = await createV1(sim, "limits");
  const deep = await v1(sim, "GET", query(nested(MAX_FILTER_DEPTH, 'userName eq "limits"')));
  assert.equal(deep.status, 200, deep.text);
  assert.deepEqual(deep.body.Resources.map((u: { id: string }) => u.id), [id]);
  const long = `${chain(MAX_FILTER_COMPARISONS - 1)} or userName eq "limits"`;
  const wide = await v2(sim, "GET", query(long));
  assert.equal(wide.status, 200, wide.text);
  assert.deepEqual(wide.body.Resources.map((u: { id: string }) => u.id), [id]);
  assert.equal((await v1(sim, "GET", query(nested(MAX_FILTER_DEPTH + 1)))).status, 400);
  assert.equal((await v1(sim, "GET", query(`${long} or userName pr`))).status, 400);
});

Deno.test("v2 PATCH paths nested 20,000 deep answer 400 and change nothing", async () => {
  const sim = simulator();
  const id = await createV1(sim, "deep", {
    emails: [{ value: "deep@example.com", primary: true }, { value: "two@example.com" }],
  });
  const before = (await v2(sim, "GET", `Users/${id}`)).body;
  const cases: [string, string][] = [
    [`emails[${nested(20_000, 'value eq "two@example.com"')}]`, "invalid_filter_group"],
    [`emails[${chain(20_000).replaceAll("userName", "value")}]`, "invalid_query"],
    [`emails${"[".repeat(20_000)}value eq "x"${"]".repeat(20_000)}`, "invalid_query"],
    [`name${".givenName".repeat(20_000)}`, "invalid_request_payload"],
  ];
  for (const [path, detail] of cases) {
    const answer = await v2(sim, "PATCH", `Users/${id}`, patchOp({ op: "remove", path }));
    assert.equal(answer.status, 400, `${path.slice(0, 40)}: ${answer.text}`);
    assert.deepEqual(answer.body, { schemas: [ERROR_V2], detail, status: 400 });
  }
  assert.deepEqual((await v2(sim, "GET", `Users/${id}`)).body, before);
  const members = nested(20_000, "value eq U1");
  const group = await v2(sim, "POST", "Groups", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    displayName: "Deep",
    members: [{ value: id }],
  });
  const removal = await v2(
    sim,
    "PATCH",
    `Groups/${group.body.id}`,
    patchOp({ op: "remove", path: `members[${members}]` }),
  );
  assert.equal(removal.status, 400, removal.text);
  assert.equal(removal.body.detail, "invalid_filter_group");
  const after = (await v2(sim, "GET", `Groups/${group.body.id}`)).body;
  assert.deepEqual(after.members.map((m: { value: string }) => m.value), [id]);
});

Deno.test("over HTTP a PATCH path nested 20,000 deep is a 400, not a 500", async () => {
  const sim = simulator();
  const id = await createV1(sim, "http");
  const server = await sim.listen();
  try {
    const path = `emails[${nested(20_000, 'value eq "x"')}]`;
    const response = await fetch(`${server.baseUrl.replace("/v1/", "/v2/")}Users/${id}`, {
      method: "PATCH",
      headers: { authorization: "Bearer xoxp-test", "content-type": "application/json" },
      body: JSON.stringify(patchOp({ op: "remove", path })),
    });
    assert.equal(response.status, 400);
    assert.equal((await response.json()).detail, "invalid_filter_group");
  } finally {
    await server.close();
  }
});
