// Internal: the arguments of the bulk membership helpers, checked before anything is sent, so
// plain JavaScript misuse gets an error naming the argument rather than a runtime internal
// ("Cannot read properties of null") or, worse, a string read as a list of one-letter ids.

import { quote } from "../common/quote.ts";
import { optionsObject } from "../common/options_object.ts";

/**
 * Checks the user ids of a membership change and drops duplicates.
 *
 * @param userIds The caller's value: an iterable of non-empty strings (never a string itself).
 * @returns The ids, each once, in their first order.
 */
export function memberIds(userIds: unknown): string[] {
  if (
    typeof userIds === "string" || typeof userIds !== "object" || userIds === null ||
    typeof (userIds as Iterable<unknown>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(
      `Cannot change group members: userIds ${quote(userIds)} is not a list of user ids`,
    );
  }
  const seen = new Set<string>();
  let index = 0;
  for (const id of userIds as Iterable<unknown>) {
    if (typeof id !== "string") {
      throw new TypeError(
        `Cannot change group members: user id ${index} must be a string, got ${quote(id)} (${
          id === null ? "null" : typeof id
        })`,
      );
    }
    if (id.trim() === "") {
      throw new TypeError(`Cannot change group members: user id ${index} is empty`);
    }
    seen.add(id);
    index++;
  }
  return [...seen];
}

/**
 * Checks the client given to a membership helper: it must have the methods the helper calls.
 *
 * @param client The caller's value.
 * @param methods The methods used, such as `["patchGroup"]`.
 */
export function checkMembershipClient(client: unknown, methods: readonly string[]): void {
  for (const method of methods) {
    if (
      typeof client !== "object" || client === null ||
      typeof (client as Record<string, unknown>)[method] !== "function"
    ) {
      throw new TypeError(
        `Cannot change group members: client ${
          quote(client)
        } has no ${method} method (pass a SCIMClient)`,
      );
    }
  }
}

/**
 * Checks the options of a membership helper.
 *
 * @param options The caller's value (`undefined` for none).
 * @returns The options.
 */
export function membershipOptionsOf<T extends object>(options: T | undefined): T {
  return optionsObject("change group members", options);
}
