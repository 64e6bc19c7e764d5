// Hostile input, as plain JavaScript or a careless caller gives it: each is refused before
// anything is sent, with an error that names the argument (never a runtime internal such as
// "Cannot read properties of null"), never shows the token, and stays short.

import assert from "node:assert/strict";
import { isSCIMApiError, SCIMApiError, SCIMClient } from "../../mod.ts";
import {
  BackoffRetryIntervalCalculator,
  ConnectionErrorRetryHandler,
  createRetryingFetch,
  FixedValueRetryIntervalCalculator,
  MAX_TIMEOUT,
  RandomJitter,
  RateLimitErrorRetryHandler,
  ServerErrorRetryHandler,
  systemClock,
} from "../../retry/mod.ts";
import { filter } from "../../scim/filter.ts";
import {
  addGroupMembers,
  removeGroupMembers,
  setGroupMembers,
} from "../../scim/v1/group_members.ts";
import { iterateGroups, iterateUsers } from "../../scim/v1/iterate.ts";
import { rejection, setup, TOKEN } from "./_helpers.ts";

// deno-lint-ignore no-explicit-any
type Any = any;

/** Asserts the error is a TypeError or RangeError, not a runtime internal, matching `message`. */
function named(error: unknown, message: RegExp): void {
  assert.ok(error instanceof TypeError || error instanceof RangeError, String(error));
  assert.match(error.message, message);
  assert.doesNotMatch(error.message, /Cannot read properties|is not a function|is not iterable/);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("Expected an error, none was thrown");
}

// ---- baseUrl ----------------------------------------------------------------------------------

Deno.test("new SCIMClient() refuses a baseUrl ending in an empty query or fragment, which would swallow every path", () => {
  for (const suffix of ["?", "#", "?#"]) {
    const baseUrl = `https://api.slack.com/scim/v1/${suffix}`;
    named(
      thrown(() => new SCIMClient({ token: TOKEN, baseUrl })),
      /^Cannot use baseUrl: "https:\/\/api\.slack\.com\/scim\/v1\/[?#]+" must not have a query or fragment$/,
    );
  }
});

Deno.test("new SCIMClient() refuses a baseUrl whose path does not end in /scim/v1/, saying what it should be", () => {
  for (
    const baseUrl of [
      "https://api.slack.com/",
      "https://api.slack.com/scim/",
      "https://api.slack.com/scim/v2/",
      "https://api.slack.com/scim/v1/Users/",
      "http://127.0.0.1:8080/",
    ]
  ) {
    named(
      thrown(() => new SCIMClient({ token: TOKEN, baseUrl })),
      /does not end in "\/scim\/v1\/" as Slack's SCIM v1 API does$/,
    );
  }
  // A gateway keeping the path, with or without the last slash, is fine.
  const proxied = new SCIMClient({ token: TOKEN, baseUrl: "https://gw.example.com/slack/scim/v1" });
  assert.equal(proxied.baseUrl, "https://gw.example.com/slack/scim/v1/");
});

// ---- timeouts ---------------------------------------------------------------------------------

const TOO_LONG =
  /^Cannot use timeout: 2147483648 ms is more than a timer holds \(2147483647\); use 0 for none$/;

Deno.test("a timeout past what a timer holds is refused up front: the client option, a call's and the retrying fetch's", async () => {
  assert.equal(MAX_TIMEOUT, 2 ** 31 - 1);
  named(thrown(() => new SCIMClient({ token: TOKEN, timeout: MAX_TIMEOUT + 1 })), TOO_LONG);
  assert.equal(new SCIMClient({ token: TOKEN, timeout: MAX_TIMEOUT }).timeout, MAX_TIMEOUT);

  const { client, sim } = setup();
  named(await rejection(client.readUser("U1", { timeout: MAX_TIMEOUT + 1 })), TOO_LONG);
  named(await rejection(client.searchUsers({ timeout: MAX_TIMEOUT + 1 })), TOO_LONG);
  assert.equal(sim.requests.length, 0, "nothing was sent");

  let sent = 0;
  const fetch = createRetryingFetch({
    retryHandlers: () => [],
    fetch: () => (sent++, Promise.resolve(new Response("ok"))),
  });
  named(
    await rejection(fetch(new Request("https://api.slack.com/scim/v1/Users"), {
      timeout: MAX_TIMEOUT + 1,
    })),
    TOO_LONG,
  );
  assert.equal(sent, 0);
  // The clock's own timeout signal keeps the same rule, in the same words.
  named(thrown(() => systemClock.timeout(MAX_TIMEOUT + 1)), TOO_LONG);
  named(thrown(() => systemClock.timeout(NaN)), /^Cannot use timeout: "NaN" is not a finite/);
  // The longest one works (its timer is armed, not fired at once).
  const ok = await fetch(new Request("https://api.slack.com/scim/v1/Users"), {
    timeout: MAX_TIMEOUT,
  });
  assert.equal(await ok.text(), "ok");
});

// ---- the token and headers ----------------------------------------------------------------------

