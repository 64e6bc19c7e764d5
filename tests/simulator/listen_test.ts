import assert from "node:assert/strict";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { TOKEN } from "./helpers.ts";

const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const body = (userName: string) =>
  JSON.stringify({
    schemas: ["urn:scim:schemas:core:1.0"],
    userName,
    emails: [{ value: `${userName}@example.com` }],
  });

async function withServer(
  sim: SlackScimSimulator,
  run: (baseUrl: string) => Promise<void>,
): Promise<void> {
  const server = await sim.listen();
  try {
    await run(server.baseUrl);
  } finally {
    await server.close();
  }
}

Deno.test("listen() serves the API on 127.0.0.1 at /scim/v1/ on a free port", async () => {
  const sim = new SlackScimSimulator({ users: 3 });
  const server = await sim.listen({ port: 0 });
  try {
    assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/scim\/v1\/$/);
    assert.ok(server.port > 0);
    assert.equal(server.baseUrl, `http://127.0.0.1:${server.port}/scim/v1/`);
    const list = await fetch(`${server.baseUrl}Users?count=2`, { headers });
    assert.equal(list.status, 200);
    const page = await list.json();
    assert.equal(page.totalResults, 3);
    assert.equal(page.Resources[0].meta.location, `${server.baseUrl}Users/${page.Resources[0].id}`);
    const created = await fetch(`${server.baseUrl}Users`, {
      method: "POST",
      headers,
      body: body("looped"),
    });
    assert.equal(created.status, 201);
    assert.equal((await created.json()).userName, "looped");
    const deleted = await fetch(`${server.baseUrl}Users/${page.Resources[0].id}`, {
      method: "DELETE",
      headers,
    });
    assert.equal(deleted.status, 200);
    assert.equal(await deleted.text(), "");
  } finally {
    await server.close();
  }
});

Deno.test("over loopback a reset-before fault is a real connection error and nothing is written", async () => {
  const sim = new SlackScimSimulator();
  sim.faults.script({ kind: "reset-before", method: "POST", path: "/Users" });
  await withServer(sim, async (baseUrl) => {
    await assert.rejects(
      () => fetch(`${baseUrl}Users`, { method: "POST", headers, body: body("never") }),
      TypeError,
    );
    const list = await (await fetch(`${baseUrl}Users`, { headers })).json();
    assert.equal(list.totalResults, 0);
  });
});

Deno.test("over loopback a reset-after fault loses the answer but the write happened", async () => {
  const sim = new SlackScimSimulator();
  sim.faults.script({ kind: "reset-after", method: "POST", path: "/Users" });
  await withServer(sim, async (baseUrl) => {
    await assert.rejects(
      () => fetch(`${baseUrl}Users`, { method: "POST", headers, body: body("applied") }),
      TypeError,
    );
    const list = await (await fetch(`${baseUrl}Users`, { headers })).json();
    assert.equal(list.Resources[0]?.userName, "applied");
  });
});

Deno.test("over loopback a truncated body cannot be read as JSON", async () => {
  const sim = new SlackScimSimulator({ users: 5 });
  sim.faults.script({ kind: "truncated", method: "GET", path: "/Users" });
  await withServer(sim, async (baseUrl) => {
    const response = await fetch(`${baseUrl}Users`, { headers }).catch((error) => error);
    if (response instanceof Response) {
      await assert.rejects(() => response.json());
    } else {
      assert.ok(response instanceof TypeError);
    }
  });
});

Deno.test("close() stops the server and drops open connections", async () => {
  const sim = new SlackScimSimulator();
  const server = await sim.listen();
  const first = await fetch(`${server.baseUrl}ServiceProviderConfigs`, { headers });
  await first.body?.cancel();
  await server.close();
  await assert.rejects(() => fetch(`${server.baseUrl}ServiceProviderConfigs`, { headers }));
});

Deno.test("listen() refuses a port out of range", async () => {
  await assert.rejects(() => new SlackScimSimulator().listen({ port: 70000 }), RangeError);
});
