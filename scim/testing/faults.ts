/**
 * Fault injection for the simulator: scripted faults ("the next 2 requests to POST /Users fail
 * with a connection reset") and random ones (a rate, a mix of kinds, a seed).
 *
 * @module
 */

import { SeededRandom } from "./seeded_random.ts";

/**
 * What can go wrong with a request, as a client would see it:
 *
 * | kind | the handler runs? | what the client gets |
 * |---|---|---|
 * | `reset-before` | no | a thrown `SimulatedConnectionReset` (`processed: false`) |
 * | `reset-after` | yes, the write happens | a thrown `SimulatedConnectionReset` (`processed: true`) |
 * | `status-500` | no | 500, JSON `{"Errors":{"description":"internal_error","code":500}}` |
 * | `status-502` | no | 502 from a proxy, `text/plain` body `Bad Gateway` |
 * | `status-503` | no | 503, JSON `{"Errors":{"description":"service_unavailable","code":503}}` |
 * | `status-504` | no | 504 from a load balancer, a short `text/html` page |
 * | `slow` | yes, after `delayMs` (default 1000) on the injected sleep | the normal answer, late |
 * | `html` | no | 502 with a full `text/html` error page |
 * | `empty` | yes | the normal status and headers with an empty body |
 * | `truncated` | yes | the normal status and headers, the body cut in the middle |
 * | `retry-after-seconds` | no | 429 `too_many_requests`, `Retry-After: N` (default 1) |
 * | `retry-after-date` | no | 429 `too_many_requests`, `Retry-After` as an HTTP date N s ahead |
 * | `retry-after-garbled` | no | 429 `too_many_requests`, `Retry-After: soon` |
 *
 * @example The same check against several kinds of server error
 * ```ts
 * import { SCIMApiError, SCIMClient } from "@org/slack-scim";
 * import { type FaultKind, SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * const kinds: FaultKind[] = ["status-500", "status-503", "retry-after-seconds"];
 * for (const kind of kinds) {
 *   sim.faults.script({ kind, method: "GET", path: "/Users" });
 *   await assert.rejects(client.searchUsers(), SCIMApiError);
 * }
 * assert.deepEqual(sim.requests.map((request) => request.status), [500, 503, 429]);
 * assert.deepEqual(sim.requests.map((request) => request.fault), kinds);
 * ```
 */
export type FaultKind =
  | "reset-before"
  | "reset-after"
  | "status-500"
  | "status-502"
  | "status-503"
  | "status-504"
  | "slow"
  | "html"
  | "empty"
  | "truncated"
  | "retry-after-seconds"
  | "retry-after-date"
  | "retry-after-garbled";

/**
 * Every {@linkcode FaultKind}, in a fixed order: the default mix of random faults.
 *
 * @example Every kind is listed once
 * ```ts
 * import { FAULT_KINDS } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * assert.equal(new Set(FAULT_KINDS).size, 13);
 * assert.ok(FAULT_KINDS.includes("reset-after"));
 * ```
 */
export const FAULT_KINDS: readonly FaultKind[] = Object.freeze([
  "reset-before",
  "reset-after",
  "status-500",
  "status-502",
  "status-503",
  "status-504",
  "slow",
  "html",
  "empty",
  "truncated",
  "retry-after-seconds",
  "retry-after-date",
  "retry-after-garbled",
]);

/**
 * A scripted fault: which requests fail, how, and how many times.
 *
 * @example Two 503s on any user update, then a retrying client gets through
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { ServerErrorRetryHandler } from "@org/slack-scim/retry";
 * import { type FaultRule, SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIMClient({
 *   token: "xoxp-test",
 *   fetch: sim.fetch,
 *   retryHandlers: [new ServerErrorRetryHandler({ maxRetryCount: 2 })],
 *   clock: { sleep: () => Promise.resolve() },
 * });
 * const id = (await client.searchUsers()).users[0]!.id!;
 * const rule: FaultRule = { kind: "status-503", method: "PATCH", path: /^\/Users\//, count: 2 };
 * sim.faults.script(rule);
 * assert.equal((await client.patchUser(id, { title: "Chef" })).user.title, "Chef");
 * assert.deepEqual(sim.requests.slice(1).map((request) => request.status), [503, 503, 200]);
 * ```
 */
