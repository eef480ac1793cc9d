import { DevinApiError } from './devin-api-error.js';

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

export type UnavailableListing = Extract<Listing<never>, { readonly kind: 'unavailable' }>;

/** The key may not read it (403), or the host does not have it (404). */
const UNAVAILABLE_STATUSES = new Set([403, 404]);

/**
 * A listing's failure as `unavailable` when it is a refusal the report can do without;
 * any other error is thrown on, since no listing's absence may hide an outage.
 */
export function unavailableListing(
  error: unknown,
  options: {
    /** What the report says about it (About sheet, notes). */
    readonly reason: (error: DevinApiError) => string;
    /** The path that refused, when it is not the v2 one the caller would assume. */
    readonly endpoint?: string;
    /** Told the error's own message, for the logs. */
    readonly onWarning?: (message: string) => void;
  },
): UnavailableListing {
  if (!(error instanceof DevinApiError && error.status !== null && UNAVAILABLE_STATUSES.has(error.status))) {
    throw error;
  }
  options.onWarning?.(error.message);
  return {
    kind: 'unavailable',
    status: error.status,
    reason: options.reason(error),
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
  };
}
