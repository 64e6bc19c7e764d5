/**
 * `slack-scim`, the command line: export the org, find and deactivate users, add group members,
 * check the setup (and, with the sync engine, plan, apply and sync from an HR CSV).
 *
 * ```sh
 * deno task scim export users --format csv --out users.csv
 * deno task scim users find jane@acme.com
 * deno task scim check
 * ```
 *
 * From JSR: `deno install -g -A --name slack-scim jsr:@org/slack-scim/cli`; from npm: the
 * `slack-scim` bin of the package. Runs on Deno, Node 20+ and Bun.
 *
 * @module
 */

import process from "node:process";
import { Command, CommanderError, Option } from "commander";
import { VERSION } from "../scim/version.ts";
import { isSCIMApiError } from "../scim/errors.ts";
import {
  BASE_URL_ENV,
  type Context,
  openContext,
  type SharedOptions,
  TOKEN_ENV,
} from "./_context.ts";
import { CliError, EXIT_CODES, EXIT_CODES_HELP } from "./_exit.ts";
import { check } from "./check.ts";
import { exportCommand, type ExportOptions } from "./export.ts";
import { groupsAddMembers } from "./groups.ts";
import {
  applyCommand,
  type ApplyOptions,
  planCommand,
  type PlanOptions,
  syncCommand,
} from "./sync.ts";
import { usersDeactivate, usersFind } from "./users.ts";

const ENVIRONMENT_HELP = `Environment:
  ${TOKEN_ENV}  the org admin token (xoxp-…); or --token-file FILE, never a flag value
  ${BASE_URL_ENV}         the base URL when --base-url is not given (e.g. a simulator)
  NO_COLOR                    plain progress lines, no escape codes`;

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}

/** Adds the options every command shares. */
function shared(command: Command): Command {
  return command
    .option("--token-file <file>", `read the token from FILE (default: $${TOKEN_ENV})`)
    .option("--base-url <url>", `the SCIM base URL (default: $${BASE_URL_ENV}, else Slack's)`)
    .option("--api <version>", "v1 or v2 (default: from the base URL, else v1)")
    .option("--budget <share>", "the share of Slack's rate limits this run may use, 0 to 1", "1")
    .option(
      "--limits <file>",
      "a JSON pools table in SLACK_RATE_LIMITS' shape ({ writes: { perMinute, burst }, … })",
    )
    .option("--redis <url>", "share the rate budget (and sync journal and lock) through Redis")
    .option("--deno-kv <path>", "share them through a Deno KV database (Deno only)")
    .option("--org <name>", "the org's name in shared keys", "default")
    .option("--json", "print one JSON document on stdout")
    .option("--quiet", "no progress or messages on stderr, errors only")
    .addOption(new Option("--token <token>").hideHelp());
}

/** Runs `run` with a context built from the command's options, closing it after. */
function withContext<A extends unknown[]>(
  run: (ctx: Context, ...args: A) => Promise<number>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const options = command.optsWithGlobals() as SharedOptions & { token?: string };
    if (options.token !== undefined) {
      throw new CliError(
        `--token is not accepted (a flag value shows in ps and shell history): set ${TOKEN_ENV} or use --token-file FILE`,
      );
    }
    const ctx = await openContext(options);
    try {
      process.exitCode = await run(ctx, ...(args.slice(0, -1) as A));
    } finally {
      await ctx.close();
    }
  };
}

