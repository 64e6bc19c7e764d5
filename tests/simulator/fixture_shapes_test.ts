/**
 * Every v1 response Slack was recorded sending (the Java SDK's samples, the Python SDK's pages)
 * has the same shape as the simulator's answer on the same endpoint: the same keys, with values
 * of the same JSON types. Masked values are ignored; keys the recorded users lacked but Slack
 * documents (see DOCUMENTED_EXTRA) may appear in ours.
 */
import assert from "node:assert/strict";
import { call, createUser, fixture, simulator } from "./helpers.ts";

const CORE = "urn:scim:schemas:core:1.0";
const ENTERPRISE = "urn:scim:schemas:extension:enterprise:1.0";
const GUEST = "urn:scim:schemas:extension:slack:guest:1.0";
const PROFILE = "urn:scim:schemas:extension:slack:profile:1.0";

/** Attributes from Slack's docs that the recorded (masked) users happened not to carry. */
const DOCUMENTED_EXTRA = new Set([
  "preferredLanguage",
  "locale",
  "userType",
  "name.honorificPrefix",
  `${ENTERPRISE}.employeeNumber`,
  `${ENTERPRISE}.costCenter`,
  `${ENTERPRISE}.organization`,
  `${ENTERPRISE}.division`,
  `${ENTERPRISE}.department`,
  `${ENTERPRISE}.manager.managerId`,
]);

type Shape =
  | { kind: "object"; keys: Map<string, Shape> }
  | { kind: "array"; item: Shape | undefined }
  | { kind: "string" | "number" | "boolean" | "null" };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) {
    return { kind: "array", item: value.map(shapeOf).reduce<Shape | undefined>(union, undefined) };
  }
  if (value === null) return { kind: "null" };
  if (typeof value === "object") {
    return {
      kind: "object",
      keys: new Map(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])),
    };
  }
  return { kind: typeof value as "string" | "number" | "boolean" };
}

function union(a: Shape | undefined, b: Shape | undefined): Shape | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.kind === "object" && b.kind === "object") {
    const keys = new Map(a.keys);
    for (const [k, v] of b.keys) keys.set(k, union(keys.get(k), v) as Shape);
    return { kind: "object", keys };
  }
  if (a.kind === "array" && b.kind === "array") {
    return { kind: "array", item: union(a.item, b.item) };
  }
  assert.equal(a.kind, b.kind, "one key holds values of different types");
  return a;
}

/**
 * Lists every difference between the recorded shape and ours. `strict` also reports keys of ours
 * the recording lacks: right for the Java samples, which merge every attribute seen, not for a
 * single real record, which only has the attributes its user had.
 */
function differences(
  recorded: Shape,
  ours: Shape,
  path: string,
  out: string[],
  strict = true,
): string[] {
  if (recorded.kind !== ours.kind) {
    out.push(`${path}: recorded ${recorded.kind}, ours ${ours.kind}`);
  } else if (recorded.kind === "object" && ours.kind === "object") {
    for (const [key, shape] of recorded.keys) {
      const child = ours.keys.get(key);
      const at = path === "" ? key : `${path}.${key}`;
      if (child === undefined) out.push(`${at}: missing from ours`);
      else differences(shape, child, at, out, strict);
    }
    for (const key of strict ? ours.keys.keys() : []) {
      const at = path === "" ? key : `${path}.${key}`;
      if (!recorded.keys.has(key) && !DOCUMENTED_EXTRA.has(at.replace(/^Resources\./, ""))) {
        out.push(`${at}: not in the recording`);
      }
    }
  } else if (recorded.kind === "array" && ours.kind === "array") {
    if (recorded.item !== undefined) {
      if (ours.item === undefined) out.push(`${path}[]: ours is always empty`);
      else differences(recorded.item, ours.item, path, out, strict);
    }
  }
  return out;
}

function withoutErrorsKey(body: Record<string, unknown>): Record<string, unknown> {
  // The Java recorder merged the error shape into success samples.
  const { Errors: _errors, ...rest } = body;
  return rest;
}

