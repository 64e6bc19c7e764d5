/**
 * Checks the layout rule of the source tree (issue 11) over `deno info --json`:
 *
 * - no import circles, type-only imports included;
 * - arrows only point down: `common/` imports nothing; `retry/` imports `common/` only; `limits/`
 *   imports `retry/` and `common/` only; `scim/*.ts` (version-neutral) imports `retry/`, `limits/` and `scim/*.ts` only;
 *   `scim/v1/` and `scim/v2/` never import each other nor `scim/testing/`; `scim/testing/` never
 *   imports the client (`scim/v1/client*.ts`, `scim/v2/client*.ts`, `scim/transport.ts`), not even
 *   through another file, and its
 *   `v1/` and `v2/` folders never import each other; `mod.ts` never imports `scim/testing/`;
 *   `sync/` (the sync engine) imports the library below it (`scim/` but its simulator, `limits/`,
 *   `retry/`, `common/`, `mod.ts`) and never `cli/`; `cli/` (the command line) may import any
 *   library folder and `sync/`; no library folder imports `sync/` or `cli/`;
 * - a `_`-prefixed file is private to its folder: only files in that folder or below it import it
 *   (`scim/_arguments.ts` serves `scim/v1/` and `scim/v2/`, `retry/_arm.ts` serves `retry/` only),
 *   so each library folder offers the others its files without `_`; tests may import any file,
 *   to test it;
 * - library files (`mod.ts`, `common/`, `retry/`, `limits/`, `scim/`, `sync/`) import no `node:` module and use no
 *   `Deno.*` API, except the runtime-specific files of {@linkcode RUNTIME_SPECIFIC}, which no
 *   other library file outside `scim/testing/` may import. `cli/` is runtime-specific as a whole
 *   (it runs on Deno, Node and Bun through `node:` APIs).
 *
 * The graph is read from every library entry of deno.json, every `.ts` file of the library
 * folders (so a file no entry reaches is checked too), and `scripts/` and `examples/`.
 * Prints every violation, naming the files, and exits 1 if there is any.
 *
 * Usage: `deno task layout [--root DIR]`
 *
 * @module
 */

/** One import of a module: a repository-relative path, or an external specifier (`node:http`). */
export interface Import {
  /** `scim/v1/models.ts`, or `node:http`, `npm:/openapi-fetch@0.17.0`, … */
  readonly target: string;
  /** True when the target is only imported for types. */
  readonly typeOnly: boolean;
}

/** The project's modules, by repository-relative path, with what each imports. */
export type ModuleGraph = ReadonlyMap<string, readonly Import[]>;

/** One break of the rule. */
export interface Violation {
  /** `circle`, `arrow`, `private` or `runtime`. */
  readonly kind: "circle" | "arrow" | "private" | "runtime";
  /** The files involved, the importer first. */
  readonly files: readonly string[];
  /** What is wrong, in one line. */
  readonly message: string;
}

/**
 * The library files allowed to be runtime-specific (`node:` imports, `Deno.*` APIs), with why.
 * Only they may; no other library file outside the simulator may import them, so the main entry
 * and the other portable entries stay web-standard.
 */
export const RUNTIME_SPECIFIC: Readonly<Record<string, string>> = {
  "limits/deno_kv.ts": "the Deno KV store of the rate limiter (its own entry)",
  "limits/redis.ts": "the Redis store of the rate limiter (its own entry)",
  "sync/file_state_store.ts": "the sync engine's state in a local file (node:fs; its own entry)",
  "sync/deno_kv_state_store.ts": "the sync engine's state in Deno KV (its own entry)",
  "sync/redis_state_store.ts": "the sync engine's state in Redis (its own entry)",
  "scim/testing/listen.ts":
    "the simulator's loopback server: node:http, loaded on demand by listen() only",
};

const LIBRARY = /^(mod\.ts$|common\/|retry\/|limits\/|scim\/|sync\/)/;

/** Which part of the layout a repository-relative path belongs to. */
export function areaOf(path: string): string {
  if (path === "mod.ts") return "mod.ts";
  if (path.startsWith("common/")) return "common/";
  if (path.startsWith("retry/")) return "retry/";
  if (path.startsWith("limits/")) return "limits/";
  if (path.startsWith("scim/testing/v1/")) return "scim/testing/v1/";
  if (path.startsWith("scim/testing/v2/")) return "scim/testing/v2/";
  if (path.startsWith("scim/testing/")) return "scim/testing/";
  if (path.startsWith("scim/v1/")) return "scim/v1/";
  if (path.startsWith("scim/v2/")) return "scim/v2/";
  if (/^scim\/[^/]+$/.test(path)) return "scim/*.ts";
  if (path.startsWith("scim/")) return "scim/?/"; // an unknown folder: its own rule is missing
  if (path.startsWith("sync/")) return "sync/";
  if (path.startsWith("cli/")) return "cli/";
  return "outside";
}

