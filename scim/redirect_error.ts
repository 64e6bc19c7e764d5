/**
 * `SCIMRedirectError`: the answer was a redirect, or came from another origin than the base URL's,
 * or the request itself was addressed to another origin and refused before sending. The client
 * follows no redirect and sends the token to the base URL's origin only: a redirect could carry
 * the token or a user's personal data to another host, and that host's answer must never pass for
 * Slack's.
 *
 * @module
 */

import type { FailedAttempt } from "../retry/stats.ts";
import { bounded } from "../common/quote.ts";
import { mayHaveBeenApplied } from "../retry/may_have_been_applied.ts";
import { isNamedSlackScimError, SlackScimError } from "../common/slack_scim_error.ts";

/**
 * What a {@linkcode SCIMRedirectError} records about the call.
 *
 * @example Describe a redirect
 * ```ts
 * import { SCIMRedirectError, type SCIMRedirectErrorDetails } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * const details: SCIMRedirectErrorDetails = {
 *   status: 302,
 *   origin: "https://api.slack.com",
 *   location: "https://login.example.com",
 *   followed: false,
 *   method: "GET",
 *   path: "Users",
 * };
 * assert.equal(new SCIMRedirectError(details).location, "https://login.example.com");
 * ```
 */
export interface SCIMRedirectErrorDetails {
  /**
   * The status of the answer: the 3xx, or the other origin's answer when `followed`; 0 when
   * `refused` (nothing was sent, so nothing answered).
   */
  status: number;
  /** The base URL's origin, where the request was meant to go. */
  origin: string;
  /**
   * The origin the redirect pointed to (`Location`), or the origin that answered when
   * `followed`; `undefined` when the answer named none a URL could be read from. Only the
   * origin: the rest of the URL may carry anything.
   */
  location: string | undefined;
  /** True when the `fetch` followed the redirect itself and another origin answered. */
  followed: boolean;
  /**
   * True when the request was addressed to another origin (a middleware or a pacer changed its
   * URL, a per-call `baseUrl`, a middleware sending a request of its own) and was refused before
   * sending: the token belongs to the base URL's origin only. `location` is then that other
   * origin. Default false.
   */
  refused?: boolean;
  /** The HTTP method. */
  method: string;
  /** The path relative to the base URL (the URL's path when it is not under it), no query. */
  path: string;
  /** Attempts sent, 1 meaning no retry. Default 1 (0 when `refused`). */
  attempts?: number;
  /** Milliseconds waited between attempts. Default 0. */
  totalRetryDelay?: number;
  /** Every attempt before the one answered. Default none. */
  failedAttempts?: readonly FailedAttempt[];
}

/**
 * Thrown when the answer to a call is a redirect (any 3xx but 304: the client sends every request
 * with `redirect: "manual"` and follows none), or, when a custom `fetch` followed one anyway, when
 * the answer came from another origin than the base URL's. Nothing of that answer is taken as
 * Slack's. Thrown too (`refused: true`) before anything is sent when a request was addressed to
 * another origin than the base URL's (a middleware rewrote its URL or sent one of its own, a
 * per-call `baseUrl`): the token is never attached to it. The message names the status and the
 * origins, never the token nor the rest of the URL. `mayHaveBeenApplied` is true only when an
 * earlier attempt of a write got no answer: a redirect is no sign that the write was applied.
 *
 * @example A base URL that redirects elsewhere
 * ```ts
 * import { isSCIMRedirectError, SCIMClient } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * const moved = () =>
 *   Promise.resolve(new Response(null, { status: 302, headers: { location: "https://sso.example.com/login" } }));
 * const client = new SCIMClient({ token: "xoxp-test", fetch: moved });
 * const error = await client.searchUsers({ count: 1 }).catch((e) => e);
 * assert.ok(isSCIMRedirectError(error));
 * assert.equal(error.status, 302);
 * assert.equal(error.location, "https://sso.example.com");
 * assert.match(error.message, /redirect to https:\/\/sso\.example\.com/);
 * ```
 */
export class SCIMRedirectError extends SlackScimError {
  // Declared only: the constructor assigns every field (no emitted definitions).
  /** The status of the answer: the 3xx, or the other origin's answer when `followed`. */
  declare readonly status: number;
  /** The base URL's origin. */
  declare readonly origin: string;
  /** The origin the redirect pointed to, or that answered; `undefined` when none could be read. */
  declare readonly location: string | undefined;
  /** True when the `fetch` followed the redirect itself and another origin answered. */
  declare readonly followed: boolean;
  /** True when the request was for another origin and was refused before sending. */
  declare readonly refused: boolean;
  /** The HTTP method of the call. */
  declare readonly method: string;
  /** The path of the call relative to the base URL. */
  declare readonly path: string;
  /** Attempts sent, 1 meaning no retry. */
  declare readonly attempts: number;
  /** Milliseconds waited between attempts. */
  declare readonly totalRetryDelay: number;
  /** Every attempt before the one answered. */
  declare readonly failedAttempts: readonly FailedAttempt[];
  /** True when a write's earlier attempt got no answer, so Slack may have applied it. */
  declare readonly mayHaveBeenApplied: boolean;

  /**
   * Describes the redirect.
   *
   * @param details The answer and the call.
   */
  constructor(details: SCIMRedirectErrorDetails) {
    const { status, origin, location, followed, method, path } = details;
    const refused = details.refused === true;
    const failedAttempts = details.failedAttempts ?? [];
    const call = `${bounded(method)} ${bounded(path)}`;
    const where = bounded(location ?? "an unknown place");
    super(
      refused
        ? `Cannot send ${call} to ${where}: the token belongs to ${origin} only, so a request for another origin is never sent (a middleware, a pacer or a per-call baseUrl changed its URL)`
        : `Cannot use the answer to ${call}: ${
          followed
            ? `it came from ${where}, not ${origin}: the fetch followed a redirect (and sent the request there)`
            : `${origin} answered ${status}, a redirect to ${where}, which is never followed (check baseUrl)`
        }`,
    );
    this.name = "SCIMRedirectError";
    this.status = status;
    this.origin = origin;
    this.location = location;
    this.followed = followed;
    this.refused = refused;
    this.method = method;
    this.path = path;
    this.attempts = details.attempts ?? (refused ? 0 : 1);
    this.totalRetryDelay = details.totalRetryDelay ?? 0;
    this.failedAttempts = failedAttempts;
    this.mayHaveBeenApplied = mayHaveBeenApplied(method, { failedAttempts });
  }
}

/**
 * Tells whether a value is a {@linkcode SCIMRedirectError}.
 *
 * @param error Any caught value.
 * @returns `true` for a `SCIMRedirectError`.
 *
 * @example Narrow a caught error
 * ```ts
 * import { isSCIMRedirectError } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isSCIMRedirectError(new Error("moved")), false);
 * ```
 */
export function isSCIMRedirectError(error: unknown): error is SCIMRedirectError {
  return error instanceof SCIMRedirectError || isNamedSlackScimError(error, "SCIMRedirectError");
}
