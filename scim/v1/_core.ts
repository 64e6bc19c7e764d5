// Internal: what every client method shares: the typed openapi-fetch client, the retrying fetch,
// argument checks of the call options, and turning an answer into a response.

import createClient, { type Client } from "openapi-fetch";
import { createRetryingFetch, type RetryingFetch } from "../../retry/fetch.ts";
import type { RetryHandler } from "../../retry/handler.ts";
import type { Logger } from "../../retry/logger.ts";
import type { SCIMResponse } from "../response.ts";
import type { paths } from "./schema.gen.ts";
import { checkCallOptions } from "./_arguments.ts";
import type { CallOptions, ResolvedOptions } from "./client_options.ts";
import { type Answer, exchange } from "./_exchange.ts";

/** What openapi-fetch gets for every call besides path parameters, query and body. */
// A type alias, not an interface: openapi-fetch's init type has an index signature.
export type RequestInitFor = {
  /** Our per-request fetch: the retrying fetch, body read by us. */
  fetch: (request: Request) => Promise<Response>;
  /** openapi-fetch must not parse: the body is read (and parsed safely) by `exchange`. */
  parseAs: "text";
  /** The caller's signal. */
  signal?: AbortSignal;
  /** `Content-Type` of writes. */
  headers?: Record<string, string>;
};

/** How one method call is sent. */
export interface SendPlan {
  /** The method's name, for argument errors. */
  name: string;
  /** The caller's per-call options. */
  options: CallOptions | undefined;
  /** Whether it sends a JSON body. */
  write?: boolean;
  /** False for writes that must never be re-sent after a transport failure. Default true. */
  retryAfterSendFailure?: boolean;
}

const WRITE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Content-Type": "application/json;charset=utf-8",
});

/** The machinery under `SCIMClient`; one per client. */
export class Core {
  /** The typed openapi-fetch client (Authorization and default headers set). */
  readonly api: Client<paths>;
  /** The base URL, ending with `/`. */
  readonly baseUrl: string;
  /** The default timeout (0: none). */
  readonly timeout: number;
  /** The logger, if any. */
  readonly logger: Logger | undefined;
  readonly #retrying: RetryingFetch;
  readonly #now: () => number;

  constructor(
    token: string,
    resolved: ResolvedOptions,
    deps: {
      retryHandlers: () => readonly RetryHandler[];
      fetch: ((request: Request) => Promise<Response>) | undefined;
      sleep: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
      logger: Logger | undefined;
    },
  ) {
    this.baseUrl = resolved.baseUrl;
    this.timeout = resolved.timeout;
    this.logger = deps.logger;
    this.#now = Date.now;
    const transport = deps.fetch;
    this.#retrying = createRetryingFetch({
      retryHandlers: deps.retryHandlers,
      // Looked up per call, so a global fetch installed or replaced later is the one used.
      fetch: transport ?? ((request) => globalThis.fetch(request)),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.logger ? { logger: deps.logger } : {}),
    });
    const headers = new Headers(resolved.headers);
    headers.set("authorization", `Bearer ${token}`);
    this.api = createClient<paths>({ baseUrl: this.baseUrl, headers });
  }

  /**
   * Checks the call options, then sends the call `start` makes and reads the answer.
   *
   * @param plan The method's name, its options and how it may be retried.
   * @param start Makes the call with the init to pass to openapi-fetch.
   * @returns The answer, and the time it was read (for `Retry-After` dates in later errors).
   */
  async send(
    plan: SendPlan,
    start: (init: RequestInitFor) => Promise<unknown>,
  ): Promise<{ answer: Answer; now: number }> {
    const { signal, timeout } = checkCallOptions(plan.name, plan.options, this.timeout);
    signal?.throwIfAborted();
    const answer = await exchange({
      retrying: this.#retrying,
      baseUrl: this.baseUrl,
      timeout,
      retryAfterSendFailure: plan.retryAfterSendFailure ?? true,
      now: this.#now,
    }, (fetch) =>
      start({
        fetch,
        parseAs: "text",
        ...(signal ? { signal } : {}),
        ...(plan.write ? { headers: { ...WRITE_HEADERS } } : {}),
      }));
    return { answer, now: this.#now() };
  }

  /**
   * The response fields every method shares.
   *
   * @param answer The answer.
   * @returns Status, headers, body, attempts, delay; `recovered: false`.
   */
  meta(answer: Answer): SCIMResponse {
    return {
      status: answer.status,
      headers: answer.headers,
      body: answer.body,
      attempts: answer.attempts,
      totalRetryDelay: answer.totalRetryDelay,
      recovered: false,
    };
  }
}
