// The walkthrough of the v1 client issue, as runtime-neutral steps: users and groups CRUD, search,
// a 429 retried after Retry-After, an abort. Plain JavaScript with no imports, so the same file runs
// in Node, Bun, Deno and a Cloudflare Worker (bundled), against the npm build or the source.
//
// The simulator lives in the host process; `scriptFaults(sim)` prepares the faults the steps hit
// (each on a path no other step uses, so the order of the steps does not matter to them), and
// `verifySimulator(sim)` checks from the host side what only the simulator can see.

/** The token the host's simulator accepts. */
export const TOKEN = "xoxp-smoke-token";

const RETRIED_PATH = "/ServiceProviderConfigs";
const NOT_RETRIED_PATH = "/Schemas/Groups";
const SLOW_USER = "U0SMOKESLOW";

/**
 * Scripts the faults the walkthrough expects, on the host's simulator.
 * @param {{ faults: { script(rule: object): void } }} sim
 */
export function scriptFaults(sim) {
  sim.faults.script({
    kind: "retry-after-seconds",
    method: "GET",
    path: RETRIED_PATH,
    count: 1,
    retryAfterSeconds: 1,
  });
  sim.faults.script({
    kind: "retry-after-seconds",
    method: "GET",
    path: NOT_RETRIED_PATH,
    count: 1,
    retryAfterSeconds: 1,
  });
  sim.faults.script({
    kind: "slow",
    method: "GET",
    path: `/Users/${SLOW_USER}`,
    count: 1,
    delayMs: 1500,
  });
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
  }
}

async function rejects(promise, test, what) {
  try {
    await promise;
  } catch (error) {
    const problem = test(error);
    if (problem) {
      throw new Error(
        `${what}: ${problem} (${error?.name}: ${error?.message})`,
      );
    }
    return error;
  }
  throw new Error(`${what}: expected a rejection, the call succeeded`);
}

/**
 * The walkthrough's steps, in order; later steps use what earlier ones created.
 *
 * `lib` is the library's main entry plus the retry, paging and membership entries: `{ SCIMClient,
 * filter, isSCIMApiError, RateLimitErrorRetryHandler, iterateUsers, setGroupMembers }`, and
 * `lib.v2` the `./v2` entry (`{ SCIM2Client, filter, userPatch, groupPatch }`), `lib.limits` the
 * `./limits` entry (`{ SlackRateLimiter, MemoryLimitStore }`), `lib.sync` the `./sync` entry
 * (`{ readUsersCsv, checkSource, planSync, applySync }`); `baseUrl` the
 * simulator's (v1; the v2 steps use its `/scim/v2/` beside it).
 * @returns {{ name: string, run: () => Promise<void> }[]}
 */
