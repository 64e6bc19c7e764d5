/**
 * Builds the npm package under `build/npm/`: an ESM bundle per entry of deno.json "exports",
 * `.d.ts` declarations, and a package.json.
 *
 * - JavaScript: one `deno bundle --code-splitting` run over all entries, so code shared by
 *   `.`, `./retry` and `./testing` (the retry handlers and error classes) lives in one chunk and
 *   `instanceof` works across entries. openapi-fetch (the transport) is bundled in: the
 *   JavaScript imports no package, so it runs as installed on Node, Bun and Workers.
 * - Types: TypeScript's `transpileDeclaration` per source file (isolated declarations: our exports
 *   carry explicit types for JSR anyway), relative `.ts` specifiers rewritten to `.js`. The public
 *   API exposes openapi-fetch's own types (`client.openapi` is its `Client`, `client.use` takes
 *   its `Middleware`), so a package the declarations import becomes a dependency of the package,
 *   at the range deno.json maps it to (`npm:openapi-fetch@^0.17` → `"openapi-fetch": "^0.17"`).
 *   A declaration importing a package deno.json does not map to npm fails the build.
 *
 * - Entries: every entry of deno.json but the Deno-only ones of {@linkcode DENO_ONLY_ENTRIES}
 *   (`./limits/deno-kv`, `./sync/deno-kv`), which Deno users import from source (JSR) and npm
 *   users cannot run.
 *
 * - The command line: each entry of {@linkcode BIN_ENTRIES} (`./cli`) is no library entry but a
 *   `bin` (`slack-scim`): one file bundled for Deno's platform (its npm packages, commander,
 *   cli-progress and papaparse, bundled in; `node:*` built-ins imported), which Node 20+ and Bun
 *   run as installed.
 *
 * Then packs it with `npm pack` into the folder above it (`build/org-slack-scim-<version>.tgz`), the
 * tarball an app installs with `npm install`.
 *
 * Usage: `deno task build` (or `deno run -A scripts/build_npm.ts [--out DIR]`).
 *
 * @module
 */

import ts from "typescript";
import { denoBundle } from "./_deno_bundle.ts";
import { dirname, join, relative } from "node:path";
import { fileURLToPath as fromFileUrl, pathToFileURL as toFileUrl } from "node:url";

/** Where the package is written by default, relative to the repository root. */
export const DEFAULT_OUT = "build/npm";

/** What a build produced. */
export interface BuildResult {
  /** The package folder. */
  outDir: string;
  /** Files written, relative to `outDir`. */
  files: string[];
}

interface DenoConfig {
  name: string;
  version: string;
  license?: string;
  exports: Record<string, string>;
  imports?: Record<string, string>;
}

/**
 * The entries of deno.json the npm package leaves out, with why: they need Deno's own APIs, so on
 * Node, Bun and Workers they could not run, and their declarations name the `Deno` namespace, which
 * a Node consumer's TypeScript does not know. Deno users import them from source (JSR).
 */
export const DENO_ONLY_ENTRIES: Readonly<Record<string, string>> = {
  "./limits/deno-kv": "DenoKvLimitStore runs on a Deno.Kv (Deno.openKv); its types name Deno.Kv",
  "./sync/deno-kv": "DenoKvStateStore runs on a Deno.Kv (Deno.openKv); its types name Deno.Kv",
};

/**
 * The entries of deno.json that are commands, not libraries, with the `bin` name each gets: the
 * package runs them (`npx slack-scim`), nothing imports them.
 */
export const BIN_ENTRIES: Readonly<Record<string, string>> = {
  "./cli": "slack-scim",
};

/**
 * The entries of the npm package: deno.json's, in its order, without the Deno-only ones. A
 * Deno-only name deno.json does not have fails, so the list cannot go stale unnoticed.
 *
 * @param exports deno.json's `exports`.
 * @param denoOnly The entries to leave out (default {@linkcode DENO_ONLY_ENTRIES} and the commands
 *   of {@linkcode BIN_ENTRIES}).
 * @returns Each entry's key (`./retry`) and source path (`retry/mod.ts`).
 */
