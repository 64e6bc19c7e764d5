// Internal: what every client method shares: the typed openapi-fetch client, the retrying fetch,
// argument checks of the call options, and turning an answer into a response.

import createClient, { type Client } from "openapi-fetch";
import { arm, type CallDeps, callDeps, handlersOf } from "../../retry/_arm.ts";
import type { RetryHandler } from "../../retry/handler.ts";
import type { Logger } from "../../retry/logger.ts";
import type { SCIMResponse } from "../response.ts";
import type { paths } from "./schema.gen.ts";
import { checkCallOptions } from "./_arguments.ts";
import type { CallOptions, ResolvedOptions } from "./client_options.ts";
import { type Answer, type CallPlan, exchange } from "./_exchange.ts";

/** What openapi-fetch gets for every call besides path parameters, query and body. */
// A type alias, not an interface: openapi-fetch's init type has an index signature.
export type RequestInitFor = {
  /** Our per-request fetch: the retrying fetch, body read by us. */
  fetch: (request: Request) => Promise<Response>;
  /** openapi-fetch must not parse: the body is read (and parsed safely) by `exchange`. */
  parseAs: "text";
  /** The call's signal (the caller's and the timeout combined), so the request is built once. */
  signal?: AbortSignal;
  /** `Content-Type` of writes. */
  headers?: Readonly<Record<string, string>>;
  /** Serializes a write's body as openapi-fetch would, keeping the text for re-sending. */
  bodySerializer?: (body: unknown) => string;
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
  /** The typed openapi-fetch client; `send` adds Authorization and the default headers. */
  readonly api: Client<paths>;
  /** The base URL, ending with `/`. */
  readonly baseUrl: string;
  /** The default timeout (0: none). */
  readonly timeout: number;
  /** The logger, if any. */
  readonly logger: Logger | undefined;
  readonly #deps: CallDeps;
  readonly #readHeaders: readonly (readonly [string, string])[];
  readonly #writeHeaders: readonly (readonly [string, string])[];
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
    this.#deps = callDeps({
      retryHandlers: deps.retryHandlers,
      // Looked up per call, so a global fetch installed or replaced later is the one used.
      fetch: transport ?? ((request) => globalThis.fetch(request)),
      sleep: deps.sleep,
      logger: deps.logger,
    });
    // The default headers are built once and set on each request openapi-fetch builds: given
    // to openapi-fetch, they would be merged into a new Headers per call and copied again by
    // iterating it into the Request (the profile showed both).
    const headers = new Headers(resolved.headers);
    headers.set("authorization", `Bearer ${token}`);
    this.#readHeaders = [...headers];
    // A write's own Content-Type wins over a default one, as in openapi-fetch's merge.
    this.#writeHeaders = this.#readHeaders.filter(([name]) => name !== "content-type");
    this.api = createClient<paths>({ baseUrl: this.baseUrl });
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
    const { signal: callerSignal, timeout } = checkCallOptions(
      plan.name,
      plan.options,
      this.timeout,
    );
    callerSignal?.throwIfAborted();
    const deps = this.#deps;
    // Checked before anything is sent, as the retrying fetch does.
    const handlers = handlersOf(deps);
    // The signals exist before openapi-fetch builds the request, so it carries them and the
    // retrying fetch can send it as is instead of copying it.
    const armed = arm(deps, callerSignal, timeout);
    const call: CallPlan = {
      deps,
      handlers,
      armed,
      bodyText: undefined,
      headers: plan.write ? this.#writeHeaders : this.#readHeaders,
      baseUrl: this.baseUrl,
      retryAfterSendFailure: plan.retryAfterSendFailure ?? true,
      now: this.#now,
    };
    const answer = await exchange(call, (fetch) =>
      start(
        plan.write
          ? {
            fetch,
            parseAs: "text",
            ...(armed.signal ? { signal: armed.signal } : {}),
            headers: WRITE_HEADERS,
            // openapi-fetch's own serializer for a JSON body; the text is kept for retries.
            bodySerializer: (body) => call.bodyText = JSON.stringify(body),
          }
          : { fetch, parseAs: "text", ...(armed.signal ? { signal: armed.signal } : {}) },
      ));
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
