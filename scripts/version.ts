/**
 * Copies deno.json's `version` into `scim/version.ts` (the `VERSION` the client sends in its
 * `User-Agent`): deno.json is the one place the version is written. Run it after changing the
 * version; `--check` exits 1 when the two differ (tests/packaging/version_test.ts checks the
 * same).
 *
 * Usage: `deno task version [--check]`
 *
 * @module
 */

const CONFIG = new URL("../deno.json", import.meta.url);
const MODULE = new URL("../scim/version.ts", import.meta.url);
const LINE = /^export const VERSION = "([^"]*)";$/m;

/**
 * The version deno.json gives.
 *
 * @returns Such as `"0.1.0"`.
 */
export async function configVersion(): Promise<string> {
  const { version } = JSON.parse(await Deno.readTextFile(CONFIG)) as { version?: unknown };
  if (typeof version !== "string" || version === "") {
    throw new Error(`Cannot read the version: deno.json's "version" is ${JSON.stringify(version)}`);
  }
  return version;
}

/**
 * The version `scim/version.ts` holds.
 *
 * @returns Such as `"0.1.0"`.
 */
export async function moduleVersion(): Promise<string> {
  const match = LINE.exec(await Deno.readTextFile(MODULE));
  if (match === null) throw new Error("Cannot find `export const VERSION` in scim/version.ts");
  return match[1]!;
}

if (import.meta.main) {
  const [config, module] = [await configVersion(), await moduleVersion()];
  if (config === module) {
    console.log(`VERSION is deno.json's ${config}`);
  } else if (Deno.args.includes("--check")) {
    console.error(`scim/version.ts says ${module}, deno.json ${config}: run \`deno task version\``);
    Deno.exit(1);
  } else {
    const text = await Deno.readTextFile(MODULE);
    await Deno.writeTextFile(MODULE, text.replace(LINE, `export const VERSION = "${config}";`));
    console.log(`VERSION: ${module} -> ${config}`);
  }
}
