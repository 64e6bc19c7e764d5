/**
 * Runs the Slack SCIM simulator as a standalone HTTP server on 127.0.0.1, for curl or any
 * other language's SDK:
 *
 * ```sh
 * deno task simulator --port 8080 --users 100 --groups 5 --seed 1 --token xoxp-test
 * ```
 *
 * Prints the v1 base URL (`http://127.0.0.1:8080/scim/v1/`) as its first line, then serves
 * until interrupted. `--rate-limits` turns on Slack's rate limits; `--unknown-attributes` adds
 * `newAttribute` to answers.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { SlackScimSimulator } from "../scim/testing/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    port: { type: "string", default: "8080" },
    hostname: { type: "string", default: "127.0.0.1" },
    users: { type: "string", default: "100" },
    groups: { type: "string", default: "5" },
    seed: { type: "string", default: "1" },
    token: { type: "string", multiple: true },
    "rate-limits": { type: "boolean", default: false },
    "unknown-attributes": { type: "boolean", default: false },
  },
});

function integer(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer, got "${text}"`);
    Deno.exit(2);
  }
  return value;
}

const sim = new SlackScimSimulator({
  token: values.token ?? "xoxp-test",
  users: integer("users", values.users),
  groups: integer("groups", values.groups),
  seed: integer("seed", values.seed),
  rateLimits: values["rate-limits"],
  unknownAttributes: values["unknown-attributes"],
});
const server = await sim.listen({
  port: integer("port", values.port),
  hostname: values.hostname,
});
console.log(server.baseUrl);

Deno.addSignalListener("SIGINT", async () => {
  await server.close();
  Deno.exit(0);
});
