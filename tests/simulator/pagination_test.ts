import assert from "node:assert/strict";
import { call, simulator } from "./helpers.ts";

const ids = (body: { Resources: { id: string }[] }) => body.Resources.map((r) => r.id);

Deno.test("lists default to 10 items from startIndex 1, in Slack's list shape", async () => {
  const sim = simulator({ users: 25 });
  const answer = await call(sim, "GET", "Users");
  assert.equal(answer.status, 200);
  assert.deepEqual(Object.keys(answer.body), [
    "totalResults",
    "itemsPerPage",
    "startIndex",
    "schemas",
    "Resources",
  ]);
  assert.deepEqual(answer.body.schemas, ["urn:scim:schemas:core:1.0"]);
  assert.equal(answer.body.totalResults, 25);
  assert.equal(answer.body.itemsPerPage, 10);
  assert.equal(answer.body.startIndex, 1);
  assert.equal(answer.body.Resources.length, 10);
});

Deno.test("startIndex is 1-based and pages tile the list in a stable order", async () => {
  const sim = simulator({ users: 25 });
  const all = ids((await call(sim, "GET", "Users?count=100")).body);
  const pages = [];
  for (const start of [1, 11, 21]) {
    const page = await call(sim, "GET", `Users?startIndex=${start}&count=10`);
    assert.equal(page.body.startIndex, start);
    pages.push(...ids(page.body));
  }
  assert.deepEqual(pages, all);
  const last = await call(sim, "GET", "Users?startIndex=21&count=10");
  assert.equal(last.body.itemsPerPage, 5);
  const past = await call(sim, "GET", "Users?startIndex=26");
  assert.deepEqual(past.body.Resources, []);
  assert.equal(past.body.totalResults, 25);
});

Deno.test("count is capped at 1000", async () => {
  const sim = simulator({ users: 1005 });
  const answer = await call(sim, "GET", "Users?count=5000");
  assert.equal(answer.body.itemsPerPage, 1000);
  assert.equal(answer.body.totalResults, 1005);
});

Deno.test("unreadable startIndex and count fall back to the defaults", async () => {
  const sim = simulator({ users: 15 });
  const answer = await call(sim, "GET", "Users?startIndex=zero&count=abc");
  assert.equal(answer.body.startIndex, 1);
  assert.equal(answer.body.itemsPerPage, 10);
});

Deno.test("count as Slack documents it and RFC 7644 settles: default 10, at most 1000, negative is 0", async () => {
  const sim = simulator({ users: 1_005, seed: 2 });
  // [query, items on the page]: Slack's default 10 and cap 1000 (1001+ is 1000); RFC 7644
  // §3.4.2.4 for what Slack leaves open (a negative count is 0); decimal spellings read as
  // numbers, truncated; anything else is the default.
  const cases: [string, number][] = [
    ["", 10],
    ["count=", 10],
    ["count=abc", 10],
    ["count=10abc", 10],
    ["count=0", 0],
    ["count=-1", 0],
    ["count=-1000", 0],
    ["count=1", 1],
    ["count=5.9", 5],
    ["count=1e3", 1000],
    ["count=1e2", 100],
    ["count=999", 999],
    ["count=1000", 1000],
    ["count=1001", 1000],
    ["count=1e400", 1000],
  ];
  for (const [query, items] of cases) {
    for (const version of ["v1", "v2"]) {
      const answer = await call(sim, "GET", `https://api.slack.com/scim/${version}/Users?${query}`);
      assert.equal(answer.status, 200, `${version} ${query}`);
      assert.equal(answer.body.itemsPerPage, items, `${version} ${query}: itemsPerPage`);
      assert.equal(answer.body.Resources.length, items, `${version} ${query}: Resources`);
      assert.equal(answer.body.totalResults, 1005, `${version} ${query}: totalResults`);
    }
  }
});

Deno.test("startIndex below 1 is 1 (RFC 7644); decimal spellings read as numbers", async () => {
  const sim = simulator({ users: 30 });
  const all = ids((await call(sim, "GET", "Users?count=30")).body);
  for (const [startIndex, first] of [["0", 1], ["-5", 1], ["1e1", 10], ["3.7", 3], ["x", 1]]) {
    const page = (await call(sim, "GET", `Users?startIndex=${startIndex}&count=1`)).body;
    assert.equal(page.startIndex, first, `startIndex=${startIndex}`);
    assert.deepEqual(ids(page), [all[(first as number) - 1]], `startIndex=${startIndex}`);
  }
  const far = (await call(sim, "GET", "Users?startIndex=1e400")).body;
  assert.equal(far.startIndex, Number.MAX_SAFE_INTEGER, "a finite number, never null");
  assert.deepEqual(far.Resources, []);
});

Deno.test("created users are appended to the end of the list", async () => {
  const sim = simulator({ users: 3 });
  const created = await call(sim, "POST", "Users", {
    schemas: ["urn:scim:schemas:core:1.0"],
    userName: "newest",
    emails: [{ value: "newest@example.com" }],
  });
  const list = ids((await call(sim, "GET", "Users")).body);
  assert.equal(list.at(-1), created.body.id);
});

Deno.test("groups page the same way", async () => {
  const sim = simulator({ users: 30, groups: 12 });
  const first = await call(sim, "GET", "Groups?startIndex=1&count=5");
  const third = await call(sim, "GET", "Groups?startIndex=11&count=5");
  assert.equal(first.body.totalResults, 12);
  assert.equal(first.body.itemsPerPage, 5);
  assert.equal(third.body.itemsPerPage, 2);
});
