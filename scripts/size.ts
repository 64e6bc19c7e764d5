/**
 * Reports the size of the main entry as users ship it, and fails past the budget.
 *
 * Bundles `mod.ts` with `deno bundle --minify` (everything it imports included, as an edge bundler
 * would), gzips the result (level 9) and prints both sizes in bytes. Exits 1 when the gzipped size
 * is over the budget (19 KiB by default, openapi-fetch and the default rate limiter included),
 * or when the bundle contains code that must stay out of the main entry: the simulator, or
 * anything Deno- or Node-only.
 *
 * With `--entries` it also prints, for information, what each other library entry of deno.json
 * weighs bundled alone, and all of them together (an app importing everything but the simulator).
 *
 * Usage: `deno task size [--limit BYTES] [--entry FILE] [--keep DIR] [--entries]`
 *
 * @module
 */

import { gzipSync } from "node:zlib";
import { denoBundle } from "./_deno_bundle.ts";

/** The gzipped budget of the main entry, in bytes. */
export const DEFAULT_LIMIT = 19 * 1024;

/** Strings whose presence in the main bundle means something leaked into it. */
const FORBIDDEN: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /SlackScimSimulator/, why: "the simulator belongs to ./testing" },
  { pattern: /FaultInjector/, why: "the simulator's faults belong to ./testing" },
  // Symbol.for("Deno.customInspect") is only a symbol key, harmless elsewhere.
  { pattern: /\bDeno\??\.(?!customInspect\b)\w/, why: "the main entry must run outside Deno" },
  { pattern: /["']node:/, why: "the main entry must not import Node built-ins" },
  { pattern: /createServer/, why: "listen() belongs to ./testing" },
];

/** What one measurement found. */
export interface SizeReport {
  /** The entry bundled. */
  entry: string;
  /** Minified bytes. */
  minified: number;
  /** Gzipped (level 9) bytes of the minified bundle. */
  gzipped: number;
  /** Forbidden strings found in the bundle, with the reason each is forbidden. */
  leaks: string[];
}

/**
 * Bundles and measures one entry.
 *
 * @param entry The module to bundle, relative to the repository root.
 * @param options `keep`: a folder where the bundle is left for inspection.
 * @returns The sizes and any forbidden strings found.
 */
export async function measure(
  entry: string,
  options: { keep?: string } = {},
): Promise<SizeReport> {
  const dir = options.keep ?? await Deno.makeTempDir({ prefix: "slack-scim-size-" });
  const out = `${dir}/bundle.min.js`;
  try {
    await denoBundle(["--minify", "-o", out, entry]);
    const bytes = await Deno.readFile(out);
    const text = new TextDecoder().decode(bytes);
    const leaks = FORBIDDEN.flatMap((f) => {
      const found = text.match(f.pattern);
      return found === null ? [] : [`"${found[0]}" (${f.why})`];
    });
    return { entry, minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length, leaks };
  } finally {
    if (options.keep === undefined) await Deno.remove(dir, { recursive: true });
  }
}

/** Prints the size of each library entry but the simulator's, and of all of them together. */
async function reportEntries(): Promise<void> {
  const config = JSON.parse(await Deno.readTextFile("deno.json")) as {
    exports: Record<string, string>;
  };
  const sources = Object.entries(config.exports).filter(([key]) => key !== "./testing");
  const all = `./.size-all-${Date.now()}.ts`;
  await Deno.writeTextFile(
    all,
    sources.map(([, source]) => `export * from "${source}";\n`).join(""),
  );
  try {
    for (const [key, source] of [...sources, ["all but ./testing", all] as const]) {
      const { minified, gzipped } = await measure(source);
      console.log(
        `  ${key.padEnd(18)} ${String(minified).padStart(6)} min ${String(gzipped).padStart(6)} gz`,
      );
    }
  } finally {
    await Deno.remove(all);
  }
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

if (import.meta.main) {
  const limitText = argValue(Deno.args, "--limit");
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit <= 0) {
    console.error(`Cannot use --limit: "${limitText}" is not a positive number of bytes`);
    Deno.exit(2);
  }
  const keep = argValue(Deno.args, "--keep");
  const report = await measure(
    argValue(Deno.args, "--entry") ?? "mod.ts",
    keep === undefined ? {} : { keep },
  );
  console.log(`entry:    ${report.entry}`);
  console.log(`minified: ${report.minified} bytes`);
  console.log(`gzipped:  ${report.gzipped} bytes (budget ${limit} bytes)`);
  if (Deno.args.includes("--entries")) await reportEntries();
  let ok = true;
  if (report.gzipped > limit) {
    console.error(`Over budget: ${report.gzipped} bytes gzipped is more than ${limit}`);
    ok = false;
  }
  for (const leak of report.leaks) {
    console.error(`The main bundle contains ${leak}`);
    ok = false;
  }
  Deno.exit(ok ? 0 : 1);
}
