/**
 * `deno doc --lint` over the library's entries, with one kind of finding accepted: a public type
 * that references a type the library takes from elsewhere — a package's (openapi-fetch's
 * `Client` and `Middleware`, which `client.openapi` and `client.use()` expose on purpose) or a
 * generated file's (`paths` of `scim/v1/schema.gen.ts`, documented by the spec it is generated
 * from). Re-exporting those would drag their whole type graph (openapi-fetch's internal helper
 * types, every generated `operations` and `components` member) into this package's docs. Every
 * other finding fails, as before.
 *
 * Usage: `deno run --allow-read --allow-run scripts/doc_lint.ts <entry>...`
 *
 * @module
 */

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
 * The names a module imports from a package (a bare specifier) or from a generated file
 * (`*.gen.ts`).
 *
 * @param source The module's text.
 * @returns The local names.
 */
export function foreignNames(source: string): Set<string> {
  const names = new Set<string>();
  const imports = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;
  for (const [, list, specifier] of source.matchAll(imports)) {
    const foreign = !/^\.\.?\//.test(specifier!) || /\.gen\.ts$/.test(specifier!);
    if (!foreign) continue;
    for (const item of list!.split(",")) {
      const name = item.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * Whether a finding is a reference to a type taken from a package or a generated file.
 *
 * @param finding The finding.
 * @param readFile Reads the referencing module.
 * @returns True when it is accepted.
 */
export async function isForeignTypeRef(
  finding: Finding,
  readFile: (path: string) => Promise<string>,
): Promise<boolean> {
  if (finding.code !== "private-type-ref" || finding.file === undefined) return false;
  const referenced = /references private type '([^']+)'/.exec(finding.message)?.[1];
  if (referenced === undefined) return false;
  return foreignNames(await readFile(finding.file)).has(referenced);
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
    if (await isForeignTypeRef(finding, (path) => Deno.readTextFile(path))) accepted++;
    else failing.push(finding);
  }
  for (const finding of failing) console.error(finding.text + "\n");
  console.log(
    `doc lint: ${failing.length} findings, ${accepted} references to package or generated types accepted`,
  );
  if (failing.length > 0) Deno.exit(1);
}
