/**
 * Serves a fetch handler over real HTTP on loopback with `node:http`, which Deno, Node and Bun
 * all provide. The one file of the simulator that uses a runtime API; it is loaded lazily, so
 * the rest works where `node:http` does not exist (Workers, Deno Deploy).
 *
 * @module
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { SimulatedConnectionReset } from "./fault_connection_reset.ts";

/**
 * Where to listen.
 *
 * @example A client talking to the simulator over loopback HTTP
 * ```ts
 * import { SCIMClient } from "@org/slack-scim";
 * import { type ListenOptions, SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 4 });
 * const options: ListenOptions = { hostname: "127.0.0.1", port: 0 };
 * const server = await sim.listen(options);
 * try {
 *   const client = new SCIMClient({ token: "xoxp-test", baseUrl: server.baseUrl });
 *   assert.equal((await client.searchUsers({ count: 1 })).totalResults, 4);
 * } finally {
 *   await server.close();
 * }
 * ```
 */
export interface ListenOptions {
  /** The port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** The address; default `127.0.0.1`. */
  readonly hostname?: string;
}

/**
 * A running simulator server.
 *
 * @example A helper that starts a server for one test and always closes it
 * ```ts
 * import { SlackScimSimulator, type SimulatorServer } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * async function withServer<T>(
 *   sim: SlackScimSimulator,
 *   run: (server: SimulatorServer) => Promise<T>,
 * ): Promise<T> {
 *   const server = await sim.listen();
 *   try {
 *     return await run(server);
 *   } finally {
 *     await server.close();
 *   }
 * }
 *
 * const status = await withServer(new SlackScimSimulator(), async (server) => {
 *   assert.equal(server.baseUrl, `http://127.0.0.1:${server.port}/scim/v1/`);
 *   const response = await fetch(`${server.baseUrl}Users`); // no token
 *   await response.body?.cancel();
 *   return response.status;
 * });
 * assert.equal(status, 401);
 * ```
 */
export interface SimulatorServer {
  /** The v1 API base, e.g. `http://127.0.0.1:PORT/scim/v1/`. */
  readonly baseUrl: string;
  /** The port it listens on. */
  readonly port: number;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler over HTTP. A {@linkcode SimulatedConnectionReset} from the handler,
 * or a body stream that fails midway, destroys the socket, so clients see a real reset.
 *
 * @param handler The fetch handler.
 * @param options The port and hostname.
 * @returns The running server.
 */
export async function listen(
  handler: (request: Request) => Promise<Response>,
  options: ListenOptions = {},
): Promise<SimulatorServer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`Cannot listen: port must be an integer from 0 to 65535, got "${port}"`);
  }
  const hostname = options.hostname ?? "127.0.0.1";
  const http = await import("node:http");
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    serveOne(handler, req, res, hostname).catch(() => req.socket.destroy());
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address !== null ? address.port : port;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname;
  return {
    baseUrl: `http://${host}:${actualPort}/scim/v1/`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function serveOne(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  hostname: string,
): Promise<void> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? "GET";
  const host = req.headers.host ?? hostname;
  const request = new Request(`http://${host}${req.url ?? "/"}`, {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: concat(chunks) }),
  });
  let response: Response;
  try {
    response = await handler(request);
  } catch (error) {
    if (error instanceof SimulatedConnectionReset) {
      req.socket.destroy();
      return;
    }
    // A bug in the simulator: answer like a crashed server, without details.
    res.writeHead(500, { "content-type": "text/plain" }).end("Simulator error");
    return;
  }
  const body: Uint8Array[] = [];
  let broken = false;
  if (response.body !== null) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        body.push(value);
      }
    } catch {
      broken = true;
    }
  }
  const outgoing: Record<string, string> = {};
  response.headers.forEach((value, name) => (outgoing[name] = value));
  if (broken) {
    // Send what there was, then cut the connection mid-body.
    res.writeHead(response.status, outgoing);
    for (const chunk of body) res.write(chunk);
    req.socket.destroy();
    return;
  }
  const bytes = concat(body);
  outgoing["content-length"] = String(bytes.byteLength);
  res.writeHead(response.status, outgoing).end(bytes);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
