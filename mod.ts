/**
 * A client for Slack's SCIM API (v1): the Python SDK's `SCIMClient` in TypeScript, on web
 * standards only (Deno, Node, Bun, Cloudflare Workers).
 *
 * - `SCIMClient` (also as `AsyncSCIMClient`): users, groups, discovery and an `apiCall` escape
 *   hatch; typed models (`User`, `Group`, … with the enterprise, guest and profile extensions);
 *   `SCIMApiError` for any answer outside 2xx, HTML and truncated bodies included.
 * - Retries (`retryHandlers`), timeouts and cancellation on every call; the retry API is also
 *   available from `@org/slack-scim/retry`.
 * - Safe writes: `createUser` recovers a user created by an attempt that got no answer,
 *   `createGroup` is never re-sent blindly.
 * - v1 PATCH helpers the SDKs lack: `removeUserAttributes`, `deleteUserValues`.
 * - `filter` builds filters from untrusted values without injection.
 *
 * @example Users and groups, against the simulator from "@org/slack-scim/testing"
 * ```ts
 * import { filter, isSCIMApiError, SCIMClient } from "@org/slack-scim";
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

export { type ApiCallOptions, AsyncSCIMClient, SCIMClient } from "./scim/v1/client.ts";
export {
  type CallOptions,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT,
  type SCIMClientOptions,
  type SearchOptions,
  VERSION,
} from "./scim/v1/client_options.ts";
export * from "./scim/v1/models.ts";
export * from "./scim/errors.ts";
export type * from "./scim/response.ts";
export * from "./scim/v1/schemas.ts";
export * from "./scim/v1/patch_helpers.ts";
export * from "./scim/filter.ts";
// The retry API, also the "./retry" entry: handlers, errors, Retry-After parsing.
export * from "./retry/mod.ts";
