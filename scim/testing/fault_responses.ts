/**
 * What each injected fault does to a request: the simulator's `applyFault`.
 *
 * @module
 */

import { untilAborted } from "./abortable.ts";
import { SimulatedConnectionReset } from "./fault_connection_reset.ts";
import type { Fault } from "./faults.ts";

/**
 * What {@linkcode applyFault} needs: the simulator's sleep and clock, the request's signal.
 *
 * @example A recording sleep and a fixed clock
 * ```ts
 * import { applyFault, type FaultDeps } from "./fault_responses.ts";
 * import assert from "node:assert/strict";
 *
 * const waits: number[] = [];
 * const deps: FaultDeps = {
 *   sleep: (ms) => {
 *     waits.push(ms);
 *     return Promise.resolve();
 *   },
 *   now: () => Date.UTC(2024, 0, 1),
 * };
 * const ok = () => Promise.resolve(new Response("ok"));
 * const slow = await applyFault(
 *   { kind: "slow", delayMs: 250, retryAfterSeconds: 1, scripted: true },
 *   ok,
 *   deps,
 * );
 * assert.equal(await slow.text(), "ok");
 * assert.deepEqual(waits, [250]);
 * const limited = await applyFault(
 *   { kind: "retry-after-date", delayMs: 0, retryAfterSeconds: 5, scripted: true },
 *   ok,
 *   deps,
 * );
 * assert.equal(limited.headers.get("retry-after"), "Mon, 01 Jan 2024 00:00:05 GMT");
 * await limited.body?.cancel();
 * ```
 */
export interface FaultDeps {
  /**
   * Waits `ms` milliseconds (injected, so tests never really wait). It may stop early when
   * `signal` aborts; `applyFault` stops waiting for it then either way.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** The current time in milliseconds since the epoch (for `Retry-After` as a date). */
  now(): number;
  /**
   * The request's signal: when it aborts during a `slow` fault's wait, `applyFault` rejects with
   * its reason and the request is never handled.
   */
  readonly signal?: AbortSignal;
  /**
   * Builds the JSON error answers of the `status-500`, `status-503` and `retry-after-*` kinds in
   * the request's API version (the simulator passes v2's for `/scim/v2`). Default: v1's
   * `{"Errors":{"description","code"}}`.
   */
  readonly errorResponse?: (
    status: number,
    description: string,
    headers?: Record<string, string>,
  ) => Response;
}

// Plain text, as a proxy such as Cloudflare or Envoy sends it.
const BAD_GATEWAY_TEXT = "Bad Gateway";

// A load balancer's short page.
const GATEWAY_TIMEOUT_HTML = "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n" +
  "<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n";

// A full error page, the kind a CDN serves in front of an API when the origin is down.
const ERROR_PAGE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Slack is having trouble | Slack</title>
<style>body{font-family:sans-serif;margin:4em auto;max-width:36em;color:#1d1c1d}</style>
</head>
<body>
<h1>Server Error</h1>
<p>Slack is having trouble loading right now. Please try again in a moment.</p>
<p><small>Error code: 502</small></p>
</body>
</html>
`;

/**
 * Applies a fault picked by `FaultInjector.take` to one request. `handle` answers the request
 * normally (and applies any write); it runs only for the kinds that let the request through
 * (`reset-after`, `slow`, `empty`, `truncated`). See {@linkcode FaultKind} for each kind's
 * effect.
 *
 * @param fault The fault.
 * @param handle Answers the request as if nothing went wrong.
 * @param deps The simulator's sleep and clock, and the request's signal.
 * @returns The faulty answer; rejects with `SimulatedConnectionReset` for the `reset-*` kinds,
 * and with the signal's reason when it aborts during a `slow` wait.
 *
 * @example A 429 whose Retry-After is garbled, without running the handler
 * ```ts
 * import { applyFault } from "./fault_responses.ts";
 * import assert from "node:assert/strict";
 *
 * let handled = false;
 * const response = await applyFault(
 *   { kind: "retry-after-garbled", delayMs: 0, retryAfterSeconds: 1, scripted: true },
 *   () => { handled = true; return Promise.resolve(new Response("{}")); },
 *   { sleep: () => Promise.resolve(), now: () => 0 },
 * );
 * assert.equal(response.status, 429);
 * assert.equal(response.headers.get("retry-after"), "soon");
 * assert.equal(handled, false);
 * ```
 */
export async function applyFault(
  fault: Fault,
  handle: () => Promise<Response>,
  deps: FaultDeps,
): Promise<Response> {
  const slackError = (status: number, description: string, retryAfter?: string) =>
    (deps.errorResponse ?? v1Error)(
      status,
      description,
      retryAfter === undefined ? undefined : { "retry-after": retryAfter },
    );
  switch (fault.kind) {
    case "reset-before":
      throw new SimulatedConnectionReset({ processed: false });
    case "reset-after": {
      const response = await handle();
      await response.body?.cancel();
      throw new SimulatedConnectionReset({ processed: true });
    }
    case "status-500":
      return slackError(500, "internal_error");
    case "status-502":
      return text(502, BAD_GATEWAY_TEXT, "text/plain; charset=utf-8");
    case "status-503":
      return slackError(503, "service_unavailable");
    case "status-504":
      return text(504, GATEWAY_TIMEOUT_HTML, "text/html");
    case "slow":
      // The caller gave up during the wait: the request is never handled.
      await untilAborted(deps.sleep(fault.delayMs, deps.signal), deps.signal);
      return await handle();
    case "html":
      return text(502, ERROR_PAGE_HTML, "text/html; charset=utf-8");
    case "empty": {
      const response = await handle();
      await response.body?.cancel();
      return rebody(response, null);
    }
    case "truncated": {
      const response = await handle();
      const bytes = new Uint8Array(await response.arrayBuffer());
      // Cut bytes, not characters: a dropped connection can split a UTF-8 sequence too.
      return rebody(response, bytes.length === 0 ? null : bytes.slice(0, bytes.length >> 1));
    }
    case "retry-after-seconds":
      return slackError(429, "too_many_requests", String(fault.retryAfterSeconds));
    case "retry-after-date": {
      // Rounded up to the next whole second so the advertised wait is never shorter than asked.
      const at = Math.ceil((deps.now() + fault.retryAfterSeconds * 1000) / 1000) * 1000;
      return slackError(429, "too_many_requests", new Date(at).toUTCString());
    }
    case "retry-after-garbled":
      return slackError(429, "too_many_requests", "soon");
  }
}

function v1Error(
  status: number,
  description: string,
  extra?: Record<string, string>,
): Response {
  const headers = new Headers({ "content-type": "application/json; charset=utf-8", ...extra });
  return new Response(JSON.stringify({ Errors: { description, code: status } }), {
    status,
    headers,
  });
}

function text(status: number, body: string, contentType: string): Response {
  return new Response(body, { status, headers: { "content-type": contentType } });
}

function rebody(response: Response, body: Uint8Array<ArrayBuffer> | null): Response {
  const headers = new Headers(response.headers);
  // The original length would no longer match the body.
  headers.delete("content-length");
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
