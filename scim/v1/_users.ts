// Internal: the user methods of `SCIMClient` (documented there), each one operation of the spec
// sent through the transport.

import type { SCIMTransport } from "../transport.ts";
import type { CallOptions } from "../transport.ts";
import type { SearchOptions } from "../client_options.ts";
import type { SearchUsersResponse, UserResponse } from "./responses.ts";
import type { EmptyResponse } from "../response.ts";
import { isSCIMApiError } from "../errors.ts";
import type { User } from "./models.ts";
import type { paths } from "./schema.gen.ts";
import { checkId, checkReplaced, checkResource, searchQuery } from "../_arguments.ts";
import { type Answer, emptyBody, listBody, meta, resourceBody } from "../_exchange.ts";
import { callOnly, recoverCreatedUser } from "../_recovery.ts";
import { forReplace, withUserSchemas } from "./_schemas.ts";

type V1 = SCIMTransport<paths>;

/** The response of a call that returns a user. */
function userOf(answer: Answer): UserResponse {
  return { ...meta(answer), user: resourceBody(answer, "a user") as User };
}

export async function searchUsers(
  t: V1,
  options: SearchOptions = {},
): Promise<SearchUsersResponse> {
  const query = searchQuery("searchUsers", options);
  const answer = await t.call(
    "searchUsers",
    options,
    (init) => t.openapi.GET("/Users", { ...init, params: { query } }),
  );
  const { resources, page } = listBody(answer, "a list of users");
  return { ...page, users: resources as User[] };
}

export async function readUser(t: V1, id: string, options?: CallOptions): Promise<UserResponse> {
  checkId("readUser", "id", id);
  return userOf(
    await t.call(
      "readUser",
      options,
      (init) => t.openapi.GET("/Users/{id}", { ...init, params: { path: { id } } }),
    ),
  );
}

export async function createUser(t: V1, user: User, options?: CallOptions): Promise<UserResponse> {
  checkResource("createUser", "user", user);
  const body = withUserSchemas(user);
  try {
    return userOf(
      await t.call(
        "createUser",
        options,
        (init) => t.openapi.POST("/Users", { ...init, body }),
        { write: true },
      ),
    );
  } catch (error) {
    if (!isSCIMApiError(error)) throw error;
    return await recoverCreatedUser(error, body, {
      search: (filter) => searchUsers(t, { ...callOnly(options), count: 10, filter }),
      logger: t.logger,
    });
  }
}

export async function patchUser(
  t: V1,
  id: string,
  partialUser: User,
  options?: CallOptions,
): Promise<UserResponse> {
  checkId("patchUser", "id", id);
  checkResource("patchUser", "partialUser", partialUser);
  const body = withUserSchemas(partialUser);
  return userOf(
    await t.call(
      "patchUser",
      options,
      (init) => t.openapi.PATCH("/Users/{id}", { ...init, params: { path: { id } }, body }),
      { write: true },
    ),
  );
}

export async function updateUser(t: V1, user: User, options?: CallOptions): Promise<UserResponse> {
  const id = checkReplaced("updateUser", "user", user);
  const body = withUserSchemas(forReplace(user));
  return userOf(
    await t.call(
      "updateUser",
      options,
      (init) => t.openapi.PUT("/Users/{id}", { ...init, params: { path: { id } }, body }),
      { write: true },
    ),
  );
}

export async function deleteUser(t: V1, id: string, options?: CallOptions): Promise<EmptyResponse> {
  checkId("deleteUser", "id", id);
  return emptyBody(
    await t.call(
      "deleteUser",
      options,
      (init) => t.openapi.DELETE("/Users/{id}", { ...init, params: { path: { id } } }),
    ),
  );
}
