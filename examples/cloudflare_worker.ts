/**
 * A Cloudflare Worker that deactivates a Slack user by email: `POST /deactivate` with
 * `{ "email": "…" }` and `Authorization: Bearer <DEACTIVATE_API_KEY>`.
 *
 * Secrets: `wrangler secret put SLACK_ORG_ADMIN_USER_TOKEN` and `wrangler secret put
 * DEACTIVATE_API_KEY`. `SLACK_SCIM_BASE_URL` is optional (tests point it at the simulator).
 * The client needs no Node compatibility flag: it only uses `fetch`, `URL` and `AbortSignal`.
 *
 * @module
 */

import { SCIMClient } from "@org/slack-scim";
import { deactivateByEmail, sameSecret } from "./deactivate_by_email.ts";

/** The Worker's bindings. */
export interface Env {
  /** An org admin user token with the `admin` scope (a secret). */
  SLACK_ORG_ADMIN_USER_TOKEN: string;
  /** The key callers of this Worker must present (a secret). */
  DEACTIVATE_API_KEY: string;
  /** Where the SCIM API is; default Slack's. */
  SLACK_SCIM_BASE_URL?: string;
}

function json(
  body: unknown,
  status: number,
  headers: HeadersInit = {},
): Response {
  return Response.json(body, { status, headers });
}

/** The Worker. */
const worker = {
  /**
   * Handles one request.
   *
   * @param request The incoming request.
   * @param env The Worker's bindings.
   * @returns The answer: 200 with the deactivated user, or 400/401/404/405/502.
   */
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== "/deactivate") {
      return json({ error: "not_found" }, 404);
    }
    if (request.method !== "POST") {
      return json({ error: "method_not_allowed" }, 405, { allow: "POST" });
    }

    const key = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
    if (!await sameSecret(key, env.DEACTIVATE_API_KEY)) {
      return json({ error: "unauthorized" }, 401);
    }

    const body = await request.json().catch(() => undefined) as {
      email?: unknown;
    } | undefined;
    const email = body?.email;
    if (typeof email !== "string" || !email.includes("@")) {
      return json({
        error: "invalid_email",
        detail: 'Send {"email": "user@example.com"}',
      }, 400);
    }

    const client = new SCIMClient({
      token: env.SLACK_ORG_ADMIN_USER_TOKEN,
      ...(env.SLACK_SCIM_BASE_URL ? { baseUrl: env.SLACK_SCIM_BASE_URL } : {}),
      timeout: 10_000,
    });
    return await deactivateByEmail(client, email);
  },
};

export default worker;
