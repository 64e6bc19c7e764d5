/**
 * `SCIMApiError`: Slack answered, and the answer is an error (or not what was expected).
 *
 * @module
 */

import type { FailedAttempt } from "../retry/stats.ts";
import { mayHaveBeenApplied } from "../retry/may_have_been_applied.ts";
import { parseRetryAfter } from "../retry/retry_after.ts";
import { bounded } from "../common/quote.ts";
import { isObject } from "../common/is_object.ts";
import { isNamedSlackScimError, SlackScimError } from "../common/slack_scim_error.ts";

/**
 * The answer an {@linkcode SCIMApiError} is about, as it came back.
 *
 * @example Read the answer behind a failed call
 * ```ts
 * import { SCIMApiError, type SCIMApiErrorResponse, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const error = await client.readUser("W0000000000").catch((e) => e);
 * assert.ok(error instanceof SCIMApiError);
 * const response: SCIMApiErrorResponse = error.response;
 * assert.equal(response.status, 404);
 * assert.deepEqual(response.body, JSON.parse(response.text)); // Slack's JSON, parsed
 * assert.match(response.text, /no_such_user/);
 * ```
 */
export interface SCIMApiErrorResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
  readonly body: unknown;
  /** The body as text, exactly as received (`""` when empty). */
  readonly text: string;
}

/**
 * `description` of an answer whose body is not JSON: an HTML page, plain text, truncated JSON.
 *
 * @example Recognize a proxy's HTML error page
 * ```ts
 * import { isSCIMApiError, SCIMClient, UNPARSEABLE_RESPONSE } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * sim.faults.script({ kind: "html", method: "GET", path: "/Users" }); // a 502 HTML page
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const error = await client.searchUsers({ count: 10 }).catch((e) => e);
 * assert.ok(isSCIMApiError(error));
 * assert.equal(error.status, 502);
 * assert.equal(error.description, UNPARSEABLE_RESPONSE);
 * ```
 */
export const UNPARSEABLE_RESPONSE = "unparseable_response";
/**
 * `description` of an error answer with an empty body, or a 2xx answer without the expected body.
 *
 * @example Recognize a 200 whose body never came
 * ```ts
 * import { EMPTY_RESPONSE, isSCIMApiError, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * sim.faults.script({ kind: "empty", method: "GET", path: "/Users" }); // 200, empty body
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const error = await client.searchUsers({ count: 10 }).catch((e) => e);
 * assert.ok(isSCIMApiError(error));
 * assert.equal(error.status, 200);
 * assert.equal(error.description, EMPTY_RESPONSE);
 * ```
 */
export const EMPTY_RESPONSE = "empty_response";
/**
 * `description` of JSON that is neither Slack's error shape nor the expected resource.
 *
 * @example Recognize a gateway's own JSON error
 * ```ts
 * import { isSCIMApiError, SCIMClient, UNEXPECTED_RESPONSE } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * // A corporate API gateway in front of Slack answers in its own JSON shape.
 * const gateway = () => Promise.resolve(Response.json({ message: "Forbidden" }, { status: 403 }));
 * const client = new SCIMClient({ token: "xoxp-test", fetch: gateway });
 * const error = await client.readUser("U123").catch((e) => e);
 * assert.ok(isSCIMApiError(error));
 * assert.equal(error.description, UNEXPECTED_RESPONSE);
 * assert.deepEqual(error.response.body, { message: "Forbidden" });
 * ```
 */
export const UNEXPECTED_RESPONSE = "unexpected_response";

const SNIPPET_LENGTH = 60;

/**
 * Slack answered with an error status (anything outside 2xx), or with a 2xx whose body is not the
 * JSON expected. `description` is Slack's error code (`no_such_user`, `username_taken`, …) from
 * its v1 shape `{"Errors":{"description","code"}}` or its v2 shape `{"detail","status"}`; an
 * answer Slack did not shape (a proxy's HTML page, an empty or truncated body) gets
 * {@linkcode UNPARSEABLE_RESPONSE} or {@linkcode EMPTY_RESPONSE} and a message saying what came
 * back. The token is never part of it.
 *
 * @example Tell a missing user from other failures
 * ```ts
 * import { isSCIMApiError, SCIMApiError } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * const error = new SCIMApiError({
 *   status: 404,
 *   headers: new Headers(),
 *   text: '{"Errors":{"description":"no_such_user","code":404}}',
 * }, { method: "GET", path: "Users/U404" });
 * assert.ok(isSCIMApiError(error));
 * assert.equal(error.description, "no_such_user");
 * assert.equal(error.message, "Slack answered 404 no_such_user to GET Users/U404");
 * ```
 */
