/**
 * The attributes the `Schemas` discovery endpoints describe, as both versions list them: name,
 * type and options in RFC 7643's terms (`mutability`). Each version's `discovery_routes.ts`
 * renders them in its own shape (v1: `readOnly` and a `schema` per attribute; v2: `mutability`,
 * `returned`, `uniqueness`), in its own order, beside what only it has (the guest extension
 * differs: v1 lists `type` and `expiration`, v2 `channels` too and `type` as required).
 *
 * @module
 */

/** One attribute: its name, its SCIM type (`reference` is v2's; v1 says `string`), options. */
export type Attribute = [name: string, type: string, options?: {
  multiValued?: boolean;
  mutability?: "readOnly" | "readWrite" | "writeOnly" | "immutable";
  required?: boolean;
  subAttributes?: Attribute[];
}];

/** The sub-attributes of a multi-valued item: `value`, `type`, `primary`. */
const VALUE_ITEM: Attribute[] = [
  ["value", "string"],
  ["type", "string"],
  ["primary", "boolean"],
];

/** The sub-attributes of a reference to another resource: `value` (the id), `display`. */
export const REFERENCE_ITEM: Attribute[] = [["value", "string"], ["display", "string"]];

/** The core user attributes both versions list first, in the order they list them. */
export const CORE_USER_ATTRIBUTES: Attribute[] = [
  ["id", "string", { mutability: "readOnly" }],
  ["externalId", "string", { mutability: "immutable" }],
  ["userName", "string", { required: true }],
  ["nickName", "string"],
  ["name", "complex", {
    subAttributes: [["givenName", "string"], ["familyName", "string"], [
      "honorificPrefix",
      "string",
    ]],
  }],
  ["displayName", "string"],
  ["profileUrl", "reference", { mutability: "readOnly" }],
  ["title", "string"],
  ["timezone", "string"],
  ["active", "boolean"],
  ["password", "string", { mutability: "writeOnly" }],
  ["emails", "complex", { multiValued: true, required: true, subAttributes: VALUE_ITEM }],
  ["phoneNumbers", "complex", { multiValued: true, subAttributes: VALUE_ITEM }],
  ["photos", "complex", { multiValued: true, subAttributes: VALUE_ITEM }],
  ["addresses", "complex", {
    multiValued: true,
    subAttributes: [
      ["streetAddress", "string"],
      ["locality", "string"],
      ["region", "string"],
      ["postalCode", "string"],
      ["country", "string"],
      ["primary", "boolean"],
    ],
  }],
  ["roles", "complex", { multiValued: true, subAttributes: VALUE_ITEM }],
  ["groups", "complex", {
    multiValued: true,
    mutability: "readOnly",
    subAttributes: REFERENCE_ITEM,
  }],
];

/** The language attributes of a user (v1 lists them before `userType`, v2 after). */
export const LANGUAGE_ATTRIBUTES: Attribute[] = [
  ["preferredLanguage", "string"],
  ["locale", "string"],
];

/** `userType`. */
export const USER_TYPE_ATTRIBUTE: Attribute = ["userType", "string"];

/** The enterprise extension's attributes. */
export const ENTERPRISE_ATTRIBUTES: Attribute[] = [
  ["employeeNumber", "string"],
  ["costCenter", "string"],
  ["organization", "string"],
  ["division", "string"],
  ["department", "string"],
  ["manager", "complex", { subAttributes: [["managerId", "string"]] }],
];

/** The profile extension's attribute. */
export const PROFILE_ATTRIBUTES: Attribute[] = [["startDate", "dateTime"]];

/** A group's attributes. */
export const GROUP_ATTRIBUTES: Attribute[] = [
  ["id", "string", { mutability: "readOnly" }],
  ["displayName", "string", { required: true }],
  ["members", "complex", { multiValued: true, subAttributes: REFERENCE_ITEM }],
];
