// Shared set-up for the client tests: a simulator, a client on its fetch handler that never
// really sleeps, and a recorder of what went over the wire.

import { FIXTURES } from "../_fixtures.ts";
import { SCIMClient, type SCIMClientOptions } from "../../mod.ts";
import { SlackScimSimulator, type SlackScimSimulatorOptions } from "../../scim/testing/mod.ts";

/** The token the simulators of these tests accept. */
export const TOKEN = "xoxp-test-0123456789-secret";

/** One request as it left the client. */
export interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  /** The body text ("" when none). */
  body: string;
  /** The body parsed, when JSON. */
  json: unknown;
}

/** A simulator, a client on it, and every request the client sent. */
export interface Setup {
  sim: SlackScimSimulator;
  client: SCIMClient;
  sent: Sent[];
}

/**
 * Makes a simulator and a client talking to it in-process.
 *
 * @param simOptions The simulator's options (token defaults to {@linkcode TOKEN}).
 * @param clientOptions Client options besides the token and fetch.
 * @returns The set-up.
 */
export function setup(
  simOptions: SlackScimSimulatorOptions = {},
  clientOptions: Partial<SCIMClientOptions> = {},
): Setup {
  const sim = new SlackScimSimulator({ token: TOKEN, users: 3, groups: 1, seed: 1, ...simOptions });
  const sent: Sent[] = [];
  const client = new SCIMClient({
    token: TOKEN,
    clock: { sleep: () => Promise.resolve() },
    ...clientOptions,
    fetch: async (request) => {
      const body = await request.clone().text();
      let json: unknown;
      try {
        json = body === "" ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      sent.push({
        method: request.method,
        url: new URL(request.url),
        headers: new Headers(request.headers),
        body,
        json,
      });
      return await sim.fetch(request);
    },
  });
  return { sim, client, sent };
}

export { FIXTURES };

/**
 * Reads a fixture as text.
 *
 * @param path Relative to the fixtures folder.
 * @returns Its text.
 */
export function fixtureText(path: string): Promise<string> {
  return Deno.readTextFile(new URL(path, FIXTURES));
}

/**
 * Reads a fixture as JSON.
 *
 * @param path Relative to the fixtures folder.
 * @returns The parsed JSON.
 */
export async function fixture<T = Record<string, unknown>>(path: string): Promise<T> {
  return JSON.parse(await fixtureText(path)) as T;
}

/**
 * A transport that always answers the same way, for shapes the simulator does not make.
 *
 * @param body The body text (or null).
 * @param init Status and headers.
 * @returns The transport and the requests it saw.
 */
export function answering(
  body: string | null,
  init: ResponseInit = {},
): { fetch: (request: Request) => Promise<Response>; requests: Request[] } {
  const requests: Request[] = [];
  return {
    requests,
    fetch: (request) => {
      requests.push(request);
      return Promise.resolve(new Response(body, init));
    },
  };
}

/**
 * Awaits a promise that must reject, and returns what it rejected with.
 *
 * @param promise The call.
 * @returns The rejection.
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a rejection, the call succeeded");
}
