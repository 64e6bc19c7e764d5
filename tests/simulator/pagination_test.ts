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
  const answer = await call(sim, "GET", "Users?startIndex=zero&count=-3");
  assert.equal(answer.body.startIndex, 1);
  assert.equal(answer.body.itemsPerPage, 10);
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
