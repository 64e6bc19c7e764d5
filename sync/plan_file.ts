/**
 * Plan files: a plan as JSON with its format, version and a SHA-256 checksum, refused whole when
 * any of them is wrong.
 *
 * @module
 */

import type { SyncPlan } from "./plan.ts";

/**
 * A plan file that cannot be applied: not JSON, not a plan, another format version, or a
 * checksum that does not match (edited or damaged).
 *
 * @example Catch a damaged plan
 * ```ts
 * import { parsePlan, PlanFileError } from "@org/slack-scim/sync";
 * import assert from "node:assert/strict";
 *
 * await assert.rejects(parsePlan("{ not json"), PlanFileError);
 * ```
 */
export class PlanFileError extends Error {
  /**
   * Creates the error.
   *
   * @param message What is wrong.
   * @param options The cause, if any.
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PlanFileError";
  }
}

/** JSON with object keys sorted, so that a checksum does not depend on key order or spacing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The checksum of a plan: SHA-256 (hex) of its canonical JSON without the `checksum` field.
 *
 * @param plan The plan.
 * @returns 64 hex digits.
 *
 * @example The checksum planSync set
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { planChecksum, planSync } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan = await planSync(client, [{ externalId: "E1", userName: "ada", email: "ada@example.com" }]);
 * assert.equal(plan.checksum, await planChecksum(plan));
 * ```
 */
export async function planChecksum(plan: SyncPlan): Promise<string> {
  const { checksum: _, ...rest } = plan;
  const bytes = new TextEncoder().encode(canonical(rest));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Serializes a plan for a file, with its checksum set (indented, for review).
 *
 * @param plan The plan.
 * @returns The JSON text.
 *
 * @example Round trip
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { parsePlan, planSync, serializePlan } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan = await planSync(client, [{ externalId: "E1", userName: "ada", email: "ada@example.com" }]);
 * assert.deepEqual(await parsePlan(await serializePlan(plan)), plan);
 * ```
 */
export async function serializePlan(plan: SyncPlan): Promise<string> {
  const checksum = await planChecksum(plan);
  return `${JSON.stringify({ ...plan, checksum }, null, 2)}\n`;
}

/**
 * Parses a plan file and checks it whole: JSON, `format: "slack-scim-plan"`, version 1, the
 * fields an apply needs, and the checksum.
 *
 * @param text The file's text.
 * @returns The plan.
 * @throws {PlanFileError} When any check fails; nothing of the plan is used.
 *
 * @example An edited plan is refused
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { parsePlan, PlanFileError, planSync, serializePlan } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan = await planSync(client, [{ externalId: "E1", userName: "ada", email: "ada@example.com" }]);
 * const edited = (await serializePlan(plan)).replace('"ada"', '"eve"');
 * await assert.rejects(parsePlan(edited), PlanFileError);
 * ```
 */
export async function parsePlan(text: string): Promise<SyncPlan> {
  if (typeof text !== "string") {
    throw new TypeError(`Cannot parse the plan: expected text, got ${typeof text}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(`Cannot parse the plan: it is not JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new PlanFileError("Cannot parse the plan: it is not a JSON object");
  }
  const plan = value as Record<string, unknown>;
  if (plan.format !== "slack-scim-plan") {
    throw new PlanFileError(
      `Cannot parse the plan: format is ${
        JSON.stringify(plan.format) ?? "missing"
      }, not "slack-scim-plan"`,
    );
  }
  if (plan.version !== 1) {
    throw new PlanFileError(
      `Cannot parse the plan: version ${
        JSON.stringify(plan.version) ?? "missing"
      } is not supported (this library reads version 1)`,
    );
  }
  for (
    const [field, ok] of [
      ["id", typeof plan.id === "string"],
      ["api", plan.api === "v1" || plan.api === "v2"],
      ["operations", Array.isArray(plan.operations)],
      ["observed", plan.observed !== null && typeof plan.observed === "object"],
      ["summary", plan.summary !== null && typeof plan.summary === "object"],
      ["guards", Array.isArray(plan.guards)],
      ["blocked", typeof plan.blocked === "boolean"],
      ["history", plan.history !== null && typeof plan.history === "object"],
      ["checksum", typeof plan.checksum === "string"],
    ] as const
  ) {
    if (!ok) {
      throw new PlanFileError(`Cannot parse the plan: field "${field}" is missing or malformed`);
    }
  }
  const expected = await planChecksum(plan as unknown as SyncPlan);
  if (plan.checksum !== expected) {
    throw new PlanFileError(
      `Cannot parse the plan: checksum "${
        String(plan.checksum).slice(0, 16)
      }…" does not match its content (edited or damaged)`,
    );
  }
  return plan as unknown as SyncPlan;
}
