// Internal: the machinery every client method shares: the checked client options, the call
// options checked, the request built once from a typed target, and the retrying fetch sending it.
// Reading the answer is _exchange.ts.

import { arm, type CallDeps, callDeps, handlersOf, type Sending } from "../../retry/_arm.ts";
import { sendAttempts } from "../../retry/_attempts.ts";
import type { RetryHandler } from "../../retry/handler.ts";
import type { Logger } from "../../retry/logger.ts";
import { type ArgsFor, type Method, type PathFor, type Target, urlOf } from "./_request.ts";
import { checkCallOptions } from "./_arguments.ts";
import { type CallOptions, resolveOptions, type SCIMClientOptions } from "./client_options.ts";
import { type Answer, readAnswer } from "./_exchange.ts";

/**
 * The fetch that was global when this module loaded. Only it gets a typed call's first attempt
 * as `fetch(url, init)`: a fetch installed later (a test stub, a wrapper) may expect the Request
 * every other attempt passes, as the client always did.
 */
const nativeFetch = globalThis.fetch;

/** The machinery under `SCIMClient`; one per client. */
export class Core {
  /** The base URL, ending with `/`. */
  readonly baseUrl: string;
  /** The default timeout (0: none). */
  readonly timeout: number;
  /** The logger, if any. */
  readonly logger: Logger | undefined;
  /** Whether calls go to the global fetch (no `fetch` option): then a Request can be skipped. */
  readonly #globalFetch: boolean;
  readonly #deps: CallDeps;
  readonly #readHeaders: readonly (readonly [string, string])[];
  readonly #writeHeaders: readonly (readonly [string, string])[];

  /**
   * Checks the options (in the order the errors are reported) and builds what every call shares.
   *
   * @param options The client's options.
   * @param retryHandlers Returns the handlers a call consults: the client's live array.
   */
  constructor(options: SCIMClientOptions, retryHandlers: () => readonly RetryHandler[]) {
    const { baseUrl, timeout, headers } = resolveOptions(options);
    const { logger } = options;
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.logger = logger;
    this.#globalFetch = options.fetch === undefined;
    this.#deps = callDeps({
      retryHandlers,
      // Looked up per call, so a global fetch installed or replaced later is the one used.
      fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
      sleep: options.sleep,
      logger,
    });
    // The headers are built once and given to each request as it is built. Frozen: the fast
    // path hands the very arrays to the global fetch, and a wrapper that changed them in place
    // would change every later call (it gets a TypeError instead).
    headers.set("authorization", `Bearer ${options.token}`);
    const frozen = (list: [string, string][]) =>
      Object.freeze(list.map((pair) => Object.freeze(pair)));
    this.#readHeaders = frozen([...headers]);
    // A write's own Content-Type wins over a default one.
    this.#writeHeaders = frozen([
      ["content-type", "application/json;charset=utf-8"],
      ...[...headers].filter(([name]) => name !== "content-type"),
    ]);
  }

  /**
   * Sends one operation of the spec, its arguments checked against it by the compiler.
   *
   * @param name The method's name, for argument errors.
   * @param options The caller's per-call options.
   * @param method The HTTP method.
   * @param path The spec's path, such as `"/Users/{id}"`.
   * @param args Its `params` and JSON `body`, as the spec types them.
   * @param retryAfterSendFailure False for writes that must never be re-sent after a transport
   * failure.
   * @returns The answer.
   */
  send<M extends Method, P extends PathFor<M>>(
    name: string,
    options: CallOptions | undefined,
    method: M,
    path: P,
    args: ArgsFor<M, P>,
    retryAfterSendFailure = true,
  ): Promise<Answer> {
    return this.sendTarget(
      name,
      options,
      { method, path, ...args, typed: true } as Target,
      retryAfterSendFailure,
    );
  }

  /**
   * Checks the call options, builds the request once and sends it through the retrying fetch.
   *
   * @param name The method's name, for argument errors.
   * @param options The caller's per-call options.
   * @param target What to send; `apiCall` gives any path here, checked by `apiCallTarget`.
   * @param retryAfterSendFailure False for writes that must never be re-sent after a transport
   * failure.
   * @returns The answer.
   */
  async sendTarget(
    name: string,
    options: CallOptions | undefined,
    target: Target,
    retryAfterSendFailure: boolean,
  ): Promise<Answer> {
    const { signal: callerSignal, timeout } = checkCallOptions(name, options, this.timeout);
    callerSignal?.throwIfAborted();
    const deps = this.#deps;
    // Checked before anything is sent, as the retrying fetch does.
    const handlers = handlersOf(deps);
    // The signals exist before the request is built, so it carries them and the retrying fetch
    // can send it as is instead of copying it.
    const armed = arm(deps, callerSignal, timeout);
    // The text is kept: a retry re-sends it, since a sent Request's body is used up.
    const bodyText = target.body === undefined ? undefined : JSON.stringify(target.body);
    const method = target.method;
    const url = urlOf(this.baseUrl, target);
    const init: RequestInit = {
      method,
      redirect: "manual", // never followed: see refuseRedirect (scim/redirect_error.ts)
      headers: (bodyText === undefined ? this.#readHeaders : this.#writeHeaders) as [
        string,
        string,
      ][],
      ...(bodyText === undefined ? {} : { body: bodyText }),
      ...(armed.signal ? { signal: armed.signal } : {}),
    };
    // The request carries the same text, unread: sent as is the first time, rebuilt for retries.
    const reuse = bodyText === undefined ? "always" : "first";
    const body = bodyText ?? null;
    let sending: Sending;
    if (this.#globalFetch && target.typed === true && globalThis.fetch === nativeFetch) {
      // On the global fetch, a typed call's first attempt is fetch(url, init): no Request object
      // unless it is retried or fails (its URL is already as a Request would write its path).
      let request: Request | undefined;
      sending = {
        ...armed,
        get request() {
          return request ??= new Request(url, init);
        },
        sendFirst: () => globalThis.fetch(url, init),
        body,
        reuse,
        retryAfterSendFailure,
      };
    } else {
      // Custom transports take a Request; apiCall's free-form path is normalized by building it.
      sending = { ...armed, request: new Request(url, init), body, reuse, retryAfterSendFailure };
    }
    const { response, stats } = await sendAttempts(deps, sending, handlers);
    return await readAnswer(
      sending.sendFirst ? { method, url } : sending.request,
      response,
      stats,
      armed,
      this.baseUrl,
    );
  }
}
