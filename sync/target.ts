/**
 * The version-neutral seam of the sync engine over `SCIMClient` (v1) and `SCIM2Client` (v2):
 * the org read in 1,000-item pages, users created, patched (attributes and `active` in one call),
 * deactivated and looked up, groups created, changed through the membership engine and deleted.
 * Every call goes through the client, so its pacing, retries and safe-write recovery apply.
 *
 * @module
 */

import { SCIMClient } from "../scim/v1/client.ts";
import {
  iterateGroups as iterateGroupsV1,
  iterateUsers as iterateUsersV1,
} from "../scim/v1/iterate.ts";
import {
  addGroupMembers as addMembersV1,
  removeGroupMembers as removeMembersV1,
} from "../scim/v1/group_members.ts";
import type { User as UserV1 } from "../scim/v1/user.ts";
import { SCIM2Client } from "../scim/v2/client.ts";
import {
  iterateGroups as iterateGroupsV2,
  iterateUsers as iterateUsersV2,
} from "../scim/v2/iterate.ts";
import {
  addGroupMembers as addMembersV2,
  removeGroupMembers as removeMembersV2,
} from "../scim/v2/group_members.ts";
import { UntypedOperation } from "../scim/v2/patch_op.ts";
import type { User as UserV2 } from "../scim/v2/user.ts";
import { filter } from "../scim/filter.ts";
import { RECOMMENDED_MEMBERS_PER_CALL } from "../scim/membership.ts";
import { normalizeEmail } from "./check_source.ts";

/**
 * Either client the sync engine drives.
 *
 * @example A function that syncs with either version
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import type { SyncClient } from "@org/slack-scim/sync";
 * import { SCIM2Client } from "@org/slack-scim/v2";
 * import assert from "node:assert/strict";
 *
 * const clients: SyncClient[] = [
 *   new SCIMClient({ token: "xoxp-test" }),
 *   new SCIM2Client({ token: "xoxp-test" }),
 * ];
 * assert.equal(clients.length, 2);
 * ```
 */
export type SyncClient = SCIMClient | SCIM2Client;

/**
 * A Slack account as the sync engine compares it: the attributes a source may give, read from
 * either version's user.
 *
 * @example The same account through v1 and v2
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { syncTarget, type TargetUser } from "@org/slack-scim/sync";
 * import { SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const first = async (client: SCIMClient | SCIM2Client): Promise<TargetUser> => {
 *   for await (const page of syncTarget(client).userPages()) return page[0]!;
 *   throw new Error("no user");
 * };
 * const v1 = await first(new SCIMClient({ token: "xoxp-test", fetch: sim.fetch }));
 * const v2 = await first(new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch }));
 * assert.deepEqual(v1, v2);
 * assert.equal(v1.externalId, ""); // it predates any sync
 * ```
 */
export interface TargetUser {
  /** The Slack id. */
  id: string;
  /** The account's externalId ("" when it has none: it predates the sync). */
  externalId: string;
  /** The userName. */
  userName: string;
  /** The primary email, as Slack holds it ("" when none). */
  email: string;
  /** Every email of the account, normalized (trimmed, lower-cased). */
  emails: string[];
  /** `name.givenName`. */
  givenName?: string;
  /** `name.familyName`. */
  familyName?: string;
  /** The display name. */
  displayName?: string;
  /** The title. */
  title?: string;
  /** Whether the account is active. */
  active: boolean;
  /** The enterprise extension's department. */
  department?: string;
  /** The enterprise extension's manager id. */
  manager?: string;
}

/**
 * A Slack group as the sync engine compares it.
 *
 * @example Groups come with their members, by pages
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { syncTarget, type TargetGroup } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3, groups: 2 });
 * const groups: TargetGroup[] = [];
 * for await (const page of syncTarget(new SCIMClient({ token: "xoxp-test", fetch: sim.fetch })).groupPages()) {
 *   groups.push(...page);
 * }
 * assert.equal(groups.length, 2);
 * assert.ok(groups.every((group) => Array.isArray(group.members)));
 * ```
 */
export interface TargetGroup {
  /** The Slack id. */
  id: string;
  /** The display name. */
  displayName: string;
  /** The member ids. */
  members: string[];
}

