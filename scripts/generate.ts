/**
 * Generates `scim/v1/schema.gen.ts` from `spec/scim-v1.openapi.yaml` and `scim/v2/schema.gen.ts`
 * from `spec/scim-v2.openapi.yaml` with openapi-typescript.
 *
 * `deno task gen` writes the file; `deno task gen:check` (CI) exits 1 when a committed file is
 * not what its spec generates, so the spec and the types can never drift apart.
 *
 * @module
 */

import openapiTS, { astToString } from "openapi-typescript";

/** Each spec and its generated types, relative to this script. */
const JOBS: readonly { spec: URL; out: URL }[] = ["v1", "v2"].map((version) => ({
  spec: new URL(`../spec/scim-${version}.openapi.yaml`, import.meta.url),
  out: new URL(`../scim/${version}/schema.gen.ts`, import.meta.url),
}));

function banner(spec: URL): string {
  return [
    "// generated — do not edit.",
    `// Made by scripts/generate.ts (openapi-typescript) from spec/${
      spec.pathname.split("/").at(-1)
    }.`,
    "// Change the spec, then run `deno task gen`.",
    "",
    "",
  ].join("\n");
}

/**
 * Generates the TypeScript source for one spec.
 *
 * @param spec The OpenAPI file.
 * @returns The module's text, banner included.
 */
export async function generate(spec: URL): Promise<string> {
  // The spec is passed as text (not a URL) so nothing machine-specific, such as an absolute
  // path, can end up in the output.
  const ast = await openapiTS(await Deno.readTextFile(spec), { silent: true });
  const body = astToString(ast).replace(/\r\n/g, "\n");
  return banner(spec) + body.trimEnd() + "\n";
}

async function readOrUndefined(url: URL): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(url);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** Lines that differ first, to point at the drift without printing whole files. */
function firstDifference(a: string, b: string): string {
  const left = a.split("\n");
  const right = b.split("\n");
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) {
      return `line ${i + 1}: committed ${JSON.stringify(left[i] ?? "<end of file>")}, ` +
        `generated ${JSON.stringify(right[i] ?? "<end of file>")}`;
    }
  }
  return "no line differs";
}

if (import.meta.main) {
  const check = Deno.args.includes("--check");
  let stale = 0;
  for (const { spec, out } of JOBS) {
    const generated = await generate(spec);
    const name = out.pathname.split("/").slice(-3).join("/");
    if (check) {
      const committed = await readOrUndefined(out);
      if (committed === undefined) {
        console.error(`${name} is missing: run \`deno task gen\` and commit it`);
        stale++;
      } else if (committed !== generated) {
        console.error(
          `${name} is not what the spec generates (${firstDifference(committed, generated)}): ` +
            "run `deno task gen` and commit it; never edit the generated file by hand",
        );
        stale++;
      } else {
        console.log(`${name} is up to date`);
      }
    } else {
      await Deno.writeTextFile(out, generated);
      console.log(`wrote ${name}`);
    }
  }
  if (stale > 0) Deno.exit(1);
}
