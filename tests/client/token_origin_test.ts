// The token belongs to the base URL's origin, over real loopback sockets: "Slack" (the simulator
// behind a server of its own) and another origin (a second server that records what it gets and
// answers as Slack would). Whatever a middleware, a per-call `baseUrl` or a pacer does, the other
// server never gets `Bearer <token>`, its answer is never taken as Slack's, and the refusal is a
// `SCIMRedirectError` naming the origins, never the token. Middleware and the pacer never hold a
// request that carries the token. v1 and v2 alike.

import assert from "node:assert/strict";
import { isSCIMRedirectError, type Pacer, SCIMClient } from "../../mod.ts";
import { SCIM2Client } from "../../scim/v2/mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { rejection } from "./_helpers.ts";

const TOKEN = "xoxp-origin-0123456789-secret";

interface Server {
  origin: string;
  /** The Authorization header of every request it got. */
  authorizations: (string | null)[];
  close: () => Promise<void>;
}

function serve(answer: (request: Request) => Response | Promise<Response>): Server {
  const authorizations: (string | null)[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (r) => {
    authorizations.push(r.headers.get("authorization"));
    return answer(r);
  });
  return {
    origin: `http://127.0.0.1:${server.addr.port}`,
    authorizations,
    close: () => server.shutdown(),
  };
}

/** Slack's stand-in and another origin that answers any call with a plausible user. */
async function withServers(run: (slack: Server, other: Server) => Promise<void>) {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 2, seed: 1 });
  const slack = serve((r) => sim.fetch(r));
  const other = serve(() =>
    Response.json({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      id: "UEVIL",
      userName: "evil",
      totalResults: 0,
      Resources: [],
    })
  );
  try {
    await run(slack, other);
  } finally {
    await slack.close();
    await other.close();
  }
}

type AnyClient = SCIMClient | SCIM2Client;
const VERSIONS = [
  {
    name: "v1",
    make: (origin: string, options: { rateLimiter?: Pacer | false } = {}): AnyClient =>
      new SCIMClient({ token: TOKEN, baseUrl: `${origin}/scim/v1/`, ...options }),
  },
  {
    name: "v2",
    make: (origin: string, options: { rateLimiter?: Pacer | false } = {}): AnyClient =>
      new SCIM2Client({ token: TOKEN, baseUrl: `${origin}/scim/v2/`, ...options }),
  },
];

/** Asserts a refusal: the origins named, nothing of the token. */
function assertRefused(error: unknown, slack: Server, other: Server) {
  assert.ok(isSCIMRedirectError(error), String(error));
  assert.equal(error.refused, true);
  assert.equal(error.status, 0);
  assert.equal(error.origin, slack.origin);
  assert.equal(error.location, other.origin);
  assert.equal(error.attempts, 0);
  assert.equal(error.mayHaveBeenApplied, false);
  assert.ok(error.message.includes(slack.origin), error.message);
  assert.ok(error.message.includes(other.origin), error.message);
  assert.ok(!error.message.includes(TOKEN), error.message);
  assert.ok(!JSON.stringify(error).includes(TOKEN));
}

for (const { name, make } of VERSIONS) {
  Deno.test(`${name}: a middleware that rewrites the URL to another origin is refused; the token never goes there`, async () => {
    await withServers(async (slack, other) => {
      const client = make(slack.origin);
      client.use({
        onRequest: ({ request }) =>
          new Request(request.url.replace(slack.origin, other.origin), request),
      });
      const users = await rejection(client.searchUsers({ count: 1 }));
      assertRefused(users, slack, other);
      const created = await rejection(
        name === "v1"
          ? (client as SCIMClient).createUser({ userName: "ada", emails: [{ value: "a@x.io" }] })
          : (client as SCIM2Client).createUser({ userName: "ada", emails: [{ value: "a@x.io" }] }),
      );
      assertRefused(created, slack, other);
      assert.deepEqual(other.authorizations, [], "nothing reached the other origin");
      assert.deepEqual(slack.authorizations, []);
    });
  });

  Deno.test(`${name}: a per-call baseUrl of another origin in client.openapi is refused; the token never goes there`, async () => {
    await withServers(async (slack, other) => {
      const client = make(slack.origin);
      const baseUrl = `${other.origin}/scim/${name}/`;
      const error = await rejection(
        name === "v1"
          ? (client as SCIMClient).openapi.GET("/Users", { baseUrl })
          : (client as SCIM2Client).openapi.GET("/Users", { baseUrl }),
      );
      assertRefused(error, slack, other);
      assert.deepEqual(other.authorizations, []);
      // The configured origin still works, with the token.
      const page = await client.searchUsers({ count: 1 });
      assert.equal(page.users.length, 1);
      assert.deepEqual(slack.authorizations, [`Bearer ${TOKEN}`]);
    });
  });

  Deno.test(`${name}: a middleware sending a request of its own through options.fetch to another origin is refused`, async () => {
    await withServers(async (slack, other) => {
      const client = make(slack.origin);
      const seen: unknown[] = [];
      client.use({
        async onRequest({ options }) {
          seen.push(await options.fetch(new Request(`${other.origin}/steal`)).catch((e) => e));
          return undefined;
        },
      });
      const page = await client.searchUsers({ count: 1 });
      assert.equal(page.users.length, 1, "the call itself went to Slack");
      assertRefused(seen[0], slack, other);
      assert.deepEqual(other.authorizations, []);
      assert.deepEqual(slack.authorizations, [`Bearer ${TOKEN}`]);
    });
  });

  Deno.test(`${name}: middleware never holds a request or response carrying the token, on reads, writes and errors`, async () => {
    await withServers(async (slack) => {
      const client = make(slack.origin);
      const held: Request[] = [];
      client.use({
        onRequest: ({ request }) => void held.push(request),
        onResponse: ({ request }) => void held.push(request),
        onError: ({ request }) => void held.push(request),
      });
      const [user] = (await client.searchUsers({ count: 1 })).users;
      await client.readUser(user!.id!);
      await rejection(client.readUser("UNOBODY"));
      await (client as SCIMClient).deleteUser(user!.id!);
      assert.ok(held.length >= 8);
      for (const request of held) assert.equal(request.headers.get("authorization"), null);
      assert.ok(slack.authorizations.every((a) => a === `Bearer ${TOKEN}`));
    });
  });

  Deno.test(`${name}: a custom pacer never holds a request carrying the token, and one that re-addresses a request is refused`, async () => {
    await withServers(async (slack, other) => {
      const held: Request[] = [];
      const keeper: Pacer = {
        wrap: (fetch) => (request) => (held.push(request), fetch(request)),
      };
      const client = make(slack.origin, { rateLimiter: keeper });
      const [user] = (await client.searchUsers({ count: 1 })).users;
      await client.readUser(user!.id!);
      await (client as SCIMClient).deleteUser(user!.id!);
      assert.equal(held.length, 3);
      for (const request of held) assert.equal(request.headers.get("authorization"), null);
      assert.deepEqual(slack.authorizations, Array(3).fill(`Bearer ${TOKEN}`));

      const rewriting: Pacer = {
        wrap: (fetch) => (request) =>
          fetch(new Request(request.url.replace(slack.origin, other.origin), request)),
      };
      const misled = make(slack.origin, { rateLimiter: rewriting });
      const error = await rejection(misled.searchUsers({ count: 1 }));
      assert.ok(isSCIMRedirectError(error), String(error));
      assert.equal(error.refused, true);
      assert.equal(error.location, other.origin);
      assert.ok(!error.message.includes(TOKEN));
      assert.deepEqual(other.authorizations, []);
    });
  });
}
