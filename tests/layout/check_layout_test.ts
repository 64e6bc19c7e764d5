// The layout check (scripts/check_layout.ts) fails on an import circle, on an arrow against the
// rule and on a runtime-specific import in portable library code, naming the files.

import assert from "node:assert/strict";
import {
  checkLayout,
  codeOnly,
  findCircles,
  type Import,
  type ModuleGraph,
} from "../../scripts/check_layout.ts";

/** A graph from `{ "a.ts": ["b.ts", "type:c.ts"] }` ("type:" marks a type-only import). */
function graph(files: Record<string, string[]>): ModuleGraph {
  const map = new Map<string, Import[]>();
  for (const [file, targets] of Object.entries(files)) {
    map.set(
      file,
      targets.map((t) =>
        t.startsWith("type:")
          ? { target: t.slice(5), typeOnly: true }
          : { target: t, typeOnly: false }
      ),
    );
  }
  for (const targets of Object.values(files)) {
    for (const t of targets) {
      const target = t.replace(/^type:/, "");
      if (!/^[a-z]+:/.test(target) && !map.has(target)) map.set(target, []);
    }
  }
  return map;
}

function messages(files: Record<string, string[]>, sources?: Record<string, string>): string[] {
  return checkLayout(graph(files), new Map(Object.entries(sources ?? {}))).map((v) => v.message);
}

Deno.test("a tree that follows the rule passes", () => {
  assert.deepEqual(
    messages({
      "mod.ts": ["scim/v1/client.ts", "scim/errors.ts", "retry/request_failed_error.ts"],
      "scim/v1/client.ts": ["scim/transport.ts", "scim/v1/user.ts", "npm:/openapi-fetch@0.17.0"],
      "scim/v2/client.ts": ["scim/transport.ts", "scim/paging.ts"],
      "scim/transport.ts": ["retry/fetch.ts", "limits/limiter.ts", "scim/errors.ts"],
      "limits/limiter.ts": ["retry/clock.ts", "retry/sleep.ts", "common/quote.ts"],
      "limits/redis.ts": ["limits/limiter.ts", "node:net"],
      "retry/fetch.ts": ["retry/clock.ts", "type:retry/handler.ts", "retry/_arm.ts"],
      "retry/_arm.ts": ["common/quote.ts", "retry/handler_list.ts"],
      "common/options_object.ts": ["common/quote.ts"],
      "scim/_arguments.ts": ["common/options_object.ts", "retry/timeout.ts"],
      "scim/v2/_users.ts": ["scim/_arguments.ts", "common/is_object.ts"],
      "scim/testing/user_values.ts": ["common/is_object.ts", "scim/_arguments.ts"],
      "tests/retry/arm_test.ts": ["retry/_arm.ts", "scim/v2/_users.ts"],
      "scim/testing/simulator.ts": ["scim/testing/v1/users_routes.ts", "scim/testing/listen.ts"],
      "scim/testing/v1/users_routes.ts": ["scim/testing/store.ts", "type:scim/v1/user.ts"],
      "scim/testing/listen.ts": ["node:http"],
      "scripts/bench.ts": ["scim/testing/simulator.ts", "mod.ts", "node:zlib"],
      "sync/plan.ts": ["scim/paging.ts", "type:scim/v1/client.ts", "limits/slack_limits.ts"],
      "sync/file_state_store.ts": ["sync/plan.ts", "node:fs/promises"],
      "cli/main.ts": ["sync/plan.ts", "scim/testing/simulator.ts", "node:process", "mod.ts"],
    }),
    [],
  );
});

Deno.test("an import circle fails, naming every file in it, type-only imports included", () => {
  const found = messages({
    "retry/fetch.ts": ["retry/_attempts.ts"],
    "retry/_attempts.ts": ["retry/request_failed_error.ts", "retry/_progress.ts"],
    "retry/_progress.ts": ["retry/fetch.ts"],
    "retry/request_failed_error.ts": ["type:retry/fetch.ts"],
    "retry/handler.ts": [],
  });
  assert.equal(found.length, 1);
  assert.match(found[0]!, /import circle of 4 files/);
  assert.match(
    found[0]!,
    /retry\/_attempts\.ts -> retry\/_progress\.ts -> retry\/fetch\.ts -> retry\/_attempts\.ts \(also in it: retry\/request_failed_error\.ts\)/,
  );
  assert.doesNotMatch(found[0]!, /handler/);
});

