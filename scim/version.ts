// The library's version: deno.json's "version", copied here by `deno task version` (a library
// module cannot read deno.json at run time on every runtime). tests/packaging/version_test.ts
// fails when the two differ; never edit the line below by hand.

/**
 * The library's version, sent in the `User-Agent` header.
 *
 * @example The User-Agent Slack sees
 * ```ts
 * import { SCIMClient, VERSION } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3 });
 * const agents: (string | null)[] = [];
 * const client = new SCIMClient({
 *   token: "xoxp-test",
 *   userAgentPrefix: "hr-sync/2.0",
 *   fetch: (request) => {
 *     agents.push(request.headers.get("user-agent"));
 *     return sim.fetch(request);
 *   },
 * });
 * await client.searchUsers({ count: 1 });
 * assert.deepEqual(agents, [`hr-sync/2.0 slack-scim/${VERSION}`]);
 * ```
 */
export const VERSION = "0.1.0";
