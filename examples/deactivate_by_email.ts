/**
 * The part both edge examples share: find exactly one user by email and deactivate it, and
 * compare an API key in constant time.
 *
 * @module
 */

import { isSCIMApiError, type SCIMClient } from "@org/slack-scim";
import { filter } from "@org/slack-scim/filter";

/**
 * Compares secrets in constant time (hashing first makes the lengths equal). An empty expected
 * secret never matches.
 *
 * @param given The secret the caller presented.
 * @param expected The configured secret.
 * @returns Whether they are equal.
 */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const digest = async (text: string) =>
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return expected !== "" && difference === 0;
}

/**
 * Deactivates the one user whose email is `email` and answers as JSON: 200 with the user, 404
 * when nobody has it, 409 when it is ambiguous (never guess whom to deactivate), 502 with Slack's
 * error code when Slack refuses.
 *
 * @param client The SCIM client.
 * @param email The address, compared case-insensitively.
 * @returns The HTTP answer for the caller.
 */
export async function deactivateByEmail(client: SCIMClient, email: string): Promise<Response> {
  try {
    // Ask for two: one match is the user, two mean the address is not a safe key.
    const found = await client.searchUsers({
      startIndex: 1,
      count: 2,
      filter: filter`email eq ${email}`,
    });
    const wanted = email.toLowerCase();
    const matches = found.users.filter((user) =>
      user.emails?.some((entry) => entry.value?.toLowerCase() === wanted)
    );
    if (found.totalResults > 1 || matches.length > 1) {
      return Response.json({ error: "ambiguous_email", email }, { status: 409 });
    }
    const user = matches[0];
    if (user?.id === undefined) {
      return Response.json({ error: "no_such_user", email }, { status: 404 });
    }
    await client.deleteUser(user.id);
    return Response.json({ id: user.id, userName: user.userName, active: false });
  } catch (error) {
    // Slack's answer (status and error code) is safe to pass on; it never holds the token.
    if (isSCIMApiError(error)) {
      return Response.json({ error: error.description, status: error.status }, { status: 502 });
    }
    throw error;
  }
}