Deno.test("findCircles() finds a file that imports itself and two separate circles", () => {
  const circles = findCircles(graph({
    "a.ts": ["a.ts"],
    "b.ts": ["c.ts"],
    "c.ts": ["b.ts"],
    "d.ts": ["b.ts"],
  }));
  assert.deepEqual(circles.map((c) => c.cycle), [["a.ts", "a.ts"], ["b.ts", "c.ts", "b.ts"]]);
});

Deno.test("every arrow against the rule fails, each with the rule it breaks", () => {
  const cases: [string, string, RegExp][] = [
    ["common/quote.ts", "retry/clock.ts", /common\/ imports nothing outside common\//],
    ["retry/fetch.ts", "scim/errors.ts", /retry\/ imports nothing outside retry\/ but common\//],
    ["retry/fetch.ts", "limits/limiter.ts", /retry\/ imports nothing outside retry\//],
    ["limits/limiter.ts", "scim/errors.ts", /limits\/ may import retry\/ and common\/ only/],
    ["scim/response.ts", "scim/v1/models.ts", /version-neutral/],
    ["scim/paging.ts", "scim/v2/client.ts", /version-neutral/],
    ["scim/paging.ts", "scim/testing/store.ts", /version-neutral/],
    ["scim/v1/client.ts", "scim/v2/user.ts", /scim\/v1\/ never imports scim\/v2\//],
    ["scim/v1/client.ts", "scim/testing/store.ts", /scim\/v1\/ never imports .*scim\/testing\//],
    ["scim/v2/client.ts", "scim/v1/user.ts", /scim\/v2\/ never imports scim\/v1\//],
    ["scim/v2/client.ts", "mod.ts", /scim\/v2\/ imports nothing above it/],
    ["scim/testing/store.ts", "scim/v1/client.ts", /never imports the client/],
    ["scim/testing/v2/routes.ts", "scim/v2/client_options.ts", /never imports the client/],
    ["scim/testing/faults.ts", "scim/transport.ts", /never imports the client/],
    ["scim/testing/v1/routes.ts", "scim/testing/v2/patch.ts", /testing\/v1\/ never imports/],
    ["mod.ts", "scim/testing/simulator.ts", /mod\.ts never imports scim\/testing\//],
    ["scim/v3/client.ts", "scim/errors.ts", /does not name/],
    ["scim/errors.ts", "sync/plan.ts", /version-neutral/],
    ["limits/limiter.ts", "sync/plan.ts", /limits\/ may import retry\/ and common\/ only/],
    ["scim/v1/client.ts", "sync/plan.ts", /scim\/v1\/ imports nothing above it/],
    ["scim/v2/client.ts", "cli/main.ts", /scim\/v2\/ imports nothing above it/],
    ["scim/testing/store.ts", "sync/plan.ts", /scim\/testing\/ imports nothing above it/],
    ["mod.ts", "sync/plan.ts", /mod\.ts imports nothing outside the library/],
    ["sync/plan.ts", "cli/main.ts", /sync\/ never imports cli\//],
    ["sync/plan.ts", "scim/testing/simulator.ts", /sync\/ never imports scim\/testing\//],
    ["sync/plan.ts", "scripts/demo.ts", /sync\/ imports nothing outside the library/],
    ["cli/main.ts", "tests/helpers.ts", /cli\/ imports nothing outside the library and sync\//],
  ];
  for (const [from, to, rule] of cases) {
    const found = messages({ [from]: [to] });
    assert.equal(found.length, 1, `${from} -> ${to}: ${found}`);
    assert.match(found[0]!, new RegExp(`^${from.replaceAll(".", "\\.")} imports ${to}`));
    assert.match(found[0]!, rule);
  }
});

Deno.test("a library file importing another folder's _-prefixed file fails, naming both", () => {
  const found = messages({
    "scim/transport.ts": ["retry/_arm.ts", "type:retry/_attempts.ts"],
    "limits/limiter.ts": ["retry/_sleep.ts"],
    "scim/testing/seed.ts": ["scim/v1/_users.ts"],
    "scim/v2/_users.ts": ["scim/v1/_users.ts"],
    "mod.ts": ["scim/_arguments.ts"],
    "scripts/bench.ts": ["retry/_arm.ts"],
  });
  assert.deepEqual(found, [
    'limits/limiter.ts imports retry/_sleep.ts: only files under retry/ may import its "_" files; import one without "_", or move what is shared',
    'mod.ts imports scim/_arguments.ts: only files under scim/ may import its "_" files; import one without "_", or move what is shared',
    'scim/testing/seed.ts imports scim/v1/_users.ts: only files under scim/v1/ may import its "_" files; import one without "_", or move what is shared',
    'scim/transport.ts imports retry/_arm.ts: only files under retry/ may import its "_" files; import one without "_", or move what is shared',
    'scim/transport.ts imports (types) retry/_attempts.ts: only files under retry/ may import its "_" files; import one without "_", or move what is shared',
    "scim/v2/_users.ts imports scim/v1/_users.ts: scim/v2/ never imports scim/v1/ or scim/testing/",
    'scripts/bench.ts imports retry/_arm.ts: only files under retry/ may import its "_" files; import one without "_", or move what is shared',
  ]);
});

Deno.test("a _-prefixed file serves its folder and the folders below it; tests may import it", () => {
  assert.deepEqual(
    messages({
      "retry/fetch.ts": ["retry/_arm.ts"],
      "scim/v1/_users.ts": ["scim/_arguments.ts", "scim/v1/_groups.ts"],
      "scim/testing/v2/users_routes.ts": ["scim/testing/_shared.ts", "scim/_arguments.ts"],
      "tests/retry/sleep_test.ts": ["retry/_arm.ts", "scim/v1/_users.ts"],
      "scripts/bench_limits.ts": ["tests/limits/_workers.ts"],
    }),
    [],
  );
});

Deno.test("the simulator may not reach the client through another file either", () => {
  const found = messages({
    "scim/testing/seed.ts": ["scim/v1/iterate.ts", "scim/v1/user.ts", "scim/testing/store.ts"],
    "scim/v1/iterate.ts": ["type:scim/v1/client.ts", "scim/paging.ts"],
    "scim/v1/client.ts": ["scim/transport.ts"],
  });
  assert.deepEqual(found, [
    "scim/testing/seed.ts imports scim/v1/iterate.ts, which reaches the client (scim/v1/iterate.ts -> scim/v1/client.ts): scim/testing/ never imports the client",
  ]);
});

Deno.test("a type-only import against the rule fails too, and says it imports types", () => {
  assert.deepEqual(messages({ "scim/response.ts": ["type:scim/v1/models.ts"] }), [
    "scim/response.ts imports (types) scim/v1/models.ts: scim/*.ts (version-neutral) imports common/, retry/, limits/ and scim/*.ts only",
  ]);
});

Deno.test("every violation is reported, not only the first", () => {
  const found = messages({
    "retry/a.ts": ["scim/errors.ts"],
    "scim/response.ts": ["scim/v1/user.ts"],
    "scim/v1/user.ts": ["scim/v2/user.ts"],
    "scim/x.ts": ["scim/y.ts"],
    "scim/y.ts": ["scim/x.ts"],
  });
  assert.equal(found.length, 4);
  assert.match(found[0]!, /^import circle/);
});

Deno.test("node: imports fail in library files but not in runtime-specific files or scripts", () => {
  const found = messages({
    "scim/v1/client.ts": ["node:buffer"],
    "retry/fetch.ts": ["type:node:http"],
    "limits/redis.ts": ["node:net"],
    "scim/testing/listen.ts": ["node:http"],
    "scripts/size.ts": ["node:zlib"],
    "tests/x_test.ts": ["node:assert/strict"],
    "sync/plan.ts": ["node:fs"],
    "cli/main.ts": ["node:fs"],
  });
  assert.deepEqual(found, [
    "retry/fetch.ts imports (types) node:http: library files use web standards only (or are listed in RUNTIME_SPECIFIC)",
    "scim/v1/client.ts imports node:buffer: library files use web standards only (or are listed in RUNTIME_SPECIFIC)",
    "sync/plan.ts imports node:fs: library files use web standards only (or are listed in RUNTIME_SPECIFIC)",
  ]);
});

Deno.test("a portable library file importing a runtime-specific one fails", () => {
  const found = messages({ "mod.ts": ["limits/redis.ts"], "limits/mod.ts": ["limits/deno_kv.ts"] });
  assert.equal(found.length, 2);
  assert.match(found[0]!, /^limits\/mod\.ts imports limits\/deno_kv\.ts: only its own entry/);
  assert.match(found[1]!, /^mod\.ts imports limits\/redis\.ts: only its own entry/);
});

Deno.test("Deno.* in library code fails; in comments, strings and scripts it does not", () => {
  const found = messages({ "retry/a.ts": [], "retry/b.ts": [], "scripts/c.ts": [] }, {
    "retry/a.ts": "const t = Deno.env.get('X');",
    "retry/b.ts": [
      "/** ```ts",
      ' * const token = Deno.env.get("SLACK_TOKEN");',
      " * ``` */",
      "// Deno.exit() is never called here",
      'const key = Symbol.for("Deno.customInspect");',
      "const url = `https://example.com/${key.toString()}`; // Deno.x",
    ].join("\n"),
    "scripts/c.ts": "Deno.exit(1);",
  });
  assert.deepEqual(found, [
    "retry/a.ts uses Deno.env: library files use web standards only (or are listed in RUNTIME_SPECIFIC)",
  ]);
});

Deno.test("codeOnly() keeps code, drops comments and empties strings", () => {
  assert.equal(
    codeOnly('const a = "x // y"; /* c */ const b = 1; // d\nconst c = `z`;'),
    'const a = "";  const b = 1; \nconst c = ``;',
  );
});

Deno.test("deno task layout on a small tree exits 1 and names the files of each violation", async () => {
  await Deno.mkdir(".tmp", { recursive: true });
  const dir = await Deno.makeTempDir({ dir: ".tmp", prefix: "layout-" });
  const files: Record<string, string> = {
    "deno.json": JSON.stringify({ exports: { ".": "./mod.ts" } }),
    "mod.ts": 'export * from "./scim/response.ts";\n',
    "scim/response.ts": 'import type { User } from "./v1/user.ts";\nexport type R = User;\n',
    "scim/v1/user.ts": "export type User = { id: string };\n",
    "retry/a.ts": 'import { b } from "./b.ts";\nexport const a = () => b;\n',
    "retry/b.ts": 'import { a } from "./a.ts";\nexport const b = () => a;\n',
  };
  try {
    for (const [name, text] of Object.entries(files)) {
      await Deno.mkdir(`${dir}/${name}`.replace(/\/[^/]+$/, ""), { recursive: true });
      await Deno.writeTextFile(`${dir}/${name}`, text);
    }
    const run = async () => {
      const { code, stdout } = await new Deno.Command(Deno.execPath(), {
        args: ["run", "--allow-read", "--allow-run", "scripts/check_layout.ts", "--root", dir],
        env: { NO_COLOR: "1" },
      }).output();
      return { code, out: new TextDecoder().decode(stdout) };
    };
    const bad = await run();
    assert.equal(bad.code, 1, bad.out);
    assert.match(
      bad.out,
      /circle: import circle of 2 files: retry\/a\.ts -> retry\/b\.ts -> retry\/a\.ts/,
    );
    assert.match(bad.out, /arrow: scim\/response\.ts imports \(types\) scim\/v1\/user\.ts/);
    assert.match(bad.out, /layout: 2 violation\(s\) in 5 files/);

    await Deno.writeTextFile(`${dir}/scim/response.ts`, "export type R = { id: string };\n");
    await Deno.writeTextFile(`${dir}/retry/b.ts`, "export const b = () => 1;\n");
    const good = await run();
    assert.equal(good.code, 0, good.out);
    assert.match(good.out, /no circle, every arrow points down/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
