// The smoke Worker: runs the walkthrough inside workerd with the client from the npm build
// (bundled into this Worker, as wrangler would). The Node host passes the simulator's base URL.

import { isSCIMApiError, SCIMClient } from "@org/slack-scim";
import { filter } from "@org/slack-scim/filter";
import * as limits from "@org/slack-scim/limits";
import { setGroupMembers } from "@org/slack-scim/membership";
import { iterateUsers } from "@org/slack-scim/paging";
import { RateLimitErrorRetryHandler } from "@org/slack-scim/retry";
import * as sync from "@org/slack-scim/sync";
import * as v2 from "@org/slack-scim/v2";
import { runSteps, walkthrough } from "../walkthrough.mjs";

export default {
  async fetch(request) {
    const baseUrl = new URL(request.url).searchParams.get("baseUrl");
    if (baseUrl === null) {
      return new Response("Missing ?baseUrl", { status: 400 });
    }
    const lines = [];
    const lib = {
      SCIMClient,
      filter,
      isSCIMApiError,
      RateLimitErrorRetryHandler,
      iterateUsers,
      setGroupMembers,
      v2,
      limits,
      sync,
    };
    const { passed, failed } = await runSteps(
      "workerd",
      walkthrough(lib, baseUrl),
      (line) => lines.push(line),
    );
    return Response.json({ passed, failed, lines });
  },
};
