// Node smoke suite: the walkthrough through the npm build, installed as @org/slack-scim in
// tests/runtimes/node_modules (scripts/runtime_smoke.sh builds and installs it).
// Run: node tests/runtimes/node/smoke.mjs

import { loadNpmBuild } from "../load_npm_build.mjs";
import { runHosted } from "../host.mjs";

const lib = await loadNpmBuild("node");
const { failed } = lib === undefined ? { failed: 1 } : await runHosted("node", lib);
process.exit(failed === 0 ? 0 : 1);
