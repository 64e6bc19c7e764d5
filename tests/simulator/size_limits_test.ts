/**
 * Sizes: bodies above 8 MiB are 413 `request_too_large` and never read whole; string attributes
 * above 1,024 characters are refused, never stored; Slack's own limits (`displayName` 80,
 * `userName` 21) keep their codes; Slack's largest documented request (15,000 members) fits.
 */
import assert from "node:assert/strict";
import { MAX_REQUEST_BYTES, MAX_STRING_LENGTH } from "../../scim/testing/request_limits.ts";
import {
  CORE_V1,
  createV1,
  ENTERPRISE_V1,
  ERROR_V2,
  expectStatus,
  GROUP_V2,
  patchOp,
  simulator,
  USER_V2,
  V1,
  v1,
  V2,
  v2,
} from "./v2/helpers.ts";

const HEADERS = { authorization: "Bearer xoxp-test", "content-type": "application/json" };

function newUserV1(name: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [CORE_V1],
    userName: name,
    emails: [{ value: `${name}@example.com` }],
    ...extra,
  };
}

function newUserV2(name: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [USER_V2],
    userName: name,
    emails: [{ value: `${name}@example.com` }],
    ...extra,
  };
}

Deno.test("a body over 8 MiB is 413 request_too_large in each version's shape, and nothing is stored", async () => {
  const sim = simulator();
  const title = "x".repeat(2 * MAX_REQUEST_BYTES);
  const one = await v1(sim, "POST", "Users", newUserV1("huge", { title }));
  assert.equal(one.status, 413);
  assert.deepEqual(one.body, { Errors: { description: "request_too_large", code: 413 } });
  const two = await v2(sim, "POST", "Users", newUserV2("huge", { title }));
  assert.equal(two.status, 413);
  assert.deepEqual(two.body, { schemas: [ERROR_V2], detail: "request_too_large", status: 413 });
  const id = await createV1(sim, "target");
  const patched = await v2(
    sim,
    "PATCH",
    `Users/${id}`,
    patchOp({ op: "replace", path: "title", value: title }),
  );
  assert.equal(patched.status, 413);
  assert.equal((await v1(sim, "GET", "Users")).body.totalResults, 1, "no user was created");
  assert.equal((await v1(sim, "GET", `Users/${id}`)).body.title, "");
});

Deno.test("a streamed body is refused once it passes the bound, not read to the end", async () => {
  const sim = simulator();
  let sent = 0;
  const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
  // Four times the bound (finite, so that a simulator reading it whole fails, not hangs).
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 4 * MAX_REQUEST_BYTES) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const response = await sim.fetch(
    new Request(`${V1}Users`, { method: "POST", headers: HEADERS, body: endless }),
  );
  assert.equal(response.status, 413);
  assert.equal((await response.json()).Errors.description, "request_too_large");
  // Read up to the bound, plus what the stream had queued: never much more.
  assert.ok(sent <= MAX_REQUEST_BYTES + 4 * chunk.byteLength, `${sent} bytes pulled`);
  // A Content-Length above the bound is refused before any byte is read.
  let pulled = false;
  const declared = await sim.fetch(
    new Request(`${V2}Users`, {
      method: "POST",
      headers: { ...HEADERS, "content-length": String(MAX_REQUEST_BYTES + 1) },
      // highWaterMark 0: nothing is pulled until the body is read.
      body: new ReadableStream({
        pull(controller) {
          pulled = true;
          controller.close();
        },
      }, { highWaterMark: 0 }),
    }),
  );
  assert.equal(declared.status, 413);
  assert.equal((await declared.json()).detail, "request_too_large");
  assert.equal(pulled, false);
});

Deno.test("over HTTP a 9 MiB body is answered 413", async () => {
  const sim = simulator();
  const server = await sim.listen();
  try {
    const response = await fetch(`${server.baseUrl}Users`, {
      method: "POST",
      headers: HEADERS,
      body: JSON.stringify(newUserV1("http", { title: "x".repeat(9 * 1024 * 1024) })),
    });
    assert.equal(response.status, 413);
    assert.equal((await response.json()).Errors.description, "request_too_large");
  } finally {
    await server.close();
  }
});

