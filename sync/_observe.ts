// Internal: reading the org by pages and fingerprinting what was seen, shared by planSync and
// applySync (which must compute the same fingerprints to tell what changed since the plan).

import type { SyncTarget, TargetGroup, TargetUser } from "./target.ts";
import { normalizeEmail } from "./check_source.ts";

/** The org as read: every user and group, indexed, and the pages it took. */
export interface Observed {
  users: Map<string, TargetUser>;
  groups: Map<string, TargetGroup>;
  byExternalId: Map<string, TargetUser[]>;
  byEmail: Map<string, TargetUser[]>;
  byUserName: Map<string, TargetUser[]>;
  groupsByName: Map<string, TargetGroup[]>;
  userPages: number;
  groupPages: number;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (key === "") return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Reads every user and group by pages (never a GET per user). */
export async function observe(target: SyncTarget, signal?: AbortSignal): Promise<Observed> {
  const options = signal ? { signal } : {};
  const observed: Observed = {
    users: new Map(),
    groups: new Map(),
    byExternalId: new Map(),
    byEmail: new Map(),
    byUserName: new Map(),
    groupsByName: new Map(),
    userPages: 0,
    groupPages: 0,
  };
  for await (const page of target.userPages(options)) {
    observed.userPages++;
    for (const user of page) {
      observed.users.set(user.id, user);
      push(observed.byExternalId, user.externalId, user);
      push(observed.byEmail, normalizeEmail(user.email), user);
      push(observed.byUserName, user.userName.toLowerCase(), user);
    }
  }
  for await (const page of target.groupPages(options)) {
    observed.groupPages++;
    for (const group of page) {
      observed.groups.set(group.id, group);
      push(observed.groupsByName, group.displayName, group);
    }
  }
  // A last empty page is not counted by the walker: a list that ends on a full page costs one
  // more call than its pages.
  return observed;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A user's fingerprint: the attributes a sync compares, hashed. */
export async function userFingerprint(user: TargetUser): Promise<string> {
  return (await sha256(JSON.stringify([
    "user",
    user.id,
    user.externalId,
    user.userName.toLowerCase(),
    normalizeEmail(user.email),
    user.givenName ?? null,
    user.familyName ?? null,
    user.displayName ?? null,
    user.title ?? null,
    user.active,
    user.department ?? null,
    user.manager ?? null,
  ]))).slice(0, 32);
}

/** A group's fingerprint: its name and sorted members, hashed. */
export async function groupFingerprint(group: TargetGroup): Promise<string> {
  return (await sha256(
    JSON.stringify(["group", group.id, group.displayName, [...group.members].sort()]),
  ))
    .slice(0, 32);
}

/** What a create observed: that nothing held its externalId, email or userName. */
export const ABSENT = "absent";

/** The accounts that now hold a new user's externalId, email or userName. */
export function holdersOf(
  observed: Observed,
  user: { externalId: string; email: string; userName: string },
): TargetUser[] {
  const found = new Map<string, TargetUser>();
  for (
    const list of [
      observed.byExternalId.get(user.externalId),
      observed.byEmail.get(normalizeEmail(user.email)),
      observed.byUserName.get(user.userName.toLowerCase()),
    ]
  ) {
    for (const account of list ?? []) found.set(account.id, account);
  }
  return [...found.values()];
}
