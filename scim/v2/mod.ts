/**
 * Slack's SCIM v2 API (SCIM 2.0): the v2 models with Slack's extensions, and typed RFC 7644
 * PATCH operations with builders for the common ones.
 *
 * @example Typed operations for a user
 * ```ts
 * import { type UserPatchOperation, userPatch } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const operations: UserPatchOperation[] = [
 *   { op: "replace", path: "name.givenName", value: "Cal" },
 *   { op: "remove", path: "emails[primary eq false]" },
 *   userPatch.deactivate(),
 * ];
 * assert.equal(operations.length, 3);
 * ```
 *
 * @module
 */

export * from "./models.ts";
export * from "./patch_op.ts";
export type * from "./patch_paths.ts";
export type { FilterValue } from "../filter.ts";
