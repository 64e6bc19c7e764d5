/**
 * The export list of every entry of deno.json (`deno doc --json`), as JSON keyed by the
 * entry's name (`"."`, `"./v2"`, …), names sorted. tests/packaging/exports_test.ts compares it
 * with the reviewed snapshot `tests/packaging/exports_snapshot.json`; after a reviewed change
 * to the public surface, print it with `deno task exports` and update the snapshot by hand.
 *
 * Usage: `deno task exports`
 *
 * @module
 */

/**
 * The names an entry module exports, sorted.
 *
 * @param file The entry file, such as `./mod.ts`.
 * @returns Its exported names.
 */
export async function exportedNames(file: string): Promise<string[]> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", file],
    env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
  }).output();
  if (code !== 0) throw new Error(`deno doc ${file} failed: ${new TextDecoder().decode(stderr)}`);
  const doc = JSON.parse(new TextDecoder().decode(stdout)) as {
    nodes: Record<string, { symbols?: { name: string }[] }>;
  };
  const names = new Set<string>();
  for (const node of Object.values(doc.nodes)) {
    for (const symbol of node.symbols ?? []) names.add(symbol.name);
  }
  return [...names].sort();
}

/**
 * Every entry's export list.
 *
 * @param config deno.json's text.
 * @returns The names by entry name, in deno.json's order.
 */
export async function exportLists(config: string): Promise<Record<string, string[]>> {
  const { exports } = JSON.parse(config) as { exports: Record<string, string> };
  const lists: Record<string, string[]> = {};
  for (const [name, file] of Object.entries(exports)) lists[name] = await exportedNames(file);
  return lists;
}

if (import.meta.main) {
  const lists = await exportLists(await Deno.readTextFile("deno.json"));
  if (Deno.args.includes("--count")) {
    for (const [name, names] of Object.entries(lists)) console.log(`${names.length}\t${name}`);
    const total = Object.values(lists).reduce((sum, names) => sum + names.length, 0);
    console.log(`${total}\ttotal`);
  } else {
    console.log(JSON.stringify(lists, null, 2));
  }
}
