import assert from "node:assert/strict";

/** The simulator's import graph, as `deno info --json` sees it: module → the modules it imports. */
async function importGraph(entry: string): Promise<Map<string, string[]>> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  const info = JSON.parse(new TextDecoder().decode(stdout)) as {
    modules: {
      specifier: string;
      dependencies?: { code?: { specifier: string }; type?: { specifier: string } }[];
    }[];
  };
  const root = new URL("../../", import.meta.url).href;
  const name = (specifier: string) => specifier.replace(root, "");
  const graph = new Map<string, string[]>();
  for (const module of info.modules) {
    const targets = (module.dependencies ?? []).flatMap((dependency) =>
      [dependency.code?.specifier, dependency.type?.specifier].filter((s) => s !== undefined)
    );
    graph.set(name(module.specifier), [...new Set(targets.map(name))]);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

const VERSION_FOLDER = /^scim\/testing\/(v\d+)\//;

Deno.test("the simulator's modules import each other without a circle", async () => {
  const graph = await importGraph("scim/testing/mod.ts");
  assert.ok(graph.has("scim/testing/fault_responses.ts"), "the graph misses the faults");
  assert.equal(findCycle(graph)?.join(" -> "), undefined);
});

// What the simulator may import from outside it: Slack's published limits, the one table the
// client paces to (limits/slack_limits.ts knows no request and no client), and the one test for a
// plain JSON object (common/is_object.ts imports nothing and knows neither HTTP nor SCIM).
const SHARED_FACTS = new Set(["limits/slack_limits.ts", "common/is_object.ts"]);

Deno.test("the simulator never imports the client, and only the dispatcher reaches into a version folder", async () => {
  const graph = await importGraph("scim/testing/mod.ts");
  const wrong: string[] = [];
  for (const [from, targets] of graph) {
    if (!from.startsWith("scim/testing/")) continue;
    const fromVersion = VERSION_FOLDER.exec(from)?.[1];
    for (const to of targets) {
      if (to.startsWith("node:")) continue;
      if (SHARED_FACTS.has(to)) continue;
      if (!to.startsWith("scim/testing/")) wrong.push(`${from} -> ${to} (outside the simulator)`);
      const toVersion = VERSION_FOLDER.exec(to)?.[1];
      if (toVersion === undefined || toVersion === fromVersion) continue;
      // simulator.ts assembles the versions' route tables; nothing else neutral may look up.
      if (fromVersion === undefined && from === "scim/testing/simulator.ts") continue;
      wrong.push(`${from} -> ${to}`);
    }
  }
  assert.deepEqual(wrong, []);
});
