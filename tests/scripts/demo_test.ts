// `deno task demo` with a token but no way to reach Slack ends in one clear line and a non-zero
// exit, never a stack trace and never the token. "No network" here is Deno refusing the request
// (no --allow-net), which needs no network to be absent and fails the same way a DNS error does.

import assert from "node:assert/strict";

const TOKEN = "xoxp-demo-secret-0123456789";

Deno.test("deno task demo with a token but no network prints one line naming the failure and exits 1", async () => {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-prompt", "--allow-env=SLACK_ORG_ADMIN_USER_TOKEN", "scripts/demo.ts"],
    env: { SLACK_ORG_ADMIN_USER_TOKEN: TOKEN, NO_COLOR: "1", RUST_BACKTRACE: "0" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(stdout);
  const err = new TextDecoder().decode(stderr);
  assert.equal(code, 1, err);
  const lines = err.trim().split("\n");
  assert.equal(lines.length, 1, err);
  assert.match(
    lines[0]!,
    /^demo: Cannot send GET \/scim\/v1\/ServiceProviderConfigs: the runtime refused the request before sending it \(.*net access.*\)/,
  );
  assert.doesNotMatch(err, /^\s+at /m, "no stack trace");
  assert.doesNotMatch(err, /Uncaught/);
  assert.ok(!`${out}${err}`.includes(TOKEN), "the token is never printed");
});
