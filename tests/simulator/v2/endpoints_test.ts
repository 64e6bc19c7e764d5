/**
 * The v2 endpoints around users and groups: discovery, filters, paging bounds, and the limits
 * and faults v1 and v2 share (one org-wide budget, one write at a time per resource).
 */
import assert from "node:assert/strict";
import { SlackScimSimulator } from "../../../scim/testing/mod.ts";
import {
  CORE_V1,
  createV1,
  ENTERPRISE_V2,
  ERROR_V2,
  expectStatus,
  GROUP_V2,
  GUEST_V2,
  LIST_RESPONSE,
  patchOp,
  PROFILE_V2,
  simulator,
  USER_V2,
  v1,
  V2,
  v2,
} from "./helpers.ts";

Deno.test("ServiceProviderConfig answers under both of the names Slack's docs use", async () => {
  const sim = simulator();
  const singular = expectStatus(await v2(sim, "GET", "ServiceProviderConfig"), 200).body;
  const plural = expectStatus(await v2(sim, "GET", "ServiceProviderConfigs"), 200).body;
  assert.deepEqual(singular, plural);
  assert.deepEqual(singular.schemas, [
    "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  ]);
  assert.equal(singular.patch.supported, true);
  assert.equal(singular.filter.maxResults, 1000);
  assert.equal((await v2(sim, "POST", "ServiceProviderConfig", {})).status, 405);
});

Deno.test("ResourceTypes lists Users and Groups with their schemas and extensions", async () => {
  const sim = simulator();
  const list = expectStatus(await v2(sim, "GET", "ResourceTypes"), 200).body;
  assert.deepEqual(list.schemas, [LIST_RESPONSE]);
  assert.deepEqual(list.Resources.map((r: { endpoint: string }) => r.endpoint), [
    "/Users",
    "/Groups",
  ]);
  assert.deepEqual(
    list.Resources[0].schemaExtensions.map((e: { schema: string }) => e.schema),
    [ENTERPRISE_V2, GUEST_V2, PROFILE_V2],
  );
  const user = expectStatus(await v2(sim, "GET", "ResourceTypes/User"), 200).body;
  assert.equal(user.schema, USER_V2);
  assert.equal((await v2(sim, "GET", "ResourceTypes/Nope")).body.detail, "bad_endpoint");
});

Deno.test("Schemas lists every schema; Schemas/Users and Schemas/Groups are Slack's names", async () => {
  const sim = simulator();
  const all = expectStatus(await v2(sim, "GET", "Schemas"), 200).body;
  assert.deepEqual(all.Resources.map((s: { id: string }) => s.id), [
    USER_V2,
    ENTERPRISE_V2,
    GUEST_V2,
    PROFILE_V2,
    GROUP_V2,
  ]);
  const users = expectStatus(await v2(sim, "GET", "Schemas/Users"), 200).body;
  assert.equal(users.id, USER_V2);
  const userName = users.attributes.find((a: { name: string }) => a.name === "userName");
  assert.equal(userName.required, true);
  const groups = expectStatus(await v2(sim, "GET", "Schemas/Groups"), 200).body;
  assert.equal(groups.id, GROUP_V2);
  const byUrn = expectStatus(await v2(sim, "GET", `Schemas/${ENTERPRISE_V2}`), 200).body;
  assert.equal(byUrn.id, ENTERPRISE_V2);
  assert.equal((await v2(sim, "GET", "Schemas/Nope")).status, 404);
});

Deno.test("v2 filters: userName, emails, externalId, displayName; restricted is v1 only", async () => {
  const sim = simulator({ users: 30, seed: 2 });
  const cal = await createV1(sim, "cal", {
    externalId: "ext-cal",
    emails: [{ value: "cal@example.com", primary: true }, { value: "cal@home.example" }],
  });
  for (
    const filter of [
      'userName eq "CAL"',
      'emails eq "cal@home.example"',
      'email eq "cal@example.com"',
      'emails.value sw "cal@home"',
      'externalId eq "ext-cal"',
      `id eq "${cal}" and active eq true`,
    ]
  ) {
    const page = await v2(sim, "GET", `Users?filter=${encodeURIComponent(filter)}`);
    assert.deepEqual(
      expectStatus(page, 200).body.Resources.map((u: { id: string }) => u.id),
      [cal],
      filter,
    );
  }
  for (const filter of ["restricted eq true", "ultra_restricted eq 1"]) {
    const refused = await v2(sim, "GET", `Users?filter=${encodeURIComponent(filter)}`);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, { schemas: [ERROR_V2], detail: "invalid_query", status: 400 });
  }
  // v1 still takes them, on the same store.
  expectStatus(
    await v1(sim, "GET", `Users?filter=${encodeURIComponent("restricted eq true")}`),
    200,
  );
  const broken = await v2(sim, "GET", `Users?filter=${encodeURIComponent('userName eq "x" and')}`);
  assert.equal(broken.body.detail, "incomplete_filter");
  const group = await v2(sim, "POST", "Groups", {
    schemas: [GROUP_V2],
    displayName: "Findable",
    members: [],
  });
  const found = await v2(
    sim,
    "GET",
    `Groups?filter=${encodeURIComponent('displayName eq "findable"')}`,
  );
  assert.deepEqual(
    expectStatus(found, 200).body.Resources.map((g: { id: string }) => g.id),
    [expectStatus(group, 201).body.id],
  );
});

Deno.test("count is capped at 1000 and startIndex past the end answers an empty page", async () => {
  const sim = simulator({ users: 1_005, seed: 1 });
  const big = expectStatus(await v2(sim, "GET", "Users?count=5000"), 200).body;
  assert.equal(big.itemsPerPage, 1000);
  assert.equal(big.totalResults, 1005);
  const past = expectStatus(await v2(sim, "GET", "Users?startIndex=2000"), 200).body;
  assert.deepEqual(past.Resources, []);
  assert.equal(past.itemsPerPage, 0);
});

Deno.test("v1 and v2 share one org-wide rate budget, and a v2 429 is in v2's shape", async () => {
  const now = 1_700_000_000_000;
  const sim = new SlackScimSimulator({
    clock: { now: () => now },
    rateLimits: { reads: { perMinute: 60, burst: 4 } },
  });
  for (let i = 0; i < 2; i++) expectStatus(await v1(sim, "GET", "Users"), 200);
  for (let i = 0; i < 2; i++) expectStatus(await v2(sim, "GET", "Groups"), 200);
  const limited = await v2(sim, "GET", "Users");
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "1");
  assert.deepEqual(limited.body, { schemas: [ERROR_V2], detail: "too_many_requests", status: 429 });
  const v1Limited = await v1(sim, "GET", "Users");
  assert.deepEqual(v1Limited.body, { Errors: { description: "too_many_requests", code: 429 } });
});

