// scripts/doc_lint.ts accepts only references to openapi-fetch's Client and Middleware.

import assert from "node:assert/strict";
import { isAcceptedTypeRef, packageNames, parseFindings } from "../../scripts/doc_lint.ts";

const OUTPUT =
  `error[private-type-ref]: public type 'A.prototype.x' references private type 'Client'
   --> /repo/a.ts:3:3
    |

error[private-type-ref]: public type 'A.prototype.y' references private type 'Helper'
   --> /repo/a.ts:9:3

error[private-type-ref]: public type 'A.prototype.z' references private type 'paths'
   --> /repo/a.ts:12:3

error[private-type-ref]: public type 'A.prototype.w' references private type 'FetchOptions'
   --> /repo/a.ts:14:3

error[missing-jsdoc]: exported symbol is missing JSDoc documentation
   --> /repo/b.ts:1:1

error: Found 5 documentation lint errors.
`;

const SOURCES: Record<string, string> = {
  "/repo/a.ts": 'import type { Client, FetchOptions, Middleware as M } from "openapi-fetch";\n' +
    'import type { paths } from "./schema.gen.ts";\nimport type { Helper } from "./helper.ts";\n',
  "/repo/b.ts": "",
};

Deno.test("doc lint accepts openapi-fetch's Client and Middleware by name, nothing else", async () => {
  const findings = parseFindings(OUTPUT);
  assert.deepEqual(findings.map((f) => [f.code, f.file]), [
    ["private-type-ref", "/repo/a.ts"],
    ["private-type-ref", "/repo/a.ts"],
    ["private-type-ref", "/repo/a.ts"],
    ["private-type-ref", "/repo/a.ts"],
    ["missing-jsdoc", "/repo/b.ts"],
  ]);
  const read = (path: string) => Promise.resolve(SOURCES[path]!);
  const accepted = await Promise.all(findings.map((f) => isAcceptedTypeRef(f, read)));
  // A generated file's type and another of the package's types are findings now.
  assert.deepEqual(accepted, [true, false, false, false, false]);
  assert.deepEqual([...packageNames(SOURCES["/repo/a.ts"]!)], [
    ["Client", "openapi-fetch#Client"],
    ["FetchOptions", "openapi-fetch#FetchOptions"],
    ["M", "openapi-fetch#Middleware"],
  ]);
});
