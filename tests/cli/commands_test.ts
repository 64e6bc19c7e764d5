import assert from "node:assert/strict";
import { filter } from "../../scim/filter.ts";
import { oneLine, runCli, startSimulator, tempDir } from "./_cli.ts";

Deno.test("check prints the base URL, API version, token and limits; --json is one document", async () => {
  await using sim = await startSimulator("--users", "4");
  const text = await runCli(sim, ["check"]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /base URL\s+http:\/\/127\.0\.0\.1:\d+\/scim\/v1\//);
  assert.match(text.stdout, /API\s+v1/);
  assert.match(text.stdout, /token\s+accepted \(4 users visible\)/);
  const json = await runCli(sim, ["check", "--api", "v2", "--json"]);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.equal(report.api, "v2");
  assert.match(report.baseUrl, /\/scim\/v2\/$/);
  assert.equal(report.users, 4);
});

Deno.test("users find finds by email, userName and id; no match is exit 1", async () => {
  await using sim = await startSimulator("--users", "5");
  const user = (await sim.client.searchUsers({ count: 1 })).users[0]!;
  const email = user.emails![0]!.value!;
  for (const who of [email, user.userName!, user.id!]) {
    const run = await runCli(sim, ["users", "find", who, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const found = JSON.parse(run.stdout);
    assert.deepEqual(found.users.map((u: { id: string }) => u.id), [user.id], who);
  }
  const table = await runCli(sim, ["users", "find", email]);
  assert.match(
    table.stdout,
    new RegExp(`^id\\s+userName\\s+email[^\\n]*\\n${user.id}\\s+${user.userName}`),
  );
  const none = await runCli(sim, ["users", "find", "nobody@example.com"]);
  assert.equal(none.code, 1);
  assert.equal(oneLine(none.stderr), 'No user matches "nobody@example.com"');
});

Deno.test("users deactivate refuses without --yes when not on a terminal, and changes nothing", async () => {
  await using sim = await startSimulator("--users", "5");
  const user = (await sim.client.searchUsers({ count: 1 })).users[0]!;
  const run = await runCli(sim, ["users", "deactivate", user.userName!], { stdin: "y\n" });
  assert.equal(run.code, 1);
  assert.match(
    oneLine(run.stderr) ?? "",
    /Refusing to deactivate 1 user\(s\) without --yes: not on a terminal/,
  );
  assert.equal((await sim.client.readUser(user.id!)).user.active, true);
});

Deno.test("users deactivate --yes deactivates each user once; an unknown one stops all first", async () => {
  await using sim = await startSimulator("--users", "6");
  const [a, b] = (await sim.client.searchUsers({ count: 2 })).users;
  const unknown = await runCli(sim, [
    "users",
    "deactivate",
    a!.userName!,
    "ghost@example.com",
    "--yes",
  ]);
  assert.equal(unknown.code, 1);
  assert.match(
    oneLine(unknown.stderr) ?? "",
    /"ghost@example\.com" matches no user; nothing was changed/,
  );
  assert.equal((await sim.client.readUser(a!.id!)).user.active, true);

  const run = await runCli(sim, [
    "users",
    "deactivate",
    a!.emails![0]!.value!,
    b!.id!,
    a!.id!,
    "--yes",
    "--json",
  ]);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(report.deactivated.sort(), [a!.id, b!.id].sort());
  assert.equal((await sim.client.readUser(a!.id!)).user.active, false);
  assert.equal((await sim.client.readUser(b!.id!)).user.active, false);

  const again = await runCli(sim, ["users", "deactivate", a!.id!, "--yes", "--json"]);
  assert.equal(again.code, 0);
  assert.deepEqual(JSON.parse(again.stdout).alreadyInactive, [a!.id]);
});

Deno.test("groups add-members adds the users a CSV names; a line naming no one changes nothing", async () => {
  await using sim = await startSimulator("--users", "8", "--groups", "0");
  const users = (await sim.client.searchUsers({ count: 8, filter: filter`restricted eq ${false}` }))
    .users.filter((user) => user.active !== false);
  const [owner, x, y] = users;
  const group = await sim.client.createGroup({
    displayName: "Engineering",
    members: [{ value: owner!.id! }],
  });
  const dir = await tempDir("members");

  await Deno.writeTextFile(
    `${dir}bad.csv`,
    `email,userName\n${x!.emails![0]!.value},${x!.userName}\nghost@example.com,ghost\n`,
  );
  const bad = await runCli(sim, [
    "groups",
    "add-members",
    "Engineering",
    "--users",
    `${dir}bad.csv`,
    "--quiet",
  ]);
  assert.equal(bad.code, 1);
  assert.match(
    oneLine(bad.stderr) ?? "",
    /bad\.csv: line 3: "ghost@example\.com" matches no user; nothing was changed/,
  );
  assert.deepEqual(
    (await sim.client.readGroup(group.group.id!)).group.members!.map((m) => m.value),
    [owner!.id],
  );

  await Deno.writeTextFile(`${dir}ok.txt`, `# new starters\n${x!.userName}\n${y!.id}\n`);
  const ok = await runCli(sim, [
    "groups",
    "add-members",
    "Engineering",
    "--users",
    `${dir}ok.txt`,
    "--json",
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  const members = (await sim.client.readGroup(group.group.id!)).group.members!.map((m) => m.value)
    .sort();
  assert.deepEqual(members, [owner!.id, x!.id, y!.id].sort());
});