export class SCIMApiError extends SlackScimError {
  /** The HTTP status. */
  readonly status: number;
  /** Slack's error code, such as `no_such_user`; or one of this module's `*_RESPONSE` codes. */
  readonly description: string;
  /** The answer: status, headers, parsed body and raw text. */
  readonly response: SCIMApiErrorResponse;
  /** Milliseconds Slack asked to wait (`Retry-After` of a 429 or 503), when it said. */
  readonly retryAfter: number | undefined;
  /** Attempts sent, 1 meaning no retry. */
  readonly attempts: number;
  /** Milliseconds waited between attempts. */
  readonly totalRetryDelay: number;
  /**
   * Every attempt before the one answered: `kind: "error"` for one that got no answer (a write
   * may have been applied by it), `kind: "response"` for a retried answer.
   */
  readonly failedAttempts: readonly FailedAttempt[];
  /** The HTTP method of the call, when known. */
  readonly method: string | undefined;
  /** The path of the call relative to the API base, when known. */
  readonly path: string | undefined;
  /**
   * Whether Slack may have applied this write although the call failed: an earlier attempt of a
   * write (POST, PUT, PATCH, DELETE) got no answer, or a 2xx came back without its body. Read the
   * resource back before repeating the call.
   */
  readonly mayHaveBeenApplied: boolean;

  /**
   * Reads the answer: parses the body, finds Slack's error code and writes the message.
   *
   * @param response The answer's status, headers and body text.
   * @param options The call it answered and how it was obtained.
   *
   * @example Describe a create whose 201 came back without a body
   * ```ts
   * import { EMPTY_RESPONSE, SCIMApiError } from "@org/slack-scim";
   * import assert from "node:assert/strict";
   *
   * const error = new SCIMApiError(
   *   { status: 201, headers: new Headers(), text: "" },
   *   { method: "POST", path: "Users", expected: "a user" },
   * );
   * assert.equal(error.description, EMPTY_RESPONSE);
   * assert.equal(error.path, "Users");
   * assert.ok(error.mayHaveBeenApplied); // a write answered 2xx: read the user back before retrying
   * ```
   */
  constructor(
    response: { status: number; headers: Headers; text: string },
    options: {
      /** The HTTP method of the call, such as `"GET"`. */
      method?: string | undefined;
      /** The path of the call relative to the API base, such as `"Users/U123"`. */
      path?: string | undefined;
      /** Attempts sent, 1 meaning no retry. Default 1. */
      attempts?: number;
      /** Milliseconds waited between attempts. Default 0. */
      totalRetryDelay?: number;
      /** Every attempt before the one answered, as the retrying fetch recorded them. Default none. */
      failedAttempts?: readonly FailedAttempt[];
      /**
       * What a 2xx answer should have held, such as `"a user"`: a 2xx answer given here is an error
       * because its body is not that. Leave it out for non-2xx answers.
       */
      expected?: string;
      /** The clock in milliseconds since the epoch, for an HTTP-date `Retry-After`. Default `Date.now()`. */
      now?: number;
      /** Appended to the message after a semicolon: what the client concluded from the answer. */
      note?: string;
      /** What went wrong underneath, if anything. */
      cause?: unknown;
    } = {},
  ) {
    if (
      typeof response !== "object" || response === null || typeof options !== "object" ||
      options === null
    ) {
      throw new TypeError("Cannot create SCIMApiError: response and options must be objects");
    }
    const { status, text } = response;
    const { method, path, note } = options;
    const failedAttempts = options.failedAttempts ?? [];
    const body = parse(text);
    const succeeded = status >= 200 && status <= 299;
    const [description, what] = describe(
      text,
      body,
      succeeded ? options.expected ?? "the expected JSON" : undefined,
    );
    const applied = mayHaveBeenApplied(method, { answered2xx: succeeded, failedAttempts });
    // What the client concluded, then why the write may have been applied (unless it said so).
    const notes = [note];
    if (applied && !/may have/.test(note ?? "")) {
      notes.push(
        succeeded
          ? "the write may have been applied, but its answer was unusable: read it back before repeating it"
          : "an earlier attempt got no answer, so the write may have been applied",
      );
    }
    const call = method !== undefined && path !== undefined
      ? ` to ${bounded(method)} ${bounded(path)}`
      : "";
    super(
      [`Slack answered ${status} ${what}${call}`, ...notes.filter((n) => n)].join("; "),
      "cause" in options ? { cause: options.cause } : undefined,
    );
    this.name = "SCIMApiError";
    this.status = status;
    this.description = description;
    this.response = { status, headers: response.headers, body, text };
    this.retryAfter = status === 429 || status === 503
      ? parseRetryAfter(response.headers.get("retry-after"), options.now ?? Date.now())
      : undefined;
    this.attempts = options.attempts ?? 1;
    this.totalRetryDelay = options.totalRetryDelay ?? 0;
    this.failedAttempts = failedAttempts;
    this.method = method;
    this.path = path;
    this.mayHaveBeenApplied = applied;
  }
}

