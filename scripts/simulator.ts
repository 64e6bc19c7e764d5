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

/** Ends the run with one clear line on stderr, no stack trace: 2 for bad usage, 1 otherwise. */
function fail(message: string, code = 2): never {
  console.error(`simulator: ${message}`);
  Deno.exit(code);
}

function readArgs() {
  try {
    return parseArgs({
      args: Deno.args,
      strict: true,
      allowPositionals: false,
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
    }).values;
  } catch (error) {
    // node:util says e.g. "Unknown option '--prot'. To specify a positional argument…".
    const message = error instanceof Error ? error.message.split(". ")[0] : String(error);
    fail(
      `${message}; options: --port --hostname --users --groups --seed --token --rate-limits --unknown-attributes`,
    );
  }
}

function integer(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < 0) {
    fail(`--${name} must be a non-negative integer, got "${text}"`);
  }
  return value;
}

const values = readArgs();
let sim: SlackScimSimulator;
try {
  sim = new SlackScimSimulator({
    token: values.token ?? "xoxp-test",
    users: integer("users", values.users),
    groups: integer("groups", values.groups),
    seed: integer("seed", values.seed),
    rateLimits: values["rate-limits"],
    unknownAttributes: values["unknown-attributes"],
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const port = integer("port", values.port);
let server;
try {
  server = await sim.listen({ port, hostname: values.hostname });
} catch (error) {
  if (error instanceof RangeError) fail(error.message);
  const code = (error as { code?: unknown }).code;
  if (code === "EADDRINUSE" || error instanceof Deno.errors.AddrInUse) {
    fail(
      `Cannot listen on ${values.hostname}:${port}: the port is in use (try --port 0 for any free port)`,
      1,
    );
  }
  if (code === "EADDRNOTAVAIL" || error instanceof Deno.errors.AddrNotAvailable) {
    fail(`Cannot listen on ${values.hostname}:${port}: the address is not available here`, 1);
  }
  fail(
    `Cannot listen on ${values.hostname}:${port}: ${
      error instanceof Error ? error.message : String(error)
    }`,
    1,
  );
}
console.log(server.baseUrl);

const stop = async () => {
  await server.close();
  Deno.exit(0);
};
Deno.addSignalListener("SIGINT", stop);
if (Deno.build.os !== "windows") Deno.addSignalListener("SIGTERM", stop);
