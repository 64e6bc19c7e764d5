// The npm package's JavaScript imports no package (openapi-fetch is bundled in): the build refuses
// a bundle that imports one. Its declarations may import the packages whose types the API shares,
// which become dependencies at the range deno.json maps them to.

import assert from "node:assert/strict";
import { checkSelfContained, dependenciesOf } from "../../scripts/build_npm.ts";

async function bundleDir(files: Record<string, string>): Promise<string> {
  // Under .tmp: the test task may write there and in build/ only.
  await Deno.mkdir(".tmp", { recursive: true });
  const dir = await Deno.makeTempDir({ dir: ".tmp", prefix: "esm-" });
  for (const [name, text] of Object.entries(files)) {
    await Deno.mkdir(`${dir}/${name}`.replace(/\/[^/]+$/, ""), { recursive: true });
    await Deno.writeTextFile(`${dir}/${name}`, text);
  }
  return dir;
}

Deno.test("a bundle importing only its own chunks, node: built-ins and JSDoc examples passes", async () => {
  const dir = await bundleDir({
    "mod.js":
      'import{a as b}from"./chunk-1.js";export{b};\n/** ```ts\nimport x from "npm:zod";\n``` */',
    "scim/testing/mod.js":
      'import { createServer } from "node:http";\nexport * from "../../chunk-1.js";',
    "chunk-1.js": "export const a = 1;",
  });
  try {
    await checkSelfContained(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a bundle that still imports an npm package is refused, naming the file and the package", async () => {
  const dir = await bundleDir({
    "mod.js": 'import createClient from "openapi-fetch";\nconst m = await import("zod");',
  });
  try {
    await assert.rejects(checkSelfContained(dir), (error: Error) => {
      assert.match(error.message, /esm\/mod\.js imports "openapi-fetch"/);
      assert.match(error.message, /esm\/mod\.js imports "zod"/);
      return true;
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a package the declarations import is a dependency at deno.json's range; an unmapped one is refused", () => {
  const imports = {
    "openapi-fetch": "npm:openapi-fetch@^0.17",
    "@scope/pkg": "npm:@scope/pkg@1.2.3",
    "local": "./local.ts",
  };
  assert.deepEqual(dependenciesOf(["openapi-fetch", "@scope/pkg/sub"], imports), {
    dependencies: { "openapi-fetch": "^0.17", "@scope/pkg": "1.2.3" },
    unmapped: [],
  });
  assert.deepEqual(dependenciesOf(["zod", "local"], imports), {
    dependencies: {},
    unmapped: ["zod", "local"],
  });
});
