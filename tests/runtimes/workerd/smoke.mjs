// Cloudflare Workers smoke suite: workerd through Miniflare (pinned in tests/runtimes/package.json).
// The Node host serves the simulator over loopback; two Workers call it from inside workerd:
//   1. worker.mjs runs the walkthrough with the client from the npm build, bundled in;
//   2. examples/cloudflare_worker.ts (bundled from source) is exercised as its callers would.
// Bundles are made with `deno bundle` into build/runtimes/. Needs the npm build installed
// (scripts/runtime_smoke.sh does both). Run: node tests/runtimes/workerd/smoke.mjs

import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { loadNpmBuild } from "../load_npm_build.mjs";
import { runSteps, simulatorChecks, startSimulator, TOKEN } from "../walkthrough.mjs";

// require(), not import: `deno task check` type-checks this file too, and Deno cannot resolve
// packages of tests/runtimes/node_modules (Miniflare 3 ships CommonJS, so require() is native).
const { Miniflare } = createRequire(import.meta.url)("miniflare");

// workerd 1.20250718 supports compatibility dates up to 2025-07-18.
const COMPATIBILITY_DATE = "2025-07-18";
const API_KEY = "smoke-api-key";
const root = fileURLToPath(new URL("../../../", import.meta.url));
const outDir = `${root}build/runtimes`;

function bundle(entry, out, extraArgs = []) {
  const result = spawnSync(
    "deno",
    [
      "bundle",
      "--quiet",
      "--format=esm",
      "--platform=browser",
      ...extraArgs,
      "-o",
      out,
      entry,
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  if (result.status !== 0) {
    throw new Error(
      `deno bundle ${entry} failed: ${result.stderr || result.error}`,
    );
  }
  return out;
}

async function post(worker, body, headers = {}) {
  const response = await worker.fetch("http://example.test/deactivate", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

function expect(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
  }
}

/** Checks of the example Worker, each as its real callers would use it. */
function exampleSteps(worker, client, sim) {
  const auth = { authorization: `Bearer ${API_KEY}` };
  return [
    {
      name: "example: a caller without the API key gets 401 and nothing changes",
      run: async () => {
        const before = sim.requests.length;
        const answer = await post(worker, { email: "someone@example.com" });
        expect(answer.status, 401, "status");
        expect(sim.requests.length, before, "requests the simulator got");
      },
    },
    {
      name: "example: a body without an email gets 400",
      run: async () => {
        expect((await post(worker, { name: "x" }, auth)).status, 400, "status");
      },
    },
    {
      name: "example: an unknown email gets 404 no_such_user",
      run: async () => {
        const answer = await post(
          worker,
          { email: "nobody-here@example.com" },
          auth,
        );
        expect(
          [answer.status, answer.body.error],
          [404, "no_such_user"],
          "answer",
        );
      },
    },
    {
      name: "example: a known email deactivates that user in Slack",
      run: async () => {
        const name = `wex-${Date.now().toString(36)}`; // Slack caps userName at 21 characters
        const email = `${name}@example.com`;
        const { user } = await client.createUser({
          userName: name,
          emails: [{ value: email, primary: true }],
        });
        const answer = await post(worker, { email }, auth);
        expect([answer.status, answer.body.id, answer.body.active], [
          200,
          user.id,
          false,
        ], "answer");
        const read = await client.readUser(user.id);
        expect(read.user.active, false, "active in the simulator");
      },
    },
  ];
}

async function main() {
  const lib = await loadNpmBuild("workerd");
  if (lib === undefined) return 1;
  let smokeWorker, exampleWorker;
  try {
    mkdirSync(outDir, { recursive: true });
    smokeWorker = bundle(
      "tests/runtimes/workerd/worker.mjs",
      `${outDir}/smoke_worker.js`,
      ["--no-config", "--import-map", "tests/runtimes/workerd/import_map.json"],
    );
    exampleWorker = bundle(
      "examples/cloudflare_worker.ts",
      `${outDir}/example_worker.js`,
    );
  } catch (error) {
    console.log(
      `FAIL workerd: cannot bundle the Workers\n     ${error.message}`,
    );
    console.log("0 passed, 1 failed");
    return 1;
  }

  const { sim, server } = await startSimulator(lib);
  const mf = new Miniflare({
    workers: [
      {
        name: "smoke",
        modules: true,
        scriptPath: smokeWorker,
        compatibilityDate: COMPATIBILITY_DATE,
      },
      {
        name: "example",
        modules: true,
        scriptPath: exampleWorker,
        compatibilityDate: COMPATIBILITY_DATE,
        bindings: {
          SLACK_ORG_ADMIN_USER_TOKEN: TOKEN,
          DEACTIVATE_API_KEY: API_KEY,
          SLACK_SCIM_BASE_URL: server.baseUrl,
        },
      },
    ],
  });
  let passed = 0;
  let failed = 0;
  try {
    const smoke = await mf.getWorker("smoke");
    const response = await smoke.fetch(
      `http://smoke.test/?baseUrl=${encodeURIComponent(server.baseUrl)}`,
    );
    const result = await response.json();
    for (const line of result.lines) console.log(line);
    passed += result.passed;
    failed += result.failed;

    const client = new lib.SCIMClient({
      token: TOKEN,
      baseUrl: server.baseUrl,
    });
    const host = await runSteps("workerd", [
      ...simulatorChecks(sim),
      ...exampleSteps(await mf.getWorker("example"), client, sim),
    ]);
    passed += host.passed;
    failed += host.failed;
  } catch (error) {
    console.log(`FAIL workerd: suite crashed\n     ${error?.stack ?? error}`);
    failed++;
  } finally {
    await mf.dispose();
    await server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exit(await main());
