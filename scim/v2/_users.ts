// Internal: the user methods of `SCIM2Client` (documented there), each one operation of the v2
// spec sent through the transport.

import type { SearchOptions } from "../client_options.ts";
import type { EmptyResponse } from "../response.ts";
import type { CallOptions, SCIMTransport } from "../transport.ts";
import { isSCIMApiError } from "../errors.ts";
import { checkId, checkReplaced, checkResource, searchQuery } from "../_arguments.ts";
import { type Answer, emptyBody, listBody, meta, resourceBody } from "../_exchange.ts";
import { callOnly, recoverCreatedUser } from "../_recovery.ts";
import { refuseV1OnlyAttributes } from "./filter.ts";
import { patchOpBody, type UntypedOperation, type UserPatchOperation } from "./patch_op.ts";
import type { SearchUsersResponse, UserResponse } from "./responses.ts";
import type { paths } from "./schema.gen.ts";
import type { User } from "./user.ts";
import { forReplace, withUserSchemas } from "./_schemas.ts";

type V2 = SCIMTransport<paths>;

function userOf(answer: Answer): UserResponse {
  return { ...meta(answer), user: resourceBody(answer, "a user") as User };
}

export async function searchUsers(
  t: V2,
  options: SearchOptions = {},
): Promise<SearchUsersResponse> {
  const query = searchQuery("searchUsers", options);
  if (query.filter !== undefined) refuseV1OnlyAttributes("call searchUsers", query.filter);
  const answer = await t.call(
    "searchUsers",
    options,
    (init) => t.openapi.GET("/Users", { ...init, params: { query } }),
  );
  const { resources, page } = listBody(answer, "a list of users");
  return { ...page, users: resources as User[] };
}

export async function readUser(t: V2, id: string, options?: CallOptions): Promise<UserResponse> {
  checkId("readUser", "id", id);
  return userOf(
    await t.call(
      "readUser",
      options,
      (init) => t.openapi.GET("/Users/{id}", { ...init, params: { path: { id } } }),
    ),
  );
}

export async function createUser(t: V2, user: User, options?: CallOptions): Promise<UserResponse> {
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
  t: V2,
  id: string,
  operations: readonly (UserPatchOperation | UntypedOperation)[],
  options?: CallOptions,
): Promise<UserResponse> {
  checkId("patchUser", "id", id);
  const body = patchOpBody(operations);
  return userOf(
    await t.call(
      "patchUser",
      options,
      (init) => t.openapi.PATCH("/Users/{id}", { ...init, params: { path: { id } }, body }),
      { write: true },
    ),
  );
}

export async function updateUser(t: V2, user: User, options?: CallOptions): Promise<UserResponse> {
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

export async function deleteUser(t: V2, id: string, options?: CallOptions): Promise<EmptyResponse> {
  checkId("deleteUser", "id", id);
  return emptyBody(
    await t.call(
      "deleteUser",
      options,
      (init) => t.openapi.DELETE("/Users/{id}", { ...init, params: { path: { id } } }),
    ),
  );
}
