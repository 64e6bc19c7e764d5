/** Shared helpers for the simulator's v2 tests: plain `Request`s to `sim.fetch`, v1 and v2. */

import type { SlackScimSimulator } from "../../../scim/testing/mod.ts";
import { type Answer, call } from "../helpers.ts";

export { type Answer, fixture, FIXTURES, simulator } from "../helpers.ts";

/** The v1 and v2 bases of the in-process calls. */
export const V1 = "https://api.slack.com/scim/v1/";
export const V2 = "https://api.slack.com/scim/v2/";

export const CORE_V1 = "urn:scim:schemas:core:1.0";
export const ENTERPRISE_V1 = "urn:scim:schemas:extension:enterprise:1.0";
export const GUEST_V1 = "urn:scim:schemas:extension:slack:guest:1.0";
export const USER_V2 = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_V2 = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_V2 = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const GUEST_V2 = "urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User";
export const PROFILE_V2 = "urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const ERROR_V2 = "urn:ietf:params:scim:api:messages:2.0:Error";

/** Calls the v2 API in-process; `body` is sent as JSON. */
export function v2(
  sim: SlackScimSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  return call(sim, method, `${V2}${path}`, body);
}

/** Calls the v1 API in-process; `body` is sent as JSON. */
export function v1(
  sim: SlackScimSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  return call(sim, method, `${V1}${path}`, body);
}

/** A PatchOp body of the given operations. */
export function patchOp(...operations: unknown[]): Record<string, unknown> {
  return { schemas: [PATCH_OP], Operations: operations };
}

/** Throws with the answer's text unless its status is the one expected. */
export function expectStatus(answer: Answer, status: number): Answer {
  if (answer.status !== status) {
    throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
  }
  return answer;
}

/** Creates a full member through v1 and returns its id. */
export async function createV1(
  sim: SlackScimSimulator,
  userName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const answer = await v1(sim, "POST", "Users", {
    schemas: [CORE_V1],
    userName,
    emails: [{ value: `${userName}@example.com`, primary: true }],
    ...extra,
  });
  return expectStatus(answer, 201).body.id;
}
