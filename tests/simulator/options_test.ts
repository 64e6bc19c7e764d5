import assert from "node:assert/strict";
import * as testing from "../../scim/testing/mod.ts";
import { SlackScimSimulator, type SlackScimSimulatorOptions } from "../../scim/testing/mod.ts";

/** Options a plain-JS caller could pass; the types would refuse them. */
const create = (options: unknown) => new SlackScimSimulator(options as SlackScimSimulatorOptions);

Deno.test("simulator options of the wrong type are refused, naming the option and the value", () => {
  const cases: [unknown, ErrorConstructor, string][] = [
    [
      { users: "10" },
      TypeError,
      'users must be an integer from 0 to 10,000,000, got the string "10"',
    ],
    [{ users: 1e9 }, RangeError, 'users must be an integer from 0 to 10,000,000, got "1000000000"'],
    [{ groups: 2.5 }, RangeError, 'groups must be an integer from 0 to 10,000,000, got "2.5"'],
    [{ seed: "42" }, TypeError, 'seed must be a finite number, got the string "42"'],
    [{ seed: Number.NaN }, RangeError, 'seed must be a finite number, got "NaN"'],
    [{ token: 5 }, TypeError, 'token must be a string or an array of strings, got "5"'],
    [{ clock: Date.now }, TypeError, "clock must be an object with a now() method, got a function"],
    [{ sleep: 10 }, TypeError, 'sleep must be a function, got "10"'],
    [
      { rateLimits: "slack" },
      TypeError,
      'rateLimits must be true, false or an object of pools, got the string "slack"',
    ],
    [{ faults: 0.1 }, TypeError, 'faults must be an object such as { rate: 0.1 }, got "0.1"'],
    [
      { unknownAttributes: "yes" },
      TypeError,
      'unknownAttributes must be true or false, got the string "yes"',
    ],
    [{ timeScale: "60" }, TypeError, 'timeScale must be a positive number, got the string "60"'],
    [
      { requestLogLimit: -1 },
      RangeError,
      'requestLogLimit must be a non-negative integer, got "-1"',
    ],
    [
      { token: "x".repeat(500), users: [] },
      TypeError,
      "users must be an integer from 0 to 10,000,000, got an array",
    ],
  ];
  for (const [options, type, message] of cases) {
    assert.throws(() => create(options), new type(`Cannot create simulator: ${message}`));
  }
});

Deno.test("an unknown simulator option is refused (a misspelt one would seed nobody)", () => {
  assert.throws(
    () => create({ user: 10 }),
    (error: Error) =>
      error instanceof TypeError &&
      error.message.startsWith('Cannot create simulator: "user" is not an option (token, users, '),
  );
  assert.throws(
    () => create(null),
    new TypeError("Cannot create simulator: options must be an object, got null"),
  );
  assert.throws(
    () => create({ ["k".repeat(300)]: 1 }),
    (error: Error) => error.message.length < 400,
    "a long name is cut in the message",
  );
  // Options left undefined are the defaults.
  assert.equal(create({ users: undefined, seed: undefined }).requests.length, 0);
});

Deno.test("./testing exports the simulator, its options, faults and limits tables, not its internals", () => {
  assert.deepEqual(Object.keys(testing).sort(), [
    "FAULT_KINDS",
    "FaultInjector",
    "SLACK_RATE_LIMITS",
    "SimulatedConnectionReset",
    "SlackScimSimulator",
    "isSimulatedConnectionReset",
  ]);
  for (
    const internal of ["parseFilter", "FilterSyntaxError", "applyFault", "RateLimiter", "listen"]
  ) {
    assert.equal(internal in testing, false, internal);
  }
});
