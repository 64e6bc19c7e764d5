/**
 * Slack's SCIM v2 API (SCIM 2.0): `SCIM2Client`, the v2 models with Slack's enterprise, guest
 * and profile extensions, typed RFC 7644 PATCH operations with builders for the common ones
 * (`userPatch`, `groupPatch`, `valuePath`), the v2 `filter` template, paging
 * (`iterateUsers`, `iterateGroups`) and chunked group membership (`addGroupMembers`, …). The
 * transport, retries, errors (`SCIMApiError`), paging and membership engines are the ones
 * `SCIMClient` uses.
 *
 * @example What users write
 * ```ts
 * import { filter, SCIM2Client, userPatch } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ token: "xoxp-example" });
 * // Against Slack: new SCIM2Client({ token: Deno.env.get("SLACK_ORG_ADMIN_USER_TOKEN")! })
 * const client = new SCIM2Client({ token: "xoxp-example", fetch: sim.fetch });
 * const created = await client.createUser({
 *   userName: "cal",
 *   emails: [{ value: "cal@example.com", primary: true }],
 * });
 * const { users } = await client.searchUsers({ filter: filter`userName eq ${"cal"}`, count: 100 });
 * assert.equal(users[0]?.id, created.user.id);
 * await client.patchUser(created.user.id!, [
 *   { op: "replace", path: "name.givenName", value: "Cal" },
 *   userPatch.replace("title", "Captain"),
 * ]);
 * const deleted = await client.deleteUser(created.user.id!); // 204, deactivates
 * assert.equal(deleted.status, 204);
 * ```
 *
 * @module
 */

export * from "./models.ts";
export type { NewGroup } from "./new_group.ts";
export * from "./patch_op.ts";
export type { TypedPatchOperation } from "./patch_paths.ts";
// The spec's types, to type a helper over `client.openapi`.
export type { components, operations, paths } from "./schema.gen.ts";
export type { FilterValue } from "../filter.ts";
export * from "./client.ts";
export { SCIMClientBase } from "../client_base.ts";
export * from "./responses.ts";
export { filter } from "./filter.ts";
export * from "./iterate.ts";
export * from "./group_members.ts";
export * from "../group_membership_error.ts";
export {
  type ApiCallOptions,
  type CallOptions,
  DEFAULT_TIMEOUT,
  type SCIMClientOptions,
  type SearchOptions,
} from "../client_options.ts";
export { VERSION } from "../version.ts";
// Every error SCIM2Client throws for callers to catch, and their common base.
export * from "../errors.ts";
export * from "../redirect_error.ts";
export { isSlackScimError, SlackScimError } from "../../common/slack_scim_error.ts";
export * from "../../retry/request_failed_error.ts";
export * from "../../retry/request_timeout_error.ts";
export type { Pacer } from "../transport.ts";
export type {
  HttpRequest,
  HttpResponse,
  RetryContext,
  RetryHandler,
  RetryState,
} from "../../retry/handler.ts";
export type { FailedAttempt, RetryStats } from "../../retry/stats.ts";
export type * from "../../retry/logger.ts";
