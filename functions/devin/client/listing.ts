/**
 * A listing the report can do without: names are a nicety, so a key that may not read them
 * (403) or a host that lacks the endpoint (404) yields `unavailable` for the caller to decide on.
 */
export type Listing<T> =
  | {
      readonly kind: 'ok';
      readonly items: T[];
      /** Set when part of the names could not be read (e.g. one of v3's two member lists): why. */
      readonly partial?: string;
    }
  | {
      readonly kind: 'unavailable';
      readonly status: number;
      readonly reason: string;
      /** The path that refused, when it is not the v2 one the caller would assume. */
      readonly endpoint?: string;
    };