Deno.test("one write at a time per group across versions: v2 waits while v1 writes", async () => {
  const sim = new SlackScimSimulator({ rateLimits: true, clock: { now: () => 0 } });
  const member = await createV1(sim, "held");
  const group = expectStatus(
    await v1(sim, "POST", "Groups", { schemas: [CORE_V1], displayName: "G", members: [] }),
    201,
  ).body.id;
  // A v1 PATCH whose body is still arriving holds the group's lock.
  let finish!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"schemas":["urn:scim:schemas:core:1.0"],'));
      finish = () => {
        controller.enqueue(new TextEncoder().encode(`"members":[{"value":"${member}"}]}`));
        controller.close();
      };
    },
  });
  const held = sim.fetch(
    new Request(`https://api.slack.com/scim/v1/Groups/${group}`, {
      method: "PATCH",
      headers: { authorization: "Bearer xoxp-test", "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit),
  );
  const overlapping = await v2(
    sim,
    "PATCH",
    `Groups/${group}`,
    patchOp({ op: "remove", path: "members" }),
  );
  assert.equal(overlapping.status, 429);
  assert.equal(overlapping.body.detail, "resource_locked");
  finish();
  assert.equal((await held).status, 204);
  const after = await v2(
    sim,
    "PATCH",
    `Groups/${group}`,
    patchOp({ op: "remove", path: "members" }),
  );
  assert.deepEqual(expectStatus(after, 200).body.members, []);
});

Deno.test("scripted faults match v2 paths as v1's, and their JSON errors are in v2's shape", async () => {
  const sim = simulator();
  sim.faults.script({ kind: "status-503", method: "GET", path: "/Users" });
  sim.faults.script({ kind: "retry-after-seconds", method: "GET", path: "/Users" });
  const unavailable = await v2(sim, "GET", "Users");
  assert.equal(unavailable.status, 503);
  assert.deepEqual(unavailable.body, {
    schemas: [ERROR_V2],
    detail: "service_unavailable",
    status: 503,
  });
  const limited = await v2(sim, "GET", "Users");
  assert.equal(limited.status, 429);
  assert.ok(limited.headers.get("retry-after"));
  assert.equal(limited.body.detail, "too_many_requests");
  expectStatus(await v2(sim, "GET", "Users"), 200);
  assert.deepEqual(sim.requests.map((r) => [r.path, r.status, r.fault]), [
    ["/Users", 503, "status-503"],
    ["/Users", 429, "retry-after-seconds"],
    ["/Users", 200, undefined],
  ]);
});

Deno.test("one scripted fault rule serves both versions: its count is shared", async () => {
  const sim = simulator();
  sim.faults.script({ kind: "status-500", method: "GET", path: "/Groups", count: 2 });
  assert.equal((await v1(sim, "GET", "Groups")).body.Errors.description, "internal_error");
  assert.equal((await v2(sim, "GET", "Groups")).body.detail, "internal_error");
  expectStatus(await v2(sim, "GET", "Groups"), 200);
  expectStatus(await v1(sim, "GET", "Groups"), 200);
});

Deno.test("v2 answers over loopback at the same base with /scim/v2", async () => {
  const sim = simulator({ users: 3 });
  const server = await sim.listen();
  try {
    const base = server.baseUrl.replace("/scim/v1/", "/scim/v2/");
    const response = await fetch(`${base}Users?count=2`, {
      headers: { authorization: "Bearer xoxp-test" },
    });
    const body = await response.json();
    assert.deepEqual(body.schemas, [LIST_RESPONSE]);
    assert.equal(body.totalResults, 3);
    assert.equal(body.Resources[0].meta.location, `${base}Users/${body.Resources[0].id}`);
  } finally {
    await server.close();
  }
  assert.ok(V2.endsWith("/scim/v2/"));
});
