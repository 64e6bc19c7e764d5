// Redirects, over real loopback sockets: the base URL's server answers 307 to a second server on
// another port (another origin). The client must never follow it, never POST a user's personal
// data there, and never take that server's answer as Slack's.

import assert from "node:assert/strict";
import { isSCIMApiError, isSCIMRedirectError, SCIMClient } from "../../mod.ts";
import { rejection, TOKEN } from "./_helpers.ts";
import { SCIM2Client } from "../../scim/v2/mod.ts";

interface Seen {
  method: string;
  path: string;
  authorization: string | null;
  body: string;
}

/** A server on port 0 that records what it gets and answers with `answer`. */
function serve(answer: (request: Request) => Response) {
  const seen: Seen[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (r) => {
    seen.push({
      method: r.method,
      path: new URL(r.url).pathname,
      authorization: r.headers.get("authorization"),
      body: await r.text(),
    });
    return answer(r);
  });
  const origin = `http://127.0.0.1:${server.addr.port}`;
  return { seen, origin, close: () => server.shutdown() };
}

/** "Slack" that redirects every call to another origin, and that other origin, answering 201. */
async function withRedirect(
  run: (base: ReturnType<typeof serve>, elsewhere: ReturnType<typeof serve>) => Promise<void>,
) {
  const elsewhere = serve(() =>
    Response.json({
      id: "UEVIL",
      userName: "someone-else",
      emails: [{ value: "someone@else.example" }],
    }, { status: 201 })
  );
  const base = serve((r) =>
    new Response(null, {
      status: 307,
      headers: { location: `${elsewhere.origin}${new URL(r.url).pathname}?token=${TOKEN}` },
    })
  );
  try {
    await run(base, elsewhere);
  } finally {
    await base.close();
    await elsewhere.close();
  }
}

const NEW_USER = { userName: "ada", emails: [{ value: "ada@example.com" }] };

Deno.test("over loopback: a 307 to another origin is not followed; createUser() fails saying where it pointed, and nothing reaches the other host", async () => {
  await withRedirect(async (base, elsewhere) => {
    const client = new SCIMClient({ token: TOKEN, baseUrl: `${base.origin}/scim/v1/` });
    const error = await rejection(client.createUser(NEW_USER));
    assert.ok(isSCIMRedirectError(error), String(error));
    assert.equal(error.status, 307);
    assert.equal(error.location, elsewhere.origin);
    assert.equal(error.origin, base.origin);
    assert.equal(error.followed, false);
    assert.equal(error.mayHaveBeenApplied, false);
    assert.match(
      error.message,
      /: http:\/\/127\.0\.0\.1:\d+ answered 307, a redirect to http:\/\/127\.0\.0\.1:\d+, which is never followed \(check baseUrl\)$/,
    );
    assert.match(error.message, /^Cannot use the answer to POST Users:/);
    // Neither the token nor the Location's query (which here carries it) is shown.
    assert.ok(!error.message.includes(TOKEN), error.message);
    assert.ok(!error.message.includes("?"), error.message);
    assert.deepEqual(base.seen.map((s) => `${s.method} ${s.path}`), ["POST /scim/v1/Users"]);
    assert.deepEqual(elsewhere.seen, [], "the user's data went nowhere else");
  });
});

Deno.test("over loopback: a read answered by a redirect is an error too, not an empty or foreign page", async () => {
  await withRedirect(async (base, elsewhere) => {
    const client = new SCIMClient({ token: TOKEN, baseUrl: `${base.origin}/scim/v1/` });
    const error = await rejection(client.readUser("U1"));
    assert.ok(isSCIMRedirectError(error));
    assert.equal(error.path, "Users/U1");
    assert.deepEqual(elsewhere.seen, []);
  });
});

Deno.test("over loopback: a custom fetch that follows the redirect gets another origin's 201, and the client refuses it as Slack's", async () => {
  await withRedirect(async (base, elsewhere) => {
    const client = new SCIMClient({
      token: TOKEN,
      baseUrl: `${base.origin}/scim/v1/`,
      // A transport that overrides the client's `redirect: "manual"`.
      fetch: (request) => fetch(new Request(request, { redirect: "follow" })),
    });
    const error = await rejection(client.createUser(NEW_USER));
    assert.ok(isSCIMRedirectError(error), String(error));
    assert.equal(error.followed, true);
    assert.equal(error.status, 201);
    assert.equal(error.location, elsewhere.origin);
    assert.match(error.message, /it came from http:\/\/127\.0\.0\.1:\d+, not http:\/\/127/);
    assert.ok(!error.message.includes("UEVIL"), "nothing of the foreign answer is used");
    // The custom fetch did send it there: the error says so rather than pretending otherwise.
    assert.deepEqual(elsewhere.seen.map((s) => s.method), ["POST"]);
    assert.match(error.message, /the fetch followed a redirect \(and sent the request there\)$/);
  });
});

Deno.test("any redirect is refused, to the same origin or without a Location; a 304 is an ordinary error answer", async () => {
  const cases: [number, string | null, string | undefined][] = [
    [301, "/scim/v1/Users/", "https://api.slack.com"], // same origin, relative Location
    [308, "https://evil.example:8443/steal?x=1", "https://evil.example:8443"],
    [302, null, undefined],
    [303, "not a url ::", "https://api.slack.com"], // read against the request's URL
  ];
  for (const [status, location, origin] of cases) {
    const headers: Record<string, string> = location === null ? {} : { location };
    const client = new SCIMClient({
      token: TOKEN,
      fetch: () => Promise.resolve(new Response("moved", { status, headers })),
    });
    const error = await rejection(client.searchUsers({ count: 1 }));
    assert.ok(isSCIMRedirectError(error), `${status}: ${error}`);
    assert.equal(error.status, status);
    assert.equal(error.location, origin, String(status));
    assert.equal(error.followed, false);
    assert.ok(!error.message.includes("steal"), error.message);
  }
  const notModified = new SCIMClient({
    token: TOKEN,
    fetch: () => Promise.resolve(new Response(null, { status: 304 })),
  });
  const error = await rejection(notModified.readUser("U1"));
  assert.ok(isSCIMApiError(error), String(error));
  assert.equal(error.status, 304);
});

Deno.test("over loopback: a transport that sends to another host on purpose, following no redirect, is not refused", async () => {
  const elsewhere = serve(() => Response.json({ totalResults: 0, Resources: [] }));
  try {
    const client = new SCIMClient({
      token: TOKEN,
      // A proxy written as a fetch: every call goes to the proxy's origin instead.
      fetch: (request) =>
        fetch(request.url.replace("https://api.slack.com", elsewhere.origin), {
          headers: request.headers,
        }),
    });
    const page = await client.searchUsers({ count: 1 });
    assert.equal(page.totalResults, 0);
    assert.deepEqual(elsewhere.seen.map((s) => s.path), ["/scim/v1/Users"]);
  } finally {
    await elsewhere.close();
  }
});

Deno.test("every 3xx but 304 is refused as a redirect, 300 and the unassigned ones included, v1 and v2", async () => {
  for (let status = 300; status <= 399; status++) {
    if (status === 304) continue;
    for (
      const make of [
        (fetch: () => Promise<Response>) => new SCIMClient({ token: TOKEN, fetch }),
        (fetch: () => Promise<Response>) => new SCIM2Client({ token: TOKEN, fetch }),
      ]
    ) {
      const client = make(() => Promise.resolve(new Response(null, { status })));
      const error = await rejection(client.searchUsers({ count: 1 }));
      assert.ok(isSCIMRedirectError(error), `${status}: ${error}`);
      assert.equal(error.status, status);
    }
  }
});
