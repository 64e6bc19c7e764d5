import assert from "node:assert/strict";
import { SCIMClient } from "../../mod.ts";
import { filter } from "../../scim/filter.ts";
import { parseFilter } from "../../scim/testing/filter.ts";
import { SlackScimSimulator } from "../../scim/testing/mod.ts";
import { SeededRandom } from "../../scim/testing/seeded_random.ts";

/** Characters that break naive quoting, plus ordinary ones so values look like real data. */
const HOSTILE = [
  '"',
  "\\",
  "'",
  "(",
  ")",
  " ",
  "\n",
  "\r",
  "\t",
  "\u0000",
  "\u001f",
  "\u2028",
  "\u00e9",
  "\ud83d\ude00",
  "\ud800",
  " or ",
  " and ",
  " pr",
  " eq ",
  "userName",
  "*",
  "%",
  "&",
  "=",
  "a",
  "b",
  "Z",
  "0",
  "9",
  "@",
  ".",
];

function hostileValue(random: SeededRandom): string {
  let value = "";
  const length = random.int(13);
  for (let i = 0; i < length; i++) value += random.pick(HOSTILE);
  return value;
}

Deno.test("filter`` values read back exactly by the simulator's parser (2,000 hostile values)", () => {
  const random = new SeededRandom(20261127);
  for (let i = 0; i < 2000; i++) {
    const value = hostileValue(random);
    const text = filter`userName eq ${value}`;
    assert.deepEqual(
      parseFilter(text),
      { type: "comparison", attribute: "userName", operator: "eq", value },
      `value ${JSON.stringify(value)} as ${text}`,
    );
  }
});

Deno.test("filter`` keeps two hostile values in their own comparisons", () => {
  const random = new SeededRandom(7);
  for (let i = 0; i < 500; i++) {
    const a = hostileValue(random);
    const b = hostileValue(random);
    assert.deepEqual(parseFilter(filter`userName eq ${a} and email co ${b}`), {
      type: "and",
      left: { type: "comparison", attribute: "userName", operator: "eq", value: a },
      right: { type: "comparison", attribute: "email", operator: "co", value: b },
    });
  }
});

Deno.test("filter`` numbers and booleans read back as themselves", () => {
  assert.deepEqual(parseFilter(filter`restricted eq ${true}`), {
    type: "comparison",
    attribute: "restricted",
    operator: "eq",
    value: true,
  });
  assert.deepEqual(parseFilter(filter`userName gt ${-12.5}`), {
    type: "comparison",
    attribute: "userName",
    operator: "gt",
    value: -12.5,
  });
});

Deno.test("an injection attempt through filter`` matches nobody, while the raw string matches everyone", async () => {
  const sim = new SlackScimSimulator({ token: "xoxp-test", users: 30 });
  const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
  const name = 'x" or userName pr or userName eq "y';

  const safe = await client.searchUsers({
    startIndex: 1,
    count: 100,
    filter: filter`userName eq ${name}`,
  });
  assert.equal(safe.totalResults, 0);
  assert.equal(safe.users.length, 0);

  // What string concatenation would have sent: every user matches.
  const naive = await client.searchUsers({
    startIndex: 1,
    count: 100,
    filter: `userName eq "${name}"`,
  });
  assert.equal(naive.totalResults, 30);
});

Deno.test("filter`` finds a user whose name needs no escaping and one found by email", async () => {
  const sim = new SlackScimSimulator({ token: "xoxp-test", users: 0 });
  const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
  await client.createUser({ userName: "carly", emails: [{ value: 'c"q@example.com' }] });
  await client.createUser({ userName: "other", emails: [{ value: "o@example.com" }] });
  const byName = await client.searchUsers({
    startIndex: 1,
    count: 10,
    filter: filter`userName eq ${"carly"}`,
  });
  assert.deepEqual(byName.users.map((u) => u.userName), ["carly"]);
  const byEmail = await client.searchUsers({
    startIndex: 1,
    count: 10,
    filter: filter`email co ${'c"q@'}`,
  });
  assert.deepEqual(byEmail.users.map((u) => u.userName), ["carly"]);
});