/** The areas above scim/: what none of its folders may import. */
const ABOVE_SCIM = ["mod.ts", "sync/", "cli/", "outside"];

function isClient(path: string): boolean {
  return /^scim\/v[12]\/client[^/]*\.ts$/.test(path) || path === "scim/transport.ts";
}

/**
 * Why `from` may not import `to` (both project paths), or `undefined` when it may.
 *
 * @param from The importing file.
 * @param to The imported file.
 * @returns The rule broken, in words, or `undefined`.
 */
export function arrowRule(from: string, to: string): string | undefined {
  const a = areaOf(from);
  const b = areaOf(to);
  const testing = b.startsWith("scim/testing/");
  switch (a) {
    case "common/":
      return b === "common/" ? undefined : "common/ imports nothing outside common/";
    case "retry/":
      return b === "retry/" || b === "common/"
        ? undefined
        : "retry/ imports nothing outside retry/ but common/";
    case "limits/":
      return ["limits/", "retry/", "common/"].includes(b)
        ? undefined
        : "limits/ may import retry/ and common/ only";
    case "scim/*.ts":
      return ["common/", "retry/", "limits/", "scim/*.ts"].includes(b)
        ? undefined
        : "scim/*.ts (version-neutral) imports common/, retry/, limits/ and scim/*.ts only";
    case "scim/v1/":
      if (b === "scim/v2/" || testing) return "scim/v1/ never imports scim/v2/ or scim/testing/";
      return ABOVE_SCIM.includes(b) ? "scim/v1/ imports nothing above it" : undefined;
    case "scim/v2/":
      if (b === "scim/v1/" || testing) return "scim/v2/ never imports scim/v1/ or scim/testing/";
      return ABOVE_SCIM.includes(b) ? "scim/v2/ imports nothing above it" : undefined;
    case "scim/testing/":
    case "scim/testing/v1/":
    case "scim/testing/v2/":
      if (isClient(to)) return "scim/testing/ never imports the client";
      if (a === "scim/testing/v1/" && b === "scim/testing/v2/") {
        return "scim/testing/v1/ never imports scim/testing/v2/";
      }
      if (a === "scim/testing/v2/" && b === "scim/testing/v1/") {
        return "scim/testing/v2/ never imports scim/testing/v1/";
      }
      return ABOVE_SCIM.includes(b) ? "scim/testing/ imports nothing above it" : undefined;
    case "scim/?/":
      return "a folder of scim/ the layout rule does not name (add its rule to check_layout.ts)";
    case "mod.ts":
      if (testing) return "mod.ts never imports scim/testing/ (the simulator is ./testing)";
      return b === "outside" || b === "sync/" || b === "cli/"
        ? "mod.ts imports nothing outside the library"
        : undefined;
    case "sync/":
      if (testing) return "sync/ never imports scim/testing/ (the simulator is for tests)";
      if (b === "cli/") return "sync/ never imports cli/ (the command line is built on sync/)";
      return b === "outside" ? "sync/ imports nothing outside the library" : undefined;
    case "cli/":
      return b === "outside" ? "cli/ imports nothing outside the library and sync/" : undefined;
    default:
      return undefined; // scripts, examples, tests: users of the library, any arrow
  }
}

/**
 * Why `from` may not import `to` because `to` is a library file private to its folder (its name
 * starts with `_`: importable from its folder and the folders below it only), or `undefined` when
 * it may. Tests may import any file: they test private parts, they do not build on them.
 *
 * @param from The importing file.
 * @param to The imported file.
 * @returns The rule broken, in words, or `undefined`.
 */
export function privateRule(from: string, to: string): string | undefined {
  const slash = to.lastIndexOf("/");
  const folder = to.slice(0, slash + 1);
  if (!LIBRARY.test(to) || !to.slice(slash + 1).startsWith("_")) return undefined;
  if (from.startsWith("tests/") || from.startsWith(folder)) return undefined;
  return `only files under ${folder} may import its "_" files; import one without "_", or move what is shared`;
}