export interface FaultRule {
  /** How the requests fail. */
  kind: FaultKind;
  /** The HTTP method to match, any case (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`…); every method when omitted. */
  method?: string;
  /**
   * The path after the base URL to match: a string for an exact match (`"/Users"`,
   * `"/Users/U123"`, no query) or a RegExp; every path when omitted. A path that can never
   * match (with the `/scim/v1` prefix, a query, or no endpoint such as `/Users` at its start)
   * is refused with a `RangeError` saying why.
   */
  path?: string | RegExp;
  /** How many matching requests fail (default 1; `Infinity` for all of them). */
  count?: number;
  /** For `slow`: the delay in milliseconds (default 1000). */
  delayMs?: number;
  /** For `retry-after-seconds` and `retry-after-date`: the advertised wait (default 1). */
  retryAfterSeconds?: number;
}

/**
 * Random faults: each request fails with probability `rate`, with a kind picked from `kinds`.
 *
 * @example A flaky simulator, the same on every run
 * ```ts
 * import { type RandomFaultOptions, SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const flaky: RandomFaultOptions = { rate: 0.5, kinds: ["status-503", "html"], seed: 42 };
 * const sim = new SlackScimSimulator({ users: 2, faults: flaky });
 * const list = () =>
 *   new Request("https://api.slack.com/scim/v1/Users", {
 *     headers: { authorization: "Bearer xoxp-test" },
 *   });
 * for (let i = 0; i < 20; i++) {
 *   const response = await sim.fetch(list());
 *   await response.body?.cancel();
 * }
 * const failed = sim.requests.filter((request) => request.fault !== undefined);
 * assert.ok(failed.length > 0 && failed.length < 20);
 * assert.ok(failed.every((request) => request.status === 503 || request.status === 502));
 * assert.equal(sim.faults.injected["status-503"] + sim.faults.injected.html, failed.length);
 * ```
 */
export interface RandomFaultOptions {
  /** The probability, 0 to 1, that a request fails. */
  rate: number;
  /** The kinds to pick from, evenly (default: every kind, {@linkcode FAULT_KINDS}). */
  kinds?: readonly FaultKind[];
  /** The seed of the generator (default 1): the same seed gives the same faults. */
  seed?: number;
  /** For `slow`: the delay in milliseconds (default 1000). */
  delayMs?: number;
  /** For `retry-after-seconds` and `retry-after-date`: the advertised wait (default 1). */
  retryAfterSeconds?: number;
}

/**
 * What {@linkcode FaultInjector} takes.
 *
 * @example Every request fails until random faults are switched off
 * ```ts
 * import { FaultInjector, type FaultInjectorOptions } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const options: FaultInjectorOptions = { random: { rate: 1, kinds: ["html"] } };
 * const faults = new FaultInjector(options);
 * assert.equal(faults.take("GET", "/Users")?.kind, "html");
 * faults.random(undefined);
 * assert.equal(faults.take("GET", "/Users"), undefined);
 * ```
 */
export interface FaultInjectorOptions {
  /** Random faults; none when omitted. */
  random?: RandomFaultOptions;
}

/**
 * One fault picked for one request, as the simulator applies it.
 *
 * @example The fault a scripted rule hands out, defaults filled in
 * ```ts
 * import { type Fault, FaultInjector } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const faults = new FaultInjector();
 * faults.script({ kind: "slow", path: "/Users", delayMs: 50 });
 * const fault: Fault | undefined = faults.take("GET", "/Users");
 * assert.deepEqual(fault, { kind: "slow", delayMs: 50, retryAfterSeconds: 1, scripted: true });
 * ```
 */
export interface Fault {
  /** How the request fails. */
  readonly kind: FaultKind;
  /** For `slow`: the delay in milliseconds. */
  readonly delayMs: number;
  /** For the `retry-after-*` kinds: the advertised wait in seconds. */
  readonly retryAfterSeconds: number;
  /** Whether a scripted rule (rather than chance) picked it. */
  readonly scripted: boolean;
}

const DEFAULT_DELAY_MS = 1000;
const DEFAULT_RETRY_AFTER_SECONDS = 1;

interface ScriptedRule {
  readonly kind: FaultKind;
  readonly method: string | undefined;
  readonly path: string | RegExp | undefined;
  remaining: number;
  readonly delayMs: number;
  readonly retryAfterSeconds: number;
}

