// Internal: the typed request target. A call names an operation of the spec (method and path of
// the generated `paths`, made from spec/scim-v1.openapi.yaml), and the compiler checks its path
// parameters, query and JSON body against that operation, as openapi-fetch's types do.
//
// openapi-fetch itself is not used at run time: the client builds each Request once with the URL
// below, and the retrying fetch sends it. openapi-fetch's runtime (middleware, serializers,
// response parsing) did nothing the client kept, and cost 2.3 KB of the main entry's 10 KiB
// gzipped budget and about 4 µs per call (see the README's "Size" and "Speed").

import type { paths } from "./schema.gen.ts";

/** The HTTP methods of the spec's operations. */
export type Method = "GET" | "PUT" | "POST" | "PATCH" | "DELETE";

/** The spec's paths that have an operation for `M`. */
export type PathFor<M extends Method> = {
  [P in keyof paths]: [Required<paths[P]>[Lowercase<M>]] extends [never] ? never : P;
}[keyof paths];

type Operation<M extends Method, P extends keyof paths> = NonNullable<paths[P][Lowercase<M>]>;
/** The keys of `T` whose type is not `never` (`query?: never` means "no query"). */
type Present<T> = { [K in keyof T as [Required<T>[K]] extends [never] ? never : K]: T[K] };
type ParamsOf<O> = O extends { parameters: infer P } ? Present<P> : never;
type BodyOf<O> = O extends { requestBody: { content: { "application/json": infer B } } }
  ? { body: B }
  : { body?: never };

/**
 * What operation `M path` takes: its `params` (required when it has a path parameter) and its
 * JSON `body` when the spec gives it one.
 */
export type ArgsFor<M extends Method, P extends PathFor<M>> =
  & (Partial<ParamsOf<Operation<M, P>>> extends ParamsOf<Operation<M, P>>
    ? { params?: ParamsOf<Operation<M, P>> }
    : { params: ParamsOf<Operation<M, P>> })
  & BodyOf<Operation<M, P>>;

/** Any call, typed or not: what `apiCall` builds, and what a typed call becomes. */
export interface Target {
  /** The HTTP method, upper case. */
  method: string;
  /** The path from the base URL, starting with `/`, `{name}` marking path parameters. */
  path: string;
  /** Path parameters and query. */
  params?: {
    path?: Readonly<Record<string, string>>;
    query?: Readonly<Record<string, string | number | boolean | undefined>> | undefined;
  };
  /** The JSON body. */
  body?: unknown;
}

const PATH_PARAMETER = /\{([^{}]+)\}/g;

/**
 * Builds a call's URL: path parameters percent-encoded, the query (its `undefined` values left
 * out) with `%20` for spaces.
 *
 * @param baseUrl The base URL, ending with `/`.
 * @param target The path (starting with `/`) and its parameters.
 * @returns The absolute URL.
 */
export function urlOf(baseUrl: string, target: Target): string {
  const values = target.params?.path ?? {};
  let url = baseUrl + target.path.slice(1).replace(PATH_PARAMETER, (_, name: string) => {
    const value = values[name];
    // Every path parameter is required by the types; a gap is a bug, not a request to send.
    if (value === undefined) throw new TypeError(`Cannot build ${target.path}: no ${name}`);
    return encodeURIComponent(value);
  });
  const query = target.params?.query;
  if (query) {
    const search = new URLSearchParams();
    // Own values only, `undefined` ones left out.
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) search.append(key, String(value));
    }
    // URLSearchParams writes a space as "+" (a literal "+" is "%2B"); Slack gets "%20".
    const text = search.toString().replaceAll("+", "%20");
    if (text !== "") url += `?${text}`;
  }
  return url;
}
