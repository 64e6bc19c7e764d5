// A handler that throws (a bug, or an invalid delay) ends the call with its error; the failed
// answer nobody will read is cancelled so its connection is released.

import assert from "node:assert/strict";
import { createRetryingFetch } from "../../retry/fetch.ts";
import { RetryHandler } from "../../retry/handler.ts";

const USERS = "https://api.slack.com/scim/v1/Users";

/** A 503 whose body records being cancelled. */
function tracked503() {
  const seen = { cancelled: false };
  const body = new ReadableStream({
    cancel() {
      seen.cancelled = true;
    },
  });
  return { seen, fetch: () => Promise.resolve(new Response(body, { status: 503 })) };
}

Deno.test("a handler whose canRetry throws ends the call with its error and cancels the answer's body", async () => {
  class Throws extends RetryHandler {
    protected override shouldRetry(): boolean {
      throw new Error("handler bug");
    }
  }
  const server = tracked503();
  const fetch = createRetryingFetch({ retryHandlers: () => [new Throws()], fetch: server.fetch });
  await assert.rejects(fetch(new Request(USERS)), { message: "handler bug" });
  assert.equal(server.seen.cancelled, true);
});

Deno.test("a handler whose prepareForNextAttempt throws cancels the answer's body", async () => {
  class Throws extends RetryHandler {
    protected override shouldRetry(): boolean {
      return true;
    }
    override prepareForNextAttempt(): number {
      throw new Error("no delay for you");
    }
  }
  const server = tracked503();
  const fetch = createRetryingFetch({ retryHandlers: () => [new Throws()], fetch: server.fetch });
  await assert.rejects(fetch(new Request(USERS)), { message: "no delay for you" });
  assert.equal(server.seen.cancelled, true);
});

Deno.test("an invalid delay's RangeError cancels the answer's body", async () => {
  class Negative extends RetryHandler {
    protected override shouldRetry(): boolean {
      return true;
    }
    override prepareForNextAttempt(): number {
      return -5;
    }
  }
  const server = tracked503();
  const fetch = createRetryingFetch({ retryHandlers: () => [new Negative()], fetch: server.fetch });
  await assert.rejects(fetch(new Request(USERS)), {
    name: "RangeError",
    message:
      'Cannot wait "-5" ms before retrying GET /scim/v1/Users: Negative.prepareForNextAttempt() must return a finite number >= 0',
  });
  assert.equal(server.seen.cancelled, true);
});
