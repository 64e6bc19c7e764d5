// Which entries the npm package ships, and that the Workers smoke suite maps each portable one to
// its built file: `./limits/deno-kv` and `./sync/deno-kv` are Deno-only (Deno.Kv stores), so the
// npm package leaves them out on purpose (scripts/build_npm.ts DENO_ONLY_ENTRIES) and Deno users import it from source.

import assert from "node:assert/strict";
import { BIN_ENTRIES, DENO_ONLY_ENTRIES, npmEntries } from "../../scripts/build_npm.ts";
import { RUNTIME_SPECIFIC } from "../../scripts/check_layout.ts";

const config = JSON.parse(await Deno.readTextFile("deno.json")) as {
  exports: Record<string, string>;
};

Deno.test("the npm package has every entry of deno.json but the Deno-only Deno KV stores and the command line", () => {
  const keys = npmEntries(config.exports).map((entry) => entry.key);
  const denoOnly = ["./limits/deno-kv", "./sync/deno-kv"];
  assert.deepEqual(Object.keys(DENO_ONLY_ENTRIES), denoOnly);
  assert.ok(!keys.includes("./limits/deno-kv") && !keys.includes("./sync/deno-kv"));
  assert.deepEqual(
    BIN_ENTRIES,
    { "./cli": "slack-scim" },
    "the command line is a bin, not an entry",
  );
  assert.deepEqual(
    keys,
    Object.keys(config.exports).filter((key) => !denoOnly.includes(key) && key !== "./cli"),
  );
  for (const key of [".", "./v2", "./retry", "./limits", "./limits/redis", "./sync"]) {
    assert.ok(keys.includes(key), `${key} is missing`);
  }
});

Deno.test("npmEntries() gives each entry's source path without ./", () => {
  assert.deepEqual(
    npmEntries({ ".": "./mod.ts", "./kv": "./limits/deno_kv.ts", "./x": "./x/mod.ts" }, {
      "./kv": "Deno only",
    }),
    [{ key: ".", source: "mod.ts" }, { key: "./x", source: "x/mod.ts" }],
  );
});

Deno.test("a Deno-only entry deno.json does not have fails, naming it", () => {
  assert.throws(
    () => npmEntries({ ".": "./mod.ts" }, { "./limits/deno-kv": "Deno only" }),
    {
      message:
        /Cannot leave "\.\/limits\/deno-kv" out of the npm package: deno\.json "exports" has no such entry/,
    },
  );
});

Deno.test("the workerd smoke suite maps every portable npm entry to its built file", async () => {
  const { imports } = JSON.parse(
    await Deno.readTextFile("tests/runtimes/workerd/import_map.json"),
  ) as { imports: Record<string, string> };
  // Runtime-specific entries (the Redis store) and the simulator (it runs in the Node host, not
  // in the Worker) are not imported by the Worker.
  const portable = npmEntries(config.exports).filter(({ key, source }) =>
    key !== "./testing" && !(source in RUNTIME_SPECIFIC)
  );
  const expected = Object.fromEntries(
    portable.map(({ key, source }) => [
      `@org/slack-scim${key.slice(1)}`,
      `../node_modules/@org/slack-scim/esm/${source.replace(/\.ts$/, ".js")}`,
    ]),
  );
  assert.deepEqual(imports, expected);
  assert.ok("@org/slack-scim/limits" in imports && "@org/slack-scim/v2" in imports);
});
