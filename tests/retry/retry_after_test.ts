import assert from "node:assert/strict";
import { parseRetryAfter } from "../../retry/retry_after.ts";

const NOW = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");

Deno.test("parseRetryAfter() reads whole seconds as milliseconds", () => {
  assert.equal(parseRetryAfter("0", NOW), 0);
  assert.equal(parseRetryAfter("30", NOW), 30_000);
  assert.equal(parseRetryAfter(" 7 ", NOW), 7_000);
});

Deno.test("parseRetryAfter() reads the three HTTP date forms against the given clock", () => {
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", NOW), 10_000);
  assert.equal(parseRetryAfter("Wednesday, 21-Oct-15 07:28:20 GMT", NOW), 20_000);
  assert.equal(parseRetryAfter("Wed Oct 21 07:28:30 2015", NOW), 30_000);
});

Deno.test("parseRetryAfter() answers 0 for a date in the past", () => {
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", NOW), 0);
});

Deno.test("parseRetryAfter() answers undefined for a missing or garbled value", () => {
  for (
    const value of [
      null,
      "",
      "soon",
      "-5",
      "1.5",
      "5e3",
      "in 5 minutes",
      "Wed, 32 Oct 2015 99:99:99 GMT",
    ]
  ) {
    assert.equal(parseRetryAfter(value, NOW), undefined, `for ${JSON.stringify(value)}`);
  }
});
