import assert from "node:assert/strict";
import { isSCIMApiError, SCIMClient, type User } from "../../mod.ts";
import { addGroupMembers, removeGroupMembers, setGroupMembers } from "../../scim/v1/membership.ts";
import { answering, rejection, setup, TOKEN } from "./_helpers.ts";

// ---- Options -------------------------------------------------------------------------------------

Deno.test("new SCIMClient() refuses a missing, empty or multi-line token, naming it", () => {
  assert.throws(() => new SCIMClient({ token: "" }), {
    name: "TypeError",
    message: /token is empty/,
  });
  assert.throws(() => new SCIMClient({ token: "   " }), /token is empty/);
  assert.throws(
    () => new SCIMClient({ token: undefined as unknown as string }),
    /token must be a string/,
  );
  assert.throws(
    () => new SCIMClient({ token: "xoxp-secret\r\nX-Injected: 1" }),
    (error: Error) => error instanceof TypeError && !error.message.includes("secret"),
  );
  assert.throws(() => new SCIMClient(undefined as unknown as { token: string }), TypeError);
});

Deno.test("new SCIMClient() refuses a baseUrl that is not an http(s) URL", () => {
  assert.throws(() => new SCIMClient({ token: TOKEN, baseUrl: "not a url" }), {
    name: "TypeError",
    message: 'Cannot use baseUrl: "not a url" is not a URL',
  });
  assert.throws(() => new SCIMClient({ token: TOKEN, baseUrl: "ftp://example.com/" }), /http\(s\)/);
  assert.throws(
    () => new SCIMClient({ token: TOKEN, baseUrl: "https://u:p@example.com/scim/v1/" }),
    /credentials/,
  );
  assert.throws(
    () => new SCIMClient({ token: TOKEN, baseUrl: "https://example.com/scim/v1/?a=1" }),
    /query or fragment/,
  );
});

Deno.test("new SCIMClient() refuses http:// unless the host is loopback", () => {
  assert.throws(
    () => new SCIMClient({ token: TOKEN, baseUrl: "http://api.slack.com/scim/v1/" }),
    /travel in clear/,
  );
  assert.throws(
    () => new SCIMClient({ token: TOKEN, baseUrl: "http://10.0.0.1/scim/v1/" }),
    TypeError,
  );
  assert.throws(
    () => new SCIMClient({ token: TOKEN, baseUrl: "http://127.0.0.1.evil.example/scim/v1/" }),
    TypeError,
  );
  for (
    const baseUrl of [
      "http://127.0.0.1:8080/scim/v1/",
      "http://127.1.2.3/scim/v1",
      "http://localhost/scim/v1/",
      "http://[::1]:9/scim/v1/",
    ]
  ) {
    const client = new SCIMClient({ token: TOKEN, baseUrl });
    assert.ok(client.baseUrl.endsWith("/scim/v1/"), client.baseUrl);
  }
});

Deno.test("new SCIMClient() has Slack's base URL and a 30 s timeout by default", () => {
  const client = new SCIMClient({ token: TOKEN });
  assert.equal(client.baseUrl, "https://api.slack.com/scim/v1/");
  assert.equal(client.timeout, 30_000);
  assert.throws(() => new SCIMClient({ token: TOKEN, timeout: -1 }), RangeError);
  assert.throws(() => new SCIMClient({ token: TOKEN, timeout: Number.NaN }), RangeError);
});

// ---- Arguments, refused before any request --------------------------------------------------------

Deno.test("searchUsers() refuses a count outside 1..1000 or not an integer, and startIndex < 1", async () => {
  const { client, sent } = setup();
  for (const count of [0, -1, 1.5, 1001, Number.NaN]) {
    await assert.rejects(client.searchUsers({ count }), {
      name: "RangeError",
      message: new RegExp(`count "${count}" is not an integer from 1 to 1000`),
    });
  }
  await assert.rejects(
    client.searchGroups({ startIndex: 0 }),
    /startIndex "0" is not an integer >= 1/,
  );
  await assert.rejects(client.searchUsers({ filter: 5 as unknown as string }), TypeError);
  assert.equal(sent.length, 0);
});

