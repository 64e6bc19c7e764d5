/**
 * The sizes the simulator accepts: how big a request body, and how long a string attribute, may
 * be (`responses.ts` reads bodies within the bound, the user and group rules check lengths).
 * Slack documents `displayName` (80 characters) and `userName` (21), enforced where those are
 * read (`user_names.ts`); it documents no body size and no other attribute length, so the
 * bounds here are the simulator's own, chosen so that nothing a real client sends is refused and
 * nothing runaway (a 200 MB `title`) is kept in memory.
 *
 * @module
 */

/**
 * The largest request body, in bytes: 8 MiB. A larger one is answered 413 `request_too_large`
 * (in the version's error shape) before it is read whole, and nothing is stored.
 *
 * The largest request Slack documents is a group write of 15,000 members (`members: [{"value":
 * "U…", "display": "…"}]`, display names of up to 80 characters): about 1 MB with typical names,
 * at most about 5.3 MB with 80 four-byte characters each. 8 MiB is above that worst case with
 * room for indentation, and well below what would hurt a test process.
 *
 * @example A body one byte over the bound is refused with 413
 * ```ts
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import { MAX_REQUEST_BYTES } from "./request_limits.ts";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const body = JSON.stringify({ schemas: ["urn:scim:schemas:core:1.0"], title: "" });
 * const padded = body.replace('""', `"${"x".repeat(MAX_REQUEST_BYTES - body.length + 1)}"`);
 * const res = await sim.fetch(
 *   new Request("https://api.slack.com/scim/v1/Users", {
 *     method: "POST",
 *     headers: { authorization: "Bearer xoxp-test", "content-type": "application/json" },
 *     body: padded,
 *   }),
 * );
 * assert.equal(res.status, 413);
 * assert.deepEqual(await res.json(), { Errors: { description: "request_too_large", code: 413 } });
 * ```
 */
export const MAX_REQUEST_BYTES: number = 8 * 1024 * 1024;

/**
 * The longest string attribute without a limit of Slack's own, in characters (code points):
 * 1,024. Longer is 400 `invalid_attribute_format` for a user's attributes (`title`, names,
 * emails, phone numbers, address fields, role, enterprise fields, `externalId`, manager) and
 * `invalid_display_name` for a group's name. Photos are the exception: a `data:` URL may be as
 * long as the body allows.
 *
 * @example A 1,025-character title is refused; 1,024 is stored
 * ```ts
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import { MAX_STRING_LENGTH } from "./request_limits.ts";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const create = (title: string) =>
 *   sim.fetch(
 *     new Request("https://api.slack.com/scim/v1/Users", {
 *       method: "POST",
 *       headers: { authorization: "Bearer xoxp-test", "content-type": "application/json" },
 *       body: JSON.stringify({
 *         schemas: ["urn:scim:schemas:core:1.0"],
 *         userName: `t${title.length}`,
 *         emails: [{ value: `t${title.length}@example.com` }],
 *         title,
 *       }),
 *     }),
 *   );
 * assert.equal((await create("x".repeat(MAX_STRING_LENGTH))).status, 201);
 * const refused = await create("x".repeat(MAX_STRING_LENGTH + 1));
 * assert.equal(refused.status, 400);
 * assert.equal((await refused.json()).Errors.description, "invalid_attribute_format");
 * ```
 */
export const MAX_STRING_LENGTH = 1_024;

/**
 * Whether a string is longer than a number of characters (code points), without copying it.
 *
 * @param text The string.
 * @param max The most characters allowed.
 * @returns `true` when `text` has more than `max` code points.
 *
 * @example Code points, not UTF-16 units
 * ```ts
 * import { isLongerThan } from "./request_limits.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isLongerThan("😀".repeat(80), 80), false); // 160 UTF-16 units, 80 characters
 * assert.equal(isLongerThan("x".repeat(81), 80), true);
 * ```
 */
export function isLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return true;
  return false;
}
