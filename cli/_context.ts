/**
 * What every command shares: the token (from the environment or a file, never a flag), the base
 * URL and API version, the rate limiter (Slack's pools, scaled by `--budget`, from `--limits`,
 * shared through `--redis` or `--deno-kv`), and where messages go.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import process from "node:process";
import { SCIMClient } from "../mod.ts";
import { SCIM2Client } from "../scim/v2/mod.ts";
import {
  type LimitStore,
  type RatePool,
  type RatePools,
  SLACK_RATE_LIMITS,
  SlackRateLimiter,
} from "../limits/mod.ts";
import { RATE_POOL_NAMES } from "../limits/slack_limits.ts";
import { FileStateStore, type SyncStateStore } from "../sync/file_state_store.ts";
import { CliError } from "./_exit.ts";
import { Output } from "./_output.ts";

/** The options every command accepts (commander's global options, camel-cased). */
export interface SharedOptions {
  tokenFile?: string;
  baseUrl?: string;
  api?: string;
  budget?: string;
  limits?: string;
  redis?: string;
  denoKv?: string;
  org?: string;
  json?: boolean;
  quiet?: boolean;
}

/** The environment variable the token is read from. */
export const TOKEN_ENV = "SLACK_ORG_ADMIN_USER_TOKEN";
/** The environment variable a base URL is read from when `--base-url` is not given. */
export const BASE_URL_ENV = "SLACK_SCIM_BASE_URL";

/** A client of either version, and what was used to build it. */
export interface Context {
  readonly api: "v1" | "v2";
  readonly client: SCIMClient | SCIM2Client;
  readonly baseUrl: string;
  readonly org: string;
  readonly budget: number;
  readonly limits: RatePools;
  readonly limiter: SlackRateLimiter;
  /** Where the budget lives: "memory", "redis", "deno-kv". */
  readonly store: string;
  readonly out: Output;
  /** The sync state store: Redis or Deno KV when given, else files in `dir` (default .slack-scim/state). */
  syncState(dir: string | undefined): Promise<SyncStateStore>;
  /** Closes the store's connection. */
  close(): Promise<void>;
}

/** Reads the token: `--token-file`, else the environment. Never from a flag value. */
export async function readToken(options: SharedOptions): Promise<string> {
  let token: string | undefined;
  if (options.tokenFile !== undefined) {
    try {
      token = (await readFile(options.tokenFile, "utf8")).trim();
    } catch (error) {
      throw new CliError(
        `Cannot read --token-file "${options.tokenFile}": ${(error as Error).message}`,
      );
    }
    if (token === "") throw new CliError(`--token-file "${options.tokenFile}" is empty`);
  } else {
    token = process.env[TOKEN_ENV]?.trim();
  }
  if (token === undefined || token === "") {
    throw new CliError(
      `No token: set ${TOKEN_ENV} or pass --token-file FILE (a token is never a flag value)`,
    );
  }
  return token;
}

/** Parses `--api`, inferring it from the base URL's path when not given. */
export function apiOf(options: SharedOptions, baseUrl: string | undefined): "v1" | "v2" {
  if (options.api !== undefined) {
    if (options.api !== "v1" && options.api !== "v2") {
      throw new CliError(`--api must be "v1" or "v2", got "${options.api}"`);
    }
    return options.api;
  }
  return baseUrl !== undefined && /\/scim\/v2\/?$/.test(baseUrl) ? "v2" : "v1";
}

/** Parses `--budget`: the share of Slack's limits this run may use, above 0 and at most 1. */
export function budgetOf(text: string | undefined): number {
  if (text === undefined) return 1;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new CliError(`--budget must be a number above 0 and at most 1, got "${text}"`);
  }
  return value;
}

/** Reads a pools table (`--limits FILE`): any of Slack's pools, each `{ perMinute, burst }`. */
export async function limitsOf(file: string | undefined): Promise<Partial<RatePools>> {
  if (file === undefined) return {};
  let table: unknown;
  try {
    table = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new CliError(`Cannot read --limits "${file}": ${(error as Error).message}`);
  }
  if (typeof table !== "object" || table === null || Array.isArray(table)) {
    throw new CliError(`--limits "${file}" must hold a JSON object of pools`);
  }
  const pools: Partial<RatePools> = {};
  for (const [name, pool] of Object.entries(table)) {
    if (!(RATE_POOL_NAMES as readonly string[]).includes(name)) {
      throw new CliError(
        `--limits "${file}": unknown pool "${name}" (pools: ${RATE_POOL_NAMES.join(", ")})`,
      );
    }
    const { perMinute, burst } = (pool ?? {}) as Partial<RatePool>;
    if (
      typeof perMinute !== "number" || !(perMinute > 0) || typeof burst !== "number" ||
      !Number.isInteger(burst) || burst < 1
    ) {
      throw new CliError(
        `--limits "${file}": pool "${name}" needs a perMinute above 0 and a whole burst of at least 1, got ${
          JSON.stringify(pool)
        }`,
      );
    }
    pools[name as keyof RatePools] = { perMinute, burst };
  }
  return pools;
}

