// Internal: making `createUser` safe to retry.
//
// A POST whose connection dropped may have created the user. The retry then meets
// `username_taken` or `email_taken`: the user exists, probably made by the first attempt. The
// client looks it up by the userName sent and returns it only when both its userName and one of
// its emails are the ones sent, instead of failing a create that succeeded. Another user who
// merely holds a sent email (the real cause of an `email_taken`) is never passed off as ours. A
// user with the same userName and email that existed before the call is indistinguishable.

import type { Logger } from "../retry/logger.ts";
import type { CallOptions } from "./transport.ts";
import { SCIMApiError } from "./errors.ts";

import type { EmptyResponse, ResourceResponse, SearchResponse } from "./response.ts";
import { messageOf } from "../common/quote.ts";

/**
 * The per-call options alone (`signal`, `timeout`; no paging, nothing else a caller passed), for
 * the lookups a recovery makes within the call it recovers.
 *
 * @param options The caller's options of the call being recovered.
 * @returns The signal and timeout, where given.
 */
export function callOnly(options: CallOptions | undefined): CallOptions {
  if (options === undefined) return {};
  const { signal, timeout } = options;
  return { ...(signal ? { signal } : {}), ...(timeout !== undefined ? { timeout } : {}) };
}

/** What the recovery reads of a user, in any API version. */
export interface RecoverableUser {
  id?: string;
  userName?: string;
  emails?: readonly ({ value?: string | null } | null | undefined)[];
}

const TAKEN = new Set(["username_taken", "email_taken"]);

/** What the recovery needs from the client. */
export interface RecoveryDeps<U extends RecoverableUser> {
  /** Searches users with a filter. */
  search: (filter: string) => Promise<SearchResponse<"users", U>>;
  /** Told when a create is recovered. */
  logger: Logger | undefined;
}

function emailsOf(user: RecoverableUser): Set<string> {
  const emails = new Set<string>();
  for (const email of user.emails ?? []) {
    if (typeof email?.value === "string" && email.value !== "") {
      emails.add(email.value.toLowerCase());
    }
  }
  return emails;
}

/** The userName Slack stores for a requested one: an email's local part, special characters as `_`. */
function slackUserName(requested: string): string {
  const name = requested.trim();
  const email = /^([^@\s]+)@[^@\s]+\.[^@\s]+$/.exec(name);
  return (email?.[1] ?? name).replace(/[^A-Za-z0-9._-]/g, "_");
}

/** The same answer, its message saying what the recovery found out. */
function restated(error: SCIMApiError, note: string, cause: unknown = error): SCIMApiError {
  // The error's call fields are the options it was made with.
  return new SCIMApiError(
    error.response,
    { ...error, note, cause } as ConstructorParameters<typeof SCIMApiError>[1],
  );
}

/**
 * Turns a `createUser` failure into the created user when a retry met `username_taken` or
 * `email_taken` after an attempt that got no answer, or when Slack answered 2xx with a body that
 * could not be read; rethrows any other failure.
 *
 * @param error What `POST Users` threw.
 * @param sent The body that was sent.
 * @param deps The search to look the user up with.
 * @returns The user the first attempt created, with `recovered: true`.
 */
export async function recoverCreatedUser<U extends RecoverableUser>(
  error: SCIMApiError,
  sent: U,
  deps: RecoveryDeps<U>,
): Promise<ResourceResponse<"user", U>> {
  // Only when the create may have been applied (an attempt got no answer, or a 2xx came whose
  // body was lost): an answered 429 or 503 before the 409 applied nothing.
  if (!error.mayHaveBeenApplied) throw error;
  // A 2xx whose body was lost (empty, truncated, a proxy's page): Slack created the user.
  const createdUnreadable = error.status >= 200 && error.status < 300;
  const taken = error.status === 409 && TAKEN.has(error.description);
  if (!taken && !createdUnreadable) throw error;

  const mayHaveSucceeded = createdUnreadable
    ? `Slack answered ${error.status} but its body was unusable, so the user may have been created`
    : "an earlier attempt got no answer and may have created the user";
  const emails = emailsOf(sent);
  const userName = typeof sent.userName === "string" ? sent.userName : "";
  if (emails.size === 0) throw restated(error, `${mayHaveSucceeded}; no email to confirm it with`);

  if (userName === "") throw restated(error, `${mayHaveSucceeded}; no userName to confirm it with`);
  // Slack stores an email given as userName as its local part, other special characters as `_`.
  const names = new Set([userName.toLowerCase(), slackUserName(userName).toLowerCase()]);
  let attempts = error.attempts;
  let totalRetryDelay = error.totalRetryDelay;
  for (const name of names) {
    let found: SearchResponse<"users", U>;
    try {
      found = await deps.search(`userName eq ${JSON.stringify(name)}`);
    } catch (lookupError) {
      throw restated(
        error,
        `${mayHaveSucceeded}; looking it up failed (${messageOf(lookupError)})`,
        lookupError,
      );
    }
    attempts += found.attempts;
    totalRetryDelay += found.totalRetryDelay;
    const user = found.users.find((candidate) =>
      typeof candidate.userName === "string" && names.has(candidate.userName.toLowerCase()) &&
      [...emailsOf(candidate)].some((email) => emails.has(email))
    );
    if (user !== undefined) {
      deps.logger?.warn(
        createdUnreadable
          ? `createUser: Slack's ${error.status} came without a usable body; the created user was found`
          : `createUser: the retry met ${error.description}; the user an earlier attempt created was found`,
        { id: user.id, attempts },
      );
      return {
        status: found.status,
        headers: found.headers,
        body: user,
        attempts,
        totalRetryDelay,
        recovered: true,
        user,
      };
    }
  }
  throw restated(error, `${mayHaveSucceeded}, but no user with that userName and email was found`);
}

/**
 * Turns a `deleteGroup` failure into a success when the retry met `no_such_group` after an
 * attempt that may have deleted the group (it got no answer): that attempt did. Rethrows any
 * other failure.
 *
 * @param error What `DELETE Groups/{id}` threw.
 * @param id The group's id, for the log line.
 * @param logger Told when a delete is recovered.
 * @returns The 404's answer, with `recovered: true`.
 */
export function recoverDeletedGroup(
  error: unknown,
  id: string,
  logger: Logger | undefined,
): EmptyResponse {
  const recovered = error instanceof SCIMApiError && error.status === 404 &&
    error.description === "no_such_group" && error.mayHaveBeenApplied;
  if (!recovered) throw error;
  logger?.warn(
    "deleteGroup: the retry met no_such_group; an earlier attempt that got no answer probably deleted it",
    {
      id,
      attempts: error.attempts,
    },
  );
  return {
    status: error.status,
    headers: error.response.headers,
    body: error.response.body,
    attempts: error.attempts,
    totalRetryDelay: error.totalRetryDelay,
    recovered: true,
  };
}
