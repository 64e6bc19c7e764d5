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

import { filter, isSCIMApiError, SCIMClient } from "@org/slack-scim";

/** The Worker's bindings. */
export interface Env {
  /** An org admin user token with the `admin` scope (a secret). */
  SLACK_ORG_ADMIN_USER_TOKEN: string;
  /** The key callers of this Worker must present (a secret). */
  DEACTIVATE_API_KEY: string;
  /** Where the SCIM API is; default Slack's. */
  SLACK_SCIM_BASE_URL?: string;
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const digest = async (text: string) =>
    new Uint8Array(
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
    );
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return expected !== "" && difference === 0;
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
    try {
      const found = await client.searchUsers({
        startIndex: 1,
        count: 1,
        filter: filter`email eq ${email}`,
      });
      const user = found.users[0];
      if (user?.id === undefined) {
        return json({ error: "no_such_user", email }, 404);
      }
      await client.deleteUser(user.id);
      return json({ id: user.id, userName: user.userName, active: false }, 200);
    } catch (error) {
      // Slack's answer (status and error code) is safe to pass on; it never holds the token.
      if (isSCIMApiError(error)) {
        return json({ error: error.description, status: error.status }, 502);
      }
      throw error;
    }
  },
};

export default worker;
