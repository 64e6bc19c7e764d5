/**
 * The one rule for "may this write have been applied although the call failed?", shared by
 * `RequestFailedError`, `RequestTimeoutError` and the SCIM client's `SCIMApiError`.
 *
 * @module
 */

import type { FailedAttempt } from "./stats.ts";

/** Methods that change nothing: never "applied". Request writes them in upper case. */
const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/i;

/**
 * What is known about a failed call, for {@linkcode mayHaveBeenApplied}.
 *
 * @example A write whose answer was a 2xx with an unreadable body
 * ```ts
 * import { type AppliedEvidence, mayHaveBeenApplied } from "./may_have_been_applied.ts";
 * import assert from "node:assert/strict";
 *
 * const evidence: AppliedEvidence = { answered2xx: true };
 * assert.equal(mayHaveBeenApplied("POST", evidence), true);
 * ```
 */
export interface AppliedEvidence {
  /** The call's answer was a 2xx (its body then could not be used). */
  answered2xx?: boolean;
  /** The attempts before the last one; one without an answer (`kind: "error"`) may have arrived. */
  failedAttempts?: readonly FailedAttempt[];
  /** The last attempt itself was sent and got no answer. */
  unanswered?: boolean;
}

/**
 * Says whether a failed call may nevertheless have been applied by the server: it is a write
 * (not GET, HEAD or OPTIONS, nor an unknown method), and it was answered 2xx, or some attempt was
 * sent and got no answer (the server may have applied it before the connection broke). An
 * answered error (a 429, a 503) applied nothing.
 *
 * @param method The HTTP method, if known.
 * @param evidence What the call went through.
 * @returns True when the caller must read the resource back before repeating the call.
 *
 * @example Only writes that may have arrived count
 * ```ts
 * import { mayHaveBeenApplied } from "./may_have_been_applied.ts";
 * import assert from "node:assert/strict";
 *
 * const lost = [{ kind: "error", error: new TypeError("fetch failed") }] as const;
 * assert.equal(mayHaveBeenApplied("POST", { failedAttempts: lost }), true);
 * assert.equal(mayHaveBeenApplied("GET", { failedAttempts: lost }), false);
 * assert.equal(mayHaveBeenApplied("PATCH", { failedAttempts: [{ kind: "response", status: 429 }] }), false);
 * assert.equal(mayHaveBeenApplied("DELETE", { unanswered: true }), true);
 * ```
 */
export function mayHaveBeenApplied(method: string | undefined, evidence: AppliedEvidence): boolean {
  if (method === undefined || SAFE_METHODS.test(method)) return false;
  return evidence.answered2xx === true || evidence.unanswered === true ||
    (evidence.failedAttempts ?? []).some((attempt) => attempt.kind === "error");
}
