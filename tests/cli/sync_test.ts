import assert from "node:assert/strict";
import { filter } from "../../scim/filter.ts";
import {
  CLI_FLAGS,
  cliEnv,
  ROOT,
  runCli,
  type Simulator,
  startSimulator,
  tempDir,
} from "./_cli.ts";

const HEADER =
  "externalId,userName,email,givenName,familyName,displayName,title,active,department,manager,groups";
const HR = `${HEADER}
E1,ada,ada@acme.com,Ada,Lovelace,Ada Lovelace,CTO,true,Engineering,,eng;leads
E2,bob,bob@acme.com,Bob,Smith,Bob Smith,Engineer,true,Engineering,E1,eng
E3,cal,cal@acme.com,Cal,Henderson,,Engineer,true,,E1,
`;

async function userNames(sim: Simulator): Promise<string[]> {
  const all = [];
  for (let start = 1;; start += 100) {
    const page = await sim.client.searchUsers({ startIndex: start, count: 100 });
    all.push(...page.users.map((user) => user.userName!));
    if (page.users.length < 100) return all.sort();
  }
}

Deno.test("plan exits 2 with changes and writes the plan; apply exits 0; export then plan gives zero changes", async () => {
  await using sim = await startSimulator("--users", "0", "--groups", "0");
  const dir = await tempDir("roundtrip");
  await Deno.writeTextFile(`${dir}hr.csv`, HR);
  const state = ["--state", `${dir}state`];

  const plan = await runCli(sim, [
    "plan",
    "--users",
    `${dir}hr.csv`,
    "--out",
    `${dir}plan.json`,
    ...state,
  ]);
  assert.equal(plan.code, 2, plan.stderr);
  assert.match(plan.stdout, /create users\s+3/);
  assert.equal((await Deno.stat(`${dir}plan.json`)).mode! & 0o777, 0o600, "the plan is owner-only");
  assert.deepEqual(await userNames(sim), [], "plan writes nothing");

  const apply = await runCli(sim, ["apply", `${dir}plan.json`, ...state, "--json"]);
  assert.equal(apply.code, 0, apply.stderr);
  const report = JSON.parse(apply.stdout);
  assert.equal(report.status, "applied");
  assert.equal(report.counts.createUser.done, 3);
  assert.match(apply.stderr, /^applied: 7 of 7 operations done, 0 failed, 0 stale$/m);
  assert.deepEqual(await userNames(sim), ["ada", "bob", "cal"]);

  const exported = await runCli(sim, ["export", "users", "--out", `${dir}export.csv`, "--quiet"]);
  assert.equal(exported.code, 0, exported.stderr);
  const again = await runCli(sim, ["plan", "--users", `${dir}export.csv`, ...state, "--json"]);
  assert.equal(
    again.code,
    0,
    `an unchanged export plans no change:\n${again.stdout}${again.stderr}`,
  );
  const doc = JSON.parse(again.stdout);
  assert.equal(doc.operations, 0);
  assert.equal(doc.summary.unchanged, 3);

  const rerun = await runCli(sim, ["apply", `${dir}plan.json`, ...state, "--json"]);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.deepEqual(
    await userNames(sim),
    ["ada", "bob", "cal"],
    "a re-applied plan creates no one twice",
  );
});

