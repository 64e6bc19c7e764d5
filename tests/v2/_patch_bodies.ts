// Each PATCH body of Slack's v2 docs, as the builders (or typed operations) make it: shared by
// the body test (fixture_requests_test.ts) and the client test, which sends each one.

import {
  ENTERPRISE_SCHEMA_V2,
  groupPatch,
  type GroupPatchOperation,
  GUEST_SCHEMA_V2,
  type UntypedOperation,
  untypedOperation,
  userPatch,
  type UserPatchOperation,
} from "../../scim/v2/mod.ts";

export type Operations = readonly (UserPatchOperation | GroupPatchOperation | UntypedOperation)[];

/** Each documented PATCH body, built with the builders (or typed operations where clearer). */
export const PATCH_BODIES: Record<string, Operations> = {
  "patch_user_active_request.json": [userPatch.activate()],
  "patch_user_username_request.json": [userPatch.replace("userName", "other_username")],
  "patch_user_nickname_request.json": [userPatch.replace("nickName", "slack_username")],
  "patch_user_display_name_request.json": [userPatch.replace("displayName", "First Last")],
  "patch_user_title_request.json": [userPatch.replace("title", "Tour Guide")],
  "patch_user_user_type_request.json": [userPatch.replace("userType", "Employee")],
  "patch_user_preferred_language_request.json": [
    userPatch.replace("preferredLanguage", "en_US"),
  ],
  "patch_user_locale_request.json": [userPatch.replace("locale", "en_US")],
  "patch_user_timezone_request.json": [userPatch.replace("timezone", "America/Chicago")],
  "patch_user_emails_add_request.json": [
    userPatch.add("emails", [
      { value: "some@email.com", type: "work", primary: true },
      { value: "some_other@email.com", type: "home" },
    ]),
  ],
  "patch_user_emails_add_single_request.json": [
    userPatch.add("emails", { value: "some_other@email.com", type: "home" }),
  ],
  "patch_user_emails_replace_secondary_request.json": [
    userPatch.replace("emails[primary eq false]", {
      value: "some_other_replaced@email.com",
      type: "work",
    }),
  ],
  "patch_user_emails_remove_secondary_request.json": [userPatch.removeSecondaryEmails()],
  "patch_user_emails_remove_by_value_request.json": [
    userPatch.removeEmail("some_other@email.com"),
  ],
  "patch_user_emails_remove_request.json": [userPatch.remove("emails")],
  "patch_user_phone_primary_request.json": [
    userPatch.add("phoneNumbers", { value: "123-333-3333", primary: true }),
  ],
  "patch_user_phone_mobile_request.json": [
    userPatch.add("phoneNumbers", [{ value: "123-333-3333", type: "work" }]),
  ],
  "patch_user_phone_both_request.json": [
    userPatch.add("phoneNumbers", [
      { value: "222-222-2222", primary: false },
      { value: "333-333-3333", primary: true },
    ]),
  ],
  "patch_user_phone_remove_by_value_request.json": [
    userPatch.removePhoneNumber("333-333-3333"),
    userPatch.removePhoneNumber("222-222-2222"),
  ],
  "patch_user_phone_remove_request.json": [userPatch.remove("phoneNumbers")],
  "patch_user_phone_replace_value_request.json": [
    userPatch.replacePhoneNumber("333-333-3333", "111-111-111"),
  ],
  "patch_user_photos_request.json": [
    userPatch.add("photos", [{
      value: "https://photos.example.com/profilephoto.jpg",
      primary: true,
    }]),
  ],
  "patch_user_addresses_add_request.json": [
    userPatch.add("addresses", [{
      streetAddress: "1060 W Addison St",
      locality: "Chicago",
      region: "IL",
      postalCode: "60613",
      country: "USA",
      primary: true,
    }]),
  ],
  "patch_user_addresses_remove_request.json": [userPatch.remove("addresses")],
  "patch_user_roles_add_request.json": [
    userPatch.add("roles", [{ value: "Tech Lead", primary: true }]),
  ],
  "patch_user_roles_add_string_request.json": [userPatch.add("roles", ["Tech Lead"])],
  "patch_user_roles_remove_request.json": [userPatch.remove("roles")],
  "patch_user_name_add_request.json": [
    userPatch.add("name", { familyName: "Last", givenName: "First", honorificPrefix: "Ms." }),
  ],
  "patch_user_name_given_name_replace_request.json": [
    userPatch.replace("name.givenName", "First"),
  ],
  "patch_user_remove_name_honorific_prefix_request.json": [
    userPatch.remove("name.honorificPrefix"),
  ],
  "patch_user_enterprise_add_request.json": [
    userPatch.add(ENTERPRISE_SCHEMA_V2, {
      employeeNumber: "701984",
      costCenter: "4130",
      organization: "Chicago Cubs",
      division: "Wrigley Field",
      department: "Tour Operations",
      manager: { managerId: "U123ABC456" },
    }),
  ],
  "patch_user_enterprise_manager_replace_request.json": [
    userPatch.replace(ENTERPRISE_SCHEMA_V2, { manager: { managerId: "U123ABC456" } }),
  ],
  "patch_user_remove_enterprise_manager_id_request.json": [
    userPatch.remove(`${ENTERPRISE_SCHEMA_V2}.manager.managerId`),
  ],
  "patch_user_remove_enterprise_request.json": [userPatch.remove(ENTERPRISE_SCHEMA_V2)],
  "patch_user_convert_to_guest_request.json": [userPatch.makeGuest()],
  "patch_user_convert_to_guest_with_expiration_request.json": [
    userPatch.makeGuest({ expiration: "2024-11-30T23:59:59Z" }),
  ],
  "patch_user_remove_guest_expiration_request.json": [
    userPatch.remove(`${GUEST_SCHEMA_V2}.expiration`),
  ],
  "patch_user_convert_guest_to_member_request.json": [userPatch.makeFullMember()],
  // The docs' general example: colon-form extension paths, and `address` (their typo for
  // `addresses`), which the types refuse, so it is sent as a deliberate untyped operation.
  "patch_user_request.json": [
    { op: "add", path: `${ENTERPRISE_SCHEMA_V2}:employeeNumber`, value: "121" },
    { op: "add", path: `${ENTERPRISE_SCHEMA_V2}:costCenter`, value: "001919" },
    untypedOperation({ op: "remove", path: "address" }),
  ],
  "patch_group_members_replace_request.json": [
    groupPatch.replaceMembers(["U123ABC456", "U999ABC456"]),
  ],
  "patch_group_remove_all_members_request.json": [groupPatch.removeAllMembers()],
  "patch_group_remove_member_request.json": groupPatch.removeMembers(["U123ABC456"]),
  // Printed under "DELETE /Groups/<id>" but a PATCH body (see SOURCES.md): remove all members.
  "delete_group_section_request.json": [groupPatch.removeAllMembers()],
};
