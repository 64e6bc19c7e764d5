// The soak test's operations: each one picks its target from the model, calls the client, checks
// a success against the model, and after a failure reads Slack back (see _careful_caller.ts) to
// learn whether the write happened.

import assert from "node:assert/strict";
import type { SCIMClient, User } from "../../mod.ts";
import { filter } from "../../scim/filter.ts";
import { CarefulCaller, type Outcome } from "./_careful_caller.ts";
import type { Figures } from "./_figures.ts";
import {
  type Failure,
  type GroupState,
  groupState,
  type Model,
  type Random,
  sameGroup,
  sameUser,
  type UserState,
  userState,
} from "./_model.ts";

/** How often each operation is picked. */
export const WEIGHTS = {
  createUser: 14,
  readUser: 8,
  patchUser: 10,
  updateUser: 8,
  deleteUser: 5,
  searchUsers: 9,
  createGroup: 8,
  patchGroup: 14,
  updateGroup: 6,
  deleteGroup: 4,
  readGroup: 8,
  searchGroups: 6,
} as const;

/** An operation's name. */
export type Operation = keyof typeof WEIGHTS;

const NEEDS_USER = new Set<Operation>(["readUser", "patchUser", "updateUser", "deleteUser"]);
const NEEDS_GROUP = new Set<Operation>(["patchGroup", "updateGroup", "deleteGroup", "readGroup"]);

/** Runs operations one after another against one client and keeps the model up to date. */
export class Soak {
  readonly #client: SCIMClient;
  readonly #model: Model;
  readonly #random: Random;
  readonly #caller: CarefulCaller;
  #nextUser = 1;
  #nextGroup = 1;

  constructor(client: SCIMClient, model: Model, random: Random, figures: Figures) {
    this.#client = client;
    this.#model = model;
    this.#random = random;
    this.#caller = new CarefulCaller(figures);
  }