/** A shortest import path from `start` to a client file, or `undefined` when there is none. */
function pathToClient(graph: ModuleGraph, start: string): string[] | undefined {
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (isClient(file)) {
      const path = [file];
      while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
      return path;
    }
    for (const { target } of graph.get(file) ?? []) {
      if (graph.has(target) && !previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  return undefined;
}

/** An import circle: a set of files that all reach each other. */
export interface Circle {
  /** Every file of the set, sorted. */
  readonly files: readonly string[];
  /** One shortest cycle through the set's first file, that file repeated at the end. */
  readonly cycle: readonly string[];
}

/**
 * Finds the import circles (strongly connected sets of project files), type-only imports
 * included.
 *
 * @param graph The modules.
 * @returns The circles, sorted by their first file.
 */
export function findCircles(graph: ModuleGraph): Circle[] {
  const edges = (file: string) =>
    [...new Set((graph.get(file) ?? []).map((i) => i.target))].filter((t) => graph.has(t)).sort();
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of edges(file)) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || edges(file).includes(file)) components.push(component.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components
    .map((files) => ({ files, cycle: cycleThrough(files, edges) }))
    .sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));
}

/** A shortest cycle from the component's first file back to it, inside the component. */
function cycleThrough(component: string[], edges: (file: string) => string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of edges(file)) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [file];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        path.push(start);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [...component, start];
}

/**
 * Removes comments and the contents of string literals, so that a search for `Deno.` finds code.
 *
 * @param source TypeScript source.
 * @returns The source with comments removed and strings emptied.
 */
export function codeOnly(source: string): string {
  return source.replace(
    /"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g,
    (match) => match.startsWith("/") ? "" : match[0]! + match[0]!,
  );
}

/**
 * Checks a module graph against the layout rule.
 *
 * @param graph The project's modules and their imports.
 * @param sources The text of library files, for the `Deno.*` check (files absent are skipped).
 * @returns Every violation, circles first, then arrows and runtime APIs by file.
 */
export function checkLayout(
  graph: ModuleGraph,
  sources: ReadonlyMap<string, string> = new Map(),
): Violation[] {
  const violations: Violation[] = findCircles(graph).map(({ files, cycle }) => {
    const off = files.filter((file) => !cycle.includes(file));
    return {
      kind: "circle",
      files,
      message: `import circle of ${files.length} files: ${cycle.join(" -> ")}${
        off.length > 0 ? ` (also in it: ${off.join(", ")})` : ""
      }`,
    };
  });
  const byFile: Violation[] = [];
  for (const [file, imports] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    const library = LIBRARY.test(file);
    const runtimeSpecific = file in RUNTIME_SPECIFIC;
    for (const { target, typeOnly } of imports) {
      const how = typeOnly ? "imports (types)" : "imports";
      if (graph.has(target) || !/^[a-z]+:/.test(target)) {
        const rule = arrowRule(file, target);
        const privacy = privateRule(file, target);
        if (rule !== undefined) {
          byFile.push({
            kind: "arrow",
            files: [file, target],
            message: `${file} ${how} ${target}: ${rule}`,
          });
        } else if (privacy !== undefined) {
          byFile.push({
            kind: "private",
            files: [file, target],
            message: `${file} ${how} ${target}: ${privacy}`,
          });
        } else if (
          library && !runtimeSpecific && target in RUNTIME_SPECIFIC &&
          !areaOf(file).startsWith("scim/testing/")
        ) {
          byFile.push({
            kind: "runtime",
            files: [file, target],
            message:
              `${file} ${how} ${target}: only its own entry may load a runtime-specific file (${
                RUNTIME_SPECIFIC[target]
              })`,
          });
        }
      } else if (library && !runtimeSpecific && target.startsWith("node:")) {
        byFile.push({
          kind: "runtime",
          files: [file, target],
          message:
            `${file} ${how} ${target}: library files use web standards only (or are listed in RUNTIME_SPECIFIC)`,
        });
      }
    }
    if (areaOf(file).startsWith("scim/testing/")) {
      for (const { target, typeOnly } of imports) {
        if (areaOf(target).startsWith("scim/testing/") || isClient(target)) continue;
        const path = pathToClient(graph, target);
        if (path === undefined) continue;
        byFile.push({
          kind: "arrow",
          files: [file, ...path],
          message: `${file} ${
            typeOnly ? "imports (types)" : "imports"
          } ${target}, which reaches the client (${
            path.join(" -> ")
          }): scim/testing/ never imports the client`,
        });
      }
    }
    const source = sources.get(file);
    if (library && !runtimeSpecific && source !== undefined) {
      const found = codeOnly(source).match(/\bDeno\??\.\w+/);
      if (found) {
        byFile.push({
          kind: "runtime",
          files: [file],
          message: `${file} uses ${
            found[0]
          }: library files use web standards only (or are listed in RUNTIME_SPECIFIC)`,
        });
      }
    }
  }
  return [...violations, ...byFile];
}