/**
 * Decides, request by request, whether the simulator injects a fault. Scripted rules come
 * first, in the order they were added, each used up after `count` matches; otherwise, with
 * random faults on, a seeded generator (never `Math.random`) decides, so the same seed and the
 * same requests give the same faults.
 *
 * @example Scripted faults on one endpoint
 * ```ts
 * import { FaultInjector } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const faults = new FaultInjector();
 * faults.script({ kind: "reset-after", method: "POST", path: "/Users", count: 2 });
 * assert.equal(faults.take("GET", "/Users"), undefined);
 * assert.equal(faults.take("POST", "/Users")?.kind, "reset-after");
 * assert.equal(faults.take("post", "/Users")?.kind, "reset-after");
 * assert.equal(faults.take("POST", "/Users"), undefined);
 * assert.equal(faults.injected["reset-after"], 2);
 * ```
 *
 * @example Random faults, reproducible from a seed
 * ```ts
 * import { FaultInjector } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const draw = () => {
 *   const faults = new FaultInjector({ random: { rate: 0.3, kinds: ["status-503", "slow"], seed: 7 } });
 *   return Array.from({ length: 20 }, () => faults.take("GET", "/Users")?.kind);
 * };
 * assert.deepEqual(draw(), draw());
 * ```
 */
export class FaultInjector {
  #rules: ScriptedRule[] = [];
  #random: {
    readonly rate: number;
    readonly kinds: readonly FaultKind[];
    readonly generator: SeededRandom;
    readonly delayMs: number;
    readonly retryAfterSeconds: number;
  } | undefined;
  #injected: Record<FaultKind, number> = zeroCounts();

  /**
   * Creates an injector with no scripted rules.
   *
   * @param options Random faults, if any (scripted ones are added with {@linkcode FaultInjector.script}).
   */
  constructor(options: FaultInjectorOptions = {}) {
    this.random(options.random);
  }

  /**
   * How many faults of each kind were handed out so far.
   *
   * @returns A snapshot of the counts, every kind present.
   */
  get injected(): Readonly<Record<FaultKind, number>> {
    return Object.freeze({ ...this.#injected });
  }

  /**
   * Adds a scripted rule: the next `count` requests that match fail with `kind`. Scripted rules
   * take precedence over random faults, and earlier rules over later ones.
   *
   * @param rule The rule.
   */
  script(rule: FaultRule): void {
    checkRule(rule);
    checkKind(rule.kind);
    const count = rule.count ?? 1;
    if (!(count === Infinity || (Number.isInteger(count) && count > 0))) {
      throw new RangeError(
        `Cannot script a fault: count "${count}" is not a positive integer or Infinity`,
      );
    }
    this.#rules.push({
      kind: rule.kind,
      method: rule.method?.toUpperCase(),
      // A copy without g/y, so `test()` carries no lastIndex from one request to the next.
      path: rule.path instanceof RegExp
        ? new RegExp(rule.path.source, rule.path.flags.replace(/[gy]/g, ""))
        : rule.path,
      remaining: count,
      delayMs: checkDelay(rule.delayMs),
      retryAfterSeconds: checkRetryAfter(rule.retryAfterSeconds),
    });
  }

  /**
   * Replaces the random faults (or turns them off with `undefined`); the generator restarts
   * from the seed.
   *
   * @param options The random faults, or `undefined` for none.
   */
  random(options: RandomFaultOptions | undefined): void {
    if (options === undefined) {
      this.#random = undefined;
      return;
    }
    checkKeys("Cannot inject random faults", options, RANDOM_KEYS);
    const { rate } = options;
    if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) {
      throw new RangeError(`Cannot inject random faults: rate "${rate}" is not between 0 and 1`);
    }
    const kinds = [...(options.kinds ?? FAULT_KINDS)];
    if (kinds.length === 0) {
      throw new RangeError("Cannot inject random faults: kinds is empty");
    }
    kinds.forEach(checkKind);
    const seed = options.seed ?? 1;
    if (!Number.isFinite(seed)) {
      throw new RangeError(`Cannot inject random faults: seed "${seed}" is not a finite number`);
    }
    this.#random = {
      rate,
      kinds,
      generator: new SeededRandom(seed),
      delayMs: checkDelay(options.delayMs),
      retryAfterSeconds: checkRetryAfter(options.retryAfterSeconds),
    };
  }

  /**
   * Removes every scripted rule not used up yet; random faults and counts stay.
   */
  clear(): void {
    this.#rules = [];
  }

  /**
   * Picks the fault for one request, if any, and counts it. Called once per request by the
   * simulator, before authentication (a proxy fails before Slack sees the request).
   *
   * @param method The HTTP method.
   * @param path The path after the base URL, such as `"/Users/U123"`, without the query.
   * @returns The fault, or `undefined` when the request goes through.
   */
  take(method: string, path: string): Fault | undefined {
    const upper = method.toUpperCase();
    const index = this.#rules.findIndex((rule) => matches(rule, upper, path));
    if (index !== -1) {
      const rule = this.#rules[index] as ScriptedRule;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.#rules.splice(index, 1);
      return this.#count({
        kind: rule.kind,
        delayMs: rule.delayMs,
        retryAfterSeconds: rule.retryAfterSeconds,
        scripted: true,
      });
    }
    const random = this.#random;
    // rate 0 draws nothing, so switching random faults off changes no other sequence.
    if (random === undefined || random.rate === 0) return undefined;
    if (random.generator.next() >= random.rate) return undefined;
    return this.#count({
      kind: random.generator.pick(random.kinds),
      delayMs: random.delayMs,
      retryAfterSeconds: random.retryAfterSeconds,
      scripted: false,
    });
  }

  #count(fault: Fault): Fault {
    this.#injected[fault.kind] += 1;
    return Object.freeze(fault);
  }
}

