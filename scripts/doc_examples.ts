/**
 * Checks issue 6's rule that every export of every library entry has JSDoc with an `@example`
 * (which `deno task test:doc` then type-checks and runs). Lists each symbol without one, by the
 * file that declares it, and exits 1 if there is any.
 *
 * Usage: `deno task doc:examples`
 *
 * @module
 */

/** The library entries: every "exports" target of deno.json. */
async function entries(): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile("deno.json")) as {
    exports: Record<string, string>;
  };
  return Object.values(config.exports);
}

interface DocNode {
  name: string;
  declarations: {
    kind: string;
    location: { filename: string; line: number };
    jsDoc?: { doc?: string; tags?: { kind: string }[] };
  }[];
}

/**
 * Finds the exports without an `@example`.
 *
 * @param sources The entry modules.
 * @returns `file:line name (kind)` for each, sorted, each symbol once.
 */
export async function exportsWithoutExample(sources: string[]): Promise<string[]> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", ...sources],
    env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
  }).output();
  if (code !== 0) throw new Error(`deno doc failed: ${new TextDecoder().decode(stderr)}`);
  const doc = JSON.parse(new TextDecoder().decode(stdout)) as {
    nodes: Record<string, { symbols?: DocNode[] }>;
  };
  const root = new URL(`file://${Deno.cwd()}/`).href;
  const missing = new Set<string>();
  for (const node of Object.values(doc.nodes)) {
    for (const symbol of node.symbols ?? []) {
      for (const declaration of symbol.declarations) {
        // A re-export (`export type { X } from`) is checked where X is declared.
        if (declaration.kind === "reference") continue;
        if (declaration.jsDoc?.tags?.some((tag) => tag.kind === "example")) continue;
        const { filename, line } = declaration.location;
        missing.add(`${filename.replace(root, "")}:${line} ${symbol.name} (${declaration.kind})`);
      }
    }
  }
  return [...missing].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

if (import.meta.main) {
  const missing = await exportsWithoutExample(await entries());
  for (const line of missing) console.log(line);
  if (missing.length > 0) {
    console.error(`${missing.length} exports have no @example`);
    Deno.exit(1);
  }
  console.log("every export has an @example");
}
