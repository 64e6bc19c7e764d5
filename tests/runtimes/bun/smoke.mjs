// Bun smoke suite: the walkthrough through the npm build, installed as @org/slack-scim in
// tests/runtimes/node_modules (scripts/runtime_smoke.sh builds and installs it).
// Run: tests/runtimes/node_modules/.bin/bun tests/runtimes/bun/smoke.mjs

import { loadNpmBuild } from "../load_npm_build.mjs";
import { runHosted } from "../host.mjs";

const lib = await loadNpmBuild("bun");
const { failed } = lib === undefined ? { failed: 1 } : await runHosted("bun", lib);
process.exit(failed === 0 ? 0 : 1);
