/**
 * A process to kill -9 mid-apply: applies a plan file against a simulator over loopback, its
 * state in a FileStateStore. Prints "applying" just before it starts.
 *
 * Usage: deno run -A tests/sync/_apply_worker.ts <baseUrl> <plan.json> <state dir>
 */

import { SCIMClient } from "../../mod.ts";
import { applySync, parsePlan } from "../../sync/mod.ts";
import { FileStateStore } from "../../sync/file_state_store.ts";

const [baseUrl, planPath, stateDir] = Deno.args;
const plan = await parsePlan(await Deno.readTextFile(planPath!));
const client = new SCIMClient({
  token: "xoxp-resume-test",
  baseUrl: baseUrl!,
  rateLimiter: false,
});
await Deno.stdout.write(new TextEncoder().encode("applying\n"));
await applySync(client, plan, {
  state: new FileStateStore(stateDir),
  org: "acme",
  concurrency: 4,
  lockTtlMs: 1_000,
});
await Deno.stdout.write(new TextEncoder().encode("done\n"));
