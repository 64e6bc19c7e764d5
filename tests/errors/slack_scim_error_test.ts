// One base class for the library's errors, and guards that hold where `instanceof` does not:
// an error thrown by another copy of the library (two versions in one node_modules, another
// realm). A second copy of the library's source is made under .tmp/ and loaded beside this one.

import assert from "node:assert/strict";
import {
  isRequestFailedError,
  isRequestTimeoutError,
  isSCIMApiError,
  isSCIMRedirectError,
  isSlackScimError,
  RequestFailedError,
  RequestTimeoutError,
  SCIMApiError,
  SCIMRedirectError,
  SlackScimError,
} from "../../mod.ts";
import { GroupMembershipError, isGroupMembershipError } from "../../scim/v1/group_members.ts";
import * as v2 from "../../scim/v2/mod.ts";

const details = { method: "GET", url: "https://api.slack.com/scim/v1/Users", attempts: 1 };
const record = { ...details, totalRetryDelay: 0, mayHaveBeenApplied: false, failedAttempts: [] };

function everyError(): Error[] {
  return [
    new SCIMApiError({ status: 404, headers: new Headers(), text: "" }),
    new SCIMRedirectError({
      status: 302,
      origin: "https://api.slack.com",
      location: "https://sso.example.com",
      followed: false,
      method: "GET",
      path: "Users",
    }),
    new RequestFailedError(record),
    new RequestTimeoutError({ ...record, timeout: 10 }),
    new GroupMembershipError({
      groupId: "S1",
      applied: [],
      failed: { operation: "add", userIds: ["U1"] },
      notAttempted: [],
    }, new Error("x")),
  ];
}

Deno.test("every error the library throws for callers is a SlackScimError, names and fields kept", () => {
  const errors = everyError();
  for (const error of errors) {
    assert.ok(error instanceof SlackScimError, error.name);
    assert.ok(isSlackScimError(error), error.name);
  }
  assert.deepEqual(errors.map((error) => error.name), [
    "SCIMApiError",
    "SCIMRedirectError",
    "RequestFailedError",
    "RequestTimeoutError",
    "GroupMembershipError",
  ]);
  assert.equal((errors[0] as SCIMApiError).status, 404);
  assert.equal((errors[3] as RequestTimeoutError).timeout, 10);
});

Deno.test("./v2 exports every error SCIM2Client throws, the same classes as the main entry's", () => {
  assert.equal(v2.SCIMApiError, SCIMApiError);
  assert.equal(v2.SCIMRedirectError, SCIMRedirectError);
  assert.equal(v2.RequestFailedError, RequestFailedError);
  assert.equal(v2.RequestTimeoutError, RequestTimeoutError);
  assert.equal(v2.SlackScimError, SlackScimError);
  assert.equal(v2.isSCIMRedirectError, isSCIMRedirectError);
});

async function copyTree(from: URL, to: URL): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.name === "testing") continue; // the simulator is not needed
    if (entry.isDirectory) {
      await copyTree(new URL(`${entry.name}/`, from), new URL(`${entry.name}/`, to));
    } else await Deno.copyFile(new URL(entry.name, from), new URL(entry.name, to));
  }
}

Deno.test("the guards recognize an error of another copy of the library, where instanceof fails", async () => {
  const root = new URL("../../", import.meta.url);
  const dir = new URL(`.tmp/second-copy-${crypto.randomUUID()}/`, root);
  for (const folder of ["common", "retry", "limits", "scim"]) {
    await copyTree(new URL(`${folder}/`, root), new URL(`${folder}/`, dir));
  }
  await Deno.copyFile(new URL("mod.ts", root), new URL("mod.ts", dir));
  const copy = await import(new URL("mod.ts", dir).href) as typeof import("../../mod.ts");
  const membershipCopy = await import(
    new URL("scim/v1/group_members.ts", dir).href
  ) as typeof import("../../scim/v1/group_members.ts");
  await Deno.remove(dir, { recursive: true });
  assert.notEqual(copy.SCIMApiError, SCIMApiError); // really another copy
  const foreign: [Error, (error: unknown) => boolean][] = [
    [new copy.SCIMApiError({ status: 404, headers: new Headers(), text: "" }), isSCIMApiError],
    [
      new copy.SCIMRedirectError({
        status: 302,
        origin: "https://api.slack.com",
        location: undefined,
        followed: false,
        method: "GET",
        path: "Users",
      }),
      isSCIMRedirectError,
    ],
    [new copy.RequestFailedError(record), isRequestFailedError],
    [new copy.RequestTimeoutError({ ...record, timeout: 10 }), isRequestTimeoutError],
    [
      new membershipCopy.GroupMembershipError({
        groupId: "S1",
        applied: [],
        failed: { operation: "add", userIds: ["U1"] },
        notAttempted: [],
      }, new Error("x")),
      isGroupMembershipError,
    ],
  ];
  for (const [error, guard] of foreign) {
    assert.equal(error instanceof SlackScimError, false, error.name);
    assert.ok(isSlackScimError(error), error.name);
    assert.ok(guard(error), error.name);
  }
  // Each guard still tells the classes apart.
  assert.equal(isSCIMApiError(foreign[1]![0]), false);
  assert.equal(isRequestFailedError(foreign[3]![0]), false);
});

Deno.test("a look-alike is not one of the library's errors", () => {
  const lookAlike = Object.assign(new Error("x"), { name: "SCIMApiError", status: 404 });
  assert.equal(isSlackScimError(lookAlike), false);
  assert.equal(isSCIMApiError(lookAlike), false);
  assert.equal(isSlackScimError({ name: "SCIMApiError" }), false);
  assert.equal(isSlackScimError(null), false);
  assert.equal(isSlackScimError("SCIMApiError"), false);
});

Deno.test("the sync engine's errors are SlackScimErrors, and plain look-alikes are not", async () => {
  const sync = await import("../../sync/mod.ts");
  const problem = { line: 2, message: "Duplicate externalId" };
  const errors: [Error, (error: unknown) => boolean][] = [
    [new sync.SourceError([problem]), sync.isSourceError],
    [new sync.SyncPlanError([problem]), sync.isSyncPlanError],
    [
      new sync.SyncLockedError({
        holder: "job",
        since: "2026-01-01T00:00:00.000Z",
        expiresAt: "2026-01-01T01:00:00.000Z",
      }),
      sync.isSyncLockedError,
    ],
  ];
  for (const [error, guard] of errors) {
    assert.ok(error instanceof SlackScimError, error.name);
    assert.ok(isSlackScimError(error), error.name);
    assert.ok(guard(error), error.name);
    assert.equal(guard(Object.assign(new Error("x"), { name: error.name })), false, error.name);
  }
  assert.ok(new sync.PlanFileError("bad") instanceof SlackScimError);
});
