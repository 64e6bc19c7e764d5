/**
 * `deno task demo`: the walkthrough of the README, run for real.
 *
 * Without a token it runs against the embedded Slack SCIM simulator (no network, no Slack org):
 * search, create, patch, update and deactivate a user; create, patch, update and delete a group;
 * a 429 absorbed by a retry handler; then the same through SCIM v2 (`SCIM2Client`, RFC 7644
 * PATCH) on the same store; then a sync from a small HR export (CSV): check, plan, apply, and a
 * second plan with nothing left to do. With `SLACK_ORG_ADMIN_USER_TOKEN` set it talks to the real
 * API (v1 and v2) and only reads, unless `--write` is given.
 *
 *   deno task demo                                   # embedded simulator
 *   SLACK_ORG_ADMIN_USER_TOKEN=xoxp-… deno task demo  # real Slack, read-only
 *   SLACK_ORG_ADMIN_USER_TOKEN=xoxp-… deno task demo --write  # real Slack, creates and deactivates a user
 */
import { SCIMClient, type SCIMClient as SCIMClientType } from "../mod.ts";
import { filter } from "../scim/filter.ts";
import { type Logger, RateLimitErrorRetryHandler } from "../retry/mod.ts";
import { SlackScimSimulator } from "../scim/testing/mod.ts";
import { filter as filterV2, groupPatch, SCIM2Client, userPatch } from "../scim/v2/mod.ts";
import {
  applySync,
  checkSource,
  formatPlanSummary,
  formatReport,
  planSync,
  readUsersCsv,
} from "../sync/mod.ts";

const token = Deno.env.get("SLACK_ORG_ADMIN_USER_TOKEN");
const write = Deno.args.includes("--write");

const step = (text: string) => console.log(`\n▸ ${text}`);
const show = (label: string, value: unknown) => console.log(`  ${label}: ${JSON.stringify(value)}`);

/** Prints each retry the client makes, so the demo shows the handler at work. */
const logger: Logger = {
  debug: () => {},
  warn: (message) => console.log(`  (client) ${message}`),
};

async function readOnly(client: SCIMClientType): Promise<void> {
  step("ServiceProviderConfigs: what this org's SCIM API supports");
  const config = await client.readServiceProviderConfigs();
  show("filter", config.serviceProviderConfig.filter);
  step("searchUsers: the first 5 users");
  const users = await client.searchUsers({ startIndex: 1, count: 5 });
  show("totalResults", users.totalResults);
  for (const user of users.users) {
    show(user.id ?? "?", { userName: user.userName, active: user.active });
  }
  step("searchGroups: the first 5 groups");
  const groups = await client.searchGroups({ startIndex: 1, count: 5 });
  show("totalResults", groups.totalResults);
  for (const group of groups.groups) show(group.id ?? "?", group.displayName);
}

async function walkthrough(client: SCIMClientType, unique: string): Promise<void> {
  step(`searchUsers with filter\`userName eq \${"cal${unique}"}\` (nobody yet)`);
  const found = await client.searchUsers({
    startIndex: 1,
    count: 100,
    filter: filter`userName eq ${`cal${unique}`}`,
  });
  show("users found", found.users.length);

  step("createUser");
  const created = await client.createUser({
    userName: `cal${unique}`,
    name: { givenName: "C", familyName: "Henderson" },
    emails: [{ value: `cal${unique}@example.com`, primary: true }],
  });
  show("status", created.status);
  show("user", {
    id: created.user.id,
    userName: created.user.userName,
    active: created.user.active,
  });
  show("attempts (a 429 was retried if > 1)", created.attempts);

  step("patchUser: rename to chenderson");
  const patched = await client.patchUser(created.user.id!, { userName: `chenderson${unique}` });
  show("userName", patched.user.userName);

  step("updateUser (PUT): full name");
  const user = patched.user;
  user.name = { givenName: "Cal", familyName: "Henderson" };
  const updated = await client.updateUser(user);
  show("name", updated.user.name);

  step("create, patch, update and delete a group");
  const group = await client.createGroup({
    displayName: `Demo${unique}`,
    members: [{ value: created.user.id! }],
  });
  show("group", { id: group.group.id, members: group.group.members?.length });
  const patch = await client.patchGroup(group.group.id!, {
    displayName: `Demo${unique} (renamed)`,
  });
  show("patchGroup status (204, no body)", patch.status);
  const replaced = await client.updateGroup({ ...group.group, displayName: `Demo${unique} v2` });
  show("updateGroup displayName", replaced.group.displayName);
  const removed = await client.deleteGroup(group.group.id!);
  show("deleteGroup status", removed.status);

  step("deleteUser: deactivates (Slack never deletes users)");
  const deleted = await client.deleteUser(created.user.id!);
  show("status", deleted.status);
  const after = await client.readUser(created.user.id!);
  show("active after delete", after.user.active);
}

/**
 * The one line printed when the demo fails against the real API (no network, a refused token):
 * the error's message and its cause's, never a stack trace.
 *
 * @param error What the client threw.
 * @returns The line.
 */
function oneLine(error: unknown): string {
  const message = (value: unknown) =>
    (value instanceof Error ? value.message : String(value)).replace(/\s+/g, " ").slice(0, 300);
  // The causes say why (Deno puts the DNS or connection error two levels down); each once.
  let line = `demo: ${message(error)}`;
  for (
    let cause = (error as { cause?: unknown })?.cause, depth = 0;
    cause !== undefined && depth < 3;
    cause = (cause as { cause?: unknown })?.cause, depth++
  ) {
    const text = message(cause);
    if (!line.includes(text)) line += ` (${text})`;
  }
  return line;
}