/**
 * The attributes a sync writes to a user: any subset, sent in one call.
 *
 * @example A rename and a new title: one PATCH
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { syncTarget, type UserChanges } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const target = syncTarget(new SCIMClient({ token: "xoxp-test", fetch: sim.fetch }));
 * const [found] = await target.findUsers({ email: "linus.allen0@example.com" });
 * const id = found!.id;
 * const changes: UserChanges = { userName: "linus", title: "Kernel" };
 * const after = await target.patchUser(id, changes);
 * assert.equal(after.userName, "linus");
 * assert.equal(sim.requests.filter((r) => r.method === "PATCH").length, 1);
 * ```
 */
export interface UserChanges {
  /** New userName. */
  userName?: string;
  /** New primary email. */
  email?: string;
  /** New given name. */
  givenName?: string;
  /** New family name. */
  familyName?: string;
  /** New display name. */
  displayName?: string;
  /** New title. */
  title?: string;
  /** Activate (true) or deactivate (false). */
  active?: boolean;
  /** New department. */
  department?: string;
  /** New manager (a Slack id). */
  manager?: string;
}

/**
 * A user to create: `externalId`, `userName` and `email` required.
 *
 * @example Create with the externalId
 * ```ts
 * import { SCIM2Client } from "@org/slack-scim/v2";
 * import { type NewTargetUser, syncTarget } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator();
 * const target = syncTarget(new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch }));
 * const user: NewTargetUser = { externalId: "E1", userName: "ada", email: "ada@example.com" };
 * assert.equal((await target.createUser(user)).externalId, "E1");
 * ```
 */
export interface NewTargetUser extends UserChanges {
  /** The source's id, set at creation (Slack never lets it change). */
  externalId: string;
  /** The userName. */
  userName: string;
  /** The primary email. */
  email: string;
}

/**
 * Cancellation of one seam call.
 *
 * @example An aborted read sends nothing
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { syncTarget, type TargetCallOptions } from "@org/slack-scim/sync";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const target = syncTarget(new SCIMClient({ token: "xoxp-test", fetch: sim.fetch }));
 * const options: TargetCallOptions = { signal: AbortSignal.abort() };
 * await assert.rejects(target.findUsers({ userName: "x" }, options));
 * assert.equal(sim.requests.length, 0);
 * ```
 */
export interface TargetCallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
}

const ENTERPRISE_V1 = "urn:scim:schemas:extension:enterprise:1.0";
const ENTERPRISE_V2 = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function toTargetUser(user: UserV1 | UserV2, enterpriseUrn: string): TargetUser {
  const emails =
    (user.emails ?? []) as readonly ({ value?: string | null; primary?: boolean | null } | null)[];
  const primary = emails.find((email) => email?.primary === true) ?? emails[0];
  const enterprise = (user as Record<string, unknown>)[enterpriseUrn] as
    | { department?: string | null; manager?: { managerId?: string | null } | null }
    | undefined;
  const name = user.name as { givenName?: string | null; familyName?: string | null } | undefined;
  const target: TargetUser = {
    id: String(user.id ?? ""),
    externalId: text(user.externalId) ?? "",
    userName: text(user.userName) ?? "",
    email: text(primary?.value) ?? "",
    emails: emails.flatMap((email) =>
      typeof email?.value === "string" && email.value !== "" ? [normalizeEmail(email.value)] : []
    ),
    active: user.active !== false,
  };
  const set = <K extends keyof TargetUser>(key: K, value: TargetUser[K] | undefined) => {
    if (value !== undefined) target[key] = value;
  };
  set("givenName", text(name?.givenName));
  set("familyName", text(name?.familyName));
  set("displayName", text(user.displayName));
  set("title", text(user.title));
  set("department", text(enterprise?.department));
  const manager = text(enterprise?.manager?.managerId);
  if (manager !== undefined && manager !== "") target.manager = manager;
  return target;
}

/**
 * The sync engine's view of a client: what a sync reads and writes, the same for v1 and v2.
 *
 * @example Read an org by pages, through either version's client
 * ```ts
 * import { syncTarget } from "@org/slack-scim/sync";
 * import { SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 3, groups: 1 });
 * const target = syncTarget(new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch }));
 * let users = 0;
 * for await (const page of target.userPages()) users += page.length;
 * assert.equal(users, 3);
 * assert.equal(target.api, "v2");
 * ```
 */