Deno.test("searchUsers() accepts count 1000", async () => {
  const { client, sent } = setup();
  await client.searchUsers({ count: 1000 });
  assert.equal(sent[0]!.url.searchParams.get("count"), "1000");
});

Deno.test("updateUser() and updateGroup() refuse an object without id", async () => {
  const { client, sent } = setup();
  await assert.rejects(client.updateUser({ userName: "x" }), {
    name: "TypeError",
    message: /user\.id is missing/,
  });
  await assert.rejects(client.updateGroup({ displayName: "x" }), /group\.id is missing/);
  await assert.rejects(client.createUser(null as unknown as User), /user "null" is not an object/);
  assert.equal(sent.length, 0);
});

Deno.test("ids that could reach another endpoint are refused before any request", async () => {
  const { client, sim } = setup();
  const bad = [
    "",
    ".",
    "..",
    "../Groups",
    "U1/..",
    "a/b",
    "a\\b",
    "%2e%2e",
    "%2E",
    "..%2f",
    "%2fGroups",
  ];
  for (const id of bad) {
    await assert.rejects(client.readUser(id), TypeError, `readUser(${JSON.stringify(id)})`);
    await assert.rejects(client.deleteGroup(id), TypeError, `deleteGroup(${JSON.stringify(id)})`);
    await assert.rejects(client.patchUser(id, { title: "x" }), TypeError);
    await assert.rejects(client.updateUser({ id }), TypeError);
  }
  assert.deepEqual(sim.requests, []);
});

Deno.test("other ids are percent-encoded and stay on their endpoint", async () => {
  const { client, sim } = setup();
  for (const id of ["U1?x=1", "U1#frag", "U 1", "ü", "a%b", "...", "U1;x"]) {
    const error = await rejection(client.readUser(id));
    assert.ok(isSCIMApiError(error), `readUser(${JSON.stringify(id)}) reached Slack`);
    assert.equal(error.description, "no_such_user");
  }
  assert.deepEqual(sim.requests.map((request) => [request.method, request.path, request.search]), [
    ["GET", "/Users/U1%3Fx%3D1", ""],
    ["GET", "/Users/U1%23frag", ""],
    ["GET", "/Users/U%201", ""],
    ["GET", "/Users/%C3%BC", ""],
    ["GET", "/Users/a%25b", ""],
    ["GET", "/Users/...", ""],
    ["GET", "/Users/U1%3Bx", ""],
  ]);
});

Deno.test("per-call options are checked: signal must be an AbortSignal, timeout >= 0", async () => {
  const { client, sent } = setup();
  await assert.rejects(
    client.readUser("U1", { signal: {} as AbortSignal }),
    /signal "\[object Object\]" is not an AbortSignal/,
  );
  await assert.rejects(client.readUser("U1", { timeout: -5 }), RangeError);
  assert.equal(sent.length, 0);
});

Deno.test("an aborted signal cancels the call with its reason", async () => {
  const { client, sent } = setup();
  const controller = new AbortController();
  controller.abort(new Error("stop"));
  await assert.rejects(client.searchUsers({ signal: controller.signal }), /stop/);
  assert.equal(sent.length, 0);
});

// ---- The token never shows -------------------------------------------------------------------------

Deno.test("the token is not in String(), JSON.stringify or Deno.inspect of the client", () => {
  const client = new SCIMClient({ token: TOKEN, headers: { "x-team": "t1" } });
  for (const shown of [String(client), JSON.stringify(client), Deno.inspect(client), `${client}`]) {
    assert.ok(!shown.includes(TOKEN), shown);
    assert.ok(!shown.includes("secret"), shown);
    assert.ok(shown.includes("https://api.slack.com/scim/v1/"), shown);
  }
  assert.equal(Deno.inspect({ nested: [client] }).includes(TOKEN), false);
});

