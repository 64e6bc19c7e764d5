import assert from "node:assert/strict";
import Papa from "papaparse";
import { CLI_FLAGS, cliEnv, ROOT, runCli, startSimulator, tempDir } from "./_cli.ts";

const HEADER =
  "externalId,userName,email,givenName,familyName,displayName,title,active,department,manager,groups";

Deno.test("export users writes the sync CSV header and one row a user, to stdout or --out", async () => {
  await using sim = await startSimulator("--users", "12", "--groups", "2");
  const stdout = await runCli(sim, ["export", "users", "--page-size", "5"]);
  assert.equal(stdout.code, 0, stdout.stderr);
  const lines = stdout.stdout.trimEnd().split("\n");
  assert.equal(lines[0], HEADER);
  assert.equal(lines.length, 13);
  assert.match(stdout.stderr, /^5\/12 users$/m, "plain progress lines off a terminal");
  assert.match(stdout.stderr, /^export: 12 users to stdout$/m);
  assert.ok(!stdout.stderr.includes("\x1b"), "no escape codes when piped");

  const dir = await tempDir("export");
  const file = await runCli(sim, [
    "export",
    "users",
    "--out",
    `${dir}users.csv`,
    "--page-size",
    "5",
    "--json",
  ]);
  assert.equal(file.code, 0, file.stderr);
  assert.deepEqual(JSON.parse(file.stdout), {
    what: "users",
    format: "csv",
    rows: 12,
    out: `${dir}users.csv`,
    resumed: false,
  });
  assert.equal(await Deno.readTextFile(`${dir}users.csv`), stdout.stdout);
  const parsed = Papa.parse<Record<string, string>>(stdout.stdout, {
    header: true,
    skipEmptyLines: true,
  });
  const ids = new Set((await sim.client.searchUsers({ count: 100 })).users.map((u) => u.userName));
  assert.deepEqual(new Set(parsed.data.map((row) => row.userName)), ids);
  await assert.rejects(
    Deno.stat(`${dir}users.csv.resume`),
    Deno.errors.NotFound,
    "done: no resume file",
  );
});

Deno.test("export --format jsonl writes one JSON object a line; groups export their members", async () => {
  await using sim = await startSimulator("--users", "6", "--groups", "2");
  const users = await runCli(sim, ["export", "users", "--format", "jsonl", "--quiet"]);
  assert.equal(users.code, 0, users.stderr);
  assert.equal(users.stderr, "", "--quiet: nothing on stderr");
  const rows = users.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
  assert.equal(rows.length, 6);
  assert.equal(typeof rows[0].active, "boolean");
  const groups = await runCli(sim, ["export", "groups", "--format", "jsonl", "--quiet"]);
  assert.equal(groups.code, 0, groups.stderr);
  const listed = groups.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
  const expected = (await sim.client.searchGroups({ count: 10 })).groups;
  assert.deepEqual(
    listed.map((group) => [group.id, group.displayName, group.members.length]),
    expected.map((group) => [group.id, group.displayName, group.members?.length ?? 0]),
  );
});

Deno.test("export killed with SIGKILL mid-way, then --resume: the same file as an uninterrupted run", async () => {
  await using sim = await startSimulator("--users", "30");
  const dir = await tempDir("resume");
  // One page a second, so the export is still running when it is killed.
  await Deno.writeTextFile(
    `${dir}slow.json`,
    JSON.stringify({ reads: { perMinute: 60, burst: 1 } }),
  );
  const whole = await runCli(sim, [
    "export",
    "users",
    "--out",
    `${dir}whole.csv`,
    "--page-size",
    "5",
  ]);
  assert.equal(whole.code, 0, whole.stderr);

  const args = [
    "export",
    "users",
    "--out",
    `${dir}users.csv`,
    "--page-size",
    "5",
    "--limits",
    `${dir}slow.json`,
  ];
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...CLI_FLAGS, "cli/main.ts", ...args],
    cwd: ROOT,
    env: cliEnv(sim),
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!/^10\/30 users$/m.test(seen)) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value;
  }
  child.kill("SIGKILL");
  await reader.cancel();
  const status = await child.status;
  assert.equal(status.signal, "SIGKILL", `killed mid-way, not finished:\n${seen}`);
  const partial = await Deno.readTextFile(`${dir}users.csv`);
  assert.ok(partial.split("\n").length < 31, "the first run did not finish");

  const resumed = await runCli(sim, [...args.slice(0, -2), "--resume"]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, /export: 30 users to .*users\.csv \(resumed\)/);
  assert.equal(
    await Deno.readTextFile(`${dir}users.csv`),
    await Deno.readTextFile(`${dir}whole.csv`),
  );
});

Deno.test("export --resume cuts a page half written when the run died", async () => {
  await using sim = await startSimulator("--users", "9");
  const dir = await tempDir("torn");
  const out = `${dir}users.csv`;
  const whole = await runCli(sim, [
    "export",
    "users",
    "--out",
    `${dir}whole.csv`,
    "--page-size",
    "4",
  ]);
  assert.equal(whole.code, 0, whole.stderr);
  const text = await Deno.readTextFile(`${dir}whole.csv`);
  const lines = text.split("\n");
  // As a run leaves it when killed after its first page, in the middle of writing the second.
  const firstPage = lines.slice(0, 5).join("\n") + "\n";
  const ids = (await sim.client.searchUsers({ count: 4 })).users.map((user) => user.id);
  // (a page of long rows: longer than all the rows still to come)
  await Deno.writeTextFile(out, firstPage + lines[5] + "\n" + "x".repeat(5000));
  await Deno.writeTextFile(
    `${out}.resume`,
    JSON.stringify({ bytes: new TextEncoder().encode(firstPage).length, rows: 4, ids }) +
      '\n{"bytes":',
  );
  const resumed = await runCli(sim, [
    "export",
    "users",
    "--out",
    out,
    "--page-size",
    "4",
    "--resume",
  ]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.equal(await Deno.readTextFile(out), text);
});
