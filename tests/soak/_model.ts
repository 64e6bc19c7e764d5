// The soak test's expectations: what the directory should hold after the operations, how a
// failure is classified (did the write happen?), and a seeded generator for choosing operations.

import { SeededRandom } from "../../scim/testing/seeded_random.ts";
import {
  type Group,
  isRequestFailedError,
  isRequestTimeoutError,
  isSCIMApiError,
  type User,
} from "../../mod.ts";

/** A user as the soak test tracks it. */
export interface UserState {
  id: string;
  userName: string;
  /** Email values, primary first. */
  emails: string[];
  active: boolean;
  title: string;
}

/** A group as the soak test tracks it. */
export interface GroupState {
  id: string;
  displayName: string;
  /** Member ids, sorted. */
  members: string[];
}

/** The directory the operations should have produced. */
export class Model {
  readonly users: Map<string, UserState> = new Map();
  readonly groups: Map<string, GroupState> = new Map();
  /** Ids of groups deleted on purpose, to check that reading them says `no_such_group`. */
  readonly deletedGroups: string[] = [];

  /** Users that may join a group: active ones (Slack refuses deactivated users and guests). */
  activeUsers(): UserState[] {
    return [...this.users.values()].filter((user) => user.active);
  }

  /** Whether a userName or email is held by any user, deactivated ones included. */
  isTaken(userName: string, email: string): boolean {
    return [...this.users.values()].some((user) =>
      user.userName === userName || user.emails.includes(email)
    );
  }
}

/** The tracked fields of a user as the API returned it. */
export function userState(user: User): UserState {
  return {
    id: String(user.id),
    userName: String(user.userName),
    emails: (user.emails ?? []).map((email) => String(email.value)),
    active: user.active === true,
    title: user.title ?? "",
  };
}

/** The tracked fields of a group as the API returned it. */
export function groupState(group: Group): GroupState {
  return {
    id: String(group.id),
    displayName: String(group.displayName),
    members: (group.members ?? []).map((member) => String(member.value)).sort(),
  };
}

/** Whether two user states match, the id too unless `ignoreId`. */
export function sameUser(
  a: UserState | undefined,
  b: UserState | undefined,
  ignoreId = false,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (ignoreId || a.id === b.id) && a.userName === b.userName && a.active === b.active &&
    a.title === b.title && a.emails.join("\n") === b.emails.join("\n");
}

/** Whether two group states match, the id too unless `ignoreId`. */
export function sameGroup(
  a: GroupState | undefined,
  b: GroupState | undefined,
  ignoreId = false,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (ignoreId || a.id === b.id) && a.displayName === b.displayName &&
    a.members.join(",") === b.members.join(",");
}

/** Whether a failed write reached Slack: surely not, perhaps, or surely. */
export type Applied = "no" | "maybe" | "yes";

/** A failure as a careful caller reads it. */
export interface Failure {
  /** For the figures, such as `SCIMApiError 502 unparseable_response`. */
  kind: string;
  /** Whether the write may have been applied. */
  applied: Applied;
  /** The HTTP status, for `SCIMApiError`. */
  status?: number;
  /** Slack's error code, for `SCIMApiError`. */
  description?: string;
  /** The error's message. */
  message: string;
}

/**
 * Reads a thrown value the way a careful caller would, or returns `undefined` for anything that
 * is not one of the client's typed errors (a defect: the caller cannot tell what happened).
 *
 * - `SCIMApiError` with a 2xx status: Slack did the write but its body was unreadable.
 * - `SCIMApiError` after an attempt that got no answer: that attempt may have done the write.
 * - any other `SCIMApiError`: refused, or answered by a proxy before Slack saw it.
 * - `RequestFailedError` / `RequestTimeoutError`: as their `mayHaveBeenApplied` says.
 */
export function classifyFailure(error: unknown): Failure | undefined {
  if (isSCIMApiError(error)) {
    const unanswered = error.failedAttempts.some((attempt) => attempt.kind === "error");
    const ok = error.status >= 200 && error.status < 300;
    return {
      kind: `SCIMApiError ${error.status} ${error.description}`,
      applied: ok ? "yes" : unanswered ? "maybe" : "no",
      status: error.status,
      description: error.description,
      message: error.message,
    };
  }
  if (isRequestFailedError(error) || isRequestTimeoutError(error)) {
    return {
      kind: `${error.name}${error.mayHaveBeenApplied ? " (may have been applied)" : ""}`,
      applied: error.mayHaveBeenApplied ? "maybe" : "no",
      message: error.message,
    };
  }
  return undefined;
}

/** Whether a typed error explains itself: a message, and Slack's code or the transport's cause. */
export function saysWhy(error: unknown): boolean {
  if (!(error instanceof Error) || error.message.trim() === "") return false;
  if (isSCIMApiError(error)) return error.description !== "";
  return error.cause !== undefined || /timed out/.test(error.message);
}

/** The simulator's seeded generator, with the choices the soak needs, so every run picks the same operations. */
export class Random extends SeededRandom {
  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return this.int(n);
  }

  /** One item of a non-empty list. */
  override pick<T>(items: ArrayLike<T>): T {
    if (items.length === 0) throw new RangeError("Cannot pick from an empty list");
    return super.pick(items);
  }

  /** Up to `n` distinct items of a list. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < n && pool.length > 0) {
      chosen.push(pool.splice(this.below(pool.length), 1)[0] as T);
    }
    return chosen;
  }

  /** A key of `weights` chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }
}
