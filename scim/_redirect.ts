// Internal: where answers are read, a redirect (any 3xx but 304: every request goes with
// `redirect: "manual"`) or an answer from another origin than the base URL's (a custom fetch
// that followed one anyway) becomes a `SCIMRedirectError`, never an answer taken as Slack's; and
// a request addressed to another origin is refused before it is sent, never given the token.

import { SCIMRedirectError, type SCIMRedirectErrorDetails } from "./redirect_error.ts";

/**
 * The origin of a URL, or `undefined` when it is none (an opaque or unreadable URL).
 *
 * @param url An absolute URL, or one relative to `base`.
 * @param base What a relative URL is read against.
 * @returns Such as `https://api.slack.com`.
 */
function originOf(url: string, base?: string): string | undefined {
  try {
    const { origin } = new URL(url, base);
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The origin a redirect's `Location` points to, read against the request's URL. */
function locationOf(response: Response, requestUrl: string): string | undefined {
  const location = response.headers.get("location");
  return location === null || location.trim() === "" ? undefined : originOf(location, requestUrl);
}

/**
 * Refuses an answer that is a redirect or that came from another origin than the base URL's,
 * before its body is read (it is released). Called where answers are read.
 *
 * @param response The answer of the last attempt.
 * @param requestUrl The URL the request was sent to.
 * @param baseUrl The client's base URL.
 * @param call The call's method, path and stats, for the error (asked only when refusing).
 */
export function refuseRedirect(
  response: Response,
  requestUrl: string,
  baseUrl: string,
  call: () => Omit<SCIMRedirectErrorDetails, "status" | "origin" | "location" | "followed">,
): void {
  // 304 Not Modified is no redirect (it answers a conditional request a caller's headers made).
  const { status } = response;
  const redirect = (status >= 300 && status <= 399 && status !== 304) ||
    response.type === "opaqueredirect";
  // A fetch that followed a redirect anyway says so (`redirected`) and where the answer came
  // from (`url`). A transport that sends to another host on purpose (a proxy rewriting URLs)
  // followed nothing, and a Response made by hand (a simulator) has no URL: neither is refused.
  const answeredFrom = response.redirected ? originOf(response.url) : undefined;
  if (!redirect && answeredFrom === undefined) return; // every ordinary answer: no URL parsed
  const origin = originOf(baseUrl) ?? baseUrl;
  const foreign = answeredFrom !== undefined && answeredFrom !== origin;
  if (!redirect && !foreign) return;
  response.body?.cancel().catch(() => {});
  throw new SCIMRedirectError({
    ...call(),
    status: response.status,
    origin,
    location: foreign ? answeredFrom : locationOf(response, requestUrl),
    followed: foreign,
  });
}

/**
 * The error for a request addressed to another origin than the base URL's: such a request is
 * never sent, since the token belongs to the base URL's origin only.
 *
 * @param request The request.
 * @param origin The base URL's origin, such as `https://api.slack.com`.
 * @returns The error to throw; `undefined` when the request is for `origin`.
 */
export function addressedElsewhere(
  request: Request,
  origin: string,
): SCIMRedirectError | undefined {
  const { url } = request;
  // An http(s) URL serializes as its origin then "/" (a Request's URL has no credentials): the
  // test is exact, and costs no URL parse per attempt.
  if (url.startsWith(`${origin}/`)) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = "";
  }
  return new SCIMRedirectError({
    status: 0,
    origin,
    location: originOf(url),
    followed: false,
    refused: true,
    method: request.method,
    path,
    attempts: 0,
  });
}
