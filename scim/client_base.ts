/**
 * What `SCIMClient` and `SCIM2Client` share whatever the API version: the settings, the typed
 * `openapi` escape hatch over the version's spec, middleware (`use`, `eject`), `apiCall`, and a
 * token that never shows (`toString`, `JSON.stringify`, `Deno.inspect`, Node's `util.inspect`).
 * The resource methods are each version's own (their paths, bodies and answers differ).
 *
 * @module
 */

import type { Client, Middleware } from "openapi-fetch";
import { defaultRetryHandlers } from "../retry/defaults.ts";
import type { RetryHandler } from "../retry/handler.ts";
import { apiCall } from "./_api_call.ts";
import { clientTransport } from "./_client_transport.ts";
import type { ApiCallOptions, SCIMClientOptions } from "./client_options.ts";
import type { ApiCallResponse } from "./response.ts";
import type { SCIMTransport } from "./transport.ts";

const REDACTED = "[redacted]";

/** Reads a client's transport: for the subclasses' methods only (set in the class's static block). */
// deno-lint-ignore ban-types -- openapi-fetch's own bound for a spec's `paths`
let transportOf: <Paths extends {}>(client: SCIMClientBase<Paths>) => SCIMTransport<Paths>;

/**
 * The base of `SCIMClient` (v1) and `SCIM2Client` (v2): what does not depend on the API version.
 * `Paths` is the version's spec (`paths` of `@org/slack-scim` or of `@org/slack-scim/v2`).
 * Construct one of the two clients; a function that takes either can name this class.
 *
 * @typeParam Paths The `paths` of the version's OpenAPI spec.
 *
 * @example A helper for either version's client
 * ```ts
 * import { SCIMClient, type SCIMClientBase } from "@org/slack-scim";
 * import { SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * // deno-lint-ignore ban-types
 * async function totalUsers(client: SCIMClientBase<{}>): Promise<number> {
 *   const page = await client.apiCall<{ totalResults: number }>("GET", "Users", { query: { count: 1 } });
 *   return page.body!.totalResults;
 * }
 * const sim = new SlackScimSimulator({ users: 3 });
 * assert.equal(await totalUsers(new SCIMClient({ token: "xoxp-test", fetch: sim.fetch })), 3);
 * assert.equal(await totalUsers(new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch })), 3);
 * ```
 */
// deno-lint-ignore ban-types -- openapi-fetch's own bound for a spec's `paths`
export abstract class SCIMClientBase<Paths extends {}> {
  /** The retry handlers, consulted in order at every call; change it at any time. */
  retryHandlers: RetryHandler[];
  readonly #transport: SCIMTransport<Paths>;
  readonly #name: string;

  static {
    transportOf = (client) => client.#transport;
  }

