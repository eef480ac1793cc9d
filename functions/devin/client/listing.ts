/**
 * A listing the report can do without: names are a nicety, so a key that may not read them
 * (403) or a host that lacks the endpoint (404) yields `unavailable` for the caller to decide on.
 */
export type Listing<T> =
  | { readonly kind: 'ok'; readonly items: T[] }
  | { readonly kind: 'unavailable'; readonly status: number; readonly reason: string };
