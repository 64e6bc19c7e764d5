import assert from "node:assert/strict";
import { VERSION } from "../../scim/version.ts";
import { oneLine, runCli, startSimulator, tempDir } from "./_cli.ts";

const COMMANDS = [
  ["export"],
  ["users", "find"],
  ["users", "deactivate"],
  ["groups", "add-members"],
  ["check"],
];

Deno.test("slack-scim --help lists the commands, the exit codes and the token's sources", async () => {
  const { code, stdout } = await runCli(undefined, ["--help"]);
  assert.equal(code, 0);
  for (
    const word of ["export", "users", "groups", "check", "Examples:", "SLACK_ORG_ADMIN_USER_TOKEN"]
  ) {
    assert.ok(stdout.includes(word), `--help mentions ${word}:\n${stdout}`);
  }
  for (
    const [exit, meaning] of [[0, "done"], [1, "error"], [2, "changes"], [3, "partial"], [
      4,
      "guard",
    ], [5, "stale"]]
  ) {
    assert.match(stdout, new RegExp(`^\\s+${exit}\\s+.*${meaning}`, "m"));
  }
});

Deno.test("every command's --help shows an example and the shared options", async () => {
  for (const command of COMMANDS) {
    const { code, stdout } = await runCli(undefined, [...command, "--help"]);
    assert.equal(code, 0, command.join(" "));
    assert.match(stdout, /Examples:\n\s+\$ slack-scim /, command.join(" "));
    for (
      const option of [
        "--token-file",
        "--base-url",
        "--api",
        "--budget",
        "--limits",
        "--redis",
        "--deno-kv",
        "--json",
        "--quiet",
      ]
    ) {
      assert.ok(stdout.includes(option), `${command.join(" ")} --help lists ${option}`);
    }
    assert.doesNotMatch(stdout, /--token </, "--token is not offered");
  }
});

Deno.test("slack-scim --version prints the package's version", async () => {
  const { code, stdout } = await runCli(undefined, ["--version"]);
  assert.equal(code, 0);
  assert.equal(stdout.trim(), VERSION);
});

Deno.test("bad usage is one line on stderr and exit 1, never a stack trace", async () => {
  const cases: [string[], RegExp][] = [
    [["export", "users", "--fromat", "csv"], /unknown option '--fromat'/],
    [["frobnicate"], /unknown command 'frobnicate'/],
    [["export", "users", "--format", "xml"], /--format must be "csv" or "jsonl", got "xml"/],
    [["export", "things"], /Cannot export "things"/],
    [["export", "users", "--resume"], /--resume needs --out FILE/],
    [["check", "--budget", "2"], /--budget must be a number above 0 and at most 1, got "2"/],
    [["check", "--api", "v3"], /--api must be "v1" or "v2", got "v3"/],
    [["groups", "add-members", "Eng"], /required option '--users <file>'/],
  ];
  for (const [args, pattern] of cases) {
    const { code, stdout, stderr } = await runCli(undefined, args);
    assert.equal(code, 1, `${args.join(" ")}: ${stderr}`);
    assert.equal(stdout, "");
    const line = oneLine(stderr);
    assert.ok(line !== undefined, `one line, no stack trace for ${args.join(" ")}:\n${stderr}`);
    assert.match(line, pattern);
  }
});

Deno.test("the token is never a flag value: --token is refused, saying where a token comes from", async () => {
  const { code, stderr } = await runCli(undefined, ["check", "--token", "xoxp-secret"], {
    noToken: true,
  });
  assert.equal(code, 1);
  assert.match(
    oneLine(stderr) ?? "",
    /--token is not accepted .*SLACK_ORG_ADMIN_USER_TOKEN .*--token-file/,
  );
  assert.ok(!stderr.includes("xoxp-secret"), "the refused value is not echoed");
});

Deno.test("without a token the command says where to put one, and exits 1", async () => {
  const { code, stderr } = await runCli(undefined, ["check"], { noToken: true });
  assert.equal(code, 1);
  assert.match(
    oneLine(stderr) ?? "",
    /No token: set SLACK_ORG_ADMIN_USER_TOKEN or pass --token-file/,
  );
});

Deno.test("--token-file reads the token; a wrong one is Slack's 401 in one line", async () => {
  await using sim = await startSimulator("--users", "3");
  const dir = await tempDir("token");
  await Deno.writeTextFile(`${dir}token`, "xoxp-test\n");
  const ok = await runCli(sim, ["check", "--token-file", `${dir}token`, "--json"], {
    noToken: true,
  });
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).users, 3);
  await Deno.writeTextFile(`${dir}wrong`, "xoxp-wrong");
  const bad = await runCli(sim, ["check", "--token-file", `${dir}wrong`], { noToken: true });
  assert.equal(bad.code, 1);
  const line = oneLine(bad.stderr) ?? "";
  assert.match(line, /Slack answered 401 invalid_authentication/);
  assert.ok(!bad.stderr.includes("xoxp-wrong"), "the token is never printed");
});

Deno.test("--limits reads a pools table; --budget scales it; a bad table is one line", async () => {
  await using sim = await startSimulator("--users", "1");
  const dir = await tempDir("limits");
  await Deno.writeTextFile(
    `${dir}limits.json`,
    JSON.stringify({ userWrites: { perMinute: 60, burst: 4 } }),
  );
  const ok = await runCli(sim, [
    "check",
    "--limits",
    `${dir}limits.json`,
    "--budget",
    "0.5",
    "--json",
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  const report = JSON.parse(ok.stdout);
  assert.deepEqual(report.limits.userWrites, { perMinute: 30, burst: 2 });
  assert.deepEqual(report.limits.writes, { perMinute: 300, burst: 90 });
  await Deno.writeTextFile(
    `${dir}bad.json`,
    JSON.stringify({ userWrite: { perMinute: 60, burst: 4 } }),
  );
  const bad = await runCli(sim, ["check", "--limits", `${dir}bad.json`]);
  assert.equal(bad.code, 1);
  assert.match(oneLine(bad.stderr) ?? "", /unknown pool "userWrite"/);
});