const RULE_KEYS = ["kind", "method", "path", "count", "delayMs", "retryAfterSeconds"];
const RANDOM_KEYS = ["rate", "kinds", "seed", "delayMs", "retryAfterSeconds"];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
/** What a path can start with: the endpoints of v1 and v2, after the version prefix. */
const ENDPOINTS =
  /^\/(Users|Groups|ServiceProviderConfigs|ServiceProviderConfig|Schemas|ResourceTypes)(\/|$)/;

/** A value cut for a message: at most 60 characters. */
function quote(value: unknown): string {
  const text = String(value);
  return `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
}

function checkKeys(what: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new TypeError(`${what}: ${quote(key)} is not an option (${known.join(", ")})`);
    }
  }
}

/** Refuses a rule that could never match a request, so a test does not pass for no reason. */
function checkRule(rule: unknown): void {
  const what = "Cannot script a fault";
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
    throw new TypeError(`${what}: the rule must be an object such as { kind, method, path }`);
  }
  checkKeys(what, rule, RULE_KEYS);
  const { method, path } = rule as FaultRule;
  if (method !== undefined) {
    if (typeof method !== "string") {
      throw new TypeError(`${what}: method must be a string such as "POST", got ${typeof method}`);
    }
    if (!METHODS.includes(method.toUpperCase())) {
      throw new RangeError(
        `${what}: method ${quote(method)} never reaches the simulator (${METHODS.join(", ")})`,
      );
    }
  }
  if (path === undefined) return;
  const never = `${what}: path ${quote(path)} can never match`;
  if (path instanceof RegExp) {
    if (/scim\\?\/v/.test(path.source)) {
      throw new RangeError(
        `${never}: paths are what follows the version prefix, such as "/Users/U123"`,
      );
    }
    if (path.source.includes("\\?")) {
      throw new RangeError(`${never}: the query string is not part of the path`);
    }
    return;
  }
  if (typeof path !== "string") {
    throw new TypeError(`${what}: path must be a string or a RegExp, got ${typeof path}`);
  }
  if (/[?#]/.test(path)) {
    throw new RangeError(`${never}: the query string is not part of the path`);
  }
  if (/^(https?:)?\/\/|^\/?scim\/v\d/i.test(path)) {
    throw new RangeError(
      `${never}: paths are what follows the version prefix, such as "/Users/U123"`,
    );
  }
  if (!ENDPOINTS.test(path)) {
    throw new RangeError(
      `${never}: it must start with an endpoint, such as "/Users", "/Users/U123" or "/Groups"`,
    );
  }
}

function matches(rule: ScriptedRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === "string" ? rule.path === path : rule.path.test(path);
}

function zeroCounts(): Record<FaultKind, number> {
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
}

function checkKind(kind: unknown): void {
  if (!FAULT_KINDS.includes(kind as FaultKind)) {
    throw new TypeError(`Cannot inject a fault: kind "${String(kind)}" is not a known fault kind`);
  }
}

function checkDelay(delayMs: number | undefined): number {
  if (delayMs === undefined) return DEFAULT_DELAY_MS;
  if (!(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new RangeError(`Cannot inject a slow fault: delayMs "${delayMs}" is not a duration`);
  }
  return delayMs;
}

function checkRetryAfter(seconds: number | undefined): number {
  if (seconds === undefined) return DEFAULT_RETRY_AFTER_SECONDS;
  if (!(Number.isInteger(seconds) && seconds >= 0)) {
    throw new RangeError(
      `Cannot inject a 429 fault: retryAfterSeconds "${seconds}" is not a whole number of seconds`,
    );
  }
  return seconds;
}
