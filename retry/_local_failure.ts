// Internal: telling a request the runtime refused before sending it (a blocked port, a URL or
// header it cannot send, a forbidden method) from one that got no answer. Such a request never
// left: nothing was applied, retrying cannot help, and "no answer" would be untrue.

import { pathOf } from "./_path.ts";
import { bounded } from "./_quote.ts";
import { RequestFailedError, type RetryErrorDetails } from "./request_failed_error.ts";

/** What Deno, Node (undici) and browsers throw, or put in `cause.message`, for a refused request. */
const REFUSED = [
  /^fetch failed: requests to port \d+ are blocked/i, // Deno
  /^(bad port|unknown scheme)$/i, // Node (undici), in cause.message under "fetch failed"
  /^url scheme '[^']*' not supported/i, // Deno
  /^failed to (construct|parse) '?request'?|^failed to parse url/i, // Deno, Node
  /^request cannot be constructed from a url that includes credentials/i, // Node
  /is not a valid bytestring|^cannot convert argument to a bytestring/i, // header values
  /^method is forbidden$|is not a valid http method/i,
  /^invalid url\b/i,
];

/**
 * Says whether `error`, thrown by a `fetch`, means the request was refused locally and never
 * sent.
 *
 * @param error What the transport threw.
 * @returns True when nothing left the machine.
 */
export function isLocalFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Deno without the net permission: the runtime refused to send.
  if (error.name === "NotCapable" || error.name === "PermissionDenied") return true;
  if (!(error instanceof TypeError)) return false;
  const cause = (error as { cause?: unknown }).cause;
  const messages = [error.message, (cause as { message?: unknown } | undefined)?.message];
  return messages.some((message) =>
    typeof message === "string" && REFUSED.some((pattern) => pattern.test(message))
  );
}

/**
 * The error for a request the runtime refused: a `RequestFailedError` that says the request never
 * left rather than that it got no answer; `mayHaveBeenApplied` only from earlier attempts.
 *
 * @param details The call so far (this attempt not counted as one that may have been applied).
 * @param error What the transport threw.
 * @returns The error to throw.
 */
export function notSentError(details: RetryErrorDetails, error: unknown): RequestFailedError {
  const failed = new RequestFailedError(details, { cause: error });
  const why = error instanceof Error ? error.message : String(error);
  failed.message = `Cannot send ${details.method} ${
    pathOf(details.url)
  }: the runtime refused the request before sending it (${bounded(why)}), so it never left${
    details.mayHaveBeenApplied
      ? "; an earlier attempt got no answer, so the write may have been applied"
      : " and nothing was applied"
  }`;
  return failed;
}
