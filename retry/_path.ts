// Internal: how URLs appear in messages and logs.

/**
 * Returns the URL's path without its query, which may carry a filter with personal data.
 *
 * @param url An absolute URL.
 * @returns Its path.
 */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split("?")[0] ?? url;
  }
}
