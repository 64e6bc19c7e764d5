// Values JSON cannot carry are refused before sending, with the library's own words and the path
// to the value: NaN and ±Infinity (JSON.stringify sends null, and a PATCH would clear the
// attribute), functions and symbols (left out), holes and undefined items in arrays (sent as
// null), BigInt and cycles (JSON.stringify throws each runtime's own words). v1 resources and v2
// PATCH operations alike. And plain-JavaScript misuse names the argument: `makeGuest(null)`, v2
// `iterateUsers(null)`, a middleware that reads a write's body.

import assert from "node:assert/strict";
import { SCIMClient } from "../../mod.ts";
import {
  iterateGroups,
  iterateUsers,
  SCIM2Client,
  untypedOperation,
  userPatch,
} from "../../scim/v2/mod.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";

const TOKEN = "xoxp-json-0123456789-secret";

/** A simulator and both clients on it, counting the requests that reach it. */
async function setup() {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 2, seed: 1 });
  const sent: string[] = [];
  const fetch = (request: Request) => (sent.push(request.method), sim.fetch(request));
  const v1 = new SCIMClient({ token: TOKEN, fetch });
  const v2 = new SCIM2Client({ token: TOKEN, fetch });
  const [user] = (await v2.searchUsers({ count: 1 })).users;
  sent.length = 0;
  return { sim, sent, v1, v2, id: user!.id!, title: user!.title };
}

const cyclic: Record<string, unknown> = { givenName: "Ada" };
cyclic.self = cyclic;
// deno-lint-ignore no-sparse-arrays
const sparse = ["a", , "c"];

/** Each value JSON cannot carry, and what the message says about it. */
const BAD: [string, unknown, RegExp][] = [
  ["NaN", NaN, /is NaN, which JSON cannot carry \(it would send null\)$/],
  ["Infinity", Infinity, /is Infinity, which JSON cannot carry/],
  ["-Infinity", -Infinity, /is -Infinity, which JSON cannot carry/],
  ["a function", () => "x", /is a function, which JSON cannot carry$/],
  ["a symbol", Symbol("x"), /is a symbol, which JSON cannot carry$/],
  ["a BigInt", 10n, /is a BigInt, which JSON cannot carry \(send it as a string\)$/],
];

Deno.test("v2 patchUser() refuses NaN, Infinity, functions, symbols and BigInt in a value before sending, naming the operation", async () => {
  const { sent, v2, id, sim } = await setup();
  for (const [name, value, message] of BAD) {
    const error = await v2.patchUser(id, [userPatch.replace("title", value as string)]).then(
      () => assert.fail(`${name} was sent`),
      (e) => e,
    );
    assert.ok(error instanceof TypeError, `${name}: ${error}`);
    assert.match(error.message, /^Cannot build PATCH: operation 1 value /, name);
    assert.match(error.message, message, name);
  }
  assert.deepEqual(sent, [], "nothing reached Slack");
  // The title is what it was: NaN did not clear it.
  assert.notEqual((await v2.readUser(id)).user.title, "");
  void sim;
});

Deno.test("v2 PATCH values: nested bad values, sparse arrays, undefined items and cycles are refused with the path to them", async () => {
  const { sent, v2, id } = await setup();
  const cases: [unknown, RegExp][] = [
    [
      { name: { givenName: NaN } },
      /^Cannot build PATCH: operation 1 value\.name\.givenName is NaN/,
    ],
    [{ name: cyclic }, /^Cannot build PATCH: operation 1 value\.name\.self refers to itself/],
    [
      { emails: sparse.map((v) => v && { value: v }) },
      /operation 1 value\.emails\[1\] is a hole in a sparse array/,
    ],
    [{ emails: [{ value: "a@x.io" }, undefined] }, /value\.emails\[1\] is undefined/],
    [{ "odd key": 1n }, /value\["odd key"\] is a BigInt/],
  ];
  for (const [value, message] of cases) {
    const error = await v2.patchUser(id, [{ op: "replace", value } as never]).catch((e) => e);
    assert.ok(error instanceof TypeError, String(error));
    assert.match(error.message, message);
  }
  // Untyped operations are checked too, at the position they hold.
  assert.throws(
    () => untypedOperation({ op: "add", path: "x", value: [NaN] }),
    /^TypeError: Cannot build PATCH: operation 1 value\[0\] is NaN/,
  );
  // undefined attributes are left out, as optional ones are; a Date has its own JSON.
  await v2.patchUser(id, [
    { op: "replace", value: { title: "Captain", nickName: undefined } } as never,
  ]);
  assert.equal((await v2.readUser(id)).user.title, "Captain");
  assert.deepEqual(sent, ["PATCH", "GET"]);
});

Deno.test("v1 writes refuse values JSON cannot carry, naming the argument and the attribute", async () => {
  const { sent, v1, id } = await setup();
  for (const [name, value, message] of BAD) {
    const error = await v1.patchUser(id, { title: value as string }).catch((e) => e);
    assert.ok(error instanceof TypeError, `${name}: ${error}`);
    assert.match(error.message, /^Cannot call patchUser: partialUser\.title /, name);
    assert.match(error.message, message, name);
  }
  const created = await v1.createUser({
    userName: "ada",
    emails: [{ value: "a@x.io" }],
    name: cyclic,
  })
    .catch((e) => e);
  assert.match(
    String(created),
    /^TypeError: Cannot call createUser: user\.name\.self refers to itself/,
  );
  const group = await v1.createGroup({ displayName: "G", members: [{ value: 1n as never }] })
    .catch((e) => e);
  assert.match(
    String(group),
    /^TypeError: Cannot call createGroup: group\.members\[0\]\.value is a BigInt/,
  );
  assert.deepEqual(sent, []);
});

Deno.test("plain-JavaScript misuse names the argument: makeGuest(null), v2 iterateUsers(null) and iterateUsers(client, null)", async () => {
  const { v2 } = await setup();
  assert.throws(
    () => userPatch.makeGuest(null as never),
    /^TypeError: Cannot build userPatch\.makeGuest: options "null" is not an object$/,
  );
  assert.throws(
    () => userPatch.makeGuest({ expiration: 5 as never }),
    /^TypeError: Cannot build userPatch\.makeGuest: expiration "5" is not a string$/,
  );
  assert.throws(
    () => iterateUsers(null as never),
    /^TypeError: Cannot call iterateUsers: client "null" has no searchUsers method \(pass a SCIM2Client\)$/,
  );
  assert.throws(
    () => iterateGroups(v2, null as never),
    /^TypeError: Cannot call iterateGroups: options "null" is not an object$/,
  );
});

Deno.test('a middleware that reads a write\'s body gets an error saying so, not "ReadableStream is locked"; nothing is sent', async () => {
  for (const read of [(r: Request) => r.text(), (r: Request) => void r.body!.getReader()]) {
    const { sent, v1, v2, id } = await setup();
    for (const client of [v1, v2]) {
      client.use({ onRequest: async ({ request }) => void await read(request) });
    }
    for (
      const call of [
        () => v1.createUser({ userName: "ada", emails: [{ value: "a@x.io" }] }),
        () => v2.patchUser(id, [userPatch.deactivate()]),
      ]
    ) {
      const error = await call().catch((e) => e);
      assert.ok(error instanceof TypeError, String(error));
      assert.match(
        error.message,
        /^Cannot send (POST|PATCH) \/scim\/v[12]\/Users\S*: its body was already read \(a middleware must read a clone: request\.clone\(\)\.text\(\)\)$/,
      );
    }
    assert.deepEqual(sent, []);
  }
});
