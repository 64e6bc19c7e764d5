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
  return banner(spec) + documented(body.trimEnd(), versionOf(spec)) + "\n";
}

function versionOf(spec: URL): "v1" | "v2" {
  return /scim-v2\./.test(spec.pathname) ? "v2" : "v1";
}

/** How each version's entry and client are imported in the examples. */
const ENTRY = {
  v1: { module: "@org/slack-scim", client: "SCIMClient" },
  v2: { module: "@org/slack-scim/v2", client: "SCIM2Client" },
} as const;

/** The JSDoc of the three interfaces the entries export (`deno doc --lint` wants every one). */
function interfaceDoc(name: string, version: "v1" | "v2"): string {
  const { module, client } = ENTRY[version];
  const example = (
    title: string,
    lines: string[],
  ) => [
    " *",
    ` * @example ${title}`,
    " * ```ts",
    ...lines.map((l) => ` * ${l}`.trimEnd()),
    " * ```",
  ];
  const common = [
    `import { type ${name}, ${client} } from "${module}";`,
    'import { SlackScimSimulator } from "@org/slack-scim/testing";',
    'import assert from "node:assert/strict";',
    "",
    "const sim = new SlackScimSimulator({ users: 1 });",
    `const client = new ${client}({ token: "xoxp-test", fetch: sim.fetch });`,
  ];
  const text: Record<string, string[]> = {
    paths: [
      ` * Every path of Slack's SCIM ${version} spec and its operations, as openapi-typescript makes`,
      " * them: the type of `client.openapi`'s paths, to type a helper of your own over it.",
      ...example("A helper over `client.openapi`, typed by the spec", [
        ...common,
        'type UserId = paths["/Users/{id}"]["get"]["parameters"]["path"]["id"];',
        "async function userName(id: UserId): Promise<string | undefined> {",
        '  const { data } = await client.openapi.GET("/Users/{id}", { params: { path: { id } } });',
        "  return data?.userName;",
        "}",
        "const [user] = (await client.searchUsers({ count: 1 })).users;",
        "assert.equal(await userName(user!.id!), user!.userName);",
      ]),
    ],
    components: [
      ` * The schemas, parameters and answers of Slack's SCIM ${version} spec: the wire shapes the`,
      " * `openapi` escape hatch sends and receives (the client's own models are the exported",
      " * `User`, `Group`, …).",
      ...example("The wire shape of a user, as `client.openapi` returns it", [
        ...common,
        'type WireUser = components["schemas"]["User"];',
        "const [user] = (await client.searchUsers({ count: 1 })).users;",
        'const { data } = await client.openapi.GET("/Users/{id}", { params: { path: { id: user!.id! } } });',
        "const wire: WireUser | undefined = data;",
        "assert.equal(wire?.id, user!.id);",
      ]),
    ],
    operations: [
      ` * Each operation of Slack's SCIM ${version} spec by its \`operationId\`: its parameters, body and`,
      " * answers (what `paths` points to).",
      ...example("The parameters of one operation", [
        ...common,
        'type SearchQuery = NonNullable<operations["searchUsers"]["parameters"]["query"]>;',
        "const query: SearchQuery = { count: 1 };",
        'const { data } = await client.openapi.GET("/Users", { params: { query } });',
        "assert.equal(data?.Resources?.length, 1);",
      ]),
    ],
  };
  return ["/**", ...text[name]!, " */"].join("\n");
}

/**
 * Documents what the entries export of the generated file (`paths`, `components`,
 * `operations`): each interface and each of its members (a path, a kind of component, an
 * operation), which openapi-typescript leaves bare.
 */
function documented(body: string, version: "v1" | "v2"): string {
  const lines = body.split("\n");
  // operationId -> "GET /Users", read from the paths.
  const where = new Map<string, string>();
  let path = "";
  for (const line of lines) {
    const p = /^ {4}"([^"]+)": \{$/.exec(line);
    if (p) path = p[1]!;
    const o = /^ {8}(get|put|post|delete|patch): operations\["([^"]+)"\];$/.exec(line);
    if (o) where.set(o[2]!, `${o[1]!.toUpperCase()} ${path}`);
  }
  const out: string[] = [];
  let inside: string | undefined;
  for (const line of lines) {
    const start = /^export interface (paths|components|operations) \{$/.exec(line);
    if (start) {
      inside = start[1];
      out.push(interfaceDoc(inside!, version));
    } else if (line === "}") {
      inside = undefined;
    } else if (inside !== undefined && !out.at(-1)!.trimEnd().endsWith("*/")) {
      const member = /^ {4}"?([^\s":?]+)"?\??: /.exec(line);
      if (member) {
        const name = member[1]!;
        out.push(
          inside === "paths"
            ? `    /** The operations on \`${name}\`. */`
            : inside === "operations"
            ? `    /** \`${name}\`: \`${where.get(name) ?? "not on any path"}\`. */`
            : `    /** The spec's ${name} (\`never\` when it has none). */`,
        );
      }
    }
    out.push(line);
  }
  return out.join("\n");
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
