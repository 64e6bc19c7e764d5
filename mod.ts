/**
 * A client for Slack's SCIM API (v1): the Python SDK's `SCIMClient` in TypeScript, on web
 * standards only (Deno, Node, Bun, Cloudflare Workers).
 *
 * - `SCIMClient` (also as `AsyncSCIMClient`): users, groups, discovery and an `apiCall` escape
 *   hatch; typed models (`User`, `Group`, … with the enterprise, guest and profile extensions);
 *   `SCIMApiError` for any answer outside 2xx, HTML and truncated bodies included.
 * - Retries (`retryHandlers`), timeouts and cancellation on every call; `RequestFailedError` and
 *   `RequestTimeoutError` when no answer came.
 * - Safe writes: `createUser` recovers a user created by an attempt that got no answer,
 *   `createGroup` is never re-sent blindly.
 * - v1 PATCH helpers the SDKs lack: `removeUserAttributes`, `deleteUserValues`.
 *
 * - openapi-fetch underneath: `client.openapi` (any operation of the spec, typed) and
 *   `client.use()` middleware, with the client's token, retries and timeout.
 *
 * The rest has entries of its own, so an app ships only what it imports (this entry's gzipped
 * budget, openapi-fetch included, is checked by `deno task size`): `@org/slack-scim/filter` (filters from untrusted
 * values, without injection), `@org/slack-scim/paging` (`iterateUsers`, `iterateGroups`),
 * `@org/slack-scim/membership` (chunked group membership), `@org/slack-scim/retry` (the retry
 * handlers, as the Python SDK's `slack_sdk.http_retry`), `@org/slack-scim/testing` (the Slack
 * SCIM simulator).
 *
 * @example Users and groups, against the simulator from "@org/slack-scim/testing"
 * ```ts
 * import { isSCIMApiError, SCIMClient } from "@org/slack-scim";
 * import { filter } from "@org/slack-scim/filter";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ token: "xoxp-example", users: 3 });
 * // Against Slack: new SCIMClient({ token: Deno.env.get("SLACK_ORG_ADMIN_USER_TOKEN")! })
 * const client = new SCIMClient({ token: "xoxp-example", fetch: sim.fetch });
 *
 * const created = await client.createUser({
 *   userName: "cal",
 *   name: { givenName: "C", familyName: "Henderson" },
 *   emails: [{ value: "cal@example.com" }],
 * });
 * const found = await client.searchUsers({ count: 100, filter: filter`userName eq ${"cal"}` });
 * assert.equal(found.users[0]?.id, created.user.id);
 *
 * const group = await client.createGroup({
 *   displayName: "Ops",
 *   members: [{ value: created.user.id! }],
 * });
 * const patched = await client.patchGroup(group.group.id!, { displayName: "Operations" });
 * assert.equal(patched.status, 204);
 * await client.deleteGroup(group.group.id!);
 *
 * try {
 *   await client.readGroup(group.group.id!);
 *   assert.fail("the group was deleted");
 * } catch (error) {
 *   assert.ok(isSCIMApiError(error));
 *   assert.equal(error.description, "no_such_group");
 * }
 * ```
 *
 * @module
 */

export { AsyncSCIMClient, DEFAULT_BASE_URL, SCIMClient } from "./scim/v1/client.ts";
export { SCIMClientBase } from "./scim/client_base.ts";
export type { Pacer } from "./scim/transport.ts";
export {
  type ApiCallOptions,
  type CallOptions,
  DEFAULT_TIMEOUT,
  type SCIMClientOptions,
  type SearchOptions,
} from "./scim/client_options.ts";
export { VERSION } from "./scim/version.ts";
// The models and their schema URNs; not the client's own body helpers (scim/v1/_schemas.ts: the
// client fills `schemas` in and prepares a user for PUT itself).
export * from "./scim/v1/models.ts";
export type { NewGroup } from "./scim/v1/new_group.ts";
// The spec's types, to type a helper over `client.openapi`.
export type { components, operations, paths } from "./scim/v1/schema.gen.ts";
export * from "./scim/errors.ts";
export * from "./scim/redirect_error.ts";
export { isSlackScimError, SlackScimError } from "./common/slack_scim_error.ts";
export type * from "./scim/v1/responses.ts";
// What `deleteUserValues` takes; the PATCH bodies themselves are the methods' business.
export type { UserValuesToDelete } from "./scim/v1/patch_helpers.ts";
// What the client throws when no answer came, and the retry types its options name. The retry
// API itself (handlers, calculators, createRetryingFetch) is the "./retry" entry, as the Python
// SDK keeps it in `slack_sdk.http_retry`.
export * from "./retry/request_failed_error.ts";
export * from "./retry/request_timeout_error.ts";
export type {
  HttpRequest,
  HttpResponse,
  RetryContext,
  RetryHandler,
  RetryState,
} from "./retry/handler.ts";
export type { FailedAttempt, RetryStats } from "./retry/stats.ts";
export type * from "./retry/logger.ts";
