// A request the runtime refuses before sending it (a blocked port, a URL or header it cannot
// send) never left: the error says so, `mayHaveBeenApplied` stays false for a write, and it is
// not retried as if the network had failed.

import assert from "node:assert/strict";
import { isRequestFailedError, SCIMClient } from "../../mod.ts";
import { ConnectionErrorRetryHandler, createRetryingFetch } from "../../retry/mod.ts";
import { rejection, TOKEN } from "./_helpers.ts";

Deno.test("createUser() to a port the runtime blocks fails saying the request never left, not that it got no answer", async () => {
  // Port 6000 (X11) is on fetch's list of blocked ports: the runtime refuses it before connecting.
  const client = new SCIMClient({ token: TOKEN, baseUrl: "http://127.0.0.1:6000/scim/v1/" });
  const error = await rejection(
    client.createUser({ userName: "ada", emails: [{ value: "ada@example.com" }] }),
  );
  assert.ok(isRequestFailedError(error), String(error));
  assert.equal(error.mayHaveBeenApplied, false);
  assert.match(
    error.message,
    /^Cannot send POST \/scim\/v1\/Users: the runtime refused the request before sending it \(.*port 6000.*\), so it never left and nothing was applied$/,
  );
  assert.doesNotMatch(error.message, /no answer/);
});

/** Node's (undici's) shape for a blocked port. */
const nodeBadPort = () => new TypeError("fetch failed", { cause: new Error("bad port") });
const nodeReset = () =>
  new TypeError("fetch failed", {
    cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
  });

Deno.test("the retrying fetch does not retry a refused request and marks a write as not applied", async () => {
  let calls = 0;
  const fetch = createRetryingFetch({
    retryHandlers: () => [new ConnectionErrorRetryHandler({ maxRetryCount: 3 })],
    fetch: () => (calls++, Promise.reject(nodeBadPort())),
    sleep: () => Promise.resolve(),
  });
  const request = new Request("https://api.slack.com/scim/v1/Users", {
    method: "POST",
    body: "{}",
  });
  const error = await rejection(fetch(request));
  assert.ok(isRequestFailedError(error));
  assert.equal(calls, 1);
  assert.equal(error.mayHaveBeenApplied, false);
  assert.match(error.message, /refused the request before sending it \(fetch failed\)/);
});

Deno.test("a refusal after an attempt that got no answer still says the write may have been applied", async () => {
  const script = [nodeReset, nodeBadPort];
  const fetch = createRetryingFetch({
    retryHandlers: () => [new ConnectionErrorRetryHandler({ maxRetryCount: 3 })],
    fetch: () => Promise.reject(script.shift()!()),
    sleep: () => Promise.resolve(),
  });
  const request = new Request("https://api.slack.com/scim/v1/Users/U1", { method: "DELETE" });
  const error = await rejection(fetch(request));
  assert.ok(isRequestFailedError(error));
  assert.equal(error.mayHaveBeenApplied, true);
  assert.equal(error.attempts, 2);
  assert.match(
    error.message,
    /an earlier attempt got no answer, so the write may have been applied$/,
  );
});
