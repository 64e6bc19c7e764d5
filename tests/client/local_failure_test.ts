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
    clock: { sleep: () => Promise.resolve() },
  });
  const request = new Request("https://api.slack.com/scim/v1/Users", {
    method: "POST",
    body: "{}",
  });
  const error = await rejection(fetch(request));
  assert.ok(isRequestFailedError(error));
  assert.equal(calls, 1);
  assert.equal(error.mayHaveBeenApplied, false);
  assert.match(error.message, /refused the request before sending it \(fetch failed: bad port\)/);
});

Deno.test("a refusal after an attempt that got no answer still says the write may have been applied", async () => {
  const script = [nodeReset, nodeBadPort];
  const fetch = createRetryingFetch({
    retryHandlers: () => [new ConnectionErrorRetryHandler({ maxRetryCount: 3 })],
    fetch: () => Promise.reject(script.shift()!()),
    clock: { sleep: () => Promise.resolve() },
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

Deno.test("each runtime's way of refusing a request is told from a network failure", async () => {
  const refused = [
    new TypeError("Fetch failed: Requests to port 25 are blocked"), // Deno
    new TypeError("fetch failed", { cause: new Error("unknown scheme") }), // Node
    new TypeError("Url scheme 'ftp' not supported"), // Deno
    new TypeError(
      "Request cannot be constructed from a URL that includes credentials: https://u:p@x/",
    ), // Node
    new TypeError(
      "Failed to construct 'Request': 'headers' of 'RequestInit' (Argument 2) is not a valid ByteString",
    ), // Deno
    new TypeError("Method is forbidden"),
    Object.assign(new Error('Requires net access to "api.slack.com:443"'), { name: "NotCapable" }),
  ];
  const network = [
    nodeReset(),
    new TypeError("fetch failed", {
      cause: new Error(
        "error sending request for url (https://api.slack.com/scim/v1/Users): client error (Connect): tcp connect error: Connection refused (os error 111)",
      ),
    }),
  ];
  for (
    const [error, local] of [...refused.map((e) => [e, true]), ...network.map((e) => [e, false])]
  ) {
    let calls = 0;
    const fetch = createRetryingFetch({
      retryHandlers: () => [new ConnectionErrorRetryHandler()],
      fetch: () => (calls++, Promise.reject(error)),
      clock: { sleep: () => Promise.resolve() },
    });
    const request = new Request("https://api.slack.com/scim/v1/Users", { method: "POST" });
    const failed = await rejection(fetch(request));
    assert.ok(isRequestFailedError(failed), String(failed));
    const name = (error as Error).message;
    assert.equal(failed.mayHaveBeenApplied, !local, name);
    assert.equal(calls, local ? 1 : 2, name);
    assert.equal(/never left/.test(failed.message), local, failed.message);
  }
});
