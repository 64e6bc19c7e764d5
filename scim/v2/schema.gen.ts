// generated — do not edit.
// Made by scripts/generate.ts (openapi-typescript) from spec/scim-v2.openapi.yaml.
// Change the spec, then run `deno task gen`.

/**
 * Every path of Slack's SCIM v2 spec and its operations, as openapi-typescript makes
 * them: the type of `client.openapi`'s paths, to type a helper of your own over it.
 *
 * @example A helper over `client.openapi`, typed by the spec
 * ```ts
 * import { type paths, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
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
    /** The operations on `/ServiceProviderConfig`. */
    "/ServiceProviderConfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the API supports (patch, bulk, filter, ...); the v2 table's name */
        get: operations["readServiceProviderConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    /** The operations on `/ServiceProviderConfigs`. */
    "/ServiceProviderConfigs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same configuration under the plural name (the docs' heading, the Java SDK's call) */
        get: operations["readServiceProviderConfigs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    /** The operations on `/ResourceTypes`. */
    "/ResourceTypes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The resource types the API serves (User, Group), with their schema extensions */
        get: operations["readResourceTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    /** The operations on `/Schemas`. */
    "/Schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every schema the API serves (core and extensions) */
        get: operations["readSchemas"];
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
        /** Apply RFC 7644 operations (add, replace, remove) to the user */
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
        /** Rename, add, remove or replace members (up to 15,000 members per call) */
        patch: operations["patchGroup"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
/**
 * The schemas, parameters and answers of Slack's SCIM v2 spec: the wire shapes the
 * `openapi` escape hatch sends and receives (the client's own models are the exported
 * `User`, `Group`, …).
 *
 * @example The wire shape of a user, as `client.openapi` returns it
 * ```ts
 * import { type components, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
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
        /**
         * @description Slack's v2 error body: `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],
         *     "detail":"missing_schema_element","status":400}`. Slack has also been seen answering v2
         *     calls with the v1 `Errors` object, so both are described here.
         */
        Error: {
            schemas?: string[];
            /** @description Slack's error code, such as `no_such_user`. */
            detail?: string;
            /** @description The HTTP status, repeated; a number from Slack, a string in RFC 7644. */
            status?: number | string;
            /** @description RFC 7644's error keyword, when sent. */
            scimType?: string;
            /** @description The v1 shape, when Slack answers with it. */
            Errors?: {
                description?: string;
                code?: number;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /**
         * @description One RFC 7644 operation. `path` is an attribute path (`title`, `name.givenName`,
         *     `emails[primary eq false]`, `urn:...:enterprise:2.0:User:employeeNumber`,
         *     `urn:...:enterprise:2.0:User.manager.managerId`, `members[value eq U123]`); without it,
         *     `value` is a partial resource. `remove` takes no value.
         */
        PatchOperation: {
            /** @enum {string} */
            op: "add" | "replace" | "remove";
            path?: string;
            value?: unknown;
        };
        /** @description An RFC 7644 PATCH message. */
        PatchOp: {
            schemas: "urn:ietf:params:scim:api:messages:2.0:PatchOp"[];
            Operations: components["schemas"]["PatchOperation"][];
        };
        /** @description Resource metadata. */
        Meta: {
            resourceType?: string | null;
            created?: string | null;
            lastModified?: string | null;
            location?: string | null;
            version?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The parts of a user's name (Slack keeps givenName, familyName, honorificPrefix). */
        UserName: {
            givenName?: string | null;
            familyName?: string | null;
            honorificPrefix?: string | null;
            formatted?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description An email address; Slack keeps two and picks the primary by primary, then type work, then order. */
        UserEmail: {
            value?: string | null;
            type?: string | null;
            primary?: boolean;
            display?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A postal address; Slack keeps one and does not store its type. */
        UserAddress: {
            streetAddress?: string | null;
            locality?: string | null;
            region?: string | null;
            postalCode?: string | null;
            country?: string | null;
            formatted?: string | null;
            type?: string | null;
            primary?: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description A phone number; Slack keeps two (type mobile in a request means the primary phone). */
        UserPhoneNumber: {
            value?: string | null;
            type?: string | null;
            primary?: boolean;
            display?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A photo URL (or data URL); Slack keeps one. */
        UserPhoto: {
            value?: string | null;
            type?: string | null;
            primary?: boolean;
            display?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A role; Slack keeps one. Slack's docs also send primary as the string "true". */
        UserRole: {
            value?: string | null;
            type?: string | null;
            primary?: boolean | string;
            display?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A group the user belongs to (read-only on the user). */
        UserGroup: {
            value?: string;
            display?: string | null;
            type?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The user's manager; managerId may be a Slack id, an email or a userName (null when none). */
        EnterpriseUserManager: {
            managerId?: string | null;
            displayName?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The enterprise extension (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User). */
        EnterpriseUserExtension: {
            employeeNumber?: string | null;
            costCenter?: string | null;
            organization?: string | null;
            division?: string | null;
            department?: string | null;
            manager?: components["schemas"]["EnterpriseUserManager"];
        } & {
            [key: string]: unknown;
        };
        /** @description A channel a guest belongs to. */
        SlackGuestChannel: {
            value?: string;
            display?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description The guest extension (urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User); type must be multi in requests. */
        SlackGuestExtension: {
            type?: string;
            expiration?: string | null;
            channels?: components["schemas"]["SlackGuestChannel"][];
        } & {
            [key: string]: unknown;
        };
        /** @description The profile extension (urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User). */
        SlackProfileExtension: {
            startDate?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A Slack user in SCIM 2.0 form. */
        User: {
            schemas?: string[];
            id?: string;
            externalId?: string | null;
            meta?: components["schemas"]["Meta"];
            userName?: string;
            nickName?: string | null;
            name?: components["schemas"]["UserName"];
            displayName?: string | null;
            profileUrl?: string | null;
            title?: string | null;
            timezone?: string | null;
            active?: boolean;
            userType?: string | null;
            preferredLanguage?: string | null;
            locale?: string | null;
            password?: string;
            emails?: components["schemas"]["UserEmail"][];
            photos?: components["schemas"]["UserPhoto"][];
            addresses?: components["schemas"]["UserAddress"][];
            phoneNumbers?: components["schemas"]["UserPhoneNumber"][];
            roles?: (components["schemas"]["UserRole"] | string)[];
            groups?: components["schemas"]["UserGroup"][];
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"?: components["schemas"]["EnterpriseUserExtension"];
            "urn:ietf:params:scim:schemas:extension:slack:guest:2.0:User"?: components["schemas"]["SlackGuestExtension"];
            "urn:ietf:params:scim:schemas:extension:slack:profile:2.0:User"?: components["schemas"]["SlackProfileExtension"];
        } & {
            [key: string]: unknown;
        };
        /** @description A member of a group. */
        GroupMember: {
            value?: string;
            display?: string | null;
            type?: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A Slack IDP group in SCIM 2.0 form. */
        Group: {
            schemas?: string[];
            id?: string;
            externalId?: string | null;
            meta?: components["schemas"]["Meta"];
            displayName?: string;
            members?: components["schemas"]["GroupMember"][];
        } & {
            [key: string]: unknown;
        };
        /** @description One page of users, a ListResponse (note the capital R of Resources). */
        UserListResponse: {
            schemas?: string[];
            totalResults?: number;
            itemsPerPage?: number;
            startIndex?: number;
            Resources?: components["schemas"]["User"][];
        } & {
            [key: string]: unknown;
        };
        /** @description One page of groups, a ListResponse (note the capital R of Resources). */
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
            specUri?: string;
            documentationUri?: string;
            /** @description The name the Java SDK's samples use. */
            specUrl?: string;
            primary?: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description What the API supports. */
        ServiceProviderConfig: {
            schemas?: string[];
            documentationUri?: string;
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
            meta?: components["schemas"]["Meta"];
        } & {
            [key: string]: unknown;
        };
        /** @description An extension a resource type may carry. */
        SchemaExtension: {
            schema?: string;
            required?: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description A resource type (User, Group) and its extensions. */
        ResourceType: {
            schemas?: string[];
            id?: string;
            name?: string;
            endpoint?: string;
            description?: string;
            schema?: string;
            schemaExtensions?: components["schemas"]["SchemaExtension"][];
            meta?: components["schemas"]["Meta"];
        } & {
            [key: string]: unknown;
        };
        /** @description The resource types, as a ListResponse. */
        ResourceTypeListResponse: {
            schemas?: string[];
            totalResults?: number;
            itemsPerPage?: number;
            startIndex?: number;
            Resources?: components["schemas"]["ResourceType"][];
        } & {
            [key: string]: unknown;
        };
        /** @description One attribute of a resource schema. */
        SchemaAttribute: {
            name?: string;
            type?: string;
            multiValued?: boolean;
            description?: string;
            required?: boolean;
            caseExact?: boolean;
            mutability?: string;
            returned?: string;
            uniqueness?: string;
            canonicalValues?: string[];
            referenceTypes?: string[];
            subAttributes?: components["schemas"]["SchemaAttribute"][];
        } & {
            [key: string]: unknown;
        };
        /** @description A resource schema (Schemas/Users, Schemas/Groups, one entry of Schemas). */
        Schema: {
            schemas?: string[];
            id?: string;
            name?: string;
            description?: string;
            attributes?: components["schemas"]["SchemaAttribute"][];
            meta?: components["schemas"]["Meta"];
        } & {
            [key: string]: unknown;
        };
        /** @description Every schema, as a ListResponse. */
        SchemaListResponse: {
            schemas?: string[];
            totalResults?: number;
            itemsPerPage?: number;
            startIndex?: number;
            Resources?: components["schemas"]["Schema"][];
        } & {
            [key: string]: unknown;
        };
    };
    /** The spec's responses (`never` when it has none). */
    responses: {
        /** @description An error in Slack's v2 shape (or, at times, its v1 shape). */
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
        /** @description A SCIM filter such as `userName eq "Carly"` (restricted and ultra_restricted are v1 only). */
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
 * Each operation of Slack's SCIM v2 spec by its `operationId`: its parameters, body and
 * answers (what `paths` points to).
 *
 * @example The parameters of one operation
 * ```ts
 * import { type operations, SCIM2Client } from "@org/slack-scim/v2";
 * import { SlackScimSimulator } from "@org/slack-scim/testing";
 * import assert from "node:assert/strict";
 *
 * const sim = new SlackScimSimulator({ users: 1 });
 * const client = new SCIM2Client({ token: "xoxp-test", fetch: sim.fetch });
 * type SearchQuery = NonNullable<operations["searchUsers"]["parameters"]["query"]>;
 * const query: SearchQuery = { count: 1 };
 * const { data } = await client.openapi.GET("/Users", { params: { query } });
 * assert.equal(data?.Resources?.length, 1);
 * ```
 */
export interface operations {
    /** `readServiceProviderConfig`: `GET /ServiceProviderConfig`. */
    readServiceProviderConfig: {
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
    /** `readResourceTypes`: `GET /ResourceTypes`. */
    readResourceTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource types, as a list response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceTypeListResponse"];
                };
            };
            default: components["responses"]["Error"];
        };
    };
    /** `readSchemas`: `GET /Schemas`. */
    readSchemas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schemas, as a list response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchemaListResponse"];
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
                /** @description A SCIM filter such as `userName eq "Carly"` (restricted and ultra_restricted are v1 only). */
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
            /** @description Deactivated (tolerated; v1 answers 200). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Deactivated; no body (the status Slack's v2 docs give). */
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
                "application/json": components["schemas"]["PatchOp"];
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
                /** @description A SCIM filter such as `userName eq "Carly"` (restricted and ultra_restricted are v1 only). */
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
            /** @description Deleted (tolerated). */
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
                "application/json": components["schemas"]["PatchOp"];
            };
        };
        responses: {
            /** @description The group after the change (Slack's v2 docs show this body). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Changed; no body (as v1 answers). */
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
