/**
 * `slack-scim check`: the token works, the base URL answers, which API version, and the pools
 * this run would be paced to (after `--budget` and `--limits`), and where the budget is shared.
 *
 * @module
 */

import { RATE_POOL_NAMES } from "../limits/slack_limits.ts";
import { SCIMClient } from "../mod.ts";
import type { SCIM2Client } from "../scim/v2/mod.ts";
import type { Context } from "./_context.ts";
import { EXIT_CODES } from "./_exit.ts";

/** Runs `check`: one read of the users list and of the service provider config. */
export async function check(ctx: Context): Promise<number> {
  const users = await ctx.client.searchUsers({ count: 1 });
  const config = ctx.client instanceof SCIMClient
    ? await ctx.client.readServiceProviderConfigs()
    : await (ctx.client as SCIM2Client).readServiceProviderConfig();
  const pools = Object.fromEntries(
    RATE_POOL_NAMES.map((name) => [name, ctx.limits[name]]),
  );
  const result = {
    ok: true,
    baseUrl: ctx.baseUrl,
    api: ctx.api,
    token: "accepted",
    users: users.totalResults,
    serviceProvider: {
      patch: Boolean((config.body as { patch?: { supported?: boolean } })?.patch?.supported),
      filter: Boolean((config.body as { filter?: { supported?: boolean } })?.filter?.supported),
    },
    budget: ctx.budget,
    limits: pools,
    limitStore: ctx.store,
    org: ctx.org,
  };
  if (ctx.out.json) {
    ctx.out.printJson(result);
  } else {
    const lines = [
      `base URL   ${ctx.baseUrl}`,
      `API        ${ctx.api}`,
      `token      accepted (${users.totalResults} users visible)`,
      `budget     ${
        ctx.budget * 100
      }% of the limits below, shared via ${ctx.store} (org "${ctx.org}")`,
      `limits     ${
        RATE_POOL_NAMES.map((name) =>
          `${name} ${round(ctx.limits[name].perMinute)}/min burst ${ctx.limits[name].burst}`
        ).join("; ")
      }`,
    ];
    ctx.out.print(lines.join("\n"));
  }
  return EXIT_CODES.ok;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