/** A simulator whose answers show every attribute: a rich member in a group, a rich guest. */
async function richDirectory() {
  const sim = simulator({ users: 200, seed: 3 });
  const manager = await createUser(sim, "manager");
  const rich = {
    schemas: [CORE, ENTERPRISE, PROFILE],
    name: { givenName: "Rich", familyName: "User", honorificPrefix: "Dr." },
    displayName: "Rich User",
    title: "Engineer",
    preferredLanguage: "en_US",
    locale: "en_US",
    userType: "Employee",
    timezone: "America/Chicago",
    externalId: "ext-rich",
    phoneNumbers: [{ value: "555-0001", primary: true }, { value: "555-0002" }],
    photos: [{ value: "https://photos.example.com/rich.jpg" }],
    addresses: [{
      streetAddress: "1 A St",
      locality: "Town",
      region: "IL",
      postalCode: "60613",
      country: "USA",
    }],
    roles: [{ value: "Lead", type: "job" }],
    [ENTERPRISE]: {
      employeeNumber: "1",
      costCenter: "2",
      organization: "Org",
      division: "Div",
      department: "Dept",
      manager: { managerId: manager },
    },
    [PROFILE]: { startDate: "2024-04-10T00:00:00+0000" },
  };
  const member = await createUser(sim, "rich.member", {
    ...rich,
    emails: [{ value: "rich@example.com", primary: true }, {
      value: "rich@home.example",
      type: "home",
    }],
  });
  await call(sim, "POST", "Groups", {
    schemas: [CORE],
    displayName: "Rich",
    members: [{ value: member }],
  });
  // A seeded guest has channels; patching it keeps them and adds the rest.
  const guests = await call(sim, "GET", "Users?count=1&filter=restricted eq true");
  const guest = guests.body.Resources[0].id;
  const patched = await call(sim, "PATCH", `Users/${guest}`, {
    ...rich,
    schemas: [CORE, GUEST, PROFILE],
    emails: [{ value: "guest@example.com", primary: true }, {
      value: "guest@home.example",
      type: "home",
    }],
    [GUEST]: { type: "multi", expiration: "2030-01-01T00:00:00Z" },
  });
  assert.equal(patched.status, 200);
  return { sim, member, guest };
}

async function compare(recordedPath: string, answers: unknown[], strict = true) {
  const recorded = shapeOf(withoutErrorsKey(await fixture(recordedPath)));
  const ours = answers.map(shapeOf).reduce<Shape | undefined>(union, undefined) as Shape;
  assert.deepEqual(differences(recorded, ours, "", [], strict), [], recordedPath);
}

Deno.test("GET /Users has the shape of the recorded v1 Users samples", async () => {
  const { sim, member, guest } = await richDirectory();
  const filter = encodeURIComponent(`id eq "${member}" or id eq "${guest}"`);
  const page = await call(sim, "GET", `Users?filter=${filter}`);
  assert.equal(page.body.totalResults, 2);
  await compare("slack-java-sdk-samples/v1/Users.json", [page.body]);
  // A real page of one bot user: every key it has, ours has, with the same types.
  await compare(
    "slack-python-sdk-tests/test_internals__search_users_response.json",
    [page.body],
    false,
  );
});

Deno.test("GET /Users/{id} has the shape of the recorded v1 user sample", async () => {
  const { sim, member, guest } = await richDirectory();
  const answers = [
    (await call(sim, "GET", `Users/${member}`)).body,
    (await call(sim, "GET", `Users/${guest}`)).body,
  ];
  // This sample lacks guest channels and the profile extension, which Users.json has.
  await compare("slack-java-sdk-samples/v1/Users/00000000000.json", answers, false);
  const listed = await fixture("slack-java-sdk-samples/v1/Users.json");
  const recorded = shapeOf((listed.Resources as unknown[])[0]);
  const ours = answers.map(shapeOf).reduce<Shape | undefined>(union, undefined) as Shape;
  assert.deepEqual(differences(recorded, ours, "", []), []);
});

Deno.test("GET /Groups and /Groups/{id} have the shape of the recorded v1 samples", async () => {
  const sim = simulator({ users: 50, groups: 3 });
  const list = await call(sim, "GET", "Groups");
  await compare("slack-java-sdk-samples/v1/Groups.json", [list.body]);
  const one = await call(sim, "GET", `Groups/${list.body.Resources[0].id}`);
  await compare("slack-java-sdk-samples/v1/Groups/00000000000.json", [one.body]);
});

Deno.test("GET /ServiceProviderConfigs has the shape of the recorded v1 sample", async () => {
  const sim = simulator();
  await compare("slack-java-sdk-samples/v1/ServiceProviderConfigs.json", [
    (await call(sim, "GET", "ServiceProviderConfigs")).body,
  ]);
});

Deno.test("the shape comparison catches a missing key and a changed type", () => {
  const recorded = shapeOf({ a: "", b: [{ c: false }] });
  assert.deepEqual(differences(recorded, shapeOf({ a: 1, b: [{}], d: "" }), "", []), [
    "a: recorded string, ours number",
    "b.c: missing from ours",
    "d: not in the recording",
  ]);
});
