import assert from "node:assert/strict";
import { TOKEN } from "./helpers.ts";

const ROOT = new URL("../../", import.meta.url);

Deno.test("deno task simulator prints its base URL and serves any HTTP client", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["task", "simulator", "--port", "0", "--users", "7", "--groups", "2"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "null",
    env: { NO_COLOR: "1" },
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  try {
    let output = "";
    while (!output.includes("\n")) {
      const { done, value } = await reader.read();
      if (done) break;
      output += value;
    }
    const baseUrl = output.trim().split("\n").at(-1) ?? "";
    assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/scim\/v1\/$/);
    const users = await fetch(`${baseUrl}Users`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal((await users.json()).totalResults, 7);
    const groups = await fetch(`${baseUrl}Groups`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal((await groups.json()).totalResults, 2);
  } finally {
    await reader.cancel();
    child.kill("SIGINT");
    await child.status;
  }
});

/** Runs scripts/simulator.ts to its end (it must end by itself) and returns its exit and stderr. */
async function runScript(...args: string[]): Promise<{ code: number; stderr: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net", "--allow-env", "scripts/simulator.ts", ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
    signal: AbortSignal.timeout(20_000),
  }).output();
  assert.equal(new TextDecoder().decode(stdout), "", "nothing on stdout: no base URL");
  return { code, stderr: new TextDecoder().decode(stderr) };
}

function assertOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  assert.equal(lines.length, 1, `one line, not a stack trace:\n${stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(stderr, /\bat |Uncaught|error: /);
}

Deno.test("deno task simulator with an unknown flag prints one line naming it and exits 2", async () => {
  const { code, stderr } = await runScript("--prot", "8080");
  assert.equal(code, 2);
  assertOneClearLine(stderr, /^simulator: Unknown option '--prot'; options: --port /);
});

Deno.test("deno task simulator with a bad number prints one line naming the option and exits 2", async () => {
  const { code, stderr } = await runScript("--users", "lots");
  assert.equal(code, 2);
  assertOneClearLine(stderr, /^simulator: --users must be a non-negative integer, got "lots"$/);
});

Deno.test("deno task simulator on a port in use prints one line saying so and exits 1", async () => {
  const holder = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    const port = (holder.addr as Deno.NetAddr).port;
    const { code, stderr } = await runScript("--port", String(port), "--users", "1");
    assert.equal(code, 1);
    assertOneClearLine(
      stderr,
      new RegExp(`^simulator: Cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use`),
    );
  } finally {
    holder.close();
  }
});
