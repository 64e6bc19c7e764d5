// Where the shared Slack SCIM fixtures are: `../shared/fixtures` beside the repository, or the
// folder SLACK_SCIM_FIXTURES names (.ci/run sets it for a clone made away from that layout).

import { pathToFileURL } from "node:url";

const fromEnv = Deno.env.get("SLACK_SCIM_FIXTURES");

/** The fixtures folder, ending with `/`. */
export const FIXTURES: URL = fromEnv
  ? pathToFileURL(fromEnv.endsWith("/") ? fromEnv : `${fromEnv}/`)
  : new URL("../../shared/fixtures/", import.meta.url);
