/**
 * Plans and reports as text for people.
 *
 * @module
 */

import type { SyncReport } from "./apply_sync.ts";
import type { SyncPlan } from "./plan.ts";

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n");
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.ceil(seconds - minutes * 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * A plan's summary as a table: the changes, the calls per rate pool, the ETA, the guards over
 * their limits, what is reported and the warnings.
 *
 * @param plan The plan.
 * @returns Text lines, no trailing newline.
 *
 * @example
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { formatPlanSummary, planSync } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan = await planSync(client, [{ externalId: "E1", userName: "ada", email: "ada@example.com" }]);
 * assert.match(formatPlanSummary(plan), /create users\s+1/);
 * ```
 */
export function formatPlanSummary(plan: SyncPlan): string {
  const s = plan.summary;
  const lines = [
    `Plan ${plan.id} (${plan.api}, ${plan.createdAt})${plan.blocked ? ": BLOCKED by a guard" : ""}`,
    table([
      ["create users", String(s.creates)],
      ["update users", String(s.updates)],
      ["reactivate users", String(s.reactivations)],
      ["deactivate users", String(s.deactivations)],
      ["set managers", String(s.managerChanges)],
      ["add memberships", String(s.membershipAdds)],
      ["remove memberships", String(s.membershipRemoves)],
      ["create groups", String(s.groupCreates)],
      ["delete groups", String(s.groupDeletes)],
      ["unchanged", String(s.unchanged)],
      ["protected", String(s.protected)],
      ["operations", String(s.operations)],
    ]),
    `Calls: ${
      Object.entries(s.calls).map(([pool, n]) => `${pool} ${n}`).join(", ") || "none"
    }; ETA ${duration(s.etaSeconds)}`,
  ];
  const over = plan.guards.filter((guard) => guard.blocked);
  if (over.length > 0) {
    lines.push("Guards over their limit:", ...over.map((guard) => `  - ${guard.message}`));
  }
  if (s.reported.length > 0) {
    lines.push(
      `Reported (${s.reported.length}):`,
      ...s.reported.slice(0, 20).map((entry) => `  - ${entry}`),
      ...(s.reported.length > 20 ? [`  … and ${s.reported.length - 20} more`] : []),
    );
  }
  if (plan.warnings.length > 0) lines.push("Warnings:", ...plan.warnings.map((w) => `  - ${w}`));
  return lines.join("\n");
}

/**
 * A report as text: status, counts per kind, failures, stale operations, calls and 429s.
 *
 * @param report The report.
 * @returns Text lines, no trailing newline.
 *
 * @example
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { applySync, formatReport, planSync } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
 * const plan = await planSync(client, [{ externalId: "E1", userName: "ada", email: "ada@example.com" }]);
 * const text = formatReport(await applySync(client, plan));
 * assert.match(text, /^applied/);
 * assert.match(text, /createUser\s+1\s+1/);
 * ```
 */
export function formatReport(report: SyncReport): string {
  const rows = Object.entries(report.counts).filter(([, c]) => c.planned > 0);
  const width = Math.max(4, ...rows.map(([kind]) => kind.length));
  const lines = [
    `${report.status} (plan ${report.planId}, ${Math.round(report.durationMs / 100) / 10} s)`,
  ];
  if (rows.length > 0) {
    lines.push(`  ${"kind".padEnd(width)}  planned  done  failed  skipped  stale`);
    for (const [kind, c] of rows) {
      lines.push(
        `  ${kind.padEnd(width)}  ${String(c.planned).padStart(7)}  ${
          String(c.done).padStart(4)
        }  ${String(c.failed).padStart(6)}  ${String(c.skipped).padStart(7)}  ${
          String(c.stale).padStart(5)
        }`,
      );
    }
  }
  for (const failure of report.failures) {
    lines.push(`  failed ${failure.op} ${failure.kind} ${failure.label}: ${failure.error}`);
  }
  for (const stale of report.stale) {
    lines.push(`  stale ${stale.op} ${stale.kind} ${stale.label}: ${stale.reason}`);
  }
  const calls = Object.entries(report.calls).map(([pool, n]) =>
    `${pool} ${n}${
      report.throttled[pool as keyof typeof report.throttled]
        ? ` (${report.throttled[pool as keyof typeof report.throttled]} × 429)`
        : ""
    }`
  );
  lines.push(`Calls: ${calls.join(", ") || "none"}`);
  for (const warning of report.warnings) lines.push(`Warning: ${warning}`);
  return lines.join("\n");
}
