import assert from "node:assert/strict";
import {
  EMPTY_RESPONSE,
  isSCIMApiError,
  SCIMApiError,
  SCIMClient,
  UNEXPECTED_RESPONSE,
  UNPARSEABLE_RESPONSE,
} from "../../mod.ts";
import { iterateUsers } from "../../scim/v1/iterate.ts";
import { answering, fixture, fixtureText, rejection, setup, TOKEN } from "./_helpers.ts";

function apiError(status: number, text: string, headers: HeadersInit = {}): SCIMApiError {
  return new SCIMApiError({ status, headers: new Headers(headers), text }, {
    method: "GET",
    path: "Users",
  });
}

// ---- Parsing answers ---------------------------------------------------------------------------

Deno.test("SCIMApiError reads Slack's v1 error shape", async () => {
  const text = await fixtureText(
    "slack-python-sdk-tests/integration_tests__error_response_no_filters.json",
  );
  const error = apiError(400, text);
  assert.equal(error.status, 400);
  assert.equal(error.description, "no_filters (is_aggregate_call=1)");
  assert.equal(error.message, "Slack answered 400 no_filters (is_aggregate_call=1) to GET Users");
  assert.deepEqual(error.response.body, JSON.parse(text));
  assert.equal(error.response.text, text);
  assert.equal(error.name, "SCIMApiError");
});

Deno.test("SCIMApiError reads the v2 error shape, status as a number or a string", async () => {
  const v2 = await fixture("slack-docs/v2/error_response.json");
  const fromDocs = apiError(400, JSON.stringify(v2));
  assert.equal(fromDocs.description, v2.detail);
  const stringStatus = apiError(
    404,
    '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"no_such_user","status":"404"}',
  );
  assert.equal(stringStatus.description, "no_such_user");
});

Deno.test("SCIMApiError says what came back for an HTML page", () => {
  const error = apiError(
    502,
    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
  );
  assert.equal(error.description, UNPARSEABLE_RESPONSE);
  assert.match(
    error.message,
    /^Slack answered 502 with an HTML page: "<html><head><title>502 Bad Gateway.*…"/,
  );
  assert.equal(error.response.body, undefined);
});

Deno.test("SCIMApiError says what came back for empty, truncated and plain-text bodies", () => {
  const empty = apiError(503, "");
  assert.equal(empty.description, EMPTY_RESPONSE);
  assert.match(empty.message, /^Slack answered 503 with an empty body/);

  const truncated = apiError(500, '{"Errors":{"descri');
  assert.equal(truncated.description, UNPARSEABLE_RESPONSE);
  assert.match(truncated.message, /truncated or malformed JSON: "\{\\"Errors\\":\{\\"descri"/);

  const text = apiError(502, "Bad Gateway");
  assert.equal(text.description, UNPARSEABLE_RESPONSE);
  assert.match(text.message, /a body that is not JSON: "Bad Gateway"/);

  const otherJson = apiError(500, '{"ok":false}');
  assert.equal(otherJson.description, UNEXPECTED_RESPONSE);
});

Deno.test("SCIMApiError.retryAfter is the 429's Retry-After in milliseconds, seconds or date", () => {
  const seconds = apiError(429, '{"Errors":{"description":"too_many_requests","code":429}}', {
    "retry-after": "7",
  });
  assert.equal(seconds.retryAfter, 7000);
  const date = new SCIMApiError({
    status: 429,
    headers: new Headers({ "retry-after": "Wed, 21 Oct 2015 07:28:05 GMT" }),
    text: "",
  }, { now: Date.parse("Wed, 21 Oct 2015 07:28:00 GMT") });
  assert.equal(date.retryAfter, 5000);
  assert.equal(apiError(429, "", { "retry-after": "soon" }).retryAfter, undefined);
  assert.equal(apiError(400, "", { "retry-after": "7" }).retryAfter, undefined);
});

// ---- Errors from the simulator -------------------------------------------------------------------

Deno.test("readUser() of an unknown id throws SCIMApiError no_such_user with the response", async () => {
  const { client } = setup();
  const error = await rejection(client.readUser("U0NOTTHERE"));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 404);
  assert.equal(error.description, "no_such_user");
  assert.equal(error.response.status, 404);
  assert.match(error.response.text, /no_such_user/);
  assert.equal(error.attempts, 1);
  assert.equal(error.message, "Slack answered 404 no_such_user to GET Users/U0NOTTHERE");
});

Deno.test("createUser() with a taken userName throws username_taken", async () => {
  const { client } = setup();
  await client.createUser({ userName: "taken", emails: [{ value: "a@example.com" }] });
  const error = await rejection(
    client.createUser({ userName: "taken", emails: [{ value: "b@example.com" }] }),
  );
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 409);
  assert.equal(error.description, "username_taken");
});

Deno.test("a token the API refuses gives invalid_authentication", async () => {
  const { sim } = setup();
  const client = new SCIMClient({ token: "xoxp-wrong", fetch: sim.fetch });
  const error = await rejection(client.searchUsers());
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 401);
  assert.equal(error.description, "invalid_authentication");
});

Deno.test("a bad filter gives Slack's filter error code", async () => {
  const { client } = setup();
  const error = await rejection(client.searchUsers({ filter: "foo" }));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 400);
  assert.match(
    error.description,
    /^(no_filters|incomplete_filter|invalid_filter_group|invalid_query)/,
  );
});

