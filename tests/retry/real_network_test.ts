// Real failures from this runtime's own fetch over loopback, so the classifier is checked against
// what Deno actually throws, not only against hand-made copies.
import assert from "node:assert/strict";
import { isNetworkError } from "../../retry/network_error.ts";
import { createRetryingFetch } from "../../retry/fetch.ts";
import { defaultRetryHandlers } from "../../retry/defaults.ts";
import { isRequestFailedError } from "../../retry/request_failed_error.ts";
import { SimulatedConnectionReset } from "../../scim/testing/fault_connection_reset.ts";

Deno.test("isNetworkError() recognises this runtime's refused connection", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  const error = await fetch(`http://127.0.0.1:${port}/scim/v1/Users`).catch((e) => e);
  assert.ok(isNetworkError(error), String(error));
});

Deno.test("isNetworkError() recognises this runtime's connection closed without an answer", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  let accepted = 0;
  const serving = (async () => {
    for await (const conn of listener) {
      accepted++;
      await conn.read(new Uint8Array(4096));
      conn.close();
    }
  })();
  try {
    const retrying = createRetryingFetch({
      retryHandlers: defaultRetryHandlers,
      clock: { sleep: () => Promise.resolve() },
    });
    const error = await retrying(
      new Request(`http://127.0.0.1:${port}/scim/v1/Users`, { method: "POST", body: "{}" }),
    ).catch((e) => e);
    assert.ok(isRequestFailedError(error), String(error));
    assert.ok(isNetworkError(error.cause), String(error.cause));
    assert.equal(error.attempts, 2, "the default handler retried once");
    assert.equal(error.mayHaveBeenApplied, true);
    assert.ok(accepted >= 2);
  } finally {
    listener.close();
    await serving.catch(() => {});
  }
});

Deno.test("isNetworkError() recognises the simulator's connection reset", () => {
  assert.equal(isNetworkError(new SimulatedConnectionReset({ processed: true })), true);
});