Deno.test("a token that is no valid header value is refused naming the option, never showing it", () => {
  for (const token of ["xoxp-sécret-€", "xoxp-secret-\u{1f511}", "xoxp-secret\u00a0x"]) {
    const error = thrown(() => new SCIMClient({ token }));
    named(
      error,
      /^Cannot create SCIMClient: token has .*non-ASCII characters \(value not shown\)$/,
    );
    assert.ok(!(error as Error).message.includes("secret"));
  }
});

Deno.test("a headers option the runtime cannot send is refused naming the option, never a value", () => {
  for (
    const headers of [{ "X-Proxy-Key": "secret-€-value" }, { "bad name": "secret" }, 5 as Any]
  ) {
    const error = thrown(() => new SCIMClient({ token: TOKEN, headers }));
    named(error, /^Cannot use headers: a name or value is not valid in HTTP \(values not shown\)$/);
    assert.ok(!(error as Error).message.includes("secret"));
  }
  // A Headers object, as `new Headers()` takes it, still works.
  const client = new SCIMClient({ token: TOKEN, headers: new Headers({ "X-A": "1" }) as Any });
  assert.ok(client);
});

// ---- methods called from plain JavaScript -------------------------------------------------------

Deno.test("searchUsers(null) and searchGroups(null) name the options instead of crashing", async () => {
  const { client, sim } = setup();
  named(
    await rejection(client.searchUsers(null as Any)),
    /^Cannot call searchUsers: options "null" is not an object$/,
  );
  named(
    await rejection(client.searchGroups(null as Any)),
    /^Cannot call searchGroups: options "null" is not an object$/,
  );
  // An array is no options object either (every call's options go through one check).
  named(
    await rejection(client.searchUsers([] as Any)),
    /^Cannot call searchUsers: options "" is not an object$/,
  );
  named(
    await rejection(client.readUser("U1", [1] as Any)),
    /^Cannot call readUser: options "1" is not an object$/,
  );
  named(
    await rejection(client.apiCall("GET", "Users", [] as Any)),
    /^Cannot call apiCall: options "" is not an object$/,
  );
  assert.equal(sim.requests.length, 0);
});

Deno.test("iterateUsers() and iterateGroups() without a client, or with null options, say so when called", () => {
  named(
    thrown(() => iterateUsers(undefined as Any)),
    /^Cannot call iterateUsers: client "undefined" has no searchUsers method/,
  );
  named(
    thrown(() => iterateGroups({} as Any)),
    /^Cannot call iterateGroups: client "\[object Object\]" has no searchGroups method/,
  );
  const { client } = setup();
  named(
    thrown(() => iterateUsers(client, null as Any)),
    /^Cannot call iterateUsers: options "null" is not an object$/,
  );
});

Deno.test("filter called as a function, not as a tag, says how to call it", () => {
  named(
    thrown(() => (filter as Any)('userName eq "ada"')),
    /^Cannot build filter: filter is a template tag; write filter`userName eq \$\{value\}`, not filter\("userName eq \\?"ada\\?"?"?\)$/,
  );
  named(thrown(() => (filter as Any)(null)), /filter is a template tag/);
});

Deno.test("retry handlers, interval calculators and jitter given null options name the class", () => {
  const classes: (new (options?: Any) => unknown)[] = [
    ServerErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ConnectionErrorRetryHandler,
    BackoffRetryIntervalCalculator,
    FixedValueRetryIntervalCalculator,
    RandomJitter,
  ];
  for (const Class of classes) {
    for (const options of [null, 5, "x"]) {
      named(
        thrown(() => new Class(options)),
        new RegExp(`^Cannot create ${Class.name}: options "${String(options)}" is not an object$`),
      );
    }
    assert.ok(new Class(), Class.name);
  }
});

Deno.test("membership helpers refuse ids that are not strings and a string where a list belongs", async () => {
  const { client, sim } = setup();
  const [group] = (await client.searchGroups({ count: 1 })).groups;
  const before = sim.requests.length;
  named(
    await rejection(addGroupMembers(client, group!.id!, ["U1", 42 as Any])),
    /^Cannot change group members: user id 1 must be a string, got "42" \(number\)$/,
  );
  named(
    await rejection(removeGroupMembers(client, group!.id!, [null as Any])),
    /^Cannot change group members: user id 0 must be a string, got "null" \(null\)$/,
  );
  // A string is iterable: "U123" would otherwise become the ids "U", "1", "2", "3".
  named(
    await rejection(addGroupMembers(client, group!.id!, "U123" as Any)),
    /^Cannot change group members: userIds "U123" is not a list of user ids$/,
  );
  named(
    await rejection(setGroupMembers(client, group!.id!, undefined as Any)),
    /userIds "undefined" is not a list of user ids/,
  );
  named(
    await rejection(addGroupMembers(client, group!.id!, ["U1"], null as Any)),
    /^Cannot change group members: options "null" is not an object$/,
  );
  assert.equal(sim.requests.length, before, "nothing was sent");
});

