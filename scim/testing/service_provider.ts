/**
 * What the simulated API supports, as both versions' `ServiceProviderConfig` answers list it
 * after the authentication scheme: PATCH and filters (at most 1,000 results a page), no bulk,
 * password change, sorting, ETags or XML.
 *
 * @module
 */

/** The OAuth bearer scheme both versions name; v2 also sends `specUri`. */
const BEARER = {
  type: "oauthbearertoken",
  name: "OAuth Bearer Token",
  description: "Authentication scheme using the OAuth Bearer Token Standard",
} as const;

/** RFC 6750, the bearer scheme's specification. */
const BEARER_SPEC = "http://www.rfc-editor.org/info/rfc6750";

/**
 * The authentication scheme, as each version lists it.
 *
 * @param withSpecUri Whether to send RFC 7643's `specUri` before `specUrl` (v2).
 * @returns The scheme.
 */
export function bearerScheme(withSpecUri: boolean): Record<string, unknown> {
  return {
    ...BEARER,
    ...(withSpecUri ? { specUri: BEARER_SPEC } : {}),
    specUrl: BEARER_SPEC,
    primary: true,
  };
}

/**
 * The features, keys in the order Slack sends them.
 *
 * @returns A fresh object.
 */
export function serviceProviderFeatures(): Record<string, unknown> {
  return {
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 1000 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    xmlDataFormat: { supported: false },
  };
}
