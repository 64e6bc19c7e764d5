// scripts/doc_lint.ts accepts only references to types taken from a package or a generated file.

import assert from "node:assert/strict";
import { foreignNames, isForeignTypeRef, parseFindings } from "../../scripts/doc_lint.ts";

const OUTPUT =
  `error[private-type-ref]: public type 'A.prototype.x' references private type 'Client'
   --> /repo/a.ts:3:3
    |

error[private-type-ref]: public type 'A.prototype.y' references private type 'Helper'
   --> /repo/a.ts:9:3

error[missing-jsdoc]: exported symbol is missing JSDoc documentation
   --> /repo/b.ts:1:1

error: Found 3 documentation lint errors.
`;

const SOURCES: Record<string, string> = {
  "/repo/a.ts": 'import type { Client, Middleware as M } from "openapi-fetch";\n' +
    'import type { paths } from "./schema.gen.ts";\nimport type { Helper } from "./helper.ts";\n',
  "/repo/b.ts": "",
};

Deno.test("doc lint accepts a private reference to a package's or generated type, nothing else", async () => {
  const findings = parseFindings(OUTPUT);
  assert.deepEqual(findings.map((f) => [f.code, f.file]), [
    ["private-type-ref", "/repo/a.ts"],
    ["private-type-ref", "/repo/a.ts"],
    ["missing-jsdoc", "/repo/b.ts"],
  ]);
  const read = (path: string) => Promise.resolve(SOURCES[path]!);
  const accepted = await Promise.all(findings.map((f) => isForeignTypeRef(f, read)));
  assert.deepEqual(accepted, [true, false, false]);
  assert.deepEqual([...foreignNames(SOURCES["/repo/a.ts"]!)].sort(), ["Client", "M", "paths"]);
});