  /**
   * Checks the options; no request is made.
   *
   * @param options The token and the optional settings.
   * @param version The version's default base URL and the client's class name (for messages).
   */
  protected constructor(options: SCIMClientOptions, version: { baseUrl: string; name: string }) {
    this.#name = version.name;
    this.#transport = clientTransport<Paths>(
      options,
      version.baseUrl,
      version.name,
      () => this.retryHandlers,
    );
    this.retryHandlers = options.retryHandlers ?? defaultRetryHandlers();
  }

  /** The API's base URL, ending with `/`. */
  get baseUrl(): string {
    return this.#transport.baseUrl;
  }

  /** The default timeout of a call in milliseconds (0: none). */
  get timeout(): number {
    return this.#transport.timeout;
  }

  /**
   * The typed escape hatch: openapi-fetch's client over the version's spec
   * (`spec/scim-v1.openapi.yaml`, `spec/scim-v2.openapi.yaml`), for any operation of the spec, with this client's token,
   * retries, timeout, pacing and middleware. It keeps openapi-fetch's contract: an answer outside
   * 2xx is a value, `{ error, response }` (`error` being the body, parsed when JSON), not a
   * throw; a call that got no answer throws `RequestFailedError`, one past its timeout
   * `RequestTimeoutError`, as the methods do. Per call, `timeout` and `retryAfterSendFailure`
   * may be given beside `params` and `body` (openapi-fetch carries them on the request to the
   * client; a middleware that replaces the request drops them). Bodies are read in full, within
   * the timeout, before openapi-fetch parses them. No method checks the arguments or the
   * answer's shape here, and no write is recovered: that is what the methods add.
   *
   * @example Read the schema, and patch a user with a call the methods do not make
   * ```ts
   * import { SCIMClient } from "@org/slack-scim";
   * import { SlackScimSimulator } from "@org/slack-scim/testing";
   * import assert from "node:assert/strict";
   *
   * const sim = new SlackScimSimulator({ users: 1 });
   * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
   * const schema = await client.openapi.GET("/Schemas/Users");
   * assert.equal(schema.response.status, 200);
   *
   * const [user] = (await client.searchUsers({ count: 1 })).users;
   * const { data, error } = await client.openapi.PATCH("/Users/{id}", {
   *   params: { path: { id: user!.id! } },
   *   body: { schemas: ["urn:scim:schemas:core:1.0"], title: "Captain" },
   *   timeout: 10_000,
   * });
   * assert.equal(error, undefined);
   * assert.equal(data?.title, "Captain");
   *
   * const missing = await client.openapi.GET("/Users/{id}", { params: { path: { id: "U404" } } });
   * assert.equal(missing.response.status, 404); // a value, not a throw
   * ```
   */
  get openapi(): Client<Paths> {
    return this.#transport.openapi;
  }

  /**
   * Adds openapi-fetch middleware (`{ onRequest, onResponse, onError }`) to every call: the
   * methods, the paging and membership helpers, `apiCall` and `openapi`. For logging, metrics and
   * tracing: it sees each call once (retries happen beneath it), without the `Authorization`
   * header, which is added to each attempt underneath. It must not read a response's body
   * (clone it first): the client reads it. `onError` sees what a call throws when no answer came.
   *
   * @param middleware The middleware, run in the order given (`onResponse` in reverse).
   *
   * @example Log every call's method, path, status and duration
   * ```ts
   * import { SCIMClient } from "@org/slack-scim";
   * import { SlackScimSimulator } from "@org/slack-scim/testing";
   * import assert from "node:assert/strict";
   *
   * const lines: string[] = [];
   * const started = new Map<string, number>();
   * const sim = new SlackScimSimulator({ users: 3 });
   * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
   * client.use({
   *   onRequest({ request, id }) {
   *     assert.equal(request.headers.get("authorization"), null); // never the token
   *     started.set(id, performance.now());
   *   },
   *   onResponse({ request, response, id }) {
   *     const ms = performance.now() - started.get(id)!;
   *     lines.push(`${request.method} ${new URL(request.url).pathname} ${response.status} ${ms >= 0}`);
   *   },
   * });
   * await client.searchUsers({ count: 1 });
   * await client.readUser("U404").catch(() => {});
   * assert.deepEqual(lines, ["GET /scim/v1/Users 200 true", "GET /scim/v1/Users/U404 404 true"]);
   * ```
   */
  use(...middleware: Middleware[]): void {
    this.#transport.use(...middleware);
  }

  /**
   * Removes middleware added with `use`.
   *
   * @param middleware The same objects given to `use`.
   *
   * @example Trace one call only
   * ```ts
   * import { SCIMClient } from "@org/slack-scim";
   * import { SlackScimSimulator } from "@org/slack-scim/testing";
   * import assert from "node:assert/strict";
   *
   * const seen: string[] = [];
   * const trace = { onRequest: ({ schemaPath }: { schemaPath: string }) => void seen.push(schemaPath) };
   * const sim = new SlackScimSimulator({ users: 1 });
   * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
   * client.use(trace);
   * await client.searchUsers({ count: 1 });
   * client.eject(trace);
   * await client.searchGroups({ count: 1 });
   * assert.deepEqual(seen, ["/Users"]);
   * ```
   */
  eject(...middleware: Middleware[]): void {
    this.#transport.eject(...middleware);
  }

  /**
   * Calls any endpoint, with the client's token, retries, timeout and error handling (the Python
   * SDK's `api_call`). The path is relative to the base URL and used as given (encode ids
   * yourself); it may not leave the base URL.
   *
   * @param method The HTTP method, such as `"GET"`.
   * @param path Such as `"ResourceTypes"` or `"Users/U123"`.
   * @param options Query, JSON body, signal, timeout, `retryAfterSendFailure`.
   * @returns The answer, its `body` typed as the caller says (not checked).
   *
   * @example Read an endpoint the client has no method for
   * ```ts
   * import { SCIMClient } from "@org/slack-scim";
   * import { SlackScimSimulator } from "@org/slack-scim/testing";
   * import assert from "node:assert/strict";
   *
   * const sim = new SlackScimSimulator({ token: "xoxp-example", users: 3 });
   * const client = new SCIMClient({ token: "xoxp-example", fetch: sim.fetch });
   * const page = await client.apiCall<{ totalResults: number }>("GET", "Users", {
   *   query: { count: 1 },
   * });
   * assert.equal(page.status, 200);
   * assert.equal(typeof page.body?.totalResults, "number");
   * ```
   */
  apiCall<T = unknown>(
    method: string,
    path: string,
    options: ApiCallOptions = {},
  ): Promise<ApiCallResponse<T>> {
    return apiCall<T>(this.#transport, method, path, options);
  }

  // ---- Never show the token ---------------------------------------------------------------

  /**
   * Describes the client without its token.
   *
   * @returns Such as `SCIMClient(https://api.slack.com/scim/v1/)`.
   */
  toString(): string {
    return `${this.#name}(${this.baseUrl})`;
  }

  /**
   * What `JSON.stringify` shows: the base URL and timeout, never the token.
   *
   * @returns The public settings.
   */
  toJSON(): { baseUrl: string; timeout: number; token: string } {
    return { baseUrl: this.baseUrl, timeout: this.timeout, token: REDACTED };
  }

  /**
   * What `Deno.inspect` and `console.log` show in Deno.
   *
   * @returns The client without its token.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.#inspected();
  }

  /**
   * What `util.inspect` and `console.log` show in Node and Bun.
   *
   * @returns The client without its token.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.#inspected();
  }

  #inspected(): string {
    return `${this.#name} { baseUrl: "${this.baseUrl}", timeout: ${this.timeout}, token: ${REDACTED} }`;
  }
}

/**
 * The transport of a client, for its version's methods (internal: not in any entry).
 *
 * @param client The client.
 * @returns The transport every method sends through.
 */
// deno-lint-ignore ban-types -- openapi-fetch's own bound for a spec's `paths`
export function clientTransportOf<Paths extends {}>(
  client: SCIMClientBase<Paths>,
): SCIMTransport<Paths> {
  return transportOf(client);
}