Deno.test("the token is not in errors, their inspect output or log lines", async () => {
  const lines: string[] = [];
  const log = (message: string, data?: Record<string, unknown>) =>
    lines.push(`${message} ${Deno.inspect(data)}`);
  const { client, sim } = setup({}, { logger: { debug: log, warn: log } });
  sim.faults.script({ kind: "html", method: "GET", path: "/Users/U404" });
  const errors = [
    await rejection(client.readUser("U404")),
    await rejection(client.readUser("U405")),
    await rejection(
      new SCIMClient({ token: TOKEN, fetch: answering("<html>").fetch }).readUser("U1"),
    ),
    await rejection(
      new SCIMClient({
        token: TOKEN,
        fetch: () => Promise.reject(new TypeError("connection reset")),
        clock: { sleep: () => Promise.resolve() },
      }).readUser("U1"),
    ),
  ];
  for (const error of errors) {
    for (const shown of [String(error), Deno.inspect(error), JSON.stringify(error)]) {
      assert.ok(!shown.includes(TOKEN), shown);
    }
  }
  assert.ok(lines.length > 0, "the logger was called");
  for (const line of lines) assert.ok(!line.includes(TOKEN), line);
});

Deno.test("the token is not in inspect output of a response", async () => {
  const { client } = setup();
  const page = await client.searchUsers({ count: 1 });
  assert.ok(!Deno.inspect(page, { depth: 10 }).includes(TOKEN));
  assert.ok(!JSON.stringify(page).includes(TOKEN));
});

// ---- Found in review -----------------------------------------------------------------------------

Deno.test("searchUsers() refuses a blank filter instead of listing everyone", async () => {
  const { client, sim } = setup();
  for (const filter of ["", "   ", "filter=", "filter= "]) {
    await assert.rejects(client.searchUsers({ filter }), /is blank; leave filter out/, filter);
    await assert.rejects(client.searchGroups({ filter }), TypeError, filter);
  }
  assert.equal(sim.requests.length, 0);
});

Deno.test("apiCall() refuses a path with tabs or newlines, which URL parsing would drop to escape the base", async () => {
  const { client, sim } = setup();
  for (const path of [".\t./.\t./api/users.admin.setInactive", "Users\n/../..", "Users\r"]) {
    await assert.rejects(client.apiCall("GET", path), /must be relative to the base URL/);
  }
  assert.equal(sim.requests.length, 0);
});

Deno.test("updateUser() of a user read back with Slack's empty enterprise manager succeeds", async () => {
  const { client } = setup();
  const { user } = await client.createUser({
    userName: "ops",
    emails: [{ value: "ops@example.com" }],
    "urn:scim:schemas:extension:enterprise:1.0": { department: "Ops" },
  });
  // What Slack answers for a user without a manager (see the Java SDK's recorded user).
  const read = {
    ...user,
    "urn:scim:schemas:extension:enterprise:1.0": { department: "Ops", manager: {} },
  } as User;
  read.title = "Lead";
  const updated = await client.updateUser(read);
  assert.equal(updated.user.title, "Lead");
  assert.equal(
    (updated.user["urn:scim:schemas:extension:enterprise:1.0"] as { department?: string })
      .department,
    "Ops",
  );
  // A PATCH that sends an empty manager is still the caller's mistake, and Slack says so.
  const error = await rejection(
    client.patchUser(user.id!, {
      "urn:scim:schemas:extension:enterprise:1.0": { manager: {} },
    }),
  );
  assert.ok(isSCIMApiError(error));
  assert.equal(error.description, "improper_enterprise_schema_format");
});

Deno.test("bulk membership refuses a bad group id or an aborted signal before sending, unwrapped", async () => {
  const { client, sim } = setup();
  await assert.rejects(addGroupMembers(client, "..", ["U1"]), {
    name: "TypeError",
    message: /groupId/,
  });
  const controller = new AbortController();
  controller.abort(new Error("stop"));
  await assert.rejects(
    removeGroupMembers(client, "S1", ["U1"], { signal: controller.signal }),
    /stop/,
  );
  await assert.rejects(setGroupMembers(client, "", ["U1"]), TypeError);
  assert.equal(sim.requests.length, 0);
});