export interface SyncTarget {
  /** The API version of the client. */
  readonly api: "v1" | "v2";
  /** Every user, by pages of up to 1,000 (GET Users, the reads pool). */
  userPages(options?: TargetCallOptions): AsyncIterable<TargetUser[]>;
  /** Every group, members included, by pages of up to 1,000. */
  groupPages(options?: TargetCallOptions): AsyncIterable<TargetGroup[]>;
  /** Users whose userName or an email is one of these (a filtered list call, never GET-one). */
  findUsers(
    by: { userName?: string; email?: string },
    options?: TargetCallOptions,
  ): Promise<TargetUser[]>;
  /** Creates a user with its externalId (the client's safe-write recovery applies). */
  createUser(user: NewTargetUser, options?: TargetCallOptions): Promise<TargetUser>;
  /** One PATCH with every change, `active` included. */
  patchUser(id: string, changes: UserChanges, options?: TargetCallOptions): Promise<TargetUser>;
  /** Deactivates a user (DELETE Users/{id}). */
  deactivateUser(id: string, options?: TargetCallOptions): Promise<void>;
  /** Creates a group with its first members (Slack requires `members`). */
  createGroup(
    displayName: string,
    members: readonly string[],
    options?: TargetCallOptions,
  ): Promise<TargetGroup>;
  /** Adds members through the membership engine (chunks of at most 5,000). */
  addMembers(groupId: string, ids: readonly string[], options?: TargetCallOptions): Promise<number>;
  /** Removes members through the membership engine (chunks of at most 5,000). */
  removeMembers(
    groupId: string,
    ids: readonly string[],
    options?: TargetCallOptions,
  ): Promise<number>;
  /** Deletes a group. */
  deleteGroup(id: string, options?: TargetCallOptions): Promise<void>;
}

function signalOf(options: TargetCallOptions | undefined): { signal?: AbortSignal } {
  return options?.signal ? { signal: options.signal } : {};
}

function v1Body(changes: UserChanges): UserV1 {
  const body: UserV1 = {};
  if (changes.userName !== undefined) body.userName = changes.userName;
  if (changes.email !== undefined) body.emails = [{ value: changes.email, primary: true }];
  if (changes.givenName !== undefined || changes.familyName !== undefined) {
    body.name = {
      ...(changes.givenName !== undefined ? { givenName: changes.givenName } : {}),
      ...(changes.familyName !== undefined ? { familyName: changes.familyName } : {}),
    };
  }
  if (changes.displayName !== undefined) body.displayName = changes.displayName;
  if (changes.title !== undefined) body.title = changes.title;
  if (changes.active !== undefined) body.active = changes.active;
  if (changes.department !== undefined || changes.manager !== undefined) {
    body[ENTERPRISE_V1] = {
      ...(changes.department !== undefined ? { department: changes.department } : {}),
      ...(changes.manager !== undefined ? { manager: { managerId: changes.manager } } : {}),
    };
  }
  return body;
}

function v2Operations(changes: UserChanges): UntypedOperation[] {
  const ops: UntypedOperation[] = [];
  const replace = (path: string, value: unknown) =>
    ops.push(new UntypedOperation({ op: "replace", path, value }));
  if (changes.userName !== undefined) replace("userName", changes.userName);
  if (changes.email !== undefined) replace("emails[primary eq true].value", changes.email);
  if (changes.givenName !== undefined) replace("name.givenName", changes.givenName);
  if (changes.familyName !== undefined) replace("name.familyName", changes.familyName);
  if (changes.displayName !== undefined) replace("displayName", changes.displayName);
  if (changes.title !== undefined) replace("title", changes.title);
  if (changes.department !== undefined) replace(`${ENTERPRISE_V2}:department`, changes.department);
  if (changes.manager !== undefined) {
    replace(`${ENTERPRISE_V2}:manager`, { managerId: changes.manager });
  }
  if (changes.active !== undefined) replace("active", changes.active);
  return ops;
}

function v2NewUser(user: NewTargetUser): UserV2 {
  const body: UserV2 = {
    externalId: user.externalId,
    userName: user.userName,
    emails: [{ value: user.email, primary: true }],
  };
  if (user.givenName !== undefined || user.familyName !== undefined) {
    body.name = {
      ...(user.givenName !== undefined ? { givenName: user.givenName } : {}),
      ...(user.familyName !== undefined ? { familyName: user.familyName } : {}),
    };
  }
  if (user.displayName !== undefined) body.displayName = user.displayName;
  if (user.title !== undefined) body.title = user.title;
  if (user.active !== undefined) body.active = user.active;
  if (user.department !== undefined || user.manager !== undefined) {
    (body as Record<string, unknown>)[ENTERPRISE_V2] = {
      ...(user.department !== undefined ? { department: user.department } : {}),
      ...(user.manager !== undefined ? { manager: { managerId: user.manager } } : {}),
    };
  }
  return body;
}

