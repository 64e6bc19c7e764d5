// Internal: the arguments of the paging iterators, checked when the iterator is made (before
// anything is sent), so plain JavaScript misuse gets an error naming the argument rather than
// "Cannot read properties of undefined" at the first page.

import { quote } from "../common/quote.ts";
import { optionsObject } from "../common/options_object.ts";

/**
 * Checks an iterator's client and options.
 *
 * @param name The iterator's name, such as `"iterateUsers"`.
 * @param client The caller's client.
 * @param method The client method each page calls, such as `"searchUsers"`.
 * @param options The caller's options (`undefined` for none).
 * @param clientClass The client class to name in the message.
 * @returns The options, `{}` for none.
 */
export function checkPagingArguments<O extends object>(
  name: string,
  client: unknown,
  method: string,
  options: O | undefined,
  clientClass = "SCIMClient",
): O {
  if (
    typeof client !== "object" || client === null ||
    typeof (client as Record<string, unknown>)[method] !== "function"
  ) {
    throw new TypeError(
      `Cannot call ${name}: client ${
        quote(client)
      } has no ${method} method (pass a ${clientClass})`,
    );
  }
  return optionsObject(`call ${name}`, options);
}