  /** Runs operation number `index`, picked at random. */
  async step(index: number): Promise<void> {
    let operation = this.#random.weighted<Operation>(WEIGHTS);
    if (NEEDS_USER.has(operation) && this.#model.users.size === 0) operation = "createUser";
    if (NEEDS_GROUP.has(operation) && this.#model.groups.size === 0) operation = "createGroup";
    await this[operation](`#${index} ${operation}`, index);
  }

  // ---- Users ----------------------------------------------------------------------------------

  async createUser(label: string, index: number): Promise<void> {
    const users = [...this.#model.users.values()];
    // Now and then, a create Slack must refuse: an email another user holds.
    const conflict = users.length > 0 && this.#random.chance(0.05);
    const userName = `soak-u${this.#nextUser++}`;
    const email = conflict
      ? this.#random.pick(users).emails[0] as string
      : `${userName}@soak.example.com`;
    const expected: UserState = {
      id: "",
      userName,
      emails: [email],
      active: true,
      title: `title ${index}`,
    };
    const outcome = await this.#caller.call(
      "createUser",
      () =>
        this.#client.createUser({
          userName,
          emails: [{ value: email, primary: true }],
          title: expected.title,
        }),
    );
    if (outcome.ok) {
      const created = userState(outcome.value.user);
      assert.ok(
        !conflict,
        `${label}: the create with the taken email "${email}" succeeded (recovered: ` +
          `${outcome.value.recovered}, returned user "${created.userName}", not "${userName}")`,
      );
      assert.ok(sameUser(created, expected, true), `${label}: created ${JSON.stringify(created)}`);
      assert.ok(!this.#model.users.has(created.id), `${label}: "${created.id}" was created before`);
      this.#model.users.set(created.id, created);
      return;
    }
    this.#caller.failed(label, "createUser", outcome.failure, conflict ? "email_taken" : undefined);
    const actual = await this.#findUser(label, userName);
    this.#caller.settle(label, outcome.failure, {
      before: undefined,
      after: conflict ? undefined : expected,
      actual,
      same: (a, b) => sameUser(a, b, true),
    });
    if (actual !== undefined) this.#model.users.set(actual.id, actual);
  }

  async readUser(label: string): Promise<void> {
    const missing = this.#random.chance(0.05);
    const id = missing ? "UNOSUCHUSER" : this.#random.pick([...this.#model.users.keys()]);
    const outcome = await this.#caller.call("readUser", () => this.#client.readUser(id));
    if (!outcome.ok) {
      return this.#caller.failed(label, "readUser", outcome.failure, "no_such_user", missing);
    }
    assert.ok(!missing, `${label}: read the user "${id}" that does not exist`);
    this.#expectUser(label, userState(outcome.value.user));
  }

  async patchUser(label: string, index: number): Promise<void> {
    const before = this.#random.pick([...this.#model.users.values()]);
    const after = { ...before, title: `title ${index}` };
    const outcome = await this.#caller.call(
      "patchUser",
      () => this.#client.patchUser(before.id, { title: after.title }),
    );
    await this.#userWritten(label, "patchUser", outcome, before, after);
  }

  async updateUser(label: string, index: number): Promise<void> {
    const before = this.#random.pick([...this.#model.users.values()]);
    const after: UserState = {
      id: before.id,
      userName: this.#random.chance(0.2) ? `soak-r${index}` : before.userName,
      emails: [`e${index}@soak.example.com`],
      // A PUT with `active: true` reactivates.
      active: before.active || this.#random.chance(0.3),
      title: `title ${index}`,
    };
    const outcome = await this.#caller.call("updateUser", () =>
      this.#client.updateUser({
        id: after.id,
        userName: after.userName,
        emails: [{ value: after.emails[0] as string, primary: true }],
        title: after.title,
        active: after.active,
      }));
    await this.#userWritten(label, "updateUser", outcome, before, after);
  }

  async deleteUser(label: string): Promise<void> {
    const active = this.#model.activeUsers();
    const pool = active.length > 0 && this.#random.chance(0.9)
      ? active
      : [...this.#model.users.values()];
    const before = this.#random.pick(pool);
    const after = { ...before, active: false };
    const outcome = await this.#caller.call("deleteUser", () => this.#client.deleteUser(before.id));
    if (outcome.ok) {
      this.#model.users.set(after.id, after);
      return;
    }
    this.#caller.failed(label, "deleteUser", outcome.failure);
    await this.#settleUser(label, outcome.failure, before, after);
  }

  async searchUsers(label: string): Promise<void> {
    const users = [...this.#model.users.values()];
    const mode = users.length === 0 ? "prefix" : this.#random.pick(["userName", "email", "prefix"]);
    const target = users.length === 0 ? undefined : this.#random.pick(users);
    const prefix = `soak-u${1 + this.#random.below(9)}`;
    const query = mode === "userName"
      ? filter`userName eq ${target?.userName ?? ""}`
      : mode === "email"
      ? filter`email eq ${target?.emails[0] ?? ""}`
      : filter`userName sw ${prefix}`;
    const expected = mode === "prefix"
      ? users.filter((user) => user.userName.startsWith(prefix))
      : [target as UserState];
    const outcome = await this.#caller.call(
      "searchUsers",
      () => this.#client.searchUsers({ filter: query, count: 1000 }),
    );
    if (!outcome.ok) return this.#caller.failed(label, "searchUsers", outcome.failure);
    const found = outcome.value.users.map(userState);
    assert.equal(outcome.value.totalResults, expected.length, `${label}: ${query}`);
    assert.deepEqual(byId(found), byId(expected), `${label}: ${query}`);
  }

  // ---- Groups ---------------------------------------------------------------------------------

  async createGroup(label: string): Promise<void> {
    const displayName = `soak-g${this.#nextGroup++}`;
    const members = this.#random
      .sample(this.#model.activeUsers(), this.#random.below(4))
      .map((user) => user.id)
      .sort();
    const expected: GroupState = { id: "", displayName, members };
    const outcome = await this.#caller.call("createGroup", () =>
      this.#client.createGroup({
        displayName,
        members: members.map((value) => ({ value })),
      }));
    if (outcome.ok) {
      const created = groupState(outcome.value.group);
      assert.ok(sameGroup(created, expected, true), `${label}: created ${JSON.stringify(created)}`);
      this.#model.groups.set(created.id, created);
      return;
    }
    this.#caller.failed(label, "createGroup", outcome.failure);
    // Display names are not unique on Slack: a careful caller looks before creating again.
    const found = await this.#caller.reliably(
      label,
      () => this.#client.searchGroups({ filter: filter`displayName eq ${displayName}`, count: 10 }),
    );
    assert.ok(found !== undefined && found.groups.length <= 1, `${label}: duplicate groups`);
    const actual = found.groups[0] === undefined ? undefined : groupState(found.groups[0]);
    this.#caller.settle(label, outcome.failure, {
      before: undefined,
      after: expected,
      actual,
      same: (a, b) => sameGroup(a, b, true),
    });
    if (actual !== undefined) this.#model.groups.set(actual.id, actual);
  }

  async patchGroup(label: string, index: number): Promise<void> {
    const before = this.#random.pick([...this.#model.groups.values()]);
    const outsiders = this.#model.activeUsers().filter((user) => !before.members.includes(user.id));
    const add = this.#random.sample(outsiders, this.#random.below(3)).map((user) => user.id);
    const remove = this.#random.sample(before.members, this.#random.below(3));
    const rename = this.#random.chance(0.15) || (add.length === 0 && remove.length === 0);
    const after: GroupState = {
      id: before.id,
      displayName: rename ? `soak-n${index}` : before.displayName,
      members: [...before.members.filter((id) => !remove.includes(id)), ...add].sort(),
    };
    const members = [
      ...add.map((value) => ({ value })),
      ...remove.map((value) => ({ value, operation: "delete" })),
    ];
    const outcome = await this.#caller.call("patchGroup", () =>
      this.#client.patchGroup(before.id, {
        ...(rename ? { displayName: after.displayName } : {}),
        ...(members.length > 0 ? { members } : {}),
      }));
    if (outcome.ok) {
      this.#model.groups.set(after.id, after);
      return;
    }
    this.#caller.failed(label, "patchGroup", outcome.failure);
    await this.#settleGroup(label, outcome.failure, before, after);
  }

  async updateGroup(label: string, index: number): Promise<void> {
    const before = this.#random.pick([...this.#model.groups.values()]);
    const after: GroupState = {
      id: before.id,
      displayName: this.#random.chance(0.3) ? `soak-n${index}` : before.displayName,
      members: this.#random
        .sample(this.#model.activeUsers(), this.#random.below(5))
        .map((user) => user.id)
        .sort(),
    };
    const outcome = await this.#caller.call("updateGroup", () =>
      this.#client.updateGroup({
        id: after.id,
        displayName: after.displayName,
        members: after.members.map((value) => ({ value })),
      }));
    if (outcome.ok) {
      const updated = groupState(outcome.value.group);
      assert.ok(sameGroup(updated, after), `${label}: updated ${JSON.stringify(updated)}`);
      this.#model.groups.set(after.id, after);
      return;
    }
    this.#caller.failed(label, "updateGroup", outcome.failure);
    await this.#settleGroup(label, outcome.failure, before, after);
  }

  async deleteGroup(label: string): Promise<void> {
    const before = this.#random.pick([...this.#model.groups.values()]);
    const outcome = await this.#caller.call(
      "deleteGroup",
      () => this.#client.deleteGroup(before.id),
    );
    if (outcome.ok) {
      this.#forgetGroup(before.id);
      return;
    }
    this.#caller.failed(label, "deleteGroup", outcome.failure);
    await this.#settleGroup(label, outcome.failure, before, undefined);
  }

  async readGroup(label: string): Promise<void> {
    const deleted = this.#model.deletedGroups;
    const missing = deleted.length > 0 && this.#random.chance(0.1);
    const id = missing ? this.#random.pick(deleted) : this.#random.pick([
      ...this.#model.groups.keys(),
    ]);
    const outcome = await this.#caller.call("readGroup", () => this.#client.readGroup(id));
    if (!outcome.ok) {
      return this.#caller.failed(label, "readGroup", outcome.failure, "no_such_group", missing);
    }
    assert.ok(!missing, `${label}: read the deleted group "${id}"`);
    const group = groupState(outcome.value.group);
    assert.deepEqual(group, this.#model.groups.get(id), label);
  }

  async searchGroups(label: string): Promise<void> {
    const groups = [...this.#model.groups.values()];
    const target = groups.length > 0 && this.#random.chance(0.5)
      ? this.#random.pick(groups)
      : undefined;
    const outcome = await this.#caller.call("searchGroups", () =>
      this.#client.searchGroups({
        ...(target ? { filter: filter`displayName eq ${target.displayName}` } : {}),
        count: 1000,
      }));
    if (!outcome.ok) return this.#caller.failed(label, "searchGroups", outcome.failure);
    const found = outcome.value.groups.map(groupState);
    assert.deepEqual(byId(found), byId(target ? [target] : groups), label);
  }

  // ---- Shared steps -----------------------------------------------------------------------------

  /** Checks a successful read of a user against the model. */
  #expectUser(label: string, user: UserState): void {
    assert.deepEqual(user, this.#model.users.get(user.id), label);
  }

  async #userWritten(
    label: string,
    operation: Operation,
    outcome: Outcome<{ user: User }>,
    before: UserState,
    after: UserState,
  ): Promise<void> {
    if (outcome.ok) {
      assert.deepEqual(userState(outcome.value.user), after, label);
      this.#model.users.set(after.id, after);
      return;
    }
    this.#caller.failed(label, operation, outcome.failure);
    await this.#settleUser(label, outcome.failure, before, after);
  }

  async #settleUser(label: string, failure: Failure, before: UserState, after: UserState) {
    const read = await this.#caller.reliably(label, () => this.#client.readUser(before.id));
    const actual = read === undefined ? undefined : userState(read.user);
    this.#caller.settle(label, failure, { before, after, actual, same: (a, b) => sameUser(a, b) });
    this.#model.users.set(before.id, actual as UserState);
  }

  async #settleGroup(
    label: string,
    failure: Failure,
    before: GroupState,
    after: GroupState | undefined,
  ) {
    const read = await this.#caller.reliably(label, () => this.#client.readGroup(before.id));
    const actual = read === undefined ? undefined : groupState(read.group);
    this.#caller.settle(label, failure, { before, after, actual, same: (a, b) => sameGroup(a, b) });
    if (actual === undefined) this.#forgetGroup(before.id);
    else this.#model.groups.set(actual.id, actual);
  }

  async #findUser(label: string, userName: string): Promise<UserState | undefined> {
    const found = await this.#caller.reliably(
      label,
      () => this.#client.searchUsers({ filter: filter`userName eq ${userName}`, count: 10 }),
    );
    assert.ok(found !== undefined && found.users.length <= 1, `${label}: "${userName}" twice`);
    return found.users[0] === undefined ? undefined : userState(found.users[0]);
  }

  #forgetGroup(id: string): void {
    this.#model.groups.delete(id);
    this.#model.deletedGroups.push(id);
  }
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
