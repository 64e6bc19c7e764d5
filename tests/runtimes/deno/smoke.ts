// Deno smoke suite: the walkthrough from source (the package's own entries, as JSR serves them).
// Run: deno run --config deno.json --allow-net=127.0.0.1 tests/runtimes/deno/smoke.ts
// (`deno run` looks for its config from the script's folder and would stop at
// tests/runtimes/package.json, which does not know "@org/slack-scim").

import * as main from "@org/slack-scim";
import * as filter from "@org/slack-scim/filter";
import * as limits from "@org/slack-scim/limits";
import * as membership from "@org/slack-scim/membership";
import * as paging from "@org/slack-scim/paging";
import * as retry from "@org/slack-scim/retry";
import * as sync from "@org/slack-scim/sync";
import * as testing from "@org/slack-scim/testing";
import * as v2 from "@org/slack-scim/v2";
import { runHosted } from "../host.mjs";

const { failed } = await runHosted("deno", {
  ...retry,
  ...testing,
  ...filter,
  ...paging,
  ...membership,
  ...main,
  v2,
  limits,
  sync,
});
Deno.exit(failed === 0 ? 0 : 1);
