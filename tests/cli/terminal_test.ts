/**
 * The progress display on a real pseudo-terminal (util-linux `script`, part of every Debian): a
 * bar that ends in the summary line; plain lines without escape codes under NO_COLOR.
 */

import assert from "node:assert/strict";
import { CLI_FLAGS, cliEnv, ROOT, startSimulator, tempDir } from "./_cli.ts";

/** Runs the command under `script`, so its stdin, stdout and stderr are a terminal. */
async function onTerminal(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number; output: string }> {
  const command = [Deno.execPath(), "run", ...CLI_FLAGS, "cli/main.ts", ...args].join(" ");
  const { code, stdout } = await new Deno.Command("script", {
    args: ["-qec", command, "/dev/null"],
    cwd: ROOT,
    // Only these variables: a NO_COLOR of the test's own environment (CI sets it) must not leak in.
    clearEnv: true,
    env: {
      PATH: Deno.env.get("PATH") ?? "",
      HOME: Deno.env.get("HOME") ?? "",
      ...env,
      TERM: "xterm",
    },
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).output();
  return { code, output: new TextDecoder().decode(stdout) };
}

/** The escape character that starts every terminal control sequence. */
const ESC = String.fromCharCode(27);
const ESCAPE = new RegExp(`${ESC}\\[`);

Deno.test("on a terminal export draws a bar with counts and ETA that ends in the summary line", async () => {
  await using sim = await startSimulator("--users", "25");
  const dir = await tempDir("pty");
  // Ten pages a second: the bar has time to draw between pages.
  await Deno.writeTextFile(
    `${dir}slow.json`,
    JSON.stringify({ reads: { perMinute: 600, burst: 1 } }),
  );
  const env = cliEnv(sim);
  delete env.NO_COLOR;
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
  const { code, output } = await onTerminal(env, args);
  assert.equal(code, 0, output);
  assert.match(output, ESCAPE, "the bar redraws in place");
  assert.match(output, /█+░* 10\/25 users \| 40% \| ETA \d+s/, "counts and an ETA");
  // What the terminal shows: a move to column 1 starts the line over.
  const visible = output.replace(new RegExp(`${ESC}\\[\\d*G`, "g"), "\r").replace(
    new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]|${ESC}[78]`, "g"),
    "",
  ).split(/\r?\n|\r/)
    .map((line) => line.trim()).filter((line) => line !== "");
  assert.equal(visible.at(-1), `export: 25 users to ${dir}users.csv`);
});

Deno.test("on a terminal with NO_COLOR set, progress is plain lines with no escape codes", async () => {
  await using sim = await startSimulator("--users", "12");
  const dir = await tempDir("pty-nocolor");
  const { code, output } = await onTerminal(cliEnv(sim), [
    "export",
    "users",
    "--out",
    `${dir}users.csv`,
    "--page-size",
    "5",
  ]);
  assert.equal(code, 0, output);
  assert.doesNotMatch(output, ESCAPE);
  assert.deepEqual(output.trim().split(/\r\n/), [
    "5/12 users",
    "10/12 users",
    "12/12 users",
    `export: 12 users to ${dir}users.csv`,
  ]);
});
