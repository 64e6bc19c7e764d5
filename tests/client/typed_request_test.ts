// The typed request target (scim/v1/_request.ts): the compiler holds every call to the spec's
// operations, and urlOf builds the URL Slack gets.

import assert from "node:assert/strict";
import type { ArgsFor } from "../../scim/v1/_request.ts";
import { urlOf } from "../../scim/v1/_request.ts";

const BASE = "https://api.slack.com/scim/v1/";

Deno.test("ArgsFor follows the spec: path parameters required, bodies typed, no stray body", () => {
  const read: ArgsFor<"GET", "/Users/{id}"> = { params: { path: { id: "U1" } } };
  const search: ArgsFor<"GET", "/Users"> = { params: { query: { count: 1, filter: "x" } } };
  const bare: ArgsFor<"GET", "/Users"> = {};
  const patch: ArgsFor<"PATCH", "/Groups/{id}"> = {
    params: { path: { id: "G1" } },
    body: { schemas: [], members: [{ value: "U1" }] },
  };
  // @ts-expect-error: the id is a required path parameter.
  const noId: ArgsFor<"GET", "/Users/{id}"> = {};
  // @ts-expect-error: a GET has no body.
  const getBody: ArgsFor<"GET", "/Users"> = { body: {} };
  // @ts-expect-error: count is a number in the spec.
  const badQuery: ArgsFor<"GET", "/Users"> = { params: { query: { count: "1" } } };
  // @ts-expect-error: a POST of a group must send its body.
  const noBody: ArgsFor<"POST", "/Groups"> = {};
  assert.ok([read, search, bare, patch, noId, getBody, badQuery, noBody].length === 8);
});

Deno.test("urlOf percent-encodes path parameters and writes spaces in the query as %20", () => {
  assert.equal(
    urlOf(BASE, { method: "GET", path: "/Users/{id}", params: { path: { id: "U 1/?#" } } }),
    `${BASE}Users/U%201%2F%3F%23`,
  );
  assert.equal(
    urlOf(BASE, {
      method: "GET",
      path: "/Users",
      params: { query: { startIndex: 1, count: undefined, filter: 'email eq "a+b@x.com"' } },
    }),
    `${BASE}Users?startIndex=1&filter=email%20eq%20%22a%2Bb%40x.com%22`,
  );
  assert.equal(
    urlOf(BASE, { method: "GET", path: "/Groups", params: { query: {} } }),
    `${BASE}Groups`,
  );
});

Deno.test("urlOf refuses a missing path parameter, even one Object.prototype has", () => {
  for (const path of ["/Users/{id}", "/Users/{constructor}"]) {
    assert.throws(
      () => urlOf(BASE, { method: "GET", path, params: { path: {} } }),
      { name: "TypeError", message: `Cannot build ${path}: no ${path.slice(8, -1)}` },
    );
  }
});

Deno.test("urlOf leaves a path without params.path as given: apiCall's {…} is text", () => {
  assert.equal(
    urlOf(BASE, { method: "GET", path: "/Users/{constructor}" }),
    `${BASE}Users/{constructor}`,
  );
  // The URL parser (as fetch and Request use it) then percent-encodes the braces.
  assert.equal(new URL(`${BASE}Users/{x}`).pathname, "/scim/v1/Users/%7Bx%7D");
});

Deno.test("urlOf leaves out null query values as it does undefined ones (JavaScript callers)", () => {
  const query = { filter: null, count: 5 } as unknown as Record<string, number>;
  assert.equal(
    urlOf(BASE, { method: "GET", path: "/Users", params: { query } }),
    `${BASE}Users?count=5`,
  );
});

Deno.test("urlOf refuses a lone surrogate instead of sending U+FFFD in its place", () => {
  assert.throws(
    () =>
      urlOf(BASE, {
        method: "GET",
        path: "/Users",
        params: { query: { filter: 'userName eq "ab\ud800"' } },
      }),
    { name: "TypeError", message: "Cannot build /Users: filter is not well-formed Unicode" },
  );
  assert.throws(
    () => urlOf(BASE, { method: "GET", path: "/Users/{id}", params: { path: { id: "U\udc00" } } }),
    { name: "TypeError", message: "Cannot build /Users/{id}: id is not well-formed Unicode" },
  );
});
