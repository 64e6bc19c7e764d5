// Internal: the ETA of calls at Slack's published limits, shared by planSync and applySync.

import { type RatePoolName, SLACK_RATE_LIMITS } from "../limits/slack_limits.ts";

/** Seconds the calls take at Slack's limits times the budget share: the slowest pool's time. */
export function etaOf(calls: Partial<Record<RatePoolName, number>>, budget: number): number {
  let etaSeconds = 0;
  for (const [pool, n] of Object.entries(calls) as [RatePoolName, number][]) {
    const { perMinute, burst } = SLACK_RATE_LIMITS[pool];
    const beyondBurst = Math.max(0, n - Math.floor(burst * budget));
    etaSeconds = Math.max(etaSeconds, (beyondBurst / (perMinute * budget)) * 60);
  }
  return Math.round(etaSeconds * 10) / 10;
}
