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
