/**
 * The error the simulator throws for an injected connection reset.
 *
 * @module
 */

/**
 * What {@linkcode SimulatedConnectionReset} takes.
 *
 * @example A hand-written transport whose first connection drops before the request is sent
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import {
 *   SimulatedConnectionReset,
 *   type SimulatedConnectionResetOptions,
 *   SlackScimSimulator,
 * } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const notSent: SimulatedConnectionResetOptions = { processed: false };
 * let calls = 0;
 * const client = new SCIMClient({
 *   token: "xoxp-test",
 *   fetch: (request) =>
 *     ++calls === 1 ? Promise.reject(new SimulatedConnectionReset(notSent)) : sim.fetch(request),
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * assert.equal((await client.searchUsers({ count: 10 })).users.length, 3);
 * assert.equal(calls, 2);
 * ```
 */
export interface SimulatedConnectionResetOptions {
  /** Whether the simulator applied the request before the connection dropped. */
  processed: boolean;
}

/**
 * A connection reset injected by the simulator's faults, shaped like a real runtime's network
 * error so that retry code written for real failures recognises it: a `TypeError` named
 * `"TypeError"`, whose message reads like Deno's (`error sending request: connection reset by
 * peer`) and whose `cause` carries undici's `code: "ECONNRESET"`.
 *
 * `processed` tells a test which side of the request the connection dropped on: `false` for
 * `reset-before` (nothing happened), `true` for `reset-after` (the write happened, the answer was
 * lost). Over `listen()`, the simulator destroys the socket instead, so a real HTTP client sees
 * its own runtime's reset error.
 *
 * @example A reset after the write
 * ```ts
 * import { SimulatedConnectionReset, isSimulatedConnectionReset } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const error = new SimulatedConnectionReset({ processed: true });
 * assert.ok(error instanceof TypeError);
 * assert.equal(error.message, "error sending request: connection reset by peer");
 * assert.equal((error.cause as { code: string }).code, "ECONNRESET");
 * assert.equal(error.processed, true);
 * assert.equal(isSimulatedConnectionReset(error), true);
 * ```
 */
export class SimulatedConnectionReset extends TypeError {
  /** Whether the simulator applied the request before the connection dropped. */
  readonly processed: boolean;

  /**
   * Creates the error, with undici's `ECONNRESET` cause.
   *
   * @param options Whether the request was applied before the reset.
   */
  constructor(options: SimulatedConnectionResetOptions) {
    // undici's shape: the syscall error, with its code, as the cause.
    const cause = Object.assign(new Error("read ECONNRESET"), {
      code: "ECONNRESET",
      errno: -104,
      syscall: "read",
    });
    super("error sending request: connection reset by peer", { cause });
    // Kept as "TypeError": some retry libraries test `error.name === "TypeError"`.
    this.name = "TypeError";
    this.processed = options.processed;
  }
}

/**
 * Says whether `error` is a {@linkcode SimulatedConnectionReset}.
 *
 * @param error Anything thrown.
 * @returns Whether it is a simulated connection reset.
 *
 * @example Telling a simulated reset from other errors
 * ```ts
 * import { SimulatedConnectionReset, isSimulatedConnectionReset } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isSimulatedConnectionReset(new SimulatedConnectionReset({ processed: false })), true);
 * assert.equal(isSimulatedConnectionReset(new TypeError("fetch failed")), false);
 * ```
 */
export function isSimulatedConnectionReset(error: unknown): error is SimulatedConnectionReset {
  return error instanceof SimulatedConnectionReset;
}
