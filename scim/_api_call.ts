// Internal: `apiCall`, the clients' untyped escape hatch for paths outside their spec, on the
// transport of any API version.

import type { SCIMTransport } from "./transport.ts";
import type { ApiCallResponse } from "./response.ts";
import type { ApiCallOptions } from "./client_options.ts";
import { apiCallTarget } from "./_arguments.ts";
import { meta } from "./_exchange.ts";

/** openapi-fetch's `request()` for a path outside the spec, which its types cannot name. */
type Untyped = {
  request(
    method: string,
    url: string,
    init: Record<string, unknown>,
  ): Promise<{ response: Response; error?: unknown }>;
};

/**
 * Sends any method to any path under the base URL through the transport.
 *
 * @param t The client's transport.
 * @param method The HTTP method.
 * @param path Relative to the base URL, checked to stay under it.
 * @param options Query, body, signal, timeout, `retryAfterSendFailure`.
 * @returns The answer, its body typed as the caller says.
 */
export async function apiCall<T>(
  // deno-lint-ignore ban-types -- openapi-fetch's own bound for a spec's `paths`
  t: SCIMTransport<{}>,
  method: string,
  path: string,
  options: ApiCallOptions = {},
): Promise<ApiCallResponse<T>> {
  const { verb, url } = apiCallTarget(method, path, options);
  const { body, query, retryAfterSendFailure } = options;
  const untyped = t.openapi as unknown as Untyped;
  // The path is not one of the spec's: sent as given (apiCallTarget checked it), `{…}` as text.
  const answer = await t.call(
    "apiCall",
    options,
    (init) => untyped.request(verb, url, { ...init, params: { query }, body }),
    { write: body !== undefined, retryAfterSendFailure: retryAfterSendFailure ?? true },
  );
  return { ...meta(answer), body: answer.body as T | undefined };
}