/** Slack's table with `overrides`, each pool scaled to `budget` of its rate and burst. */
export function scaledLimits(overrides: Partial<RatePools>, budget: number): RatePools {
  const pools = {} as Record<keyof RatePools, RatePool>;
  for (const name of RATE_POOL_NAMES) {
    const pool = overrides[name] ?? SLACK_RATE_LIMITS[name];
    pools[name] = {
      perMinute: pool.perMinute * budget,
      burst: Math.max(1, Math.floor(pool.burst * budget)),
    };
  }
  return pools;
}

interface Stores {
  store?: LimitStore;
  name: string;
  /** The sync state (journal, lock, history) on the same backend; a folder for "memory". */
  syncState: (dir: string | undefined) => Promise<SyncStateStore>;
  close: () => Promise<void>;
}

/** The default folder of the sync state (journal, lock, history) without --redis/--deno-kv. */
export const DEFAULT_STATE_DIR = ".slack-scim/state";

async function openStore(options: SharedOptions): Promise<Stores> {
  if (options.redis !== undefined && options.denoKv !== undefined) {
    throw new CliError("Give --redis or --deno-kv, not both");
  }
  if (options.redis !== undefined) {
    const [{ createClient }, { RedisLimitStore }] = await Promise.all([
      import("redis"),
      import("../limits/redis.ts"),
    ]);
    const redis = createClient({ url: options.redis });
    redis.on("error", () => {});
    try {
      await redis.connect();
    } catch (error) {
      throw new CliError(
        `Cannot connect to --redis ${redactUrl(options.redis)}: ${(error as Error).message}`,
      );
    }
    return {
      store: new RedisLimitStore(redis),
      name: "redis",
      syncState: async () => {
        const { RedisStateStore } = await import("../sync/redis_state_store.ts");
        return new RedisStateStore(redis as ConstructorParameters<typeof RedisStateStore>[0]);
      },
      close: async () => {
        await redis.quit().catch(() => {});
      },
    };
  }
  if (options.denoKv !== undefined) {
    const deno = (globalThis as { Deno?: { openKv?: (path: string) => Promise<unknown> } }).Deno;
    if (deno?.openKv === undefined) {
      throw new CliError("--deno-kv needs Deno (run the command with deno); use --redis elsewhere");
    }
    const { DenoKvLimitStore } = await import("../limits/deno_kv.ts");
    const kv = await deno.openKv(options.denoKv) as { close(): void };
    return {
      store: new DenoKvLimitStore(kv as ConstructorParameters<typeof DenoKvLimitStore>[0]),
      name: "deno-kv",
      syncState: async () => {
        const { DenoKvStateStore } = await import("../sync/deno_kv_state_store.ts");
        return new DenoKvStateStore(kv as ConstructorParameters<typeof DenoKvStateStore>[0]);
      },
      close: () => Promise.resolve(kv.close()),
    };
  }
  return {
    name: "memory",
    syncState: (dir) => Promise.resolve(new FileStateStore(dir ?? DEFAULT_STATE_DIR)),
    close: () => Promise.resolve(),
  };
}

/** A URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.href;
  } catch {
    return `"${url.replace(/:[^:@/]*@/, ":***@")}"`;
  }
}

/** The base URL for `api`: `--base-url`, `SLACK_SCIM_BASE_URL`, or Slack's. */
export function baseUrlOf(options: SharedOptions): string | undefined {
  const given = options.baseUrl ?? process.env[BASE_URL_ENV];
  if (given === undefined || given.trim() === "") return undefined;
  return given.trim();
}

/** Builds the client and everything around it from the shared options. */
export async function openContext(options: SharedOptions): Promise<Context> {
  const out = new Output(options);
  const given = baseUrlOf(options);
  const api = apiOf(options, given);
  let baseUrl = given ?? `https://api.slack.com/scim/${api}/`;
  // A base URL given for the other version (or without the version): point it at `api`.
  baseUrl = baseUrl.replace(/\/scim\/v[12]\/?$/, "").replace(/\/$/, "") + `/scim/${api}/`;
  const budget = budgetOf(options.budget);
  const limits = scaledLimits(await limitsOf(options.limits), budget);
  const org = options.org ?? "default";
  const token = await readToken(options);
  const store = await openStore(options);
  let limiter: SlackRateLimiter;
  let client: SCIMClient | SCIM2Client;
  try {
    limiter = new SlackRateLimiter({
      limits,
      org,
      ...(store.store === undefined ? {} : { store: store.store }),
      logger: { debug: () => {}, warn: (message: string) => out.warn(message) },
    });
    const clientOptions = {
      token,
      baseUrl,
      rateLimiter: limiter,
      userAgentPrefix: "slack-scim-cli",
    };
    client = api === "v2" ? new SCIM2Client(clientOptions) : new SCIMClient(clientOptions);
  } catch (error) {
    await store.close();
    if (error instanceof TypeError || error instanceof RangeError) {
      throw new CliError(error.message);
    }
    throw error;
  }
  return {
    api,
    client,
    baseUrl,
    org,
    budget,
    limits,
    limiter,
    store: store.name,
    out,
    syncState: store.syncState,
    close: store.close,
  };
}