function groupOf(group: { id?: string; displayName?: string; members?: unknown }): TargetGroup {
  const members = Array.isArray(group.members) ? group.members : [];
  return {
    id: String(group.id ?? ""),
    displayName: typeof group.displayName === "string" ? group.displayName : "",
    members: members.flatMap((member: { value?: unknown } | null) =>
      typeof member?.value === "string" && member.value !== "" ? [member.value] : []
    ),
  };
}

const PAGE_SIZE = 1000;

/** The accounts with this userName or this email (a search each, one version's client). */
async function findUsersBy(
  search: (filter: string) => Promise<{ users: readonly UserV1[] | readonly UserV2[] }>,
  enterprise: string,
  by: { userName?: string; email?: string },
): Promise<TargetUser[]> {
  const found = new Map<string, TargetUser>();
  const searches: string[] = [];
  if (by.userName) searches.push(filter`userName eq ${by.userName}`);
  if (by.email) searches.push(filter`email eq ${by.email}`);
  for (const f of searches) {
    for (const user of (await search(f)).users) {
      const target = toTargetUser(user, enterprise);
      found.set(target.id, target);
    }
  }
  return [...found.values()];
}

class V1Target implements SyncTarget {
  readonly api = "v1" as const;
  readonly #client: SCIMClient;
  constructor(client: SCIMClient) {
    this.#client = client;
  }
  async *userPages(options?: TargetCallOptions): AsyncIterable<TargetUser[]> {
    const pages = iterateUsersV1(this.#client, { pageSize: PAGE_SIZE, ...signalOf(options) });
    for await (const page of pages.pages()) {
      yield page.users.map((user) => toTargetUser(user, ENTERPRISE_V1));
    }
  }
  async *groupPages(options?: TargetCallOptions): AsyncIterable<TargetGroup[]> {
    const pages = iterateGroupsV1(this.#client, { pageSize: PAGE_SIZE, ...signalOf(options) });
    for await (const page of pages.pages()) yield page.groups.map(groupOf);
  }
  findUsers(
    by: { userName?: string; email?: string },
    options?: TargetCallOptions,
  ): Promise<TargetUser[]> {
    return findUsersBy(
      (f) => this.#client.searchUsers({ filter: f, count: 10, ...signalOf(options) }),
      ENTERPRISE_V1,
      by,
    );
  }
  async createUser(user: NewTargetUser, options?: TargetCallOptions): Promise<TargetUser> {
    const { userName, email, externalId, ...rest } = user;
    const body: UserV1 = {
      ...v1Body({ ...rest, userName, email }),
      externalId,
    };
    const created = await this.#client.createUser(body, signalOf(options));
    return toTargetUser(created.user, ENTERPRISE_V1);
  }
  async patchUser(
    id: string,
    changes: UserChanges,
    options?: TargetCallOptions,
  ): Promise<TargetUser> {
    const { user } = await this.#client.patchUser(id, v1Body(changes), signalOf(options));
    return toTargetUser(user, ENTERPRISE_V1);
  }
  async deactivateUser(id: string, options?: TargetCallOptions): Promise<void> {
    await this.#client.deleteUser(id, signalOf(options));
  }
  async createGroup(
    displayName: string,
    members: readonly string[],
    options?: TargetCallOptions,
  ): Promise<TargetGroup> {
    const first = members.slice(0, RECOMMENDED_MEMBERS_PER_CALL);
    const { group } = await this.#client.createGroup(
      { displayName, members: first.map((value) => ({ value })) },
      signalOf(options),
    );
    const created = groupOf(group);
    if (members.length > first.length) {
      await this.addMembers(created.id, members.slice(first.length), options);
    }
    return created;
  }
  async addMembers(
    groupId: string,
    ids: readonly string[],
    options?: TargetCallOptions,
  ): Promise<number> {
    return (await addMembersV1(this.#client, groupId, ids, signalOf(options))).added;
  }
  async removeMembers(
    groupId: string,
    ids: readonly string[],
    options?: TargetCallOptions,
  ): Promise<number> {
    return (await removeMembersV1(this.#client, groupId, ids, signalOf(options))).removed;
  }
  async deleteGroup(id: string, options?: TargetCallOptions): Promise<void> {
    await this.#client.deleteGroup(id, signalOf(options));
  }
}

class V2Target implements SyncTarget {
  readonly api = "v2" as const;
  readonly #client: SCIM2Client;
  constructor(client: SCIM2Client) {
    this.#client = client;
  }
  async *userPages(options?: TargetCallOptions): AsyncIterable<TargetUser[]> {
    const pages = iterateUsersV2(this.#client, { pageSize: PAGE_SIZE, ...signalOf(options) });
    for await (const page of pages.pages()) {
      yield page.users.map((user) => toTargetUser(user, ENTERPRISE_V2));
    }
  }
  async *groupPages(options?: TargetCallOptions): AsyncIterable<TargetGroup[]> {
    const pages = iterateGroupsV2(this.#client, { pageSize: PAGE_SIZE, ...signalOf(options) });
    for await (const page of pages.pages()) yield page.groups.map(groupOf);
  }
  findUsers(
    by: { userName?: string; email?: string },
    options?: TargetCallOptions,
  ): Promise<TargetUser[]> {
    return findUsersBy(
      (f) => this.#client.searchUsers({ filter: f, count: 10, ...signalOf(options) }),
      ENTERPRISE_V2,
      by,
    );
  }
  async createUser(user: NewTargetUser, options?: TargetCallOptions): Promise<TargetUser> {
    const created = await this.#client.createUser(v2NewUser(user), signalOf(options));
    return toTargetUser(created.user, ENTERPRISE_V2);
  }
  async patchUser(
    id: string,
    changes: UserChanges,
    options?: TargetCallOptions,
  ): Promise<TargetUser> {
    const { user } = await this.#client.patchUser(id, v2Operations(changes), signalOf(options));
    return toTargetUser(user, ENTERPRISE_V2);
  }
  async deactivateUser(id: string, options?: TargetCallOptions): Promise<void> {
    await this.#client.deleteUser(id, signalOf(options));
  }
  async createGroup(
    displayName: string,
    members: readonly string[],
    options?: TargetCallOptions,
  ): Promise<TargetGroup> {
    const first = members.slice(0, RECOMMENDED_MEMBERS_PER_CALL);
    const { group } = await this.#client.createGroup(
      { displayName, members: first.map((value) => ({ value })) },
      signalOf(options),
    );
    const created = groupOf(group);
    if (members.length > first.length) {
      await this.addMembers(created.id, members.slice(first.length), options);
    }
    return created;
  }
  async addMembers(
    groupId: string,
    ids: readonly string[],
    options?: TargetCallOptions,
  ): Promise<number> {
    return (await addMembersV2(this.#client, groupId, ids, signalOf(options))).added;
  }
  async removeMembers(
    groupId: string,
    ids: readonly string[],
    options?: TargetCallOptions,
  ): Promise<number> {
    return (await removeMembersV2(this.#client, groupId, ids, signalOf(options))).removed;
  }
  async deleteGroup(id: string, options?: TargetCallOptions): Promise<void> {
    await this.#client.deleteGroup(id, signalOf(options));
  }
}

/**
 * The seam over a client: {@linkcode SyncTarget} for `SCIMClient` (v1) or `SCIM2Client` (v2).
 *
 * @param client Either version's client.
 * @returns The target.
 *
 * @example Both versions give the same view of one org
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { syncTarget } from "@org/slack-scim/sync";
 * import { SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 2 });
 * const v1 = syncTarget(new SCIMClient({ token: "xoxp-test", fetch: sim.fetch }));
 * const v2 = syncTarget(new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch }));
 * const read = async (target: typeof v1) => {
 *   const all = [];
 *   for await (const page of target.userPages()) all.push(...page);
 *   return all;
 * };
 * assert.deepEqual(await read(v1), await read(v2));
 * ```
 */
export function syncTarget(client: SyncClient): SyncTarget {
  if (client instanceof SCIMClient) return new V1Target(client);
  if (client instanceof SCIM2Client) return new V2Target(client);
  throw new TypeError(
    `Cannot sync: the client must be a SCIMClient or a SCIM2Client, got ${
      client === null ? "null" : typeof client
    }`,
  );
}
