import assert from "node:assert/strict";
import {
  BackoffRetryIntervalCalculator,
  FixedValueRetryIntervalCalculator,
} from "../../retry/interval_calculator.ts";
import { RandomJitter } from "../../retry/jitter.ts";
import { noJitter } from "./_server.ts";

Deno.test("RandomJitter adds between 0 and 1000 ms by default", () => {
  assert.equal(new RandomJitter({ random: () => 0 }).recalculate(500), 500);
  assert.equal(new RandomJitter({ random: () => 0.999 }).recalculate(500), 1499);
  const real = new RandomJitter();
  for (let i = 0; i < 200; i++) {
    const value = real.recalculate(100);
    assert.ok(value >= 100 && value < 1100, `${value} out of bounds`);
  }
});

Deno.test("RandomJitter stays within bounds when the random source misbehaves", () => {
  assert.equal(new RandomJitter({ random: () => -3 }).recalculate(10), 10);
  assert.equal(new RandomJitter({ random: () => 7, maxJitter: 50 }).recalculate(10), 60);
});

Deno.test("BackoffRetryIntervalCalculator doubles from backoffFactor", () => {
  const calculator = new BackoffRetryIntervalCalculator({ backoffFactor: 200, jitter: noJitter });
  assert.deepEqual([0, 1, 2, 3].map((n) => calculator.calculateSleepDuration(n)), [
    200,
    400,
    800,
    1600,
  ]);
});

Deno.test("BackoffRetryIntervalCalculator defaults to 500 ms plus up to 1 s of jitter", () => {
  const calculator = new BackoffRetryIntervalCalculator();
  assert.equal(calculator.backoffFactor, 500);
  const value = calculator.calculateSleepDuration(1);
  assert.ok(value >= 1000 && value < 2000, `${value} out of bounds`);
});

Deno.test("BackoffRetryIntervalCalculator caps the wait, jitter included, at maxInterval", () => {
  const calculator = new BackoffRetryIntervalCalculator({
    backoffFactor: 500,
    jitter: new RandomJitter({ random: () => 0.9 }),
    maxInterval: 2000,
  });
  assert.equal(calculator.calculateSleepDuration(0), 1400);
  assert.equal(calculator.calculateSleepDuration(1), 1900);
  assert.equal(calculator.calculateSleepDuration(2), 2000);
  assert.equal(calculator.calculateSleepDuration(30), 2000);
});

Deno.test("FixedValueRetryIntervalCalculator always returns fixedInterval", () => {
  const calculator = new FixedValueRetryIntervalCalculator({ fixedInterval: 250 });
  assert.deepEqual([0, 1, 9].map((n) => calculator.calculateSleepDuration(n)), [250, 250, 250]);
});

Deno.test("calculators and jitter reject negative and non-finite values naming the option", () => {
  assert.throws(() => new BackoffRetryIntervalCalculator({ backoffFactor: -1 }), {
    name: "RangeError",
    message: 'Cannot use backoffFactor: "-1" is not a finite number of milliseconds >= 0',
  });
  assert.throws(() => new BackoffRetryIntervalCalculator({ backoffFactor: NaN }), RangeError);
  assert.throws(() => new BackoffRetryIntervalCalculator({ backoffFactor: Infinity }), RangeError);
  assert.throws(() => new BackoffRetryIntervalCalculator({ maxInterval: -5 }), /maxInterval/);
  assert.throws(() => new FixedValueRetryIntervalCalculator({ fixedInterval: Infinity }), {
    name: "RangeError",
    message: /fixedInterval/,
  });
  assert.throws(() => new RandomJitter({ maxJitter: NaN }), {
    name: "RangeError",
    message: /maxJitter/,
  });
  assert.throws(
    // @ts-expect-error: not a jitter
    () => new BackoffRetryIntervalCalculator({ jitter: 5 }),
    { name: "TypeError", message: /jitter/ },
  );
});
