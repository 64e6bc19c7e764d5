// Internal, temporary: the interfaces sync-a owns (SYNC_CONTRACT.md), written here only until
// branch sync-a is merged; then this file is deleted and the imports point at sync-a's files.

/** A user as the source of truth wants it. */
export interface DesiredUser {
  externalId: string;
  userName: string;
  email: string;
  givenName?: string;
  familyName?: string;
  displayName?: string;
  title?: string;
  active?: boolean;
  department?: string;
  manager?: string;
  groups?: string[];
}

/** A desired user and where it came from. */
export interface SourceRow {
  user: DesiredUser;
  line: number;
}

/** One problem of a source row. */
export interface SourceProblem {
  line: number;
  externalId?: string;
  field?: string;
  message: string;
}

/** A source that cannot be planned from. */
export class SourceError extends Error {
  readonly problems: readonly SourceProblem[];
  constructor(problems: readonly SourceProblem[]) {
    super(
      `Cannot use the source: ${
        problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`).join("; ")
      }`,
    );
    this.name = "SourceError";
    this.problems = problems;
  }
}

/** Rows from code. */
export async function sourceRows(
  desired: Iterable<DesiredUser> | AsyncIterable<DesiredUser> | SourceRow[],
): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  let index = 0;
  for await (const item of desired as AsyncIterable<DesiredUser | SourceRow>) {
    index++;
    if ("user" in item && "line" in item) rows.push(item as SourceRow);
    else rows.push({ user: item as DesiredUser, line: index });
  }
  return rows;
}

/** Minimal source checks. */
export function checkSource(rows: SourceRow[]): SourceProblem[] {
  const problems: SourceProblem[] = [];
  if (rows.length === 0) problems.push({ line: 0, message: "the source is empty" });
  const ids = new Map<string, number>();
  const emails = new Map<string, number>();
  for (const { user, line } of rows) {
    const other = ids.get(user.externalId);
    if (other !== undefined) {
      problems.push({
        line,
        externalId: user.externalId,
        message: `duplicate externalId (line ${other})`,
      });
    }
    ids.set(user.externalId, line);
    const email = user.email.trim().toLowerCase();
    const otherEmail = emails.get(email);
    if (otherEmail !== undefined) {
      problems.push({
        line,
        externalId: user.externalId,
        message: `duplicate email (line ${otherEmail})`,
      });
    }
    emails.set(email, line);
  }
  for (const { user, line } of rows) {
    if (user.manager !== undefined && user.manager !== "" && !ids.has(user.manager)) {
      problems.push({
        line,
        externalId: user.externalId,
        field: "manager",
        message: `manager "${user.manager}" is not in the source`,
      });
    }
  }
  return problems;
}

/** Durable state of the sync engine. */
export interface SyncStateStore {
  readonly description: string;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  append(key: string, line: string): Promise<void>;
  lines(key: string): Promise<string[]>;
  lock(key: string, holder: string, ttlMs: number): Promise<SyncLock>;
  close(): Promise<void>;
}

/** A held lock. */
export interface SyncLock {
  release(): Promise<void>;
}

/** Another apply holds the lock. */
export class SyncLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncLockedError";
  }
}

/** In memory. */
export class MemoryStateStore implements SyncStateStore {
  readonly description = "memory";
  #values = new Map<string, string>();
  #lines = new Map<string, string[]>();
  #locks = new Map<string, { holder: string; since: number; expires: number }>();
  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.#values.get(key));
  }
  set(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.#values.delete(key);
    this.#lines.delete(key);
    return Promise.resolve();
  }
  append(key: string, line: string): Promise<void> {
    const lines = this.#lines.get(key) ?? [];
    lines.push(line);
    this.#lines.set(key, lines);
    return Promise.resolve();
  }
  lines(key: string): Promise<string[]> {
    return Promise.resolve([...(this.#lines.get(key) ?? [])]);
  }
  lock(key: string, holder: string, ttlMs: number): Promise<SyncLock> {
    const now = Date.now();
    const held = this.#locks.get(key);
    if (held !== undefined && held.expires > now) {
      return Promise.reject(
        new SyncLockedError(
          `Cannot lock "${key}": locked by ${held.holder}, since ${
            new Date(held.since).toISOString()
          }`,
        ),
      );
    }
    const mine = { holder, since: now, expires: now + ttlMs };
    this.#locks.set(key, mine);
    return Promise.resolve({
      release: () => {
        if (this.#locks.get(key) === mine) this.#locks.delete(key);
        return Promise.resolve();
      },
    });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** What outlives one run. */
export interface SyncHistory {
  sourceCount?: number;
  emailMatches: Record<string, string>;
  missingRuns: Record<string, number>;
  managedGroups?: Record<string, string>;
}

/** Reads the history; absent or unreadable = empty and a warning. */
export async function readHistory(
  store: SyncStateStore,
  org: string,
): Promise<{ history: SyncHistory; warning?: string }> {
  const text = await store.get(`${org}/history`);
  if (text === undefined) {
    return { history: { emailMatches: {}, missingRuns: {} }, warning: "no sync history" };
  }
  try {
    return { history: JSON.parse(text) as SyncHistory };
  } catch {
    return { history: { emailMatches: {}, missingRuns: {} }, warning: "unreadable sync history" };
  }
}

/** Writes the history. */
export async function writeHistory(
  store: SyncStateStore,
  org: string,
  history: SyncHistory,
): Promise<void> {
  await store.set(`${org}/history`, JSON.stringify(history));
}

/** The apply journal. */
export class Journal {
  #store: SyncStateStore;
  #key: string;
  private constructor(store: SyncStateStore, key: string) {
    this.#store = store;
    this.#key = key;
  }
  static open(store: SyncStateStore, org: string, planId: string): Promise<Journal> {
    return Promise.resolve(new Journal(store, `${org}/journal/${planId}`));
  }
  begin(opId: string): Promise<void> {
    return this.#store.append(this.#key, JSON.stringify({ op: opId, event: "begin" }));
  }
  finish(opId: string, outcome: { ok: boolean; result?: string; error?: string }): Promise<void> {
    return this.#store.append(this.#key, JSON.stringify({ op: opId, event: "finish", ...outcome }));
  }
  async state(): Promise<Map<string, "begun" | "done" | "failed">> {
    const state = new Map<string, "begun" | "done" | "failed">();
    for (const line of await this.#store.lines(this.#key)) {
      const entry = JSON.parse(line) as { op: string; event: string; ok?: boolean };
      state.set(entry.op, entry.event === "begin" ? "begun" : entry.ok ? "done" : "failed");
    }
    return state;
  }
}