interface DenoInfo {
  modules: {
    specifier: string;
    kind?: string;
    dependencies?: {
      specifier: string;
      code?: { specifier?: string };
      type?: { specifier?: string };
    }[];
  }[];
}

/**
 * Turns `deno info --json` output into a graph of repository-relative paths.
 *
 * @param info The parsed output of `deno info --json`.
 * @param root The repository's `file://` URL, ending with `/`.
 * @param graph Where to add the modules (several roots share one graph).
 */
export function addDenoInfo(
  info: DenoInfo,
  root: string,
  graph: Map<string, Import[]>,
): void {
  const name = (specifier: string) =>
    specifier.startsWith(root) ? decodeURIComponent(specifier.slice(root.length)) : specifier;
  for (const module of info.modules) {
    if (!module.specifier.startsWith(root)) continue;
    const file = name(module.specifier);
    if (graph.has(file)) continue;
    const imports: Import[] = [];
    for (const dependency of module.dependencies ?? []) {
      const code = dependency.code?.specifier;
      const type = dependency.type?.specifier;
      const target = code ?? type;
      if (target === undefined) continue;
      imports.push({ target: name(target), typeOnly: code === undefined });
    }
    graph.set(file, imports);
  }
}

async function walk(dir: string): Promise<string[]> {
  const files: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory) files.push(...await walk(path));
      else if (/\.(ts|mts|tsx)$/.test(entry.name)) files.push(path);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return files;
}

/**
 * Reads the graph and library sources of a repository and checks them.
 *
 * @param rootDir The repository's folder.
 * @returns The violations and how many files were checked.
 */
export async function checkRepository(
  rootDir: string,
): Promise<{ violations: Violation[]; files: number }> {
  const absolute = await Deno.realPath(rootDir);
  const root = new URL(`file://${absolute}/`).href;
  let exports: string[] = [];
  try {
    const config = JSON.parse(await Deno.readTextFile(`${absolute}/deno.json`)) as {
      exports?: Record<string, string> | string;
    };
    exports = typeof config.exports === "string"
      ? [config.exports]
      : Object.values(config.exports ?? {});
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const roots = new Set(exports.map((path) => path.replace(/^\.\//, "")));
  for (const dir of ["common", "retry", "limits", "scim", "sync", "cli", "scripts", "examples"]) {
    for (const file of await walk(`${absolute}/${dir}`)) roots.add(file.slice(absolute.length + 1));
  }
  try {
    await Deno.stat(`${absolute}/mod.ts`);
    roots.add("mod.ts");
  } catch { /* no main entry */ }

  const graph = new Map<string, Import[]>();
  for (const file of [...roots].sort()) {
    if (graph.has(file)) continue;
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", file],
      cwd: absolute,
      env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
    }).output();
    if (code !== 0) {
      throw new Error(`deno info ${file} failed: ${new TextDecoder().decode(stderr).trim()}`);
    }
    addDenoInfo(JSON.parse(new TextDecoder().decode(stdout)) as DenoInfo, root, graph);
  }
  const sources = new Map<string, string>();
  for (const file of graph.keys()) {
    if (LIBRARY.test(file)) sources.set(file, await Deno.readTextFile(`${absolute}/${file}`));
  }
  return { violations: checkLayout(graph, sources), files: graph.size };
}

if (import.meta.main) {
  const at = Deno.args.indexOf("--root");
  const rootDir = at >= 0 ? Deno.args[at + 1] ?? "." : ".";
  const { violations, files } = await checkRepository(rootDir);
  for (const violation of violations) console.log(`${violation.kind}: ${violation.message}`);
  if (violations.length > 0) {
    console.log(`layout: ${violations.length} violation(s) in ${files} files`);
    Deno.exit(1);
  }
  console.log(`layout: ${files} files, no circle, every arrow points down`);
}