export function walkthrough(lib, baseUrl) {
  const {
    SCIMClient,
    filter,
    isSCIMApiError,
    RateLimitErrorRetryHandler,
    iterateUsers,
    setGroupMembers,
  } = lib;
  const client = new SCIMClient({ token: TOKEN, baseUrl });
  const unique = Math.random().toString(36).slice(2, 8);
  const userName = `smoke-${unique}`;
  const email = `smoke-${unique}@example.com`;
  const groupName = `Smoke ${unique}`;
  let userId = "";
  let groupId = "";

  return [
    {
      name: "searchUsers pages through the seeded users",
      run: async () => {
        const found = await client.searchUsers({ startIndex: 1, count: 5 });
        equal(found.status, 200, "status");
        check(
          found.users.length > 0 && found.users.length <= 5,
          `got ${found.users.length} users`,
        );
        check(
          found.totalResults >= found.users.length,
          `totalResults ${found.totalResults}`,
        );
      },
    },
    {
      name: "createUser creates a user with a generated id",
      run: async () => {
        const created = await client.createUser({
          userName,
          name: { givenName: "Smoke", familyName: "Test" },
          emails: [{ value: email, primary: true }],
        });
        equal(created.status, 201, "status");
        equal(created.user.userName, userName, "userName");
        check(
          typeof created.user.id === "string" && created.user.id !== "",
          "no id",
        );
        userId = created.user.id;
      },
    },
    {
      name: "searchUsers with a filter finds the new user by email",
      run: async () => {
        const found = await client.searchUsers({
          startIndex: 1,
          count: 10,
          filter: filter`email eq ${email}`,
        });
        equal(found.users.length, 1, "matches");
        equal(found.users[0].id, userId, "id");
      },
    },
    {
      name: "patchUser changes only the attributes sent",
      run: async () => {
        const patched = await client.patchUser(userId, {
          title: "Smoke tester",
        });
        equal(patched.user.title, "Smoke tester", "title");
        equal(patched.user.userName, userName, "userName kept");
      },
    },
    {
      name: "updateUser replaces the user",
      run: async () => {
        const { user } = await client.readUser(userId);
        user.name = { givenName: "Smoky", familyName: "Test" };
        const updated = await client.updateUser(user);
        equal(updated.user.name?.givenName, "Smoky", "givenName");
        equal(
          updated.user.title,
          "Smoke tester",
          "title kept by the full replace",
        );
      },
    },
    {
      name: "createGroup creates a group with the user as member",
      run: async () => {
        const created = await client.createGroup({
          displayName: groupName,
          members: [{ value: userId }],
        });
        equal(created.status, 201, "status");
        groupId = created.group.id;
        check(typeof groupId === "string" && groupId !== "", "no id");
        equal(created.group.members?.[0]?.value, userId, "member");
      },
    },
    {
      name: "patchGroup renames the group and answers 204",
      run: async () => {
        const patched = await client.patchGroup(groupId, {
          displayName: `${groupName} 2`,
        });
        equal(patched.status, 204, "status");
        equal(patched.body, undefined, "body");
        const { group } = await client.readGroup(groupId);
        equal(group.displayName, `${groupName} 2`, "displayName");
      },
    },
    {
      name: "updateGroup replaces the members",
      run: async () => {
        const { group } = await client.readGroup(groupId);
        group.members = [];
        await client.updateGroup(group);
        const read = await client.readGroup(groupId);
        equal(read.group.members?.length ?? 0, 0, "members");
      },
    },
    {
      name: "iterateUsers (paging entry) walks every user, the new one included, once each",
      run: async () => {
        const ids = [];
        for await (const user of iterateUsers(client, { pageSize: 7 })) {
          ids.push(user.id);
        }
        check(ids.includes(userId), "the new user was not yielded");
        equal(new Set(ids).size, ids.length, "distinct ids");
      },
    },
    {
      name: "setGroupMembers (membership entry) puts the user back in the group",
      run: async () => {
        const result = await setGroupMembers(client, groupId, [userId]);
        equal(result.added, 1, "added");
        const { group } = await client.readGroup(groupId);
        equal(group.members?.[0]?.value, userId, "member");
      },
    },
    {
      name: "searchGroups with a filter finds the group by displayName",
      run: async () => {
        const found = await client.searchGroups({
          startIndex: 1,
          count: 10,
          filter: filter`displayName eq ${`${groupName} 2`}`,
        });
        equal(found.groups.length, 1, "matches");
        equal(found.groups[0].id, groupId, "id");
      },
    },
    {
      name: "deleteGroup deletes the group; reading it fails with SCIMApiError 404",
      run: async () => {
        await client.deleteGroup(groupId);
        await rejects(
          client.readGroup(groupId),
          (
            e,
          ) => (isSCIMApiError(e) && e.status === 404 ? "" : "not a SCIMApiError 404"),
          "readGroup",
        );
      },
    },
    {
      name: "deleteUser deactivates the user",
      run: async () => {
        await client.deleteUser(userId);
        const { user } = await client.readUser(userId);
        equal(user.active, false, "active");
      },
    },
    {
      name: "a 429 without a retry handler throws SCIMApiError",
      run: async () => {
        await rejects(
          client.readGroupSchema(),
          (
            e,
          ) => (isSCIMApiError(e) && e.status === 429 ? "" : "not a SCIMApiError 429"),
          "readGroupSchema",
        );
      },
    },
    {
      name: "a 429 is retried after Retry-After by RateLimitErrorRetryHandler",
      run: async () => {
        const retrying = new SCIMClient({
          token: TOKEN,
          baseUrl,
          retryHandlers: [new RateLimitErrorRetryHandler()],
        });
        const started = Date.now();
        const config = await retrying.readServiceProviderConfigs();
        equal(config.status, 200, "status");
        // Retry-After: 1 must be obeyed (a real timer in this runtime), not skipped.
        check(
          Date.now() - started >= 900,
          `answered after ${Date.now() - started} ms`,
        );
      },
    },
    ...walkthroughV2(lib, baseUrl, unique),
    {
      name: "limits: two clients share one SlackRateLimiter, which paces both",
      run: async () => {
        const { SlackRateLimiter, MemoryLimitStore } = lib.limits ?? {};
        check(typeof SlackRateLimiter === "function", "the ./limits entry did not load");
        const rateLimiter = new SlackRateLimiter({ store: new MemoryLimitStore(), org: "smoke" });
        const one = new SCIMClient({ token: TOKEN, baseUrl, rateLimiter });
        const other = new SCIMClient({ token: TOKEN, baseUrl, rateLimiter });
        await Promise.all([one.readUser(userId), other.readUser(userId)]);
        equal(rateLimiter.stats().calls, 2, "calls through the shared limiter");
      },
    },
    {
      name: "sync: a CSV read (papaparse), planned, applied, and planned again with nothing to do",
      run: async () => {
        const { readUsersCsv, checkSource, planSync, applySync } = lib.sync ?? {};
        check(typeof planSync === "function", "the ./sync entry did not load");
        const rows = readUsersCsv(
          "externalId,userName,email,title,groups\n" +
            `S${unique},sync-${unique},sync-${unique}@example.com,"Tester, smoke",Sync ${unique}\n`,
        );
        equal(checkSource(rows).length, 0, "problems in the CSV");
        const plan = await planSync(client, rows);
        const report = await applySync(client, plan);
        equal(report.status, "applied", "the apply's status");
        equal((await planSync(client, rows)).operations.length, 0, "operations left");
      },
    },
    {
      name: "an AbortSignal cancels an in-flight call",
      run: async () => {
        // Without the abort the simulator would answer 404 (unknown user) after 1.5 s.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 100);
        try {
          await rejects(
            client.readUser(SLOW_USER, { signal: controller.signal }),
            (e) => (e?.name === "AbortError" ? "" : "not an AbortError"),
            "readUser",
          );
        } finally {
          clearTimeout(timer);
        }
      },
    },
  ];
}