export function npmEntries(
  exports: Readonly<Record<string, string>>,
  denoOnly: Readonly<Record<string, string>> = { ...DENO_ONLY_ENTRIES, ...BIN_ENTRIES },
): { key: string; source: string }[] {
  const stale = Object.keys(denoOnly).filter((key) => !(key in exports));
  if (stale.length > 0) {
    throw new Error(
      `Cannot leave ${
        stale.map((key) => `"${key}"`).join(", ")
      } out of the npm package: deno.json "exports" has no such entry`,
    );
  }
  return Object.entries(exports)
    .filter(([key]) => !(key in denoOnly))
    .map(([key, source]) => ({ key, source: source.replace(/^\.\//, "") }));
}

/**
 * The npm dependencies of the package: each bare specifier the public declarations import, at
 * the range deno.json's import map gives it.
 *
 * @param bare The bare specifiers the declarations import.
 * @param imports deno.json's `imports`.
 * @returns The `dependencies` of package.json, and the specifiers that map to no npm package.
 */
export function dependenciesOf(
  bare: readonly string[],
  imports: Readonly<Record<string, string>>,
): { dependencies: Record<string, string>; unmapped: string[] } {
  const dependencies: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const spec of bare) {
    const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
    const target = imports[name] ?? "";
    const match = /^npm:(@?[^@]+)@(.+)$/.exec(target);
    if (match === null || match[1] !== name) {
      unmapped.push(spec);
      continue;
    }
    dependencies[name] = match[2]!;
  }
  return { dependencies, unmapped };
}

/**
 * Builds the npm package of the project at `root`.
 *
 * @param root The repository root (holds deno.json).
 * @param options `outDir`: where to write the package (default `<root>/build/npm`).
 * @returns The files written.
 */
export async function buildNpm(
  root: string,
  options: { outDir?: string } = {},
): Promise<BuildResult> {
  const outDir = options.outDir ?? join(root, DEFAULT_OUT);
  const config = JSON.parse(
    await Deno.readTextFile(join(root, "deno.json")),
  ) as DenoConfig;
  const entries = npmEntries(config.exports);

  await Deno.remove(outDir, { recursive: true }).catch((e) => {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  });
  await Deno.mkdir(outDir, { recursive: true });

  await bundle(root, join(outDir, "esm"), entries.map((e) => e.source));
  await checkSelfContained(join(outDir, "esm"));
  const bare = await emitDeclarations(
    root,
    join(outDir, "types"),
    entries.map((e) => e.source),
  );
  const { dependencies, unmapped } = dependenciesOf(bare, config.imports ?? {});
  if (unmapped.length > 0) {
    throw new Error(
      `Cannot emit declarations: they import ${
        unmapped.map((s) => `"${s}"`).join(", ")
      }, which deno.json maps to no npm package`,
    );
  }

  const bin: Record<string, string> = {};
  for (const [key, name] of Object.entries(BIN_ENTRIES)) {
    const source = config.exports[key];
    if (source === undefined) continue;
    bin[name] = `./bin/${name}.mjs`;
    await bundleBin(root, source, join(outDir, "bin", `${name}.mjs`));
  }

  const exportsMap: Record<string, unknown> = {};
  for (const { key, source } of entries) {
    const base = source.replace(/\.ts$/, "");
    exportsMap[key] = {
      types: `./types/${base}.d.ts`,
      default: `./esm/${base}.js`,
    };
  }
  exportsMap["./package.json"] = "./package.json";
  const main = entries.find((e) => e.key === ".");
  if (main === undefined) {
    throw new TypeError(`deno.json "exports" has no "." entry`);
  }
  const mainBase = main.source.replace(/\.ts$/, "");

  const extras: string[] = [];
  for (const name of ["README.md", "LICENSE"]) {
    try {
      await Deno.copyFile(join(root, name), join(outDir, name));
      extras.push(name);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
    }
  }

  const pkg = {
    name: config.name,
    version: config.version,
    description: "Slack SCIM API client (v1) for Deno, Node, Bun and Cloudflare Workers",
    license: config.license ?? "MIT",
    type: "module",
    exports: exportsMap,
    main: `./esm/${mainBase}.js`,
    types: `./types/${mainBase}.d.ts`,
    ...(Object.keys(bin).length > 0 ? { bin } : {}),
    files: ["esm", "types", ...(Object.keys(bin).length > 0 ? ["bin"] : []), ...extras],
    // For the types the public API shares with them; the JavaScript has them bundled in.
    ...(Object.keys(dependencies).length > 0 ? { dependencies } : {}),
    sideEffects: false,
    engines: { node: ">=20" },
    keywords: ["slack", "scim", "scim-v1", "deno", "cloudflare-workers", "bun"],
  };
  await Deno.writeTextFile(
    join(outDir, "package.json"),
    JSON.stringify(pkg, null, 2) + "\n",
  );

  return { outDir, files: await listFiles(outDir) };
}

/**
 * Bundles a command into one executable file: Deno's platform (npm packages bundled in with a
 * `require` for Node's built-ins, as Node and Bun provide), minified, with a `node` shebang.
 */
async function bundleBin(root: string, source: string, out: string): Promise<void> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["bundle", "--quiet", "--format=esm", "--platform=deno", "--minify", "-o", out, source],
    cwd: root,
    env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
    stdout: "inherit",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    throw new Error(`deno bundle ${source} failed: ${new TextDecoder().decode(stderr).trim()}`);
  }
  const code_ = await Deno.readTextFile(out);
  await Deno.writeTextFile(out, `#!/usr/bin/env node\n${code_.replace(/^#!.*\n/, "")}`);
  await Deno.chmod(out, 0o755);
}

function bundle(root: string, outDir: string, sources: string[]): Promise<void> {
  return denoBundle(["--code-splitting", "--outdir", outDir, ...sources], root);
}

/** An import or export specifier in bundled JavaScript (minified or not). */
const JS_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

/**
 * Fails when a bundled file imports anything but another file of the bundle or a runtime
 * built-in (`node:http`, used by the simulator's `listen()`): the package declares no
 * dependencies, so an npm package left unbundled would break installs. JSDoc examples are skipped.
 *
 * @param esmDir The bundle's folder.
 */
export async function checkSelfContained(esmDir: string): Promise<void> {
  const problems: string[] = [];
  for (const file of await listFiles(esmDir)) {
    if (!file.endsWith(".js")) continue;
    const code = (await Deno.readTextFile(join(esmDir, file))).replace(/\/\*[\s\S]*?\*\//g, "");
    for (const [, spec] of code.matchAll(JS_SPECIFIER)) {
      if (!/^(\.\.?\/|node:)/.test(spec!)) {
        problems.push(`esm/${file} imports "${spec}"`);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `The bundle is not self-contained (the package has no dependencies):\n  ${
        problems.join("\n  ")
      }`,
    );
  }
}

/** The project's own modules reachable from `sources` (npm and remote modules left out). */
async function localModules(
  root: string,
  sources: string[],
): Promise<string[]> {
  const found = new Set<string>();
  for (const source of sources) {
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", source],
      cwd: root,
      env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
    }).output();
    if (code !== 0) {
      throw new Error(
        `deno info failed for "${source}": ${new TextDecoder().decode(stderr)}`,
      );
    }
    const info = JSON.parse(new TextDecoder().decode(stdout)) as {
      modules: { specifier: string; error?: string }[];
    };
    const rootUrl = toFileUrl(root + "/").href;
    for (const m of info.modules) {
      if (m.error !== undefined) throw new Error(`Cannot build: ${m.error}`);
      if (m.specifier.startsWith(rootUrl)) {
        found.add(relative(root, fromFileUrl(m.specifier)));
      }
    }
  }
  return [...found].sort();
}

/** The module specifiers of a declaration file (imports, re-exports, `import("…")` types). */
function specifiersOf(fileName: string, dts: string): ts.StringLiteral[] {
  const source = ts.createSourceFile(
    fileName,
    dts,
    ts.ScriptTarget.ES2022,
    true,
  );
  const found: ts.StringLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier);
    } else if (
      ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Rewrites `./x.ts` to `./x.js` (what Node's TypeScript resolves to `./x.d.ts`); lists bare imports. */
function rewriteSpecifiers(
  fileName: string,
  dts: string,
): { text: string; bare: string[] } {
  const bare: string[] = [];
  let text = dts;
  // Back to front, so earlier offsets stay valid.
  for (const literal of specifiersOf(fileName, dts).reverse()) {
    const spec = literal.text;
    if (!spec.startsWith("./") && !spec.startsWith("../")) {
      bare.unshift(spec);
      continue;
    }
    if (!spec.endsWith(".ts")) continue;
    const start = literal.getStart();
    text = text.slice(0, start) + JSON.stringify(spec.replace(/\.ts$/, ".js")) +
      text.slice(literal.getEnd());
  }
  return { text, bare };
}

/**
 * Works around TypeScript 5.9's `transpileDeclaration`, which emits a method keyed by a
 * well-known symbol (`async *[Symbol.asyncIterator]()`) twice: as the method and as a property
 * of function type, which consumers' tsc rejects (TS2300 duplicate identifier). Drops the property.
 */
function dropDuplicatedSymbolMembers(fileName: string, dts: string): string {
  const source = ts.createSourceFile(fileName, dts, ts.ScriptTarget.ES2022, true);
  const cuts: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) {
      const methods = new Set(
        node.members.filter(ts.isMethodDeclaration).map((m) => m.name)
          .filter(ts.isComputedPropertyName).map((n) => n.getText()),
      );
      for (const member of node.members) {
        if (
          ts.isPropertyDeclaration(member) && ts.isComputedPropertyName(member.name) &&
          methods.has(member.name.getText())
        ) {
          // The whole line, so no blank line is left behind.
          const start = dts.lastIndexOf("\n", member.getStart()) + 1;
          const newline = dts.indexOf("\n", member.getEnd());
          cuts.push({ start, end: newline === -1 ? dts.length : newline + 1 });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let text = dts;
  for (const { start, end } of cuts.reverse()) text = text.slice(0, start) + text.slice(end);
  return text;
}

/** TS9038: isolated declarations cannot name a computed member such as `[Symbol.for(…)]()`. */
const COMPUTED_NAME = 9038;

async function emitDeclarations(
  root: string,
  outDir: string,
  sources: string[],
): Promise<string[]> {
  const compilerOptions: ts.CompilerOptions = {
    declaration: true,
    isolatedDeclarations: true,
    strict: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    allowImportingTsExtensions: true,
  };
  const problems: string[] = [];
  const emitted = new Map<
    string,
    { dts: string; bare: string[]; local: string[] }
  >();
  for (const file of await localModules(root, sources)) {
    const text = await Deno.readTextFile(join(root, file));
    const result = ts.transpileDeclaration(text, {
      fileName: file,
      compilerOptions,
      reportDiagnostics: true,
    });
    for (const d of result.diagnostics ?? []) {
      // Inspect hooks keyed by Symbol.for(…) are left out of the .d.ts, as tsc leaves them out:
      // a `symbol`-typed key cannot be named in a declaration, and callers never call them.
      if (
        d.code === COMPUTED_NAME &&
        /^\[?Symbol\.for\(/.test(text.slice(d.start ?? 0))
      ) continue;
      const where = d.start === undefined ? file : `${file}:${lineOf(text, d.start)}`;
      problems.push(
        `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
    }
    const { text: dts, bare } = rewriteSpecifiers(
      file,
      dropDuplicatedSymbolMembers(file, result.outputText),
    );
    const local = specifiersOf(file, result.outputText).map((l) => l.text)
      .filter((spec) => spec.startsWith("./") || spec.startsWith("../"))
      .map((spec) => join(dirname(file), spec));
    emitted.set(file, { dts, bare, local });
  }

  // Only the declarations the entries' types reach go in the package; the packages they import
  // are the package's dependencies.
  const reached = new Set<string>();
  const packages = new Set<string>();
  const queue = [...sources];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (reached.has(file)) continue;
    const entry = emitted.get(file);
    if (entry === undefined) {
      problems.push(
        `${file}: reached from the public types but not found among the sources`,
      );
      continue;
    }
    reached.add(file);
    for (const spec of entry.bare) packages.add(spec);
    queue.push(...entry.local);
  }
  if (problems.length > 0) {
    throw new Error(`Cannot emit declarations:\n  ${problems.join("\n  ")}`);
  }
  for (const file of [...reached].sort()) {
    const target = join(outDir, file.replace(/\.ts$/, ".d.ts"));
    await Deno.mkdir(dirname(target), { recursive: true });
    await Deno.writeTextFile(target, emitted.get(file)!.dts);
  }
  return [...packages].sort();
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory) {
      files.push(...await listFiles(join(dir, entry.name), path));
    } else files.push(path);
  }
  return files.sort();
}

if (import.meta.main) {
  const root = dirname(dirname(fromFileUrl(import.meta.url)));
  const i = Deno.args.indexOf("--out");
  const out = i === -1 ? undefined : Deno.args[i + 1];
  const result = await buildNpm(root, out === undefined ? {} : { outDir: out });
  console.log(
    `Built ${result.files.length} files in ${relative(root, result.outDir)}/:`,
  );
  for (const file of result.files) console.log(`  ${file}`);
  // The tarball users `npm install`, beside the package folder.
  const packed = await new Deno.Command("npm", {
    args: ["pack", result.outDir, "--pack-destination", dirname(result.outDir), "--silent"],
    stdout: "piped",
    stderr: "piped",
  }).output().catch((error: Error) => ({ success: false, stdout: new Uint8Array(), error }));
  if (packed.success) {
    const name = new TextDecoder().decode(packed.stdout).trim();
    console.log(`Packed ${relative(root, join(dirname(result.outDir), name))} (npm install it)`);
  } else {
    console.log("Not packed: npm pack failed or npm is not installed");
  }
}