Deno.test("a string attribute over 1,024 characters is invalid_attribute_format; 1,024 is kept", async () => {
  const sim = simulator();
  const ok = "é".repeat(MAX_STRING_LENGTH);
  const long = "x".repeat(MAX_STRING_LENGTH + 1);
  const id = expectStatus(await v1(sim, "POST", "Users", newUserV1("edge", { title: ok })), 201)
    .body.id;
  assert.equal((await v2(sim, "GET", `Users/${id}`)).body.title, ok);
  const refusals: [string, Record<string, unknown>][] = [
    ["title", { title: long }],
    ["timezone", { timezone: long }],
    ["name.givenName", { name: { givenName: long } }],
    ["emails", { emails: [{ value: `${long}@example.com` }] }],
    ["phoneNumbers", { phoneNumbers: [{ value: long, primary: true }] }],
    ["addresses", { addresses: [{ streetAddress: long }] }],
    ["roles", { roles: [long] }],
    ["externalId", { externalId: long }],
    ["enterprise", { schemas: [CORE_V1, ENTERPRISE_V1], [ENTERPRISE_V1]: { department: long } }],
    [
      "manager",
      { schemas: [CORE_V1, ENTERPRISE_V1], [ENTERPRISE_V1]: { manager: { managerId: long } } },
    ],
  ];
  for (const [what, extra] of refusals) {
    const answer = await v1(sim, "POST", "Users", newUserV1(`long${refusals.length}`, extra));
    assert.equal(answer.status, 400, `${what}: ${answer.text.slice(0, 200)}`);
    assert.equal(answer.body.Errors.description, "invalid_attribute_format", what);
  }
  const two = await v2(sim, "POST", "Users", newUserV2("long2", { title: long }));
  assert.equal(two.body.detail, "invalid_attribute_format");
  const patched = await v2(
    sim,
    "PATCH",
    `Users/${id}`,
    patchOp({ op: "replace", path: "title", value: long }),
  );
  assert.equal(patched.body.detail, "invalid_attribute_format");
  const put = await v1(sim, "PUT", `Users/${id}`, newUserV1("edge", { title: long }));
  assert.equal(put.body.Errors.description, "invalid_attribute_format");
  assert.equal((await v1(sim, "GET", `Users/${id}`)).body.title, ok, "the stored title stays");
  assert.equal((await v1(sim, "GET", "Users")).body.totalResults, 1, "nothing else was created");
});

Deno.test("Slack's own limits keep their codes at any length: displayName 80, userName 21", async () => {
  const sim = simulator();
  const id = await createV1(sim, "names");
  for (const length of [81, MAX_STRING_LENGTH + 1, 100_000]) {
    const name = "d".repeat(length);
    const created = await v1(sim, "POST", "Users", newUserV1("dn", { displayName: name }));
    assert.equal(created.body.Errors.description, "invalid_display_name", `${length}`);
    const patched = await v2(
      sim,
      "PATCH",
      `Users/${id}`,
      patchOp({ op: "replace", path: "displayName", value: name }),
    );
    assert.equal(patched.body.detail, "invalid_display_name", `${length}`);
    const user = await v2(sim, "POST", "Users", newUserV2("u".repeat(length)));
    assert.equal(user.body.detail, "username_too_long", `${length}`);
  }
  const eighty = "😀".repeat(80); // 160 UTF-16 units, 80 characters
  const kept = await v2(
    sim,
    "PATCH",
    `Users/${id}`,
    patchOp({ op: "replace", path: "displayName", value: eighty }),
  );
  assert.equal(expectStatus(kept, 200).body.displayName, eighty);
});

Deno.test("a group name over 1,024 characters is invalid_display_name in v1 and v2", async () => {
  const sim = simulator();
  const long = "g".repeat(MAX_STRING_LENGTH + 1);
  const one = await v1(sim, "POST", "Groups", {
    schemas: [CORE_V1],
    displayName: long,
    members: [],
  });
  assert.equal(one.body.Errors.description, "invalid_display_name");
  const two = await v2(sim, "POST", "Groups", {
    schemas: [GROUP_V2],
    displayName: long,
    members: [],
  });
  assert.equal(two.body.detail, "invalid_display_name");
  const group = expectStatus(
    await v2(sim, "POST", "Groups", { schemas: [GROUP_V2], displayName: "G", members: [] }),
    201,
  ).body.id;
  const renamed = await v2(
    sim,
    "PATCH",
    `Groups/${group}`,
    patchOp({ op: "replace", path: "displayName", value: long }),
  );
  assert.equal(renamed.body.detail, "invalid_display_name");
  assert.equal((await v2(sim, "GET", `Groups/${group}`)).body.displayName, "G");
});

Deno.test("a photo may be a long data: URL, bounded only by the body", async () => {
  const sim = simulator();
  const photo = `data:image/png;base64,${"A".repeat(200_000)}`;
  const created = await v1(
    sim,
    "POST",
    "Users",
    newUserV1("photo", { photos: [{ value: photo }] }),
  );
  assert.equal(expectStatus(created, 201).body.photos[0].value, photo);
});

Deno.test("Slack's largest documented write fits: a group of 15,000 members with 80-character names", async () => {
  const sim = simulator({ users: 17_000, seed: 5 });
  const members: { value: string; display: string }[] = [];
  for (let start = 1; members.length < 15_000; start += 1000) {
    const page = (await v1(sim, "GET", `Users?startIndex=${start}&count=1000`)).body.Resources;
    for (const user of page) {
      // Active full members only, as Slack requires.
      if (user.active && !user.schemas.some((s: string) => s.includes("guest"))) {
        members.push({ value: user.id, display: "é".repeat(80) });
      }
    }
  }
  members.length = 15_000;
  const body = { schemas: [GROUP_V2], displayName: "Everyone", members };
  assert.ok(JSON.stringify(body).length > 1_000_000, "a body over 1 MB");
  const created = await v2(sim, "POST", "Groups", body);
  assert.equal(created.status, 201, created.text.slice(0, 200));
  assert.equal(created.body.members.length, 15_000);
});
