/**
 * A Deno Deploy / `Deno.serve` app that deactivates a Slack user by email: `POST /deactivate`
 * with `{ "email": "…" }` and `Authorization: Bearer <DEACTIVATE_API_KEY>`.
 *
 * Run: `SLACK_ORG_ADMIN_USER_TOKEN=xoxp-… DEACTIVATE_API_KEY=… deno run --allow-env
 * --allow-net examples/deno_serve.ts` (on Deno Deploy, set both as environment variables).
 * `SLACK_SCIM_BASE_URL` is optional: set it to `http://127.0.0.1:8080/scim/v1/` with
 * `deno task simulator --port 8080` running (token `xoxp-test`) to try it without Slack.
 *
 * @module
 */

import { SCIMClient } from "@org/slack-scim";
import { deactivateByEmail, sameSecret } from "./deactivate_by_email.ts";

/** What the handler needs. */
export interface DeactivateOptions {
  /** The SCIM client (an org admin user token with the `admin` scope). */
  client: SCIMClient;
  /** The key callers must present as `Authorization: Bearer <key>`; must not be empty. */
  apiKey: string;
}

/**
 * Makes the app's request handler.
 *
 * @param options The client and the API key.
 * @returns A handler for `Deno.serve`: 200 with the deactivated user, or 400/401/404/405/502.
 */
export function createHandler(
  options: DeactivateOptions,
): (request: Request) => Promise<Response> {
  const { client, apiKey } = options;
  if (apiKey === "") {
    throw new TypeError("Cannot serve: apiKey must not be empty");
  }

  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname !== "/deactivate") {
      return Response.json({ error: "not_found" }, { status: 404 });
    }
    if (request.method !== "POST") {
      return Response.json({ error: "method_not_allowed" }, {
        status: 405,
        headers: { allow: "POST" },
      });
    }
    const key = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
    if (!await sameSecret(key, apiKey)) {
      return Response.json({ error: "unauthorized" }, { status: 401 });
    }

    const body = await request.json().catch(() => undefined) as {
      email?: unknown;
    } | undefined;
    const email = body?.email;
    if (typeof email !== "string" || !email.includes("@")) {
      return Response.json(
        {
          error: "invalid_email",
          detail: 'Send {"email": "user@example.com"}',
        },
        { status: 400 },
      );
    }

    return await deactivateByEmail(client, email);
  };
}

if (import.meta.main) {
  const token = Deno.env.get("SLACK_ORG_ADMIN_USER_TOKEN");
  const apiKey = Deno.env.get("DEACTIVATE_API_KEY");
  if (!token || !apiKey) {
    console.error("Set SLACK_ORG_ADMIN_USER_TOKEN and DEACTIVATE_API_KEY");
    Deno.exit(1);
  }
  // Optional: point it at the simulator (`deno task simulator --port 8080` serves
  // http://127.0.0.1:8080/scim/v1/, token xoxp-test) instead of Slack.
  const baseUrl = Deno.env.get("SLACK_SCIM_BASE_URL");
  const client = new SCIMClient({ token, ...(baseUrl ? { baseUrl } : {}) });
  Deno.serve(createHandler({ client, apiKey }));
}
