// Slack's v2 response examples and the Java SDK's recorded v2 shapes fit the v2 models as
// written (nulls, empty strings, string "true" and all): each fixture is imported as JSON and
// assigned to its model, so a model too narrow for what Slack sends fails `deno check`.

import assert from "node:assert/strict";
import type { Group, ResourceType, ServiceProviderConfig, User } from "../../scim/v2/mod.ts";
import createGuestUser from "../fixtures/slack-docs/v2/create_guest_user_response.json" with {
  type: "json",
};
import createUser from "../fixtures/slack-docs/v2/create_user_response.json" with {
  type: "json",
};
import createUserRequest from "../fixtures/slack-docs/v2/create_user_request_enterprise.json" with {
  type: "json",
};
import getUser from "../fixtures/slack-docs/v2/get_user_response.json" with { type: "json" };
import listUsers from "../fixtures/slack-docs/v2/list_users_response.json" with { type: "json" };
import patchUser from "../fixtures/slack-docs/v2/patch_user_response.json" with { type: "json" };
import putUser from "../fixtures/slack-docs/v2/put_user_response.json" with { type: "json" };
import createGroup from "../fixtures/slack-docs/v2/create_group_response.json" with {
  type: "json",
};
import getGroup from "../fixtures/slack-docs/v2/get_group_response.json" with { type: "json" };
import listGroups from "../fixtures/slack-docs/v2/list_groups_response.json" with {
  type: "json",
};
import putGroup from "../fixtures/slack-docs/v2/put_group_response.json" with { type: "json" };
import javaUsers from "../fixtures/slack-java-sdk-samples/v2/Users.json" with { type: "json" };
import javaUser from "../fixtures/slack-java-sdk-samples/v2/Users/00000000000.json" with {
  type: "json",
};
import javaGroups from "../fixtures/slack-java-sdk-samples/v2/Groups.json" with { type: "json" };
import javaGroup from "../fixtures/slack-java-sdk-samples/v2/Groups/00000000000.json" with {
  type: "json",
};
import javaConfig from "../fixtures/slack-java-sdk-samples/v2/ServiceProviderConfigs.json" with {
  type: "json",
};
import javaResourceTypes from "../fixtures/slack-java-sdk-samples/v2/ResourceTypes.json" with {
  type: "json",
};

Deno.test("every v2 response fixture's resources are typed by the v2 models", () => {
  const users: User[] = [
    createGuestUser,
    createUser,
    createUserRequest,
    getUser,
    patchUser,
    putUser,
    ...listUsers.Resources,
    ...javaUsers.Resources,
    javaUser,
  ];
  const groups: Group[] = [
    createGroup,
    getGroup,
    putGroup,
    ...listGroups.Resources,
    ...javaGroups.Resources,
    javaGroup,
  ];
  const config: ServiceProviderConfig = javaConfig;
  const resourceTypes: ResourceType[] = javaResourceTypes.Resources;
  assert.equal(users.length, 9);
  assert.equal(groups.length, 6);
  assert.equal(config.patch?.supported, false);
  assert.equal(resourceTypes.length, 1);
});
