// Runs `deno bundle` as the npm build and the size check both need it: ESM for the browser
// platform (web standards only), quiet, failing with deno's own message.

/**
 * Bundles with the running Deno.
 *
 * @param args Options and inputs after `deno bundle --quiet --format=esm --platform=browser`.
 * @param cwd Where to run it (default: the current directory).
 */
export async function denoBundle(args: string[], cwd?: string): Promise<void> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["bundle", "--quiet", "--format=esm", "--platform=browser", ...args],
    ...(cwd === undefined ? {} : { cwd }),
    env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
    stdout: "inherit",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    throw new Error(
      `deno bundle ${args.join(" ")} failed: ${new TextDecoder().decode(stderr).trim()}`,
    );
  }
}
