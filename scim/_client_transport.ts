// Internal: the transport a client of any API version builds from its options: the options
// checked and Slack's limits paced by default.

import { SlackRateLimiter } from "../limits/slack_rate_limiter.ts";
import type { RetryHandler } from "../retry/handler.ts";
import { resolveOptions, type SCIMClientOptions } from "./client_options.ts";
import { SCIMTransport } from "./transport.ts";

/**
 * Builds a client's transport.
 *
 * @param options The client's options.
 * @param defaultBaseUrl The version's base URL, when `options.baseUrl` is left out.
 * @param name The client's class name, for argument errors.
 * @param retryHandlers Returns the client's live handler list.
 * @returns The transport every method sends through.
 */
// deno-lint-ignore ban-types -- openapi-fetch's own bound for a spec's `paths`
export function clientTransport<Paths extends {}>(
  options: SCIMClientOptions,
  defaultBaseUrl: string,
  name: string,
  retryHandlers: () => readonly RetryHandler[],
): SCIMTransport<Paths> {
  const { baseUrl, timeout, headers } = resolveOptions(options, defaultBaseUrl, name);
  const { token, fetch, logger, rateLimiter, clock } = options;
  return new SCIMTransport<Paths>({
    token,
    baseUrl,
    timeout,
    headers,
    fetch,
    clock,
    logger,
    // On by default: Slack's limits (org-wide, shared by v1 and v2), paced in memory on the
    // client's clock; `false` turns pacing off.
    rateLimiter: rateLimiter === false ? undefined : rateLimiter ?? new SlackRateLimiter({
      ...(clock === undefined ? {} : { clock }),
      ...(logger === undefined ? {} : { logger }),
    }),
    retryHandlers,
  });
}
