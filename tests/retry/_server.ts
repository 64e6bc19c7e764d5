// Test doubles that behave like a server and like time: no module mocking, no real waiting.
import type { Logger } from "../../retry/logger.ts";

/** One step of a scripted server: an answer, a thrown network error, or a function of the request. */
export type Step = Response | Error | ((request: Request) => Promise<Response>);

export interface Received {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  request: Request;
}

/** A fetch handler that answers from a script (the last step repeats) and records what it received. */
export function scriptedServer(...steps: Step[]) {
  const received: Received[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    received.push({
      method: request.method,
      url: request.url,
      headers: new Headers(request.headers),
      body: await request.text(),
      request,
    });
    const step = steps[Math.min(received.length - 1, steps.length - 1)];
    if (step === undefined) throw new Error("The script is empty");
    if (step instanceof Error) throw step;
    if (typeof step === "function") return step(request);
    return step.clone();
  };
  return { fetch, received };
}

/** A sleep that records the waits asked for and resolves at once (or rejects if already aborted). */
export function recordingSleep(onSleep?: (ms: number, signal: AbortSignal) => void) {
  const delays: number[] = [];
  const sleep = (ms: number, signal: AbortSignal): Promise<void> => {
    delays.push(ms);
    onSleep?.(ms, signal);
    return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  };
  return { sleep, delays };
}

/** A sleep that waits until its signal aborts, like a very long real wait. */
export function sleepUntilAborted(onSleep: (ms: number) => void) {
  return (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise((_, reject) => {
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      onSleep(ms);
    });
}

/** A logger that keeps every line. */
export function memoryLogger() {
  const lines: { level: "debug" | "warn"; message: string; data?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    debug: (message, data) => lines.push({ level: "debug", message, ...(data ? { data } : {}) }),
    warn: (message, data) => lines.push({ level: "warn", message, ...(data ? { data } : {}) }),
  };
  return { logger, lines };
}

export const noJitter = { recalculate: (duration: number): number => duration };

export const USERS = "https://api.slack.com/scim/v1/Users";

/** Network errors shaped as each runtime throws them. */
export const networkErrors = {
  denoReset: () =>
    new TypeError(
      `error sending request for url (${USERS}): client error (SendRequest): connection closed before message completed`,
    ),
  denoRefused: () =>
    new TypeError(
      `error sending request for url (${USERS}): client error (Connect): tcp connect error: Connection refused (os error 111)`,
    ),
  // Deno 2.9 and later: "fetch failed", the old message moved to `cause.message`, no code.
  deno29Reset: () =>
    new TypeError("fetch failed", {
      cause: new Error(
        `error sending request from 127.0.0.1:58730 for ${USERS} (34.0.0.1:443): client error (SendRequest): connection closed before message completed`,
      ),
    }),
  deno29Refused: () =>
    new TypeError("fetch failed", {
      cause: new Error(
        `error sending request for url (${USERS}): client error (Connect): tcp connect error: Connection refused (os error 111)`,
      ),
    }),
  nodeReset: () =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
    }),
  nodeRefused: () =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
        code: "ECONNREFUSED",
      }),
    }),
  nodeSocket: () =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
    }),
  bunClosed: () =>
    Object.assign(
      new Error(
        "The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()",
      ),
      { code: "ECONNRESET" },
    ),
  bunRefused: () =>
    Object.assign(new Error("Unable to connect. Is the computer able to access the url?"), {
      code: "ConnectionRefused",
    }),
  workerdLost: () => new Error("Network connection lost."),
};

/** Certificate errors shaped as each runtime throws them: retrying cannot fix them. */
export const certificateErrors = {
  deno: () =>
    new TypeError(
      `error sending request for url (${USERS}): client error (Connect): invalid peer certificate: UnknownIssuer`,
    ),
  // Deno 2.9 and later: only "fetch failed" on top, the detail in `cause.message`, no code.
  deno29: () =>
    new TypeError("fetch failed", {
      cause: new Error(
        `error sending request for url (${USERS}): client error (Connect): invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))`,
      ),
    }),
  // A wrapper (a proxy agent, a polyfill) putting the runtime's error one level deeper.
  deno29Wrapped: () =>
    new TypeError("fetch failed", {
      cause: new Error("client error (Connect)", {
        cause: new Error("invalid peer certificate: Expired"),
      }),
    }),
  node: () =>
    new TypeError("fetch failed", {
      cause: Object.assign(new Error("unable to verify the first certificate"), {
        code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      }),
    }),
};
