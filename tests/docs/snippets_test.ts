/**
 * The documentation's TypeScript snippets, held to what they say.
 *
 * - A ```ts block whose first line starts with `// Runs against the simulator` is run, as its own
 *   `deno run` process, with `SLACK_SCIM_BASE_URL` pointing at a simulator started here with
 *   `listen()` (seeded as `deno task simulator` seeds it: 100 users, 5 groups, seed 1, token
 *   `xoxp-test`), and must exit 0. A block that reads `REDIS_URL` gets `SLACK_SCIM_REDIS_URL`
 *   (skipped without it, failed under CI=true, as the other Redis tests).
 * - A block that mentions `SLACK_SCIM_BASE_URL` reads it (`Deno.env.get("SLACK_SCIM_BASE_URL")`).
 * - A block that reads the token (`SLACK_ORG_ADMIN_USER_TOKEN`) reads `SLACK_SCIM_BASE_URL` too, so
 *   no snippet sends a real token, or a write, to Slack unless the reader opts in. Runnable blocks
 *   get a token in `SLACK_ORG_ADMIN_USER_TOKEN` that the simulator refuses: one that sends it
 *   anywhere but Slack fails.
 *
 * Type checking is `deno task check` (`deno check --doc-only` over the same files).
 */

import assert from "node:assert/strict";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";

const ROOT = new URL("../../", import.meta.url);
const MARKER = "// Runs against the simulator";
const REDIS_URL = Deno.env.get("SLACK_SCIM_REDIS_URL");
const CI = Deno.env.get("CI") === "true";

/** The guides others write in parallel; their tests are skipped, by name, while they are absent. */
const EXPECTED_GUIDES = ["docs/guide/sync.md", "docs/guide/cli.md"];

interface Snippet {
  file: string;
  line: number;
  code: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(new URL(path, ROOT));
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

async function documents(): Promise<string[]> {
  const files = ["README.md"];
  for (const folder of ["docs", "docs/guide"]) {
    for await (const entry of Deno.readDir(new URL(folder + "/", ROOT))) {
      if (entry.isFile && entry.name.endsWith(".md")) files.push(`${folder}/${entry.name}`);
    }
  }
  return files.sort();
}

/** The ```ts blocks of a Markdown file, with the line each starts on. */
export function snippetsOf(file: string, text: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = text.split("\n");
  let start = -1;
  let body: string[] = [];
  lines.forEach((line, i) => {
    if (start < 0 && /^```(ts|typescript)\b/.test(line)) {
      start = i + 1;
      body = [];
    } else if (start >= 0 && /^```\s*$/.test(line)) {
      snippets.push({ file, line: start, code: body.join("\n") + "\n" });
      start = -1;
    } else if (start >= 0) {
      body.push(line);
    }
  });
  return snippets;
}

const files = await documents();
const snippets: Snippet[] = [];
for (const file of files) {
  snippets.push(...snippetsOf(file, await Deno.readTextFile(new URL(file, ROOT))));
}

for (const guide of EXPECTED_GUIDES) {
  const present = await exists(guide);
  Deno.test({
    name: `${guide}: its snippets are checked and run${
      present ? "" : " (skipped: not in this branch)"
    }`,
    ignore: !present,
    fn: () => assert.ok(files.includes(guide)),
  });
}

Deno.test("the documentation has runnable snippets, in the README and the guides", () => {
  const runnable = snippets.filter((snippet) => snippet.code.startsWith(MARKER));
  assert.ok(runnable.some((snippet) => snippet.file === "README.md"));
  assert.ok(runnable.filter((snippet) => snippet.file.startsWith("docs/guide/")).length >= 6);
});

Deno.test("a snippet that mentions SLACK_SCIM_BASE_URL reads it", () => {
  for (const { file, line, code } of snippets) {
    if (!code.includes("SLACK_SCIM_BASE_URL")) continue;
    assert.ok(
      code.includes('Deno.env.get("SLACK_SCIM_BASE_URL")'),
      `${file}:${line} mentions SLACK_SCIM_BASE_URL but does not read it`,
    );
  }
});

Deno.test("a snippet that reads the token reads SLACK_SCIM_BASE_URL too (Slack only by opt-in)", () => {
  for (const { file, line, code } of snippets) {
    if (!code.includes("SLACK_ORG_ADMIN_USER_TOKEN")) continue;
    assert.ok(
      code.includes('Deno.env.get("SLACK_SCIM_BASE_URL")'),
      `${file}:${line} reads the token without SLACK_SCIM_BASE_URL: it would talk to Slack`,
    );
  }
});

function inherited(): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "DENO_DIR", "XDG_CACHE_HOME", "TMPDIR", "CI"]) {
    const value = Deno.env.get(name);
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

async function run(snippet: Snippet, env: Record<string, string>): Promise<void> {
  const dir = new URL(".tmp/snippets/", ROOT);
  await Deno.mkdir(dir, { recursive: true });
  const work = await Deno.makeTempDir({ dir: dir.pathname, prefix: "run-" });
  const name = `${snippet.file.replaceAll("/", "_").replace(/\.md$/, "")}_${snippet.line}.ts`;
  const path = `${work}/${name}`;
  try {
    await Deno.writeTextFile(path, snippet.code);
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        `--config=${new URL("deno.json", ROOT).pathname}`,
        "--allow-net=127.0.0.1,localhost",
        "--allow-env",
        `--allow-read=${work}`,
        `--allow-write=${work}`,
        path,
      ],
      cwd: work,
      // Only what Deno needs: a token in the caller's environment never reaches a snippet.
      clearEnv: true,
      env: { ...inherited(), ...env, NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).slice(-4_000);
    assert.equal(
      output.code,
      0,
      `${snippet.file}:${snippet.line} exited ${output.code}\n--- stdout\n${
        text(output.stdout)
      }\n--- stderr\n${text(output.stderr)}`,
    );
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}

for (const snippet of snippets.filter((snippet) => snippet.code.startsWith(MARKER))) {
  const needsRedis = snippet.code.includes('Deno.env.get("REDIS_URL")');
  Deno.test({
    name: `${snippet.file}:${snippet.line} runs against the simulator${
      needsRedis ? " (Redis)" : ""
    }`,
    ignore: needsRedis && REDIS_URL === undefined && !CI,
    fn: async () => {
      if (needsRedis && REDIS_URL === undefined) {
        throw new Error(
          "SLACK_SCIM_REDIS_URL is unset under CI=true: this test needs redis-server",
        );
      }
      const sim = new SlackScimSimulator({ token: "xoxp-test", users: 100, groups: 5, seed: 1 });
      const server = await sim.listen({ port: 0 });
      try {
        await run(snippet, {
          SLACK_SCIM_BASE_URL: server.baseUrl,
          // A "real" token the simulator refuses: a snippet that sends it anywhere but Slack fails.
          SLACK_ORG_ADMIN_USER_TOKEN: "xoxp-real-token-for-slack-only",
          ...(needsRedis ? { REDIS_URL: REDIS_URL! } : {}),
        });
      } finally {
        await server.close();
      }
    },
  });
}
