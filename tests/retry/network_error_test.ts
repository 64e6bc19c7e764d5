import assert from "node:assert/strict";
import { isNetworkError } from "../../retry/network_error.ts";
import { networkErrors } from "./_server.ts";

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
