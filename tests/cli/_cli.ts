/**
 * Helpers for the command line's tests: a simulator process over loopback, and the command run
 * as a subprocess (`deno run cli/main.ts`), as a user runs it.
 */

import { SCIMClient } from "../../mod.ts";

/** The repository root. */
export const ROOT: URL = new URL("../../", import.meta.url);
/** The simulator's token. */
export const TOKEN = "xoxp-test";
/** Where tests write files (the test runner may write only build/ and .tmp/). */
export const TMP: string = new URL(".tmp/cli/", ROOT).pathname;

/** The permissions `deno task scim` runs with. */
export const CLI_FLAGS: readonly string[] = [
  "--allow-read",
  "--allow-write",
  "--allow-net",
  "--allow-env",
  "--allow-sys",
];

/** A simulator process and a client of it. */
export interface Simulator extends AsyncDisposable {
  baseUrl: string;
  client: SCIMClient;
  child: Deno.ChildProcess;
}

/** Starts `scripts/simulator.ts` on a free loopback port. */
export async function startSimulator(...args: string[]): Promise<Simulator> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net", "--allow-env", "scripts/simulator.ts", "--port", "0", ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "null",
    env: { NO_COLOR: "1" },
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let output = "";
  while (!output.includes("\n")) {
    const { done, value } = await reader.read();
    if (done) break;
    output += value;
  }
  reader.releaseLock();
  // Keep draining stdout so the simulator never blocks on a full pipe.
  child.stdout.pipeTo(new WritableStream()).catch(() => {});
  const baseUrl = output.trim().split("\n").at(-1) ?? "";
  const client = new SCIMClient({ token: TOKEN, baseUrl, rateLimiter: false });
  return {
    baseUrl,
    client,
    child,
    async [Symbol.asyncDispose]() {
      try {
        child.kill("SIGINT");
      } catch { /* already gone */ }
      await child.status;
    },
  };
}

/** What a run of the command gave. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@linkcode runCli}. */
export interface RunOptions {
  env?: Record<string, string>;
  stdin?: string;
  /** Leave the token out of the environment. */
  noToken?: boolean;
}

/** The environment a run gets: the simulator's base URL and token, NO_COLOR. */
export function cliEnv(
  sim: Simulator | undefined,
  options: RunOptions = {},
): Record<string, string> {
  return {
    NO_COLOR: "1",
    RUST_BACKTRACE: "0",
    DENO_NO_UPDATE_CHECK: "1",
    ...(sim === undefined ? {} : { SLACK_SCIM_BASE_URL: sim.baseUrl }),
    ...(options.noToken === true ? {} : { SLACK_ORG_ADMIN_USER_TOKEN: TOKEN }),
    ...options.env,
  };
}

/** Runs `deno run cli/main.ts …args` to its end. */
export async function runCli(
  sim: Simulator | undefined,
  args: string[],
  options: RunOptions = {},
): Promise<Run> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...CLI_FLAGS, "cli/main.ts", ...args],
    cwd: ROOT,
    clearEnv: true,
    env: {
      PATH: Deno.env.get("PATH") ?? "",
      HOME: Deno.env.get("HOME") ?? "",
      ...cliEnv(sim, options),
    },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(options.stdin ?? "")).catch(() => {});
  await writer.close().catch(() => {});
  const { code, stdout, stderr } = await child.output();
  return {
    code,
    stdout: new TextDecoder().decode(stdout),
    stderr: new TextDecoder().decode(stderr),
  };
}

/** A fresh folder under .tmp/cli/ for one test. */
export async function tempDir(name: string): Promise<string> {
  const dir = `${TMP}${name}-${crypto.randomUUID().slice(0, 8)}/`;
  await Deno.mkdir(dir, { recursive: true });
  return dir;
}

/** Asserts-free check: stderr is one line and no stack trace. */
export function oneLine(stderr: string): string | undefined {
  const lines = stderr.trim().split("\n");
  if (lines.length !== 1 || /\bat \S+:\d+|Uncaught|Error:/.test(stderr)) return undefined;
  return lines[0];
}
