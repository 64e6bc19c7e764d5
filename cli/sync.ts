/**
 * `slack-scim plan`, `apply` and `sync`: the sync engine (`../sync/`) at the prompt. `plan` reads
 * an HR source (CSV, JSON or JSON lines), checks it (bad rows with their line numbers, nothing
 * sent), and writes a plan file to review; `apply` applies a plan file exactly as reviewed, with a
 * progress bar, and continues where a killed run stopped (the journal in the state store);
 * `sync` does both, guards enforced.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import process from "node:process";
import {
  applySync,
  checkSource,
  exitCodeOf,
  formatPlanSummary,
  formatReport,
  parsePlan,
  planSync,
  readUsersCsv,
  readUsersJson,
  readUsersJsonl,
  serializePlan,
  type SourceProblem,
  type SourceRow,
  type SyncPlan,
  type SyncReport,
} from "../sync/mod.ts";
import { writeFileAtomic } from "../sync/file_state_store.ts";
import type { Context } from "./_context.ts";
import { CliError, EXIT_CODES } from "./_exit.ts";
import { livelyLocks } from "./_lock.ts";

/** The options of `plan` and `sync`. */
export interface PlanOptions {
  users?: string;
  out?: string;
  state?: string;
  targetOnly?: string;
  protect?: string[];
  allowDestructive?: boolean;
  graceRuns?: string;
}

/** The options of `apply` (and `sync`). */
export interface ApplyOptions {
  state?: string;
  concurrency?: string;
  report?: string;
  lockTtl?: string;
}

/** An error carrying source problems (SourceError, SyncPlanError), recognized by shape. */
function problemsOf(error: unknown): readonly SourceProblem[] | undefined {
  const problems = (error as { problems?: unknown })?.problems;
  return Array.isArray(problems) ? problems as SourceProblem[] : undefined;
}

/** A CliError listing problems, one a line with its line number, after a first line saying what. */
function problemError(file: string, what: string, problems: readonly SourceProblem[]): CliError {
  const shown = problems.slice(0, 20).map((problem) =>
    `  ${problem.line > 0 ? `line ${problem.line}` : file}${
      problem.field === undefined ? "" : ` (${problem.field})`
    }: ${problem.message}`
  );
  const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
  return new CliError(
    [
      `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}; ${what}`,
      ...shown,
      ...more,
    ].join("\n"),
  );
}

