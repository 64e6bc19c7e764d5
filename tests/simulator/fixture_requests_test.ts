/** Every v1 request body in Slack's docs is accepted by the simulator, against seeded users. */
import assert from "node:assert/strict";
import { call, fixture, FIXTURES, simulator } from "./helpers.ts";

const CORE = "urn:scim:schemas:core:1.0";
const GUEST = "urn:scim:schemas:extension:slack:guest:1.0";

const files: string[] = [];
for await (const entry of Deno.readDir(new URL("slack-docs/v1/", FIXTURES))) {
  if (entry.name.endsWith(".json")) files.push(entry.name);
}
files.sort();

/** A fresh seeded directory, the first active full member as the target, others for groups. */
async function seeded() {
  const sim = simulator({ users: 40, groups: 2, seed: 5 });
  const filter = encodeURIComponent(
    "active eq true and restricted eq false and ultra_restricted eq false",
  );
  const members = (await call(sim, "GET", `Users?count=10&filter=${filter}`)).body.Resources
    .map((u: { id: string }) => u.id);
  const group = (await call(sim, "GET", "Groups?count=1")).body.Resources[0].id;
  return { sim, target: members[0] as string, members: members.slice(1) as string[], group };
}

/** The docs' placeholder member ids, swapped for seeded users in order. */
function withSeededMembers(body: Record<string, unknown>, members: string[]) {
  const placeholders = ["U111AAA111", "U222BBB222", "U333CCC333"];
  const text = JSON.stringify(body).replace(
    /U(111AAA111|222BBB222|333CCC333)/g,
    (id) => members[placeholders.indexOf(id)] as string,
  );
  return JSON.parse(text);
}

function route(name: string, ids: { target: string; group: string }): [string, string] {
  if (name.startsWith("create_user") || name.startsWith("guest_extension")) {
    return ["POST", "Users"];
  }
  if (name.startsWith("create_group")) return ["POST", "Groups"];
  if (name.startsWith("patch_group")) return ["PATCH", `Groups/${ids.group}`];
  if (name.startsWith("put_group")) return ["PUT", `Groups/${ids.group}`];
  if (name.startsWith("patch_user")) return ["PATCH", `Users/${ids.target}`];
  if (name.startsWith("put_user")) return ["PUT", `Users/${ids.target}`];
  throw new Error(`No route for fixture ${name}`);
}

const EXPECTED_STATUS: Record<string, number> = { POST: 201, PATCH: 200, PUT: 200 };

Deno.test("the docs' v1 request fixtures are all present", () => {
  assert.ok(files.length >= 45, `found ${files.length}`);
});

for (const name of files) {
  Deno.test(`Slack's documented v1 request ${name} is accepted`, async () => {
    const { sim, target, members, group } = await seeded();
    let body = withSeededMembers(await fixture(`slack-docs/v1/${name}`), members);
    if (name.startsWith("guest_extension")) {
      // The docs show only the extension fragment of a create body.
      body = {
        schemas: [CORE, GUEST],
        userName: "guest_user",
        emails: [{ value: "guest_user@example.com" }],
        ...body,
      };
    }
    const [method, path] = route(name, { target, group });
    const answer = await call(sim, method, path, body);
    const expected = path.startsWith("Groups/") && method === "PATCH"
      ? 204
      : EXPECTED_STATUS[method];
    assert.equal(answer.status, expected, `${method} ${path}: ${answer.text}`);
  });
}

Deno.test("the documented create request keeps what Slack keeps", async () => {
  const sim = simulator();
  const answer = await call(
    sim,
    "POST",
    "Users",
    await fixture("slack-docs/v1/create_user_request_enterprise.json"),
  );
  const user = answer.body;
  assert.equal(user.userName, "other_username");
  assert.deepEqual(user.emails.map((e: { value: string }) => e.value), [
    "thedoctor@gallifrey.com",
    "some_other@email.com",
  ]);
  assert.deepEqual(user.phoneNumbers.map((p: { value: string }) => p.value), [
    "555-555-4444",
    "555-555-5555",
  ]);
  assert.deepEqual(user.roles, [{ value: "Lead Detective", primary: true }]);
  assert.equal(user.name.honorificPrefix, "Dr.");
  assert.equal(user["urn:scim:schemas:extension:enterprise:1.0"].manager.managerId, "U123ABC456");
  assert.equal(
    user["urn:scim:schemas:extension:slack:profile:1.0"].startDate,
    "2024-04-10T00:00:00+0000",
  );
  assert.equal(user.password, undefined, "password is write-only");
});

Deno.test("the documented phone delete removes both numbers the documented create set", async () => {
  const sim = simulator();
  const created = await call(
    sim,
    "POST",
    "Users",
    await fixture("slack-docs/v1/create_user_request_enterprise.json"),
  );
  const answer = await call(
    sim,
    "PATCH",
    `Users/${created.body.id}`,
    await fixture("slack-docs/v1/patch_user_phone_delete_request.json"),
  );
  assert.equal(answer.body.phoneNumbers, undefined);
});

Deno.test("the documented group PATCH adds two members and removes one", async () => {
  const { sim, members, group } = await seeded();
  await call(sim, "PATCH", `Groups/${group}`, {
    schemas: [CORE],
    members: [{ value: members[1] }],
  });
  const body = withSeededMembers(
    await fixture("slack-docs/v1/patch_group_members_request.json"),
    members,
  );
  assert.equal((await call(sim, "PATCH", `Groups/${group}`, body)).status, 204);
  const after = (await call(sim, "GET", `Groups/${group}`)).body.members.map((
    m: { value: string },
  ) => m.value);
  assert.ok(after.includes(members[0]));
  assert.ok(!after.includes(members[1]));
  assert.ok(after.includes(members[2]));
});
