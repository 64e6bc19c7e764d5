// VERSION is deno.json's version: one place to write it (`deno task version` copies it).

import assert from "node:assert/strict";
import { VERSION } from "../../mod.ts";
import { VERSION as VERSION_V2 } from "../../scim/v2/mod.ts";
import { configVersion, moduleVersion } from "../../scripts/version.ts";

Deno.test("VERSION equals deno.json's version", async () => {
  const version = await configVersion();
  assert.equal(VERSION, version, "run `deno task version` after changing deno.json's version");
  assert.equal(VERSION_V2, version);
  assert.equal(await moduleVersion(), version);
});
