// Internal: the check of a client's `baseUrl`, for either API version.

import { quote } from "../common/quote.ts";

// Loopback: localhost, [::1] or 127.0.0.0/8.
const LOOPBACK = /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/;

/**
 * Checks a base URL: absolute, http(s), `https://` unless loopback, no query, fragment (not even
 * an empty `?` or `#`, which would swallow every call's path) or credentials, and a path ending
 * in `/scim/<version>/` as Slack's does, so a URL missing it fails here rather than sending every
 * call to the wrong endpoint.
 *
 * @param value The caller's value.
 * @param version The API version the client speaks, such as `"v1"`.
 * @returns The URL as a string ending with `/`.
 */
export function checkBaseUrl(value: unknown, version: string): string {
  if (typeof value !== "string") {
    throw new TypeError(`Cannot use baseUrl: ${quote(value)} is not a string`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`Cannot use baseUrl: ${quote(value)} is not a URL`);
  }
  const { protocol } = url;
  if (protocol !== "https:" && protocol !== "http:") {
    throw new TypeError(`Cannot use baseUrl: ${quote(value)} is not an http(s) URL`);
  }
  if (protocol === "http:" && !LOOPBACK.test(url.hostname)) {
    throw new TypeError(
      `Cannot use baseUrl: ${
        quote(value)
      } is plain http to a host that is not loopback; the token would travel in clear (use https)`,
    );
  }
  // Never quoted: the value holds them.
  if (url.username !== "" || url.password !== "") {
    throw new TypeError("Cannot use baseUrl: it must not carry credentials");
  }
  // `search` and `hash` are "" for a bare "?" or "#", yet the URL keeps it: every path appended
  // would land in the query or the fragment, and every call would go to the base URL itself.
  if (url.search !== "" || url.hash !== "" || /[?#]/.test(url.href)) {
    throw new TypeError(`Cannot use baseUrl: ${quote(value)} must not have a query or fragment`);
  }
  const text = url.href.endsWith("/") ? url.href : `${url.href}/`;
  const suffix = `/scim/${version}/`;
  if (!new URL(text).pathname.endsWith(suffix)) {
    throw new TypeError(
      `Cannot use baseUrl: ${
        quote(value)
      } does not end in "${suffix}" as Slack's SCIM ${version} API does`,
    );
  }
  return text;
}
