// Internal: what every client method shares: the typed request builder, the retrying fetch,
// argument checks of the call options, and turning an answer into a response.

import { arm, type CallDeps, callDeps, handlersOf } from "../../retry/_arm.ts";
import type { RetryHandler } from "../../retry/handler.ts";
import type { Logger } from "../../retry/logger.ts";
import type { SCIMResponse } from "../response.ts";
import { type ArgsFor, type Method, type PathFor, type Target, urlOf } from "./_request.ts";
import { checkCallOptions } from "./_arguments.ts";
import type { CallOptions, ResolvedOptions } from "./client_options.ts";
import { type Answer, exchange } from "./_exchange.ts";

/** How one method call is sent. */
export interface SendPlan {
  /** The method's name, for argument errors. */
  name: string;
  /** The caller's per-call options. */
  options: CallOptions | undefined;
  /** False for writes that must never be re-sent after a transport failure. Default true. */
  retryAfterSendFailure?: boolean;
}

/** The machinery under `SCIMClient`; one per client. */
export class Core {
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
    // The headers are built once and given to each request as it is built.
    const headers = new Headers(resolved.headers);
    headers.set("authorization", `Bearer ${token}`);
    this.#readHeaders = [...headers];
    // A write's own Content-Type wins over a default one.
    this.#writeHeaders = [
      ["content-type", "application/json;charset=utf-8"],
      ...this.#readHeaders.filter(([name]) => name !== "content-type"),
    ];
  }

  /**
   * Sends one operation of the spec, its arguments checked against it by the compiler.
   *
   * @param plan The method's name, its options and how it may be retried.
   * @param method The HTTP method.
   * @param path The spec's path, such as `"/Users/{id}"`.
   * @param args Its `params` and JSON `body`, as the spec types them.
   * @returns The answer, and the time it was read (for `Retry-After` dates in later errors).
   */
  send<M extends Method, P extends PathFor<M>>(
    plan: SendPlan,
    method: M,
    path: P,
    args: ArgsFor<M, P>,
  ): Promise<{ answer: Answer; now: number }> {
    return this.sendTarget(plan, { method, path, ...args } as Target);
  }

  /**
   * Checks the call options, builds the request once and sends it through the retrying fetch.
   *
   * @param plan The method's name, its options and how it may be retried.
   * @param target What to send; `apiCall` gives any path here, checked by `apiCallTarget`.
   * @returns The answer, and the time it was read (for `Retry-After` dates in later errors).
   */
  async sendTarget(plan: SendPlan, target: Target): Promise<{ answer: Answer; now: number }> {
    const { signal: callerSignal, timeout } = checkCallOptions(
      plan.name,
      plan.options,
      this.timeout,
    );
    callerSignal?.throwIfAborted();
    const deps = this.#deps;
    // Checked before anything is sent, as the retrying fetch does.
    const handlers = handlersOf(deps);
    // The signals exist before the request is built, so it carries them and the retrying fetch
    // can send it as is instead of copying it.
    const armed = arm(deps, callerSignal, timeout);
    // The text is kept: a retry re-sends it, since a sent Request's body is used up.
    const bodyText = target.body === undefined ? undefined : JSON.stringify(target.body);
    const request = new Request(urlOf(this.baseUrl, target), {
      method: target.method,
      headers: (bodyText === undefined ? this.#readHeaders : this.#writeHeaders) as [
        string,
        string,
      ][],
      ...(bodyText === undefined ? {} : { body: bodyText }),
      ...(armed.signal ? { signal: armed.signal } : {}),
    });
    const answer = await exchange({
      deps,
      handlers,
      armed,
      bodyText,
      baseUrl: this.baseUrl,
      retryAfterSendFailure: plan.retryAfterSendFailure ?? true,
      now: this.#now,
    }, request);
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