for (
  const [kind, status, description] of [
    ["html", 502, UNPARSEABLE_RESPONSE],
    ["status-502", 502, UNPARSEABLE_RESPONSE],
    ["status-504", 504, UNPARSEABLE_RESPONSE],
    ["status-503", 503, "service_unavailable"],
  ] as const
) {
  Deno.test(`a "${kind}" answer throws SCIMApiError ${description}, never a JSON crash`, async () => {
    const { client, sim } = setup();
    sim.faults.script({ kind, method: "GET", path: "/Users" });
    const error = await rejection(client.searchUsers());
    assert.ok(isSCIMApiError(error), String(error));
    assert.equal(error.status, status);
    assert.equal(error.description, description);
  });
}

Deno.test("a 2xx answer with a truncated body throws SCIMApiError unparseable_response", async () => {
  const { client, sim } = setup();
  sim.faults.script({ kind: "truncated", method: "GET", path: "/Users" });
  const error = await rejection(client.searchUsers());
  assert.ok(isSCIMApiError(error), String(error));
  assert.equal(error.status, 200);
  assert.equal(error.description, UNPARSEABLE_RESPONSE);
  assert.match(error.message, /^Slack answered 200 with truncated or malformed JSON: "\{/);
});

Deno.test("a 2xx answer with an empty body where a user was expected throws empty_response", async () => {
  const { client, sim } = setup();
  const id = (await client.searchUsers({ count: 1 })).users[0]!.id!;
  sim.faults.script({ kind: "empty", method: "GET", path: `/Users/${id}` });
  const error = await rejection(client.readUser(id));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 200);
  assert.equal(error.description, EMPTY_RESPONSE);
  assert.match(error.message, /empty body instead of a user/);
});

Deno.test("a 2xx body that is JSON but not an object throws unexpected_response", async () => {
  const client = new SCIMClient({ token: TOKEN, fetch: answering("[1,2]").fetch });
  const error = await rejection(client.readUser("U1"));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.description, UNEXPECTED_RESPONSE);
  assert.match(error.message, /JSON that is not a user/);
});

Deno.test("a 2xx body carrying an Errors key is not an error", async () => {
  const text = await fixtureText("slack-java-sdk-samples/v1/Users/00000000000.json");
  const client = new SCIMClient({
    token: TOKEN,
    fetch: answering(text, { headers: { "content-type": "application/json" } }).fetch,
  });
  const read = await client.readUser("W00000000");
  assert.equal(read.user.id, "W00000000");
  assert.deepEqual(read.user.Errors, { description: "", code: 12345 });
});

Deno.test("a 429 retried until the handlers give up throws with retryAfter and attempts", async () => {
  const { RateLimitErrorRetryHandler } = await import("../../retry/mod.ts");
  const { client, sim } = setup({}, {
    retryHandlers: [new RateLimitErrorRetryHandler({ maxRetryCount: 1 })],
  });
  sim.faults.script({
    kind: "retry-after-seconds",
    method: "GET",
    path: "/Users",
    count: 2,
    retryAfterSeconds: 3,
  });
  const error = await rejection(client.searchUsers());
  assert.ok(isSCIMApiError(error));
  assert.equal(error.status, 429);
  assert.equal(error.description, "too_many_requests");
  assert.equal(error.retryAfter, 3000);
  assert.equal(error.attempts, 2);
  assert.deepEqual(error.failedAttempts, [{ kind: "response", status: 429 }]);
});

// ---- 2xx answers that are not what they claim (found in review) ----------------------------------

Deno.test("a 200 list that is only Slack's error body throws its code instead of reading as an empty directory", async () => {
  const body = JSON.stringify({ Errors: { description: "permission_denied", code: 403 } });
  const client = new SCIMClient({ token: TOKEN, fetch: answering(body, { status: 200 }).fetch });
  const error = await rejection(client.searchUsers());
  assert.ok(isSCIMApiError(error));
  assert.equal(error.description, "permission_denied");
  assert.match(error.message, /200 permission_denied instead of a list of users/);
  await assert.rejects(iterateUsers(client).collect(), /permission_denied/);
});

Deno.test("a 200 list without Resources reads as empty only when totalResults is 0", async () => {
  const empty = new SCIMClient({
    token: TOKEN,
    fetch: answering(JSON.stringify({ totalResults: 0, itemsPerPage: 0, startIndex: 1 })).fetch,
  });
  assert.deepEqual((await empty.searchUsers()).users, []);
  const lying = new SCIMClient({
    token: TOKEN,
    fetch: answering(JSON.stringify({ totalResults: 500 })).fetch,
  });
  const error = await rejection(lying.searchUsers());
  assert.ok(isSCIMApiError(error));
  assert.equal(error.description, "unexpected_response");
});

Deno.test("a 200 user or group without an id throws instead of handing back a resource with no id", async () => {
  const body = JSON.stringify({ Errors: { description: "no_such_user", code: 404 } });
  const client = new SCIMClient({ token: TOKEN, fetch: answering(body).fetch });
  const error = await rejection(client.readUser("U1"));
  assert.ok(isSCIMApiError(error));
  assert.equal(error.description, "no_such_user");
  await assert.rejects(client.readGroup("S1"), /no_such_user instead of a group/);
});

Deno.test("a 2xx DELETE or group PATCH whose body is only an error body is not a success", async () => {
  const body = JSON.stringify({ Errors: { description: "permission_denied", code: 403 } });
  const client = new SCIMClient({ token: TOKEN, fetch: answering(body).fetch });
  await assert.rejects(client.deleteUser("U1"), /permission_denied/);
  await assert.rejects(client.deleteGroup("S1"), /permission_denied/);
  await assert.rejects(client.patchGroup("S1", { displayName: "x" }), /permission_denied/);
  // Slack's real answers (empty bodies) are successes.
  const ok = new SCIMClient({ token: TOKEN, fetch: answering(null, { status: 204 }).fetch });
  assert.equal((await ok.deleteGroup("S1")).status, 204);
});
