/**
 * Recognising network failures as each runtime's `fetch` reports them.
 *
 * @module
 */

// Node/undici put the reason in `cause.code`; Bun puts it in `code`.
const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  // Bun
  "ConnectionRefused",
  "ConnectionClosed",
  "FailedToOpenSocket",
]);

const MESSAGES = [
  /^fetch failed$/, // Node/undici, detail in cause
  /^error sending request/i, // Deno: "error sending request for url (…): …"
  /connection reset|reset by peer|connection refused|connection closed|broken pipe/i, // Deno, simulators
  /socket connection was closed unexpectedly|unable to connect/i, // Bun
  /^network connection lost/i, // workerd / Cloudflare Workers
  /^failed to fetch$|^networkerror when attempting|^load failed$|^network request failed$/i, // browsers, polyfills
];

// Retrying cannot fix a certificate problem; Deno reports those as "error sending request" too.
const PERMANENT = /certificate|CERT_|ERR_TLS_/i;

// Deno's messages quote the URL, whose query may hold anything (a userName "cert_admin").
const URLS = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

/** Whether a message or code (anything else is not) names a certificate problem, URLs aside. */
function isPermanent(text: unknown): boolean {
  return typeof text === "string" && PERMANENT.test(text.replace(URLS, ""));
}

/**
 * Says whether `error`, thrown by a `fetch`, is a network failure worth retrying: a refused,
 * reset or lost connection as Deno, Node (undici), Bun, workerd or a browser report it. The
 * caller's own abort (`AbortError`, `TimeoutError`) and certificate errors are not.
 *
 * @param error What `fetch` threw.
 * @returns Whether it is a transient network failure.
 *
 * @example Node's and Deno's shapes, a certificate error, and an abort
 * ```ts
 * import { isNetworkError } from "@org/slack-scim/retry";
 * import assert from "node:assert/strict";
 *
 * const node = new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
 * assert.equal(isNetworkError(node), true);
 * assert.equal(isNetworkError(new TypeError("error sending request for url (https://api.slack.com/scim/v1/Users): connection reset")), true);
 * // Deno 2.9: the detail is only in the cause
 * const deno = new TypeError("fetch failed", { cause: new Error("error sending request for url (https://api.slack.com/scim/v1/Users): client error (Connect): invalid peer certificate: UnknownIssuer") });
 * assert.equal(isNetworkError(deno), false);
 * assert.equal(isNetworkError(new DOMException("The signal has been aborted", "AbortError")), false);
 * ```
 */
export function isNetworkError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, message, code, cause } = error as Cause & { name?: unknown; cause?: unknown };
  if (name === "AbortError" || name === "TimeoutError") return false;
  // Deno 2.9 says only "fetch failed", with the detail in `cause.message` and no code: a
  // certificate problem must be looked for down the cause chain. The walk is bounded, as a cause
  // may point back at itself.
  for (
    let c = cause, depth = 0;
    typeof c === "object" && c !== null && depth < 8;
    c = (c as { cause?: unknown }).cause, depth++
  ) {
    if (isPermanent((c as Cause).message) || isPermanent((c as Cause).code)) return false;
  }
  const causeCode = typeof cause === "object" && cause !== null ? (cause as Cause).code : undefined;
  // A cause's certificate code was refused above.
  for (const c of [code, causeCode]) {
    if (TRANSIENT_CODES.has(c as string)) return true;
    if (isPermanent(c)) return false;
  }
  const text = typeof message === "string" ? message : "";
  if (isPermanent(text)) return false;
  if (text === "fetch failed" && typeof causeCode === "string") return false; // an undici code we do not know
  return MESSAGES.some((pattern) => pattern.test(text));
}

/** What is read of an error or a cause. */
interface Cause {
  message?: unknown;
  code?: unknown;
}
