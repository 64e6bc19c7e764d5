/**
 * Finding a user by email, userName or Slack id, and a group by name or id, with either client.
 *
 * @module
 */

import { filter } from "../scim/filter.ts";
import { isSCIMApiError } from "../scim/errors.ts";
import type { Context } from "./_context.ts";
import type { AnyGroup, AnyUser } from "./_rows.ts";

/** A Slack user or group id: `U…`, `W…` (users), `S…` (groups). */
const SLACK_ID = /^[UWS][A-Z0-9]{2,}$/;

/**
 * Finds the user `who` names: a Slack id (`U…`/`W…`), an email (has `@`), or a userName.
 *
 * @returns The users found (more than one only for a filter Slack matched twice).
 */
export async function findUsers(ctx: Context, who: string): Promise<AnyUser[]> {
  const query = who.trim();
  if (/^[UW][A-Z0-9]{2,}$/.test(query)) {
    try {
      return [(await ctx.client.readUser(query)).user as AnyUser];
    } catch (error) {
      if (isSCIMApiError(error) && error.status === 404) return [];
      throw error;
    }
  }
  const attribute = query.includes("@") ? "email" : "userName";
  const expression = attribute === "email"
    ? filter`email eq ${query.toLowerCase()}`
    : filter`userName eq ${query}`;
  const page = await ctx.client.searchUsers({ filter: expression, count: 10 });
  return page.users as AnyUser[];
}

/** Finds a group by its Slack id (`S…`) or its displayName. */
export async function findGroups(ctx: Context, name: string): Promise<AnyGroup[]> {
  const query = name.trim();
  if (SLACK_ID.test(query) && query.startsWith("S")) {
    try {
      return [(await ctx.client.readGroup(query)).group as AnyGroup];
    } catch (error) {
      if (!(isSCIMApiError(error) && error.status === 404)) throw error;
    }
  }
  const page = await ctx.client.searchGroups({
    filter: filter`displayName eq ${query}`,
    count: 10,
  });
  return page.groups as AnyGroup[];
}
