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
  /** True for an operation of the spec (its URL is fully percent-encoded by `urlOf`). */
  typed?: boolean;
}

const PATH_PARAMETER = /\{([^{}]+)\}/g;

/**
 * Builds a call's URL: path parameters percent-encoded, the query (its `undefined` and `null`
 * values left out) with `%20` for spaces. A path without `params.path` (an `apiCall` path) is
 * used as given: a `{…}` in it is text, not a parameter.
 *
 * @param baseUrl The base URL, ending with `/`.
 * @param target The path (starting with `/`) and its parameters.
 * @returns The absolute URL.
 */
export function urlOf(baseUrl: string, target: Target): string {
  // encodeURIComponent throws a bare "URI malformed" on a lone surrogate, which URLSearchParams
  // would silently turn into U+FFFD and send: refuse it, naming the parameter.
  const encode = (name: string, text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      throw new TypeError(`Cannot build ${target.path}: ${name} is not well-formed Unicode`);
    }
  };
  const values = target.params?.path;
  let url = baseUrl + target.path.slice(1);
  if (values) {
    url = url.replace(PATH_PARAMETER, (_, name: string) => {
      // Every path parameter is required by the types; a gap is a bug, not a request to send.
      if (!Object.hasOwn(values, name)) {
        throw new TypeError(`Cannot build ${target.path}: no ${name}`);
      }
      return encode(name, values[name]!);
    });
  }
  const query = target.params?.query ?? {};
  let separator = "?";
  // Own values only; encodeURIComponent writes a space as "%20", as Slack expects (not "+").
  for (const [key, value] of Object.entries(query)) {
    if (value == null) continue;
    url += `${separator}${encode(key, key)}=${encode(key, String(value))}`;
    separator = "&";
  }
  return url;
}