/**
 * Tells whether a value is a {@linkcode SCIMApiError}.
 *
 * @param error Any caught value.
 * @returns `true` for a `SCIMApiError`.
 *
 * @example Narrow a caught error
 * ```ts
 * import { isSCIMApiError } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isSCIMApiError(new Error("no_such_user")), false);
 * ```
 */
export function isSCIMApiError(error: unknown): error is SCIMApiError {
  return error instanceof SCIMApiError || isNamedSlackScimError(error, "SCIMApiError");
}

/** The body parsed as JSON, or `undefined` when it is empty or not JSON (JSON never parses to it). */
function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Slack's error code from its v1 or v2 error shape, or undefined for any other JSON. */
function slackErrorCode(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  // v1: {"Errors":{"description","code"}}; SCIM 1.1 also allows a list of them.
  const errors = Array.isArray(body.Errors) ? body.Errors[0] : body.Errors;
  if (isObject(errors) && typeof errors.description === "string" && errors.description !== "") {
    return errors.description;
  }
  // v2: {"detail","status"}, status a number (Slack) or a string (RFC 7644).
  if (typeof body.detail === "string" && body.detail !== "") return body.detail;
  return undefined;
}

/** A short, quoted excerpt of a body for a message. */
function snippet(text: string): string {
  const flat = text.trim().replace(/\s+/g, " ");
  return JSON.stringify(flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat);
}

/** What a body that is not JSON looks like. */
function whatCameBack(text: string): string {
  const start = text.trimStart();
  return /^<(!doctype|html|head|body|\?xml)|<\/?[a-z][^>]*>/i.test(start)
    ? "an HTML page"
    : /^[{[]/.test(start)
    ? "truncated or malformed JSON"
    : "a body that is not JSON";
}

/**
 * Reads an answer: Slack's error code (or one of the `*_RESPONSE` codes), and what came back for
 * the message (after "Slack answered 404 "). A 2xx is an error only because its body is not what
 * was wanted, so its message says what was wanted instead.
 *
 * @param text The body text.
 * @param body The body parsed, `undefined` when empty or not JSON.
 * @param wanted What a 2xx answer should have held; `undefined` for an answer outside 2xx.
 * @returns The description and what came back.
 */
function describe(text: string, body: unknown, wanted: string | undefined): [string, string] {
  const instead = wanted === undefined ? "" : ` instead of ${wanted}`;
  const code = slackErrorCode(body);
  return text.trim() === ""
    ? [EMPTY_RESPONSE, `with an empty body${instead}`]
    : body === undefined
    ? [UNPARSEABLE_RESPONSE, `with ${whatCameBack(text)}: ${snippet(text)}${instead}`]
    : code !== undefined
    ? [code, `${code}${instead}`]
    : [
      UNEXPECTED_RESPONSE,
      `with JSON that is not ${wanted ?? "an error body"}: ${snippet(text)}`,
    ];
}