Deno.test("bad source rows are listed with their line numbers, exit 1, and nothing is written", async () => {
  await using sim = await startSimulator("--users", "0", "--groups", "0");
  const dir = await tempDir("badrows");
  await Deno.writeTextFile(
    `${dir}bad.csv`,
    `${HEADER}
E1,ada,ada@acme.com,,,,,true,,,
E1,bob,bob@acme.com,,,,,true,,,
E3,cal,not-an-email,,,,,true,,,
E4,abcdefghijklmnopqrstuv,dan@acme.com,,,,,true,,,
`,
  );
  for (const command of ["plan", "sync"]) {
    const run = await runCli(sim, [
      command,
      "--users",
      `${dir}bad.csv`,
      "--state",
      `${dir}state`,
      "--out",
      `${dir}plan.json`,
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, "");
    assert.match(
      run.stderr,
      /^slack-scim: .*bad\.csv: \d+ problems; nothing was planned or changed$/m,
    );
    assert.match(run.stderr, /^ {2}line 3\b.*E1/m, "the duplicate externalId, at its line");
    assert.match(run.stderr, /^ {2}line 4\b.*email/im, "the bad email");
    assert.match(run.stderr, /^ {2}line 5\b.*userName/m, "the 22-character userName");
    assert.doesNotMatch(run.stderr, /\bat \S+:\d+/, "no stack trace");
    await assert.rejects(Deno.stat(`${dir}plan.json`), Deno.errors.NotFound, "no plan written");
  }
  await Deno.writeTextFile(`${dir}missing.csv`, "externalId,userName\nE1,ada\n");
  const missing = await runCli(sim, [
    "plan",
    "--users",
    `${dir}missing.csv`,
    "--state",
    `${dir}state`,
  ]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /email/, missing.stderr);
  assert.deepEqual(await userNames(sim), [], "nothing was created");
});

Deno.test("a guard blocks plan and sync with exit 4 and nothing is deactivated", async () => {
  await using sim = await startSimulator("--users", "0", "--groups", "0");
  const dir = await tempDir("guard");
  const rows = Array.from({ length: 12 }, (_, i) => `G${i},gus${i},gus${i}@acme.com,,,,,true,,,`);
  await Deno.writeTextFile(`${dir}all.csv`, `${HEADER}\n${rows.join("\n")}\n`);
  const state = ["--state", `${dir}state`];
  const first = await runCli(sim, ["sync", "--users", `${dir}all.csv`, ...state, "--quiet"]);
  assert.equal(first.code, 0, first.stderr);
  // The source shrinks to one row: 11 deactivations, over the cap of 10.
  await Deno.writeTextFile(`${dir}one.csv`, `${HEADER}\n${rows[0]}\n`);
  const args = ["--users", `${dir}one.csv`, ...state, "--target-only", "deactivate"];
  const plan = await runCli(sim, ["plan", ...args]);
  assert.equal(plan.code, 4, plan.stderr);
  assert.match(plan.stdout, /BLOCKED/);
  const sync = await runCli(sim, ["sync", ...args]);
  assert.equal(sync.code, 4, sync.stderr);
  assert.match(sync.stderr, /blocked by a guard .*nothing was changed/);
  const active = (await sim.client.searchUsers({ count: 100 })).users.filter((u) => u.active);
  assert.equal(active.length, 12);
});

Deno.test("apply of a plan Slack changed under exits 5 (stale) and leaves the change alone", async () => {
  await using sim = await startSimulator("--users", "0", "--groups", "0");
  const dir = await tempDir("stale");
  await Deno.writeTextFile(`${dir}hr.csv`, HR);
  const state = ["--state", `${dir}state`];
  assert.equal(
    (await runCli(sim, ["sync", "--users", `${dir}hr.csv`, ...state, "--quiet"])).code,
    0,
  );
  await Deno.writeTextFile(`${dir}hr2.csv`, HR.replace("CTO", "CEO"));
  const plan = await runCli(sim, [
    "plan",
    "--users",
    `${dir}hr2.csv`,
    "--out",
    `${dir}plan.json`,
    ...state,
  ]);
  assert.equal(plan.code, 2, plan.stderr);
  const ada = (await sim.client.searchUsers({ filter: filter`userName eq ${"ada"}` })).users[0]!;
  await sim.client.patchUser(ada.id!, { title: "Chair" });
  const apply = await runCli(sim, ["apply", `${dir}plan.json`, ...state]);
  assert.equal(apply.code, 5, apply.stderr);
  assert.match(apply.stdout, /^stale/);
  assert.equal((await sim.client.readUser(ada.id!)).user.title, "Chair");
});

Deno.test("sync exits 3 (partial) when some operations fail, and the report names them", async () => {
  // Slack's limits on the simulator; the command paced as if they were far higher: 429s.
  await using sim = await startSimulator("--users", "0", "--groups", "0", "--rate-limits");
  const dir = await tempDir("partial");
  const rows = Array.from({ length: 30 }, (_, i) => `X${i},user${i},user${i}@acme.com,,,,,true,,,`);
  await Deno.writeTextFile(`${dir}many.csv`, `${HEADER}\n${rows.join("\n")}\n`);
  const fast = { perMinute: 100_000, burst: 1000 };
  await Deno.writeTextFile(`${dir}fast.json`, JSON.stringify({ writes: fast, userWrites: fast }));
  const run = await runCli(sim, [
    "sync",
    "--users",
    `${dir}many.csv`,
    "--state",
    `${dir}state`,
    "--limits",
    `${dir}fast.json`,
    "--json",
  ]);
  assert.equal(run.code, 3, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.status, "partial");
  assert.ok(report.failures.length > 0);
  assert.ok(report.failures.every((f: { error: string }) => /429/.test(f.error)));
});

Deno.test("apply killed with SIGKILL mid-way, then re-run: the desired state, no one created twice", async () => {
  await using sim = await startSimulator("--users", "0", "--groups", "0");
  const dir = await tempDir("kill");
  const rows = Array.from({ length: 12 }, (_, i) => `K${i},kim${i},kim${i}@acme.com,,,,,true,,,`);
  await Deno.writeTextFile(`${dir}hr.csv`, `${HEADER}\n${rows.join("\n")}\n`);
  // Four user writes a second: the apply is still running when it is killed.
  await Deno.writeTextFile(
    `${dir}slow.json`,
    JSON.stringify({ userWrites: { perMinute: 240, burst: 1 } }),
  );
  const common = ["--state", `${dir}state`, "--limits", `${dir}slow.json`];
  // A short lock: the killed run's lock runs out soon, and the re-run takes over.
  const lockTtl = ["--lock-ttl", "6"];
  const plan = await runCli(sim, [
    "plan",
    "--users",
    `${dir}hr.csv`,
    "--out",
    `${dir}plan.json`,
    ...common,
  ]);
  assert.equal(plan.code, 2, plan.stderr);

  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...CLI_FLAGS, "cli/main.ts", "apply", `${dir}plan.json`, ...common, ...lockTtl],
    cwd: ROOT,
    env: cliEnv(sim),
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!/^3\/12 operations$/m.test(seen)) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value;
  }
  child.kill("SIGKILL");
  await reader.cancel();
  assert.equal((await child.status).signal, "SIGKILL", `killed mid-way:\n${seen}`);
  const between = await userNames(sim);
  assert.ok(between.length >= 3 && between.length < 12, `part done: ${between.length}`);

  const rerun = await runCli(sim, ["apply", `${dir}plan.json`, ...common, ...lockTtl, "--json"]);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.equal(JSON.parse(rerun.stdout).status, "applied");
  assert.match(rerun.stderr, /The lock's holder \(pid \d+ on this host\) is gone; taking over/);
  const names = await userNames(sim);
  assert.deepEqual(names, Array.from({ length: 12 }, (_, i) => `kim${i}`).sort());
  const again = await runCli(sim, [
    "plan",
    "--users",
    `${dir}hr.csv`,
    "--state",
    `${dir}state`,
    "--json",
  ]);
  assert.equal(again.code, 0, again.stdout);
});
