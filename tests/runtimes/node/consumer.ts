// What a Node TypeScript user writes against the npm build; `tsc -p tests/runtimes/node` checks
// it (never run). The @ts-expect-error lines fail the check if the types were loose (`any`).

import {
  type Group,
  isRequestTimeoutError as isTimeoutFromMain,
  isSCIMApiError,
  SCIMClient,
  type SearchUsersResponse,
  type User,
} from "@org/slack-scim";
import { filter } from "@org/slack-scim/filter";
import { addGroupMembers } from "@org/slack-scim/membership";
import { iterateGroups, iterateUsers } from "@org/slack-scim/paging";
import { isRequestTimeoutError, RateLimitErrorRetryHandler } from "@org/slack-scim/retry";
import { MemoryLimitStore, SlackRateLimiter } from "@org/slack-scim/limits";
import { type SimulatorServer, SlackScimSimulator } from "@org/slack-scim/testing";

export async function walkthrough(server: SimulatorServer): Promise<string[]> {
  const client = new SCIMClient({
    token: "xoxp-test",
    baseUrl: server.baseUrl,
    timeout: 5_000,
    retryHandlers: [new RateLimitErrorRetryHandler()],
    rateLimiter: new SlackRateLimiter({ store: new MemoryLimitStore(), org: "acme" }),
  });
  const found: SearchUsersResponse = await client.searchUsers({
    startIndex: 1,
    count: 10,
    filter: filter`userName eq ${"Carly"}`,
  });
  const names: string[] = found.users.map((u: User) => u.userName ?? "");
  const created = await client.createUser({
    userName: "cal",
    name: { givenName: "C", familyName: "Henderson" },
    emails: [{ value: "cal@example.com" }],
  });
  const id: string | undefined = created.user.id;
  if (id !== undefined) await client.patchUser(id, { userName: "chenderson" });
  const group: Group = (await client.createGroup({ displayName: "Team", members: [] })).group;
  await client.patchGroup(group.id!, {
    members: [{ value: id!, operation: "delete" }],
  });
  try {
    await client.readUser("U0NOPE", { signal: AbortSignal.timeout(1000) });
  } catch (error) {
    if (isSCIMApiError(error)) {
      names.push(`${error.status} ${error.description}`);
    } else if (isRequestTimeoutError(error) || isTimeoutFromMain(error)) names.push(error.message);
  }
  for await (const user of iterateUsers(client, { pageSize: 100 })) {
    names.push(user.id ?? "");
  }
  for await (const page of iterateGroups(client, { pageSize: 10 }).pages()) {
    names.push(...page.groups.map((g: Group) => g.displayName ?? ""));
  }
  const added: number = (await addGroupMembers(client, group.id!, [id!], { chunkSize: 10 })).added;
  const status: number = found.status + added;
  // @ts-expect-error the token is required
  new SCIMClient({});
  // @ts-expect-error userName is a string
  await client.createUser({ userName: 42 });
  // @ts-expect-error readUser takes an id
  await client.readUser();
  // @ts-expect-error users are typed, not any
  const wrong: number = found.users[0]!.userName;
  return [...names, String(status), String(wrong)];
}

export async function start(): Promise<SimulatorServer> {
  const sim = new SlackScimSimulator({ users: 3 });
  return await sim.listen({ port: 0 });
}
