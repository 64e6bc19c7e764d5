/** Shared helpers for the simulator tests: calling it in-process and reading fixtures. */

import { SlackScimSimulator, type SlackScimSimulatorOptions } from "../../scim/testing/mod.ts";

/** The base URL used for in-process calls. */
export const BASE = "https://api.slack.com/scim/v1/";
/** The simulator's default token. */
export const TOKEN = "xoxp-test";
import { FIXTURES } from "../_fixtures.ts";
export { FIXTURES };

/** A parsed answer. */
export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, `null` for an empty body. */
  // deno-lint-ignore no-explicit-any
  body: any;
  /** The raw body text. */
  text: string;
}

/** Calls the simulator in-process with the default token; `body` is sent as JSON. */
export async function call(
  sim: SlackScimSimulator,
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string | null; rawBody?: string } = {},
): Promise<Answer> {
  const headers = new Headers();
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  let payload: string | undefined = options.rawBody;
  if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers.set("content-type", "application/json; charset=utf-8");
  const response = await sim.fetch(
    new Request(new URL(path, BASE), {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? null : JSON.parse(text),
    text,
  };
}

/** A simulator with the given options (default: no seeded data). */
export function simulator(options: SlackScimSimulatorOptions = {}): SlackScimSimulator {
  return new SlackScimSimulator(options);
}

/** A minimal valid create body. */
export function newUser(
  userName: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    schemas: ["urn:scim:schemas:core:1.0"],
    userName,
    emails: [{ value: `${userName}@example.com`, primary: true }],
    ...extra,
  };
}

/** Creates a user and returns its id (asserting the 201). */
export async function createUser(
  sim: SlackScimSimulator,
  userName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const answer = await call(sim, "POST", "Users", newUser(userName, extra));
  if (answer.status !== 201) throw new Error(`create ${userName}: ${answer.status} ${answer.text}`);
  return answer.body.id;
}

/** Reads a JSON fixture. */
export async function fixture(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await Deno.readTextFile(new URL(path, FIXTURES)));
}
