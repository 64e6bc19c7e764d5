// Internal: telling a request the runtime refused before sending it (a blocked port, a URL or
// header it cannot send, a forbidden method) from one that got no answer. Such a request never
// left: nothing was applied, retrying cannot help, and "no answer" would be untrue.

import { pathOf } from "./_path.ts";
import { bounded, messageOf } from "../common/quote.ts";
import { RequestFailedError, type RetryErrorDetails } from "./request_failed_error.ts";

/**
 * What Deno and Node (undici) throw, or put in `cause.message`, for a request refused before
 * sending: a blocked port (Deno "Fetch failed: Requests to port 6000 are blocked", Node "bad
 * port"), a scheme it cannot fetch, a Request it cannot build (a URL with credentials, a header
 * value that is no ByteString), a forbidden method, an invalid URL.
 */
const REFUSED =
  /^fetch failed: requests to port \d+ are blocked|^(bad port|unknown scheme)$|^url scheme '[^']*' not supported|^failed to (construct|parse) '?request|^failed to parse url|^request cannot be constructed from a url that includes credentials|bytestring|^method is forbidden$|^invalid url\b/i;

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
  return messages.some((message) => typeof message === "string" && REFUSED.test(message));
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
  // Node says only "fetch failed", the reason ("bad port") in its cause.
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause?.message;
  const why = messageOf(error) + (typeof cause === "string" ? `: ${bounded(cause)}` : "");
  failed.message = `Cannot send ${details.method} ${
    pathOf(details.url)
  }: the runtime refused the request before sending it (${why}), so it never left${
    details.mayHaveBeenApplied
      ? "; an earlier attempt got no answer, so the write may have been applied"
      : " and nothing was applied"
  }`;
  return failed;
}