Deno.test("apiCall() sends only the methods an API answers: CONNECT, TRACE and made-up verbs are refused", async () => {
  const { client, sim } = setup();
  for (const method of ["CONNECT", "TRACE", "track", "foo", "GET ", "", "get\r\n"]) {
    named(
      await rejection(client.apiCall(method, "Users")),
      /^Cannot call apiCall: method ".*" is not GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS$/s,
    );
  }
  assert.equal(sim.requests.length, 0);
  assert.equal((await client.apiCall("get", "Users", { query: { count: 1 } })).status, 200);
});

Deno.test("apiCall(), the retrying fetch, SCIMApiError and the membership helpers given null name what is wrong", async () => {
  const { client, sim } = setup();
  named(
    await rejection(client.apiCall("GET", "Users", null as Any)),
    /^Cannot call apiCall: options "null" is not an object$/,
  );
  const fetch = createRetryingFetch({ retryHandlers: () => [], fetch: sim.fetch });
  named(
    await rejection(fetch(new Request("https://api.slack.com/scim/v1/Users"), null as Any)),
    /^Cannot send the request: options "null" is not an object$/,
  );
  named(
    thrown(() => new SCIMApiError(null as Any)),
    /^Cannot create SCIMApiError: response and options must be objects$/,
  );
  named(
    thrown(() => new SCIMApiError({ status: 400, headers: new Headers(), text: "" }, null as Any)),
    /^Cannot create SCIMApiError/,
  );
  const [group] = (await client.searchGroups({ count: 1 })).groups;
  named(
    await rejection(addGroupMembers(null as Any, group!.id!, ["U1"])),
    /^Cannot change group members: client "null" has no patchGroup method \(pass a SCIMClient\)$/,
  );
  named(
    await rejection(setGroupMembers({ patchGroup: () => {} } as Any, group!.id!, ["U1"])),
    /client "\[object Object\]" has no readGroup method/,
  );
});

// ---- bounded messages -------------------------------------------------------------------------

Deno.test("messages quote at most about 100 characters of any value, and say how long it was", async () => {
  const huge = "x".repeat(100_000);
  const { client } = setup();
  // Slack's answer to a call with a huge id.
  const answered = await rejection(client.readUser(huge));
  assert.ok(isSCIMApiError(answered));
  assert.ok(answered.message.length < 300, `${answered.message.length} chars`);
  assert.match(answered.message, /to GET Users\/x{94}… \(100006 chars\)$/);
  assert.equal(answered.path, `Users/${huge}`, "the field keeps it whole");
  // An argument refused before sending.
  const refused = await rejection(client.readUser(`../${huge}`));
  assert.ok(refused instanceof TypeError);
  assert.ok(refused.message.length < 300, `${refused.message.length} chars`);
  assert.match(refused.message, /… \(100003 chars\)"/);
  // A base URL.
  const base = thrown(() => new SCIMClient({ token: TOKEN, baseUrl: `https://${huge}` }));
  assert.ok((base as Error).message.length < 300);
  // A function given as a number is not quoted whole.
  const source = thrown(() =>
    new ServerErrorRetryHandler({ maxRetryCount: ((a: number) => a + 1 + huge.length) as Any })
  );
  assert.ok((source as Error).message.length < 300);
  // The retrying fetch's options, and the membership and paging numbers.
  const sleep = thrown(() =>
    createRetryingFetch({ retryHandlers: () => [], clock: { sleep: huge as Any } })
  );
  assert.match(
    (sleep as Error).message,
    /^Cannot use clock\.sleep: "x{100}… \(100000 chars\)" is not/,
  );
  const clock = thrown(() => createRetryingFetch({ retryHandlers: () => [], clock: huge as Any }));
  assert.match((clock as Error).message, /^Cannot use clock: "x{100}… \(100000 chars\)" is not/);
  const [group] = (await client.searchGroups({ count: 1 })).groups;
  const chunk = await rejection(
    addGroupMembers(client, group!.id!, ["U1"], { chunkSize: huge as Any }),
  );
  assert.ok((chunk as Error).message.length < 300);
  const page = thrown(() => iterateUsers(client, { pageSize: huge as Any }));
  assert.ok((page as Error).message.length < 300);
});

Deno.test("log lines about a failed attempt are bounded too, whatever the transport's error says", async () => {
  const lines: string[] = [];
  const huge = `error sending request for url (https://api.slack.com/scim/v1/Users/${
    "x".repeat(100_000)
  }): connection reset`;
  const fetch = createRetryingFetch({
    retryHandlers: () => [new ConnectionErrorRetryHandler()],
    fetch: () => Promise.reject(new TypeError(huge)),
    clock: { sleep: () => Promise.resolve() },
    logger: {
      debug: () => {},
      warn: (message, data) => void lines.push(`${message} ${JSON.stringify(data)}`),
    },
  });
  await rejection(fetch(new Request(`https://api.slack.com/scim/v1/Users/${"x".repeat(100_000)}`)));
  assert.ok(lines.length >= 2);
  for (const line of lines) assert.ok(line.length < 1000, `${line.length} chars`);
});
