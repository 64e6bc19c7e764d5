import assert from "node:assert/strict";
import { isNetworkError } from "../../retry/network_error.ts";
import { defaultRetryHandlers } from "../../retry/defaults.ts";
import { createRetryingFetch } from "../../retry/fetch.ts";
import { isRequestFailedError } from "../../retry/request_failed_error.ts";
import {
  certificateErrors,
  networkErrors,
  recordingSleep,
  scriptedServer,
  USERS,
} from "./_server.ts";

for (const [name, make] of Object.entries(networkErrors)) {
  Deno.test(`isNetworkError() recognises ${name}`, () => {
    assert.equal(isNetworkError(make()), true);
  });
}

Deno.test("isNetworkError() rejects the caller's abort and the timeout signal", () => {
  assert.equal(
    isNetworkError(new DOMException("The signal has been aborted", "AbortError")),
    false,
  );
  assert.equal(isNetworkError(new DOMException("Signal timed out.", "TimeoutError")), false);
  const controller = new AbortController();
  controller.abort();
  assert.equal(isNetworkError(controller.signal.reason), false);
});

Deno.test("isNetworkError() rejects programming and certificate errors", () => {
  assert.equal(isNetworkError(new TypeError("Invalid URL: 'nope'")), false);
  assert.equal(isNetworkError(new TypeError("Body is unusable")), false);
  assert.equal(
    isNetworkError(
      new TypeError(
        "error sending request for url (https://x/): client error (Connect): invalid peer certificate: UnknownIssuer",
      ),
    ),
    false,
  );
  assert.equal(
    isNetworkError(
      new TypeError("fetch failed", {
        cause: Object.assign(new Error("unable to verify the first certificate"), {
          code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        }),
      }),
    ),
    false,
  );
  assert.equal(isNetworkError("connection reset"), false);
  assert.equal(isNetworkError(undefined), false);
});

for (const [name, make] of Object.entries(certificateErrors)) {
  Deno.test(`isNetworkError() rejects the ${name} certificate error`, () => {
    assert.equal(isNetworkError(make()), false);
  });
}

Deno.test("isNetworkError() survives a cause chain that loops", () => {
  const error = new TypeError("fetch failed");
  const cause = new Error("error sending request for url (https://x/): connection closed", {
    cause: error,
  });
  Object.defineProperty(error, "cause", { value: cause });
  assert.equal(isNetworkError(error), true);
});

Deno.test("a URL whose query spells cert_ or certificate does not make a reset permanent", () => {
  const url = `${USERS}?filter=userName%20eq%20%22cert_admin%22&note=certificate`;
  assert.equal(
    isNetworkError(
      new TypeError(
        `error sending request for url (${url}): client error (SendRequest): connection closed before message completed`,
      ),
    ),
    true,
  );
  assert.equal(
    isNetworkError(
      new TypeError("fetch failed", {
        cause: new Error(
          `error sending request for url (${url}): client error (Connect): tcp connect error: Connection refused (os error 111)`,
        ),
      }),
    ),
    true,
  );
});

Deno.test("the default handlers send a call that met Deno 2.9's certificate error once", async () => {
  const server = scriptedServer(certificateErrors.deno29(), new Response("ok"));
  const fetch = createRetryingFetch({
    retryHandlers: defaultRetryHandlers,
    fetch: server.fetch,
    clock: { sleep: recordingSleep().sleep },
  });
  const error = await fetch(new Request(USERS)).catch((e) => e);
  assert.ok(isRequestFailedError(error), String(error));
  assert.equal(error.attempts, 1);
  assert.equal(server.received.length, 1);
});