/** Builds the program: every command, its options and help. */
function program(): Command {
  const root = new Command("slack-scim")
    .description(
      "Slack SCIM from the command line: export, plan, apply, sync, find, deactivate, add members, check.",
    )
    .version(VERSION, "-V, --version")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // A usage error as one line: "slack-scim: unknown option '--fromat' (Did you mean --format?)".
      outputError: (text, write) =>
        write(`slack-scim: ${text.replace(/^error: /, "").trim().replace(/\s*\n\s*/g, " ")}\n`),
    })
    .addHelpText(
      "after",
      `${
        examples(
          "export SLACK_ORG_ADMIN_USER_TOKEN=xoxp-…",
          "slack-scim check",
          "slack-scim export users --format csv --out users.csv",
          "slack-scim plan --users hr_export.csv --out plan.json",
          "slack-scim apply plan.json",
          "slack-scim sync --users hr_export.csv",
          "slack-scim users find jane@acme.com",
          "slack-scim users deactivate jane@acme.com --yes",
          "slack-scim groups add-members Engineering --users new.csv",
        )
      }\n${EXIT_CODES_HELP}\n\n${ENVIRONMENT_HELP}\n`,
    );

  shared(
    root.command("export")
      .description("Export users or groups to CSV or JSON lines, page by page (resumable)")
      .argument("<what>", "users or groups")
      .option("--format <format>", "csv or jsonl", "csv")
      .option("--out <file>", "write to FILE (default: stdout)")
      .option("--resume", "continue an interrupted export into --out, no row twice")
      .option("--page-size <n>", "users per request, 1 to 1000", "1000"),
  ).addHelpText(
    "after",
    examples(
      "slack-scim export users --format csv --out users.csv",
      "slack-scim export users --out users.csv --resume     # after an interruption",
      "slack-scim export groups --format jsonl > groups.jsonl",
    ) +
      "\nThe users CSV has the sync header (externalId,userName,email,…,groups): valid plan input.\n",
  ).action(
    withContext((ctx, what: string, options: ExportOptions) => exportCommand(ctx, what, options)),
  );

  const planOptions = (command: Command): Command =>
    command
      .requiredOption("--users <file>", "the HR source: .csv (the sync header), .json or .jsonl")
      .option("--out <file>", "write the plan to FILE (to review, then apply)")
      .option(
        "--state <dir>",
        "the sync state folder (history, journal, lock)",
        ".slack-scim/state",
      )
      .option(
        "--target-only <mode>",
        "accounts the source does not list: ignore, report, deactivate",
      )
      .option("--protect <who...>", "Slack ids, userNames or emails never written")
      .option("--grace-runs <n>", "deactivate a missing account only after N runs in a row")
      .option("--allow-destructive", "apply changes over a guard's cap (default: blocked, exit 4)");

  shared(planOptions(
    root.command("plan")
      .description(
        "Plan what a sync from an HR source would change; exit 2 when it changes something",
      ),
  )).addHelpText(
    "after",
    examples(
      "slack-scim plan --users hr_export.csv --out plan.json",
      "slack-scim plan --users hr_export.csv --json | jq .summary",
    ) +
      "\nExit 0: no changes; 2: changes; 4: blocked by a guard; 1: bad input (rows with line numbers).\n",
  ).action(withContext((ctx, options: PlanOptions) => planCommand(ctx, options)));

  const applyOptions = (command: Command, state = true): Command =>
    (state
      ? command.option("--state <dir>", "the sync state folder", ".slack-scim/state")
      : command)
      .option("--concurrency <n>", "operations in flight at once, 1 to 64", "4")
      .option("--report <file>", "also write the JSON report to FILE")
      .option(
        "--lock-ttl <seconds>",
        "the apply lock's time to live, kept alive while running; a killed run's lock ends after it",
        "60",
      );

  shared(applyOptions(
    root.command("apply")
      .description("Apply a plan file exactly as reviewed; re-run to resume")
      .argument("<plan>", "the plan file from slack-scim plan --out"),
  )).addHelpText(
    "after",
    examples(
      "slack-scim apply plan.json",
      "slack-scim apply plan.json --json > report.json",
    ) + "\nExit 0: done; 3: partial; 4: blocked; 5: stale plan (plan again); 1: error.\n",
  ).action(
    withContext((ctx, file: string, options: ApplyOptions) => applyCommand(ctx, file, options)),
  );

  shared(applyOptions(
    planOptions(
      root.command("sync")
        .description("Plan and apply in one run, guards enforced"),
    ),
    false,
  )).addHelpText(
    "after",
    examples(
      "slack-scim sync --users hr_export.csv",
      "slack-scim sync --users hr_export.csv --target-only deactivate --quiet   # from cron",
    ) + "\nExit 0: done or nothing to do; 3: partial; 4: blocked by a guard; 1: error.\n",
  ).action(withContext((ctx, options: PlanOptions & ApplyOptions) => syncCommand(ctx, options)));

  const users = root.command("users").description("Find or deactivate users");
  shared(
    users.command("find")
      .description("Find a user by email, userName or Slack id")
      .argument("<who>", "an email, userName or id (U…/W…)"),
  ).addHelpText(
    "after",
    examples("slack-scim users find jane@acme.com", "slack-scim users find U012AB3CD --json"),
  ).action(withContext((ctx, who: string) => usersFind(ctx, who)));
  shared(
    users.command("deactivate")
      .description("Deactivate users (asks on a terminal; --yes for scripts)")
      .argument("<who...>", "emails, userNames or ids")
      .option("-y, --yes", "do not ask (required when not on a terminal)"),
  ).addHelpText(
    "after",
    examples(
      "slack-scim users deactivate jane@acme.com bob@acme.com",
      "slack-scim users deactivate U012AB3CD --yes     # in a script",
    ),
  ).action(
    withContext((ctx, who: string[], options: { yes?: boolean }) =>
      usersDeactivate(ctx, who, options)
    ),
  );

  const groups = root.command("groups").description("Change groups");
  shared(
    groups.command("add-members")
      .description("Add the users a file names to a group")
      .argument("<group>", "the group's displayName or id (S…)")
      .requiredOption(
        "--users <file>",
        "a CSV with an email, userName or id column, or one a line",
      ),
  ).addHelpText(
    "after",
    examples(
      "slack-scim groups add-members Engineering --users new.csv",
      "slack-scim groups add-members S0123ABCD --users emails.txt --json",
    ),
  ).action(
    withContext((ctx, group: string, options: { users?: string }) =>
      groupsAddMembers(ctx, group, options)
    ),
  );

  shared(
    root.command("check")
      .description("Check the token, base URL, API version and the limits this run would use"),
  ).addHelpText(
    "after",
    examples(
      "slack-scim check",
      "slack-scim check --base-url http://127.0.0.1:8080/scim/v1/ --budget 0.5 --json",
    ),
  ).action(withContext((ctx) => check(ctx)));

  for (const command of [root, users, groups]) {
    command.exitOverride().showSuggestionAfterError(true);
  }
  return root;
}

/** One line for an error, never a stack trace. */
function describeError(error: unknown): { message: string; code: number } {
  if (error instanceof CliError) return { message: error.message, code: error.code };
  if (isSCIMApiError(error)) {
    const hint = error.status === 401 || error.status === 403
      ? ` (check ${TOKEN_ENV} or --token-file)`
      : "";
    return {
      message: `Slack answered ${error.status} ${error.description}${hint}`,
      code: EXIT_CODES.error,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: message.split("\n")[0]!, code: EXIT_CODES.error };
}

/**
 * Runs the command line on `argv` (without the runtime and script) and returns the exit code.
 *
 * @param argv The arguments.
 */
async function main(argv: string[]): Promise<number> {
  try {
    const root = program();
    await root.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with 0; a usage error was printed by commander.
      return error.exitCode === 0 ? 0 : EXIT_CODES.error;
    }
    const { message, code } = describeError(error);
    process.stderr.write(`slack-scim: ${message}\n`);
    return code;
  }
}

process.stdout.on?.("error", (error: { code?: string }) => {
  if (error.code === "EPIPE") process.exit(0);
});
process.exit(await main(process.argv.slice(2)));
