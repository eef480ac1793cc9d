/**
 * A request to the Devin API that failed for good: a status that retrying cannot fix, or a
 * transient failure that outlasted every attempt. `status` is null when no response arrived
 * (connection reset, timeout).
 */
export class DevinApiError extends Error {
  override readonly name = 'DevinApiError';
  readonly status: number | null;
  readonly method: string;
  /** Path and query of the request (never the host's credentials: the key travels only in a header). */
  readonly path: string;
  /** 1-based attempt on which the client gave up. */
  readonly attempt: number;
  /** Start of the response body, with any echo of the key redacted; null when there was no body. */
  readonly bodyExcerpt: string | null;

  constructor(
    details: {
      status: number | null;
      method: string;
      path: string;
      attempt: number;
      bodyExcerpt: string | null;
      reason: string;
    },
    options?: { cause?: unknown },
  ) {
    const excerpt = details.bodyExcerpt ? `: ${details.bodyExcerpt}` : '';
    super(
      `Devin API ${details.method} ${details.path} failed on attempt ${details.attempt}: ${details.reason}${excerpt}`,
      options,
    );
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.attempt = details.attempt;
    this.bodyExcerpt = details.bodyExcerpt;
  }
}