/** Reads the source file by its extension: `.csv`, `.json`, `.jsonl`/`.ndjson`. */
export async function readSource(file: string): Promise<SourceRow[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read --users "${file}": ${(error as Error).message}`);
  }
  try {
    if (/\.(jsonl|ndjson)$/i.test(file)) return readUsersJsonl(text);
    if (/\.json$/i.test(file)) return readUsersJson(text);
    return readUsersCsv(text);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems !== undefined && problems.length > 0) {
      throw problemError(file, "nothing was planned or changed", problems);
    }
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
}

function targetOnlyOf(text: string | undefined): "ignore" | "report" | "deactivate" | undefined {
  if (text === undefined) return undefined;
  if (text === "ignore" || text === "report" || text === "deactivate") return text;
  throw new CliError(`--target-only must be "ignore", "report" or "deactivate", got "${text}"`);
}

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < 0) {
    throw new CliError(`--${name} must be a whole number, got "${text}"`);
  }
  return value;
}

async function makePlan(ctx: Context, options: PlanOptions): Promise<SyncPlan> {
  if (options.users === undefined) throw new CliError("--users FILE is required");
  const rows = await readSource(options.users);
  // Every problem of the source, with its line, before any call (planSync checks again).
  const problems = checkSource(rows);
  if (problems.length > 0) {
    throw problemError(options.users, "nothing was planned or changed", problems);
  }
  const targetOnly = targetOnlyOf(options.targetOnly);
  const graceRuns = wholeNumber("grace-runs", options.graceRuns);
  const state = await ctx.syncState(options.state);
  try {
    return await planSync(ctx.client, rows, {
      org: ctx.org,
      state,
      budget: ctx.budget,
      ...(targetOnly === undefined ? {} : { targetOnly }),
      ...(graceRuns === undefined ? {} : { graceRuns }),
      ...(options.protect === undefined ? {} : { protect: options.protect }),
      ...(options.allowDestructive === true ? { allowDestructive: true } : {}),
    });
  } catch (error) {
    const problems = problemsOf(error);
    if (problems !== undefined && problems.length > 0) {
      throw problemError(options.users, "nothing was planned or changed", problems);
    }
    throw error;
  }
}

function planDocument(plan: SyncPlan, out: string | undefined): Record<string, unknown> {
  return {
    planId: plan.id,
    out: out ?? null,
    api: plan.api,
    blocked: plan.blocked,
    operations: plan.operations.length,
    summary: plan.summary,
    guards: plan.guards,
    warnings: plan.warnings,
  };
}

function planExit(plan: SyncPlan): number {
  if (plan.blocked) return EXIT_CODES.blocked;
  return plan.operations.length > 0 ? EXIT_CODES.changes : EXIT_CODES.ok;
}

/** Runs `plan`: 0 no changes, 2 changes, 4 blocked by a guard, 1 error. */
export async function planCommand(ctx: Context, options: PlanOptions): Promise<number> {
  const plan = await makePlan(ctx, options);
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, await serializePlan(plan), { mode: 0o600 });
  }
  if (ctx.out.json) ctx.out.printJson(planDocument(plan, options.out));
  else ctx.out.print(formatPlanSummary(plan));
  if (options.out !== undefined) {
    ctx.out.info(
      plan.operations.length === 0
        ? `No changes. Plan written to ${options.out}`
        : `Plan written to ${options.out}; apply it with: slack-scim apply ${options.out}`,
    );
  }
  return planExit(plan);
}

async function runApply(ctx: Context, plan: SyncPlan, options: ApplyOptions): Promise<SyncReport> {
  const concurrency = wholeNumber("concurrency", options.concurrency);
  const lockTtl = Number(options.lockTtl ?? "60");
  if (!Number.isFinite(lockTtl) || lockTtl < 1) {
    throw new CliError(
      `--lock-ttl must be a number of seconds, at least 1, got "${options.lockTtl}"`,
    );
  }
  const state = livelyLocks(await ctx.syncState(options.state), {
    command: "apply",
    ttlMs: lockTtl * 1000,
    out: ctx.out,
  });
  const progress = ctx.out.progress("operations", plan.operations.length);
  const controller = new AbortController();
  const stop = () =>
    controller.abort(new Error("Interrupted; re-run the same command to continue"));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  let report: SyncReport;
  try {
    report = await applySync(ctx.client, plan, {
      state,
      org: ctx.org,
      budget: ctx.budget,
      signal: controller.signal,
      ...(concurrency === undefined ? {} : { concurrency }),
      onProgress: (p) => progress.update(p.done, p.total),
    });
  } catch (error) {
    progress.stop();
    throw error;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
  const done = Object.values(report.counts).reduce((sum, c) => sum + c.done, 0);
  progress.stop(
    `${report.status}: ${done} of ${plan.operations.length} operations done, ${report.failures.length} failed, ${report.stale.length} stale`,
  );
  if (options.report !== undefined) {
    await writeFileAtomic(options.report, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
  }
  return report;
}

function printReport(ctx: Context, report: SyncReport): void {
  if (ctx.out.json) ctx.out.printJson(report);
  else ctx.out.print(formatReport(report));
}

/** Runs `apply plan.json`: the report's exit code (0, 3 partial, 4 blocked, 5 stale, 1 error). */
export async function applyCommand(
  ctx: Context,
  file: string,
  options: ApplyOptions,
): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read the plan "${file}": ${(error as Error).message}`);
  }
  let plan: SyncPlan;
  try {
    plan = await parsePlan(text);
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
  if (plan.api !== ctx.api) {
    throw new CliError(
      `${file} was planned against SCIM ${plan.api}, this run uses ${ctx.api}: pass --api ${plan.api}`,
    );
  }
  const report = await runApply(ctx, plan, options);
  printReport(ctx, report);
  return exitCodeOf(report.status);
}

/** Runs `sync --users FILE`: plan, then apply unless blocked or nothing to do. */
export async function syncCommand(
  ctx: Context,
  options: PlanOptions & ApplyOptions,
): Promise<number> {
  const plan = await makePlan(ctx, options);
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, await serializePlan(plan), { mode: 0o600 });
  }
  if (plan.blocked || plan.operations.length === 0) {
    if (ctx.out.json) ctx.out.printJson(planDocument(plan, options.out));
    else ctx.out.print(formatPlanSummary(plan));
    if (plan.blocked) {
      process.stderr.write(
        "slack-scim: blocked by a guard (see the plan above); nothing was changed. Review, then re-run with --allow-destructive\n",
      );
    }
    return plan.blocked ? EXIT_CODES.blocked : EXIT_CODES.ok;
  }
  if (!ctx.out.json) ctx.out.info(formatPlanSummary(plan));
  const report = await runApply(ctx, plan, options);
  printReport(ctx, report);
  return exitCodeOf(report.status);
}
