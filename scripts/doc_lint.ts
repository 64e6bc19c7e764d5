/**
 * `deno doc --lint` over the library's entries, with exactly two findings accepted by name:
 * references to openapi-fetch's `Client` and `Middleware`, which `client.openapi` and
 * `client.use()` expose on purpose. Re-exporting them would drag openapi-fetch's own type graph
 * (its undocumented helper types, which this package cannot document) into its docs. Every other
 * finding fails: the spec's generated `paths`, `components` and `operations` are public and
 * documented, and the PATCH path machinery is `@internal`.
 *
 * Usage: `deno run --allow-read --allow-run scripts/doc_lint.ts <entry>...`
 *
 * @module
 */

/** The only private references accepted: `package#Name`. */
export const ACCEPTED: ReadonlySet<string> = new Set([
  "openapi-fetch#Client",
  "openapi-fetch#Middleware",
]);

/** One finding of `deno doc --lint`. */
export interface Finding {
  /** Such as `private-type-ref`. */
  code: string;
  /** The first line after the code. */
  message: string;
  /** The file that the finding points at (the `-->` line), if any. */
  file: string | undefined;
  /** The whole block, for printing. */
  text: string;
}

/**
 * Splits `deno doc --lint`'s output into findings.
 *
 * @param output Its stderr (colors off).
 * @returns The findings.
 */
export function parseFindings(output: string): Finding[] {
  const blocks = output.split(/\n(?=error\[)/).filter((block) => block.startsWith("error["));
  return blocks.map((text) => {
    const head = /^error\[([^\]]+)\]: (.*)$/m.exec(text);
    const where = /-->\s+(\S+?):\d+:\d+/.exec(text);
    return {
      code: head?.[1] ?? "",
      message: head?.[2] ?? "",
      file: where?.[1],
      text: text.trimEnd(),
    };
  });
}

/**
 * The names a module imports from a package (a bare specifier), each with its package.
 *
 * @param source The module's text.
 * @returns `package#Name` by local name.
 */
export function packageNames(source: string): Map<string, string> {
  const names = new Map<string, string>();
  const imports = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;
  for (const [, list, specifier] of source.matchAll(imports)) {
    if (/^\.\.?\//.test(specifier!)) continue;
    for (const item of list!.split(",")) {
      const [imported, local = imported] = item.trim().replace(/^type\s+/, "").split(/\s+as\s+/)
        .map((part) => part.trim());
      if (imported) names.set(local!, `${specifier}#${imported}`);
    }
  }
  return names;
}

/**
 * Whether a finding is one of the {@linkcode ACCEPTED} references to a package's type.
 *
 * @param finding The finding.
 * @param readFile Reads the referencing module.
 * @returns True when it is accepted.
 */
export async function isAcceptedTypeRef(
  finding: Finding,
  readFile: (path: string) => Promise<string>,
): Promise<boolean> {
  if (finding.code !== "private-type-ref" || finding.file === undefined) return false;
  const referenced = /references private type '([^']+)'/.exec(finding.message)?.[1];
  if (referenced === undefined) return false;
  const name = packageNames(await readFile(finding.file)).get(referenced);
  return name !== undefined && ACCEPTED.has(name);
}

if (import.meta.main) {
  const { stderr, stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--lint", ...Deno.args],
    env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
  }).output();
  const output = new TextDecoder().decode(stderr) + new TextDecoder().decode(stdout);
  const findings = parseFindings(output);
  const failing: Finding[] = [];
  let accepted = 0;
  for (const finding of findings) {
    if (await isAcceptedTypeRef(finding, (path) => Deno.readTextFile(path))) accepted++;
    else failing.push(finding);
  }
  for (const finding of failing) console.error(finding.text + "\n");
  console.log(
    `doc lint: ${failing.length} findings, ${accepted} references to openapi-fetch's Client and Middleware accepted`,
  );
  if (failing.length > 0) Deno.exit(1);
}
