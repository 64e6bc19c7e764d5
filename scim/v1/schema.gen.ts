// generated — do not edit.
// Made by scripts/generate.ts (openapi-typescript) from spec/scim-v1.openapi.yaml.
// Change the spec, then run `deno task gen`.

/**
 * Every path of Slack's SCIM v1 spec and its operations, as openapi-typescript makes
 * them: the type of `client.openapi`'s paths, to type a helper of your own over it.
 *
 * @example A helper over `client.openapi`, typed by the spec
 * ```ts
 * import { type paths, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * type UserId = paths["/Users/{id}"]["get"]["parameters"]["path"]["id"];
 * async function userName(id: UserId): Promise<string | undefined> {
 *   const { data } = await client.openapi.GET("/Users/{id}", { params: { path: { id } } });
 *   return data?.userName;
 * }
 * const [user] = (await client.searchUsers({ count: 1 })).users;
 * assert.equal(await userName(user!.id!), user!.userName);
 * ```
 */
export interface paths {
    /** The operations on `/ServiceProviderConfigs`. */
    "/ServiceProviderConfigs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the API supports (patch, bulk, filter, ...) */
        get: operations["readServiceProviderConfigs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    /** The operations on `/Schemas/Users`. */
    "/Schemas/Users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attribute schema of users */
        get: operations["readUserSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    /** The operations on `/Schemas/Groups`. */
    "/Schemas/Groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attribute schema of groups */
        get: operations["readGroupSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    /** The operations on `/Users`. */
    "/Users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, optionally filtered */
        get: operations["searchUsers"];
        put?: never;
        /** Create a user (userName and one email required) */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    /** The operations on `/Users/{id}`. */
    "/Users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id (U... or W...). */
                id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        /** One user */
        get: operations["readUser"];
        /** Full replace (omitted attributes are blanked; active true reactivates) */
        put: operations["updateUser"];
        post?: never;
        /** Deactivate the user (never a real delete; repeating it succeeds) */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Partial update (omitted attributes stay) */
        patch: operations["patchUser"];
        trace?: never;
    };
    /** The operations on `/Groups`. */
    "/Groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List groups, optionally filtered */
        get: operations["searchGroups"];
        put?: never;
        /** Create a group (displayName and members required) */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    /** The operations on `/Groups/{id}`. */
    "/Groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's id (S...). */
                id: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        /** One group */
        get: operations["readGroup"];
        /** Replace the group, members included */
        put: operations["updateGroup"];
        post?: never;
        /** Delete the group permanently (idp_group_linked_to_channels if linked) */
        delete: operations["deleteGroup"];
        options?: never;
        head?: never;
        /** Rename, add or remove members (up to 15,000 members per call) */
        patch: operations["patchGroup"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
/**
 * The schemas, parameters and answers of Slack's SCIM v1 spec: the wire shapes the
 * `openapi` escape hatch sends and receives (the client's own models are the exported
 * `User`, `Group`, …).
 *
 * @example The wire shape of a user, as `client.openapi` returns it
 * ```ts
 * import { type components, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * type WireUser = components["schemas"]["User"];
 * const [user] = (await client.searchUsers({ count: 1 })).users;
 * const { data } = await client.openapi.GET("/Users/{id}", { params: { path: { id: user!.id! } } });
 * const wire: WireUser | undefined = data;
 * assert.equal(wire?.id, user!.id);
 * ```
 */
export interface components {
    /** The spec's schemas (`never` when it has none). */
    schemas: {
        /** @description Slack's v1 error body: `{"Errors":{"description":"no_such_user","code":404}}`. */
        Error: {
            Errors: {
                /** @description Slack's error code, such as `no_such_user`. */
                description?: string;
                /** @description The HTTP status, repeated. */
                code?: number;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /**
         * @description v1 PATCH only - remove this value from the multi-valued attribute.
         * @enum {string}
         */
        Operation: "delete";
        /** @description The parts of a user's name (Slack keeps givenName, familyName, honorificPrefix). */
        UserName: {
            givenName?: string;
            familyName?: string;
            honorificPrefix?: string;
            formatted?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description An email address; Slack keeps two and picks the primary by primary, then type work, then order. */
        UserEmail: {
            value?: string;
            type?: string;
            primary?: boolean;
            display?: string;
            operation?: components["schemas"]["Operation"];
        } & {
            [key: string]: unknown;
        };
        /** @description A postal address; Slack keeps one and does not store its type. */
        UserAddress: {
            streetAddress?: string;
            locality?: string;
            region?: string;
            postalCode?: string;
            country?: string;
            formatted?: string;
            type?: string;
            primary?: boolean;
            operation?: components["schemas"]["Operation"];
        } & {
            [key: string]: unknown;
        };
        /** @description A phone number; Slack keeps two (type mobile in a request means the primary phone). */
        UserPhoneNumber: {
            value?: string;
            type?: string;
            primary?: boolean;
            display?: string;
            operation?: components["schemas"]["Operation"];
        } & {
            [key: string]: unknown;
        };
        /** @description A photo URL (or data URL); Slack keeps one. */
        UserPhoto: {
            value?: string;
            type?: string;
            primary?: boolean;
            display?: string;
            operation?: components["schemas"]["Operation"];
        } & {
            [key: string]: unknown;
        };
        /** @description A role; Slack keeps one. Slack's docs also send primary as the string "true". */
        UserRole: {
            value?: string;
            type?: string;
            primary?: boolean | string;
            display?: string;
            operation?: components["schemas"]["Operation"];
        } & {
            [key: string]: unknown;
        };
        /** @description A group the user belongs to (read-only on the user). */
        UserGroup: {
            value?: string;
            display?: string;
            type?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Resource metadata; in a PATCH, attributes lists the attributes to remove. */
        UserMeta: {
            created?: string;
            lastModified?: string;
            location?: string;
            version?: string;
            /** @description v1 PATCH only - attribute paths to remove, e.g. name.honorificPrefix. */
            attributes?: string[];
        } & {
            [key: string]: unknown;
        };
        /** @description The user's manager; managerId may be a Slack id, an email or a userName. */
        EnterpriseUserManager: {
            managerId?: string;
            displayName?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description The enterprise extension (urn:scim:schemas:extension:enterprise:1.0). */
        EnterpriseUserExtension: {
            employeeNumber?: string;
            costCenter?: string;
            organization?: string;
            division?: string;
            department?: string;
            manager?: components["schemas"]["EnterpriseUserManager"];
        } & {
            [key: string]: unknown;
        };
        /** @description A channel a guest belongs to. */
        SlackGuestChannel: {
            value?: string;
            display?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description The guest extension (urn:scim:schemas:extension:slack:guest:1.0); type must be multi in requests. */
        SlackGuestExtension: {
            type?: string;
            expiration?: string;
            channels?: components["schemas"]["SlackGuestChannel"][];
        } & {
            [key: string]: unknown;
        };
        /** @description The profile extension (urn:scim:schemas:extension:slack:profile:1.0). */
        SlackProfileExtension: {
            startDate?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A Slack user in SCIM 1.1 form. */
        User: {
            schemas?: string[];
            id?: string;
            externalId?: string;
            userName?: string;
            nickName?: string;
            name?: components["schemas"]["UserName"];
            displayName?: string;
            profileUrl?: string;
            title?: string;
            timezone?: string;
            active?: boolean;
            userType?: string;
            preferredLanguage?: string;
            locale?: string;
            password?: string;
            emails?: components["schemas"]["UserEmail"][];
            photos?: components["schemas"]["UserPhoto"][];
            addresses?: components["schemas"]["UserAddress"][];
            phoneNumbers?: components["schemas"]["UserPhoneNumber"][];
            roles?: (components["schemas"]["UserRole"] | string)[];
            groups?: components["schemas"]["UserGroup"][];
            meta?: components["schemas"]["UserMeta"];
            "urn:scim:schemas:extension:enterprise:1.0"?: components["schemas"]["EnterpriseUserExtension"];
            "urn:scim:schemas:extension:slack:guest:1.0"?: components["schemas"]["SlackGuestExtension"];
            "urn:scim:schemas:extension:slack:profile:1.0"?: components["schemas"]["SlackProfileExtension"];
        } & {
            [key: string]: unknown;
        };
        /** @description A member of a group; in a PATCH, operation delete removes it. */
        GroupMember: {
            value?: string;
            display?: string;
            type?: string;
            operation?: components["schemas"]["Operation"];
        } & {
            [key: string]: unknown;
        };
        /** @description Group metadata. */
        GroupMeta: {
            created?: string;
            lastModified?: string;
            location?: string;
            version?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A Slack IDP group in SCIM 1.1 form. */
        Group: {
            schemas?: string[];
            id?: string;
            externalId?: string;
            displayName?: string;
            members?: components["schemas"]["GroupMember"][];
            meta?: components["schemas"]["GroupMeta"];
        } & {
            [key: string]: unknown;
        };
        /** @description One page of users (note the capital R of Resources). */
        UserListResponse: {
            schemas?: string[];
            totalResults?: number;
            itemsPerPage?: number;
            startIndex?: number;
            Resources?: components["schemas"]["User"][];
        } & {
            [key: string]: unknown;
        };
        /** @description One page of groups (note the capital R of Resources). */
        GroupListResponse: {
            schemas?: string[];
            totalResults?: number;
            itemsPerPage?: number;
            startIndex?: number;
            Resources?: components["schemas"]["Group"][];
        } & {
            [key: string]: unknown;
        };
        Supported: {
            supported?: boolean;
        } & {
            [key: string]: unknown;
        };
        AuthenticationScheme: {
            type?: string;
            name?: string;
            description?: string;
            specUrl?: string;
            primary?: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description What the API supports. */
        ServiceProviderConfig: {
            schemas?: string[];
            authenticationSchemes?: components["schemas"]["AuthenticationScheme"][];
            patch?: components["schemas"]["Supported"];
            bulk?: {
                supported?: boolean;
                maxOperations?: number;
                maxPayloadSize?: number;
            } & {
                [key: string]: unknown;
            };
            filter?: {
                supported?: boolean;
                maxResults?: number;
            } & {
                [key: string]: unknown;
            };
            changePassword?: components["schemas"]["Supported"];
            sort?: components["schemas"]["Supported"];
            etag?: components["schemas"]["Supported"];
            xmlDataFormat?: components["schemas"]["Supported"];
        } & {
            [key: string]: unknown;
        };
        /** @description One attribute of a resource schema. */
        SchemaAttribute: {
            name?: string;
            type?: string;
            multiValued?: boolean;
            description?: string;
            schema?: string;
            readOnly?: boolean;
            required?: boolean;
            caseExact?: boolean;
            subAttributes?: components["schemas"]["SchemaAttribute"][];
        } & {
            [key: string]: unknown;
        };
        /** @description A resource schema (Schemas/Users, Schemas/Groups). */
        Schema: {
            id?: string;
            name?: string;
            description?: string;
            schema?: string;
            endpoint?: string;
            attributes?: components["schemas"]["SchemaAttribute"][];
        } & {
            [key: string]: unknown;
        };
    };
    /** The spec's responses (`never` when it has none). */
    responses: {
        /** @description An error in Slack's v1 shape. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    /** The spec's parameters (`never` when it has none). */
    parameters: {
        /** @description 1-based index of the first result. */
        startIndex: number;
        /** @description Results per page; default 10, at most 1000. */
        count: number;
        /** @description A SCIM filter such as `userName eq "Carly"` (Groups: `displayName`). */
        filter: string;
        /** @description The user's id (U... or W...). */
        userId: string;
        /** @description The group's id (S...). */
        groupId: string;
    };
    /** The spec's requestBodies (`never` when it has none). */
    requestBodies: never;
    /** The spec's headers (`never` when it has none). */
    headers: never;
    /** The spec's pathItems (`never` when it has none). */
    pathItems: never;
}
export type $defs = Record<string, never>;
/**
 * Each operation of Slack's SCIM v1 spec by its `operationId`: its parameters, body and
 * answers (what `paths` points to).
 *
 * @example The parameters of one operation
 * ```ts
 * import { type operations, SCIMClient } from "@org/slack-scim";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIMClient({ token: "xoxp-test", fetch: sim.fetch });
 * type SearchQuery = NonNullable<operations["searchUsers"]["parameters"]["query"]>;
 * const query: SearchQuery = { count: 1 };
 * const { data } = await client.openapi.GET("/Users", { params: { query } });
 * assert.equal(data?.Resources?.length, 1);
 * ```
 */
export interface operations {
    /** `readServiceProviderConfigs`: `GET /ServiceProviderConfigs`. */
    readServiceProviderConfigs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service provider configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceProviderConfig"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `readUserSchema`: `GET /Schemas/Users`. */
    readUserSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user schema. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schema"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `readGroupSchema`: `GET /Schemas/Groups`. */
    readGroupSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group schema. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schema"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `searchUsers`: `GET /Users`. */
    searchUsers: {
        parameters: {
            query?: {
                /** @description 1-based index of the first result. */
                startIndex?: components["parameters"]["startIndex"];
                /** @description Results per page; default 10, at most 1000. */
                count?: components["parameters"]["count"];
                /** @description A SCIM filter such as `userName eq "Carly"` (Groups: `displayName`). */
                filter?: components["parameters"]["filter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListResponse"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `createUser`: `POST /Users`. */
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        responses: {
            /** @description The created user. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `readUser`: `GET /Users/{id}`. */
    readUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id (U... or W...). */
                id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `updateUser`: `PUT /Users/{id}`. */
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id (U... or W...). */
                id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        responses: {
            /** @description The user after the replace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `deleteUser`: `DELETE /Users/{id}`. */
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id (U... or W...). */
                id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deactivated; the body is empty. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Deactivated (some deployments answer 204). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["Error"];
        };
    };
    /** `patchUser`: `PATCH /Users/{id}`. */
    patchUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id (U... or W...). */
                id: components["parameters"]["userId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        responses: {
            /** @description The user after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `searchGroups`: `GET /Groups`. */
    searchGroups: {
        parameters: {
            query?: {
                /** @description 1-based index of the first result. */
                startIndex?: components["parameters"]["startIndex"];
                /** @description Results per page; default 10, at most 1000. */
                count?: components["parameters"]["count"];
                /** @description A SCIM filter such as `userName eq "Carly"` (Groups: `displayName`). */
                filter?: components["parameters"]["filter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupListResponse"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `createGroup`: `POST /Groups`. */
    createGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Group"];
            };
        };
        responses: {
            /** @description The created group. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `readGroup`: `GET /Groups/{id}`. */
    readGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's id (S...). */
                id: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `updateGroup`: `PUT /Groups/{id}`. */
    updateGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's id (S...). */
                id: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Group"];
            };
        };
        responses: {
            /** @description The group after the replace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `deleteGroup`: `DELETE /Groups/{id}`. */
    deleteGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's id (S...). */
                id: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted (tolerated; Slack answers 204). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Deleted; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["Error"];
        };
    };
    /** `patchGroup`: `PATCH /Groups/{id}`. */
    patchGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group's id (S...). */
                id: components["parameters"]["groupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Group"];
            };
        };
        responses: {
            /** @description Changed (tolerated; Slack answers 204). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Changed; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["Error"];
        };
    };
}
