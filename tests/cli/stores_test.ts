import assert from "node:assert/strict";
import { oneLine, runCli, startSimulator, tempDir } from "./_cli.ts";

const REDIS_URL = Deno.env.get("SLACK_SCIM_REDIS_URL");
const CI = Deno.env.get("CI") === "true";
const HEADER =
  "externalId,userName,email,givenName,familyName,displayName,title,active,department,manager,groups";
const HR = `${HEADER}\nR1,rae,rae@acme.com,,,,,true,,,eng\nR2,rob,rob@acme.com,,,,,true,,,eng\n`;

Deno.test({
  name: "sync --redis keeps the budget, journal, lock and history in Redis (Redis)",
  ignore: REDIS_URL === undefined && !CI,
  fn: async () => {
    if (REDIS_URL === undefined) {
      throw new Error("SLACK_SCIM_REDIS_URL is unset under CI=true: this test needs redis-server");
    }
    await using sim = await startSimulator("--users", "0", "--groups", "0");
    const dir = await tempDir("redis");
    await Deno.writeTextFile(`${dir}hr.csv`, HR);
    const org = `cli-test-${crypto.randomUUID().slice(0, 8)}`;
    const shared = ["--redis", REDIS_URL, "--org", org, "--state", `${dir}unused`];
    const check = await runCli(sim, ["check", "--redis", REDIS_URL, "--json"]);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(JSON.parse(check.stdout).limitStore, "redis");
    const sync = await runCli(sim, ["sync", "--users", `${dir}hr.csv`, ...shared, "--json"]);
    assert.equal(sync.code, 0, sync.stderr);
    assert.equal(JSON.parse(sync.stdout).status, "applied");
    await assert.rejects(Deno.stat(`${dir}unused`), Deno.errors.NotFound, "no file state");
    // The history is in Redis: the next plan knows the accounts it manages.
    const plan = await runCli(sim, ["plan", "--users", `${dir}hr.csv`, ...shared, "--json"]);
    assert.equal(plan.code, 0, plan.stderr);
    assert.ok(!JSON.parse(plan.stdout).warnings.some((w: string) => /no sync history/.test(w)));
  },
});

Deno.test("sync --deno-kv keeps the state in a Deno KV database", async () => {
  await using sim = await startSimulator("--users", "0", "--groups", "0");
  const dir = await tempDir("kv");
  await Deno.writeTextFile(`${dir}hr.csv`, HR);
  const kv = ["--deno-kv", `${dir}state.kv`];
  const sync = await runCli(sim, ["sync", "--users", `${dir}hr.csv`, ...kv, "--json"]);
  assert.equal(sync.code, 0, sync.stderr);
  assert.equal(JSON.parse(sync.stdout).status, "applied");
  assert.ok((await Deno.stat(`${dir}state.kv`)).isFile);
  const plan = await runCli(sim, ["plan", "--users", `${dir}hr.csv`, ...kv, "--json"]);
  assert.equal(plan.code, 0, plan.stderr);
  assert.ok(!JSON.parse(plan.stdout).warnings.some((w: string) => /no sync history/.test(w)));
  const both = await runCli(sim, ["check", ...kv, "--redis", "redis://127.0.0.1:1"]);
  assert.equal(both.code, 1);
  assert.equal(oneLine(both.stderr), "slack-scim: Give --redis or --deno-kv, not both");
});

Deno.test("apply refuses a plan file edited after planning: one line, exit 1, nothing sent", async () => {
  await using sim = await startSimulator("--users", "0", "--groups", "0");
  const dir = await tempDir("tampered");
  await Deno.writeTextFile(`${dir}hr.csv`, HR);
  const plan = await runCli(sim, [
    "plan",
    "--users",
    `${dir}hr.csv`,
    "--out",
    `${dir}plan.json`,
    "--state",
    `${dir}s`,
  ]);
  assert.equal(plan.code, 2, plan.stderr);
  const text = await Deno.readTextFile(`${dir}plan.json`);
  await Deno.writeTextFile(`${dir}plan.json`, text.replace("rob@acme.com", "eve@evil.example"));
  const apply = await runCli(sim, ["apply", `${dir}plan.json`, "--state", `${dir}s`]);
  assert.equal(apply.code, 1);
  assert.match(oneLine(apply.stderr) ?? "", /plan\.json: .*checksum/i);
  assert.equal((await sim.client.searchUsers({ count: 10 })).totalResults, 0);
});
