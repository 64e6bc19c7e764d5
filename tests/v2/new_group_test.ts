// SCIM2Client.createGroup requires what Slack requires (displayName and members), as v1's does.
// The @ts-expect-error lines must fail to compile; `deno check` fails if one ever compiles.

import assert from "node:assert/strict";
import { SCIM2Client } from "../../scim/v2/mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";

Deno.test("SCIM2Client.createGroup() refuses at compile time a group without members or name", async () => {
  const sim = new SlackScimSimulator({ token: "xoxp-test" });
  const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch, rateLimiter: false });
  const created = await client.createGroup({ displayName: "Ops", members: [] });
  assert.equal(created.status, 201);
  const attempts = [
    // @ts-expect-error: members is required (Slack answers 400 without it)
    () => client.createGroup({ displayName: "No members" }),
    // @ts-expect-error: displayName is required
    () => client.createGroup({ members: [] }),
  ];
  assert.equal(attempts.length, 2);
});
