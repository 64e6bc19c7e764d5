// Shared by the sync tests: a simulator, both versions' clients on it, and readers of its state.

import { SCIMClient } from "../../mod.ts";
import { SCIM2Client } from "../../scim/v2/mod.ts";
import { SlackScimSimulator, type SlackScimSimulatorOptions } from "../../scim/testing/mod.ts";
import type { RetryHandler } from "../../retry/handler.ts";
import { type SyncClient, syncTarget, type TargetGroup, type TargetUser } from "../../sync/mod.ts";
import type { DesiredUser } from "../../sync/mod.ts";

export const TOKEN = "xoxp-sync-test";
export const VERSIONS = ["v1", "v2"] as const;
export type Version = typeof VERSIONS[number];

export interface Setup {
  sim: SlackScimSimulator;
  client: SyncClient;
  /** A second client on the same simulator, for changes "by someone else". */
  other: SCIMClient;
}

export function setup(
  version: Version,
  options: Omit<SlackScimSimulatorOptions, "token"> = {},
  clientOptions: {
    retryHandlers?: RetryHandler[];
    fetch?: (request: Request) => Promise<Response>;
  } = {},
): Setup {
  const sim = new SlackScimSimulator({ token: TOKEN, ...options });
  const common = {
    token: TOKEN,
    fetch: clientOptions.fetch ?? sim.fetch,
    rateLimiter: false as const,
    sleep: () => Promise.resolve(),
    ...(clientOptions.retryHandlers ? { retryHandlers: clientOptions.retryHandlers } : {}),
  };
  const client = version === "v1" ? new SCIMClient(common) : new SCIM2Client(common);
  const other = new SCIMClient({ token: TOKEN, fetch: sim.fetch, rateLimiter: false });
  return { sim, client, other };
}

export async function users(client: SyncClient): Promise<TargetUser[]> {
  const all: TargetUser[] = [];
  for await (const page of syncTarget(client).userPages()) all.push(...page);
  return all;
}

export async function groups(client: SyncClient): Promise<TargetGroup[]> {
  const all: TargetGroup[] = [];
  for await (const page of syncTarget(client).groupPages()) all.push(...page);
  return all;
}

export function person(i: number, extra: Partial<DesiredUser> = {}): DesiredUser {
  return {
    externalId: `E${i}`,
    userName: `person${i}`,
    email: `person${i}@example.com`,
    givenName: `Given${i}`,
    familyName: `Family${i}`,
    ...extra,
  };
}

/** Requests since a mark, as "METHOD /path". */
export function since(sim: SlackScimSimulator, mark: number): string[] {
  return sim.requests.slice(mark).map((r) => `${r.method} ${r.path}`);
}

export function writes(sim: SlackScimSimulator, mark: number): string[] {
  return since(sim, mark).filter((line) => !line.startsWith("GET "));
}
