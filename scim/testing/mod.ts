/**
 * A faithful in-memory Slack SCIM API for tests, v1 and v2 on one store: seeded users and groups,
 * Slack's validation rules and error codes, filters and paging, v2's RFC 7644 PATCH and
 * `ListResponse`, optional rate limits (Slack's table, shared by both versions) and
 * scripted or random faults (resets, 5xx, HTML pages, truncated bodies, 429s).
 *
 * Use `sim.fetch` as any client's `fetch` for in-process tests without sockets, or
 * `sim.listen()` for real HTTP on 127.0.0.1; `deno task simulator --port 8080` runs it alone.
 *
 * @example Provisioning code under test, with a fault on the first create
 * ```ts
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ token: "xoxp-test", users: 25, seed: 7 });
 * sim.faults.script({ kind: "status-503", method: "POST", path: "/Users" });
 *
 * const create = () =>
 *   sim.fetch(
 *     new Request("https://api.slack.com/scim/v1/Users", {
 *       method: "POST",
 *       headers: { authorization: "Bearer xoxp-test", "content-type": "application/json" },
 *       body: JSON.stringify({
 *         schemas: ["urn:scim:schemas:core:1.0"],
 *         userName: "new.hire",
 *         emails: [{ value: "new.hire@example.com", primary: true }],
 *       }),
 *     }),
 *   );
 * assert.equal((await create()).status, 503);
 * assert.equal((await create()).status, 201);
 *
 * const page = await sim.fetch(
 *   new Request('https://api.slack.com/scim/v1/Users?filter=userName eq "new.hire"', {
 *     headers: { authorization: "Bearer xoxp-test" },
 *   }),
 * );
 * assert.equal((await page.json()).totalResults, 1);
 * ```
 *
 * @module
 */

export {
  type SimulatedRequest,
  SlackScimSimulator,
  type SlackScimSimulatorOptions,
} from "./simulator.ts";
export type { ListenOptions, SimulatorServer } from "./listen.ts";
export {
  type Fault,
  FAULT_KINDS,
  FaultInjector,
  type FaultInjectorOptions,
  type FaultKind,
  type FaultRule,
  type RandomFaultOptions,
} from "./faults.ts";
export {
  isSimulatedConnectionReset,
  SimulatedConnectionReset,
  type SimulatedConnectionResetOptions,
} from "./fault_connection_reset.ts";
// The rate-limit tables; the simulator's limiter itself stays inside.
export {
  type RateLimitOptions,
  type RatePool,
  type RatePoolName,
  type RatePools,
  SLACK_RATE_LIMITS,
} from "./rate_limiter.ts";
