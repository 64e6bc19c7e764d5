// Internal: how URLs appear in messages and logs.

import { bounded } from "../common/quote.ts";

/**
 * Returns the URL's path without its query, which may carry a filter with personal data; bounded
 * (a 100 KB id makes no 100 KB message or log line).
 *
 * @param url An absolute URL.
 * @returns Its path, at most about 120 characters.
 */
export function pathOf(url: string): string {
  try {
    return bounded(new URL(url).pathname);
  } catch {
    return bounded(url.split("?")[0] ?? url);
  }
}
