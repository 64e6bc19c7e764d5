// The base class of the library's errors, and guards that work across realms and copies.

/**
 * The brand every error of this library carries on its prototype chain. `Symbol.for` makes it
 * the same symbol in every realm (an iframe, a `vm` context, a worker's structured copy aside)
 * and in every copy of the library (two versions in one `node_modules`), where `instanceof`
 * fails.
 */
const BRAND: unique symbol = Symbol.for("@org/slack-scim.error") as never;

/**
 * The base class of every error this library throws for callers to catch: `SCIMApiError`,
 * `SCIMRedirectError`, `RequestFailedError`, `RequestTimeoutError`, `GroupMembershipError`, and
 * the sync engine's `SourceError`, `SyncPlanError`, `PlanFileError` and `SyncLockedError`.
 * Catch it to tell the library's failures from bugs; narrow with {@linkcode isSlackScimError}
 * (or each class's own guard), which work where `instanceof` does not: across realms and across
 * two copies of the library. Bad arguments are plain `TypeError`s and `RangeError`s, not these.
 *
 * @example Tell the library's failures from anything else
 * ```ts
 * import { isSlackScimError, SCIMClient, SlackScimError } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const error = await client.readUser("U404").catch((e) => e);
 * assert.ok(isSlackScimError(error));
 * assert.ok(error instanceof SlackScimError); // in this realm, instanceof works too
 * assert.equal(error.name, "SCIMApiError");
 * ```
 */
export class SlackScimError extends Error {
  /**
   * Creates the error; subclasses set `name`.
   *
   * @param message The message, in sentence case.
   * @param options `cause`: what went wrong underneath, if anything.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options); // Error installs options.cause only when it is there
    this.name = "SlackScimError";
  }
}
Object.defineProperty(SlackScimError.prototype, BRAND, { value: true });

/**
 * Tells whether a value is an error of this library ({@linkcode SlackScimError} or a subclass),
 * by its brand rather than `instanceof`: true across realms and across copies of the library.
 *
 * @param error Any caught value.
 * @returns `true` for an error this library threw.
 *
 * @example Narrow a caught value
 * ```ts
 * import { isSlackScimError } from "@org/slack-scim";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isSlackScimError(new Error("x")), false);
 * assert.equal(isSlackScimError({ name: "SCIMApiError" }), false); // a look-alike is not one
 * ```
 */
export function isSlackScimError(error: unknown): error is SlackScimError {
  return error instanceof SlackScimError ||
    (typeof error === "object" && error !== null &&
      (error as { [BRAND]?: unknown })[BRAND] === true);
}

/**
 * Whether a value is an error of this library named `name`: the guards of the subclasses, which
 * must not rely on `instanceof` either.
 *
 * @param error Any caught value.
 * @param name The subclass's `name`, such as `"SCIMApiError"`.
 * @returns `true` when it is branded and so named.
 */
export function isNamedSlackScimError(error: unknown, name: string): boolean {
  return isSlackScimError(error) && error.name === name;
}
