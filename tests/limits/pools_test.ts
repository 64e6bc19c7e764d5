// Every method × path of both specs draws from the pools Slack's table names, in the client's
// limiter and in the simulator alike (both classify with slackRatePools; a test, so that a group
// DELETE cannot move to another pool, or either side grow its own classification, unseen).
import assert from "node:assert/strict";
import { type LimitStore, type RatePoolName, SlackRateLimiter } from "../../limits/mod.ts";
import { RATE_POOL_NAMES } from "../../limits/slack_limits.ts";
import { RateLimiter } from "../../scim/testing/rate_limiter.ts";

const SPECS = ["v1", "v2"] as const;
const METHODS = ["get", "post", "put", "patch", "delete"];

/** Each `path method` of a spec, read from its YAML's `paths:` keys. */
async function operations(version: string): Promise<{ method: string; path: string }[]> {
  const yaml = await Deno.readTextFile(
    new URL(`../../spec/scim-${version}.openapi.yaml`, import.meta.url),
  );
  const found: { method: string; path: string }[] = [];
  let path: string | undefined;
  for (const line of yaml.split("\n")) {
    const key = /^ {2}(\/\S*):\s*$/.exec(line);
    if (key) path = key[1];
    else if (/^\S/.test(line)) path = undefined;
    const method = /^ {4}(\w+):\s*$/.exec(line)?.[1];
    if (path !== undefined && method !== undefined && METHODS.includes(method)) {
      found.push({ method: method.toUpperCase(), path });
    }
  }
  return found;
}

/** Slack's table (docs.slack.dev, rate limits), written out for each endpoint. */
function slackTable(method: string, path: string): RatePoolName[] {
  const [resource, id] = path.split("/").filter((segment) => segment !== "");
  const entity = resource === "Users" || resource === "Groups";
  if (method === "GET") return entity && id !== undefined ? ["reads", "readOne"] : ["reads"];
  if (resource === "Users") return ["writes", "userWrites"];
  if (resource === "Groups") {
    return method === "POST" || method === "DELETE"
      ? ["writes", "groupCreateDelete"]
      : ["writes", "groupUpdates"];
  }
  return ["writes"];
}

/** The pools the client's limiter charges for one request, as its store sees them. */
async function limiterPools(version: string, method: string, path: string) {
  let pools: string[] = [];
  const store: LimitStore = {
    reserve: (_org, charges) => (pools = charges.map((charge) => charge.pool), Promise.resolve(0)),
    block: () => Promise.resolve(),
  };
  const paced = new SlackRateLimiter({ store }).wrap(() => Promise.resolve(new Response("{}")));
  await paced(new Request(`https://api.slack.com/scim/${version}${path}`, { method }));
  return pools.sort();
}

/** The pools the simulator takes a token from: each pool alone at a burst of 1, tried twice. */
function simulatorPools(method: string, path: string) {
  return RATE_POOL_NAMES.filter((pool) => {
    const limiter = new RateLimiter({ [pool]: { perMinute: 1, burst: 1 }, locks: false }, {
      now: () => 0,
    });
    limiter.acquire(method, path);
    const second = limiter.acquire(method, path);
    return !second.allowed && second.reason === pool;
  }).sort();
}

Deno.test("every method × path of both specs draws from Slack's pools, in the limiter and the simulator", async () => {
  let checked = 0;
  for (const version of SPECS) {
    const ops = await operations(version);
    assert.ok(ops.length >= 10, `${version}: ${ops.length} operations read from the spec`);
    for (const { method, path } of ops) {
      const concrete = path.replace("{id}", "X1");
      const expected = slackTable(method, concrete).sort();
      const where = `${version} ${method} ${path}`;
      assert.deepEqual(await limiterPools(version, method, concrete), expected, where);
      assert.deepEqual(simulatorPools(method, concrete), expected, where);
      checked++;
    }
  }
  // v1: 3 schema reads, 4 + 4 on Users, 4 + 4 on Groups; v2 has 3 more reads.
  assert.ok(checked >= 30, `${checked}`);
});

Deno.test("the simulator locks the resources the limiter holds one write at a time", () => {
  for (
    const [method, path, locked] of [
      ["PATCH", "/Users/U1", true],
      ["PUT", "/Groups/S1", true],
      ["DELETE", "/Groups/S1", true],
      ["POST", "/Users", false],
      ["GET", "/Users/U1", false],
    ] as const
  ) {
    const limiter = new RateLimiter(true, { now: () => 0 });
    limiter.acquire(method, path); // held, not released
    assert.equal(!limiter.acquire(method, path).allowed, locked, `${method} ${path}`);
  }
});