async function readOnlyV2(client: SCIM2Client): Promise<void> {
  step("v2 ServiceProviderConfig and ResourceTypes");
  const config = await client.readServiceProviderConfig();
  show("patch", config.serviceProviderConfig.patch);
  const types = await client.readResourceTypes();
  show("resource types", types.resourceTypes.map((type) => type.endpoint));
  step("v2 searchUsers: the first 5 users");
  const users = await client.searchUsers({ startIndex: 1, count: 5 });
  show("totalResults", users.totalResults);
}

async function walkthroughV2(client: SCIM2Client, unique: string): Promise<void> {
  step("v2 createUser");
  const created = await client.createUser({
    userName: `ada${unique}`,
    emails: [{ value: `ada${unique}@example.com`, primary: true }, {
      value: `ada${unique}@home.example`,
    }],
  });
  const id = created.user.id!;
  show("user", { id, userName: created.user.userName, emails: created.user.emails?.length });
  const found = await client.searchUsers({ filter: filterV2`userName eq ${`ada${unique}`}` });
  show("found by filter", found.users.map((user) => user.id));

  step("v2 patchUser: typed RFC 7644 operations");
  const patched = await client.patchUser(id, [
    { op: "replace", path: "name.givenName", value: "Ada" },
    userPatch.removeSecondaryEmails(),
    userPatch.add("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "R&D"),
  ]);
  show("name", patched.user.name);
  show("emails", patched.user.emails?.map((email) => email.value));

  step("v2 groups: create, rename and add a member, replace members, delete");
  const group = await client.createGroup({ displayName: `Demo2${unique}`, members: [] });
  const gid = group.group.id!;
  const renamed = await client.patchGroup(gid, [
    groupPatch.rename(`Demo2${unique} (renamed)`),
    ...groupPatch.addMembers([id]),
  ]);
  show("patchGroup status (200 with the group, or 204)", renamed.status);
  await client.patchGroup(gid, [groupPatch.replaceMembers([])]);
  show("members after replace", (await client.readGroup(gid)).group.members?.length ?? 0);
  show("deleteGroup status", (await client.deleteGroup(gid)).status);

  step("v2 deleteUser: 204, deactivates");
  show("status", (await client.deleteUser(id)).status);
  show("active after delete", (await client.readUser(id)).user.active);
}

/** An HR export, as `slack-scim plan --users hr.csv` would read it. */
const HR_EXPORT = `externalId,userName,email,givenName,familyName,title,manager,groups
E100,grace.h,grace@example.com,Grace,Hopper,Rear Admiral,,Engineering;Navy
E101,ada.l,ada@example.com,Ada,Lovelace,Analyst,E100,Engineering
E102,alan.t,alan@example.com,Alan,Turing,"Researcher, Bletchley",E100,Engineering
`;

async function syncDemo(client: SCIMClientType): Promise<void> {
  step("sync: read an HR export (CSV), check it, plan");
  const rows = readUsersCsv(HR_EXPORT);
  show("rows", rows.length);
  show("problems", checkSource(rows));
  // ada@example.com is the account the v2 walkthrough above deactivated: it is reactivated (same
  // id), never created twice.
  const plan = await planSync(client, rows);
  console.log(formatPlanSummary(plan).replace(/^/gm, "  "));

  step("sync: apply the plan as reviewed");
  const report = await applySync(client, plan);
  console.log(formatReport(report).replace(/^/gm, "  "));

  step("sync: plan again: nothing left to do");
  const again = await planSync(client, rows);
  show("operations", again.operations.length);
  show("status of applying it", (await applySync(client, again)).status);
}

if (token) {
  try {
    const client = new SCIMClient({ token, logger });
    client.retryHandlers.push(new RateLimitErrorRetryHandler({ maxRetryCount: 2 }));
    console.log(`Slack SCIM API at ${client.baseUrl} (${write ? "read and write" : "read-only"})`);
    await readOnly(client);
    const v2 = new SCIM2Client({ token, logger });
    v2.retryHandlers.push(new RateLimitErrorRetryHandler({ maxRetryCount: 2 }));
    await readOnlyV2(v2);
    if (write) {
      await walkthrough(client, `-${Date.now().toString(36)}`);
      await walkthroughV2(v2, `-${Date.now().toString(36)}`);
    } else console.log("\nPass --write to also create, change and deactivate a test user.");
  } catch (error) {
    console.error(oneLine(error));
    Deno.exit(1);
  }
} else {
  const sim = new SlackScimSimulator({ token: "xoxp-demo", users: 25, groups: 2 });
  const client = new SCIMClient({ token: "xoxp-demo", fetch: sim.fetch, logger });
  client.retryHandlers.push(new RateLimitErrorRetryHandler({ maxRetryCount: 2 }));
  // Slack answers the first create with 429 Retry-After: 1; the handler waits and retries.
  sim.faults.script({
    kind: "retry-after-seconds",
    method: "POST",
    path: "/Users",
    retryAfterSeconds: 1,
  });
  console.log("No SLACK_ORG_ADMIN_USER_TOKEN: running against the embedded Slack SCIM simulator");
  await readOnly(client);
  await walkthrough(client, "");
  const v2 = new SCIM2Client({ token: "xoxp-demo", fetch: sim.fetch, logger });
  await readOnlyV2(v2);
  await walkthroughV2(v2, "");
  await syncDemo(client);
  step("what the simulator saw");
  for (const r of sim.requests) {
    console.log(
      `  ${r.method} ${r.path}${r.search} → ${r.status}${r.fault ? ` (${r.fault})` : ""}`,
    );
  }
}
console.log("\nDone.");