/**
 * The v2 steps: SCIM2Client from the `./v2` entry on the same simulator, users and groups.
 * @returns {{ name: string, run: () => Promise<void> }[]}
 */
function walkthroughV2(lib, baseUrl, unique) {
  const v2 = lib.v2 ?? {};
  const { SCIM2Client, userPatch, groupPatch } = v2;
  const v2BaseUrl = baseUrl.replace(/\/scim\/v1\/?$/, "/scim/v2/");
  let client;
  let userId = "";
  let groupId = "";
  return [
    {
      name: "v2: SCIM2Client creates, finds and patches a user with typed operations",
      run: async () => {
        check(typeof SCIM2Client === "function", "the ./v2 entry did not load");
        client = new SCIM2Client({ token: TOKEN, baseUrl: v2BaseUrl });
        const created = await client.createUser({
          userName: `smoke2-${unique}`,
          emails: [{ value: `smoke2-${unique}@example.com`, primary: true }, {
            value: `smoke2-${unique}@home.example`,
          }],
        });
        equal(created.status, 201, "create status");
        userId = created.user.id;
        const found = await client.searchUsers({
          filter: v2.filter`userName eq ${`smoke2-${unique}`}`,
        });
        equal(found.users[0]?.id, userId, "found id");
        const patched = await client.patchUser(userId, [
          { op: "replace", path: "name.givenName", value: "Smoke" },
          userPatch.removeSecondaryEmails(),
        ]);
        equal(patched.user.name?.givenName, "Smoke", "givenName");
        equal(patched.user.emails?.length, 1, "emails left");
      },
    },
    {
      name: "v2: a group is created, renamed with a member added, and deleted (204)",
      run: async () => {
        const { group } = await client.createGroup({
          displayName: `Smoke2 ${unique}`,
          members: [],
        });
        groupId = group.id;
        await client.patchGroup(groupId, [
          groupPatch.rename(`Smoke2 ${unique} renamed`),
          ...groupPatch.addMembers([userId]),
        ]);
        const read = await client.readGroup(groupId);
        equal(
          read.group.displayName,
          `Smoke2 ${unique} renamed`,
          "displayName",
        );
        equal(read.group.members?.[0]?.value, userId, "member");
        equal(
          (await client.deleteGroup(groupId)).status,
          204,
          "delete group status",
        );
      },
    },
    {
      name: "v2: deleteUser answers 204 and deactivates",
      run: async () => {
        equal((await client.deleteUser(userId)).status, 204, "delete status");
        equal((await client.readUser(userId)).user.active, false, "active");
      },
    },
  ];
}

/**
 * Host-side checks of what the simulator saw, after the steps ran.
 * @returns {{ name: string, run: () => Promise<void> }[]}
 */
export function simulatorChecks(sim) {
  return [
    {
      name: "the simulator saw the 429 and then the retried request",
      run: () => {
        const seen = sim.requests.filter((r) => r.method === "GET" && r.path === RETRIED_PATH)
          .map((r) => r.status);
        equal(JSON.stringify(seen), JSON.stringify([429, 200]), "statuses");
        return Promise.resolve();
      },
    },
  ];
}

/**
 * Runs steps in order, printing one line each and a closing `N passed, N failed` line.
 * A failed step does not stop the next ones (they may fail for the same reason; the first
 * failure is the one to read).
 * @returns {Promise<{ passed: number, failed: number, results: object[] }>}
 */
export async function runSteps(label, steps, print = console.log) {
  let passed = 0;
  let failed = 0;
  const results = [];
  for (const step of steps) {
    try {
      await step.run();
      passed++;
      results.push({ name: step.name, ok: true });
      print(`ok   ${label}: ${step.name}`);
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      results.push({ name: step.name, ok: false, error: message });
      print(`FAIL ${label}: ${step.name}\n     ${message}`);
    }
  }
  return { passed, failed, results };
}

/**
 * Starts the simulator every host serves the walkthrough from: the same seeded directory and the
 * scripted faults the walkthrough expects, on a loopback port.
 *
 * @param {{ SlackScimSimulator: new (options: object) => any }} lib The entries under test.
 * @returns {Promise<{ sim: any, server: { baseUrl: string, close(): Promise<void> } }>}
 */
export async function startSimulator(lib) {
  const sim = new lib.SlackScimSimulator({
    token: TOKEN,
    users: 12,
    groups: 3,
    seed: 6,
  });
  scriptFaults(sim);
  const server = await sim.listen({ port: 0, hostname: "127.0.0.1" });
  return { sim, server };
}
