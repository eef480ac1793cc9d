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
  /** Why it failed, without the body excerpt: e.g. `HTTP 403 (the key was refused …)`. */
  readonly reason: string;
  /** On a 403: the permission the vendor's docs name for the endpoint, when known. */
  readonly permission: string | null;

  constructor(
    details: {
      status: number | null;
      method: string;
      path: string;
      attempt: number;
      bodyExcerpt: string | null;
      reason: string;
      permission?: string | null;
    },
    options?: { cause?: unknown },
  ) {
    const excerpt = details.bodyExcerpt ? `: ${details.bodyExcerpt}` : '';
    const needs = details.permission ? `; the vendor names the permission ${details.permission}` : '';
    super(
      `Devin API ${details.method} ${details.path} failed on attempt ${details.attempt}: ${details.reason}${needs}${excerpt}`,
      options,
    );
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.attempt = details.attempt;
    this.bodyExcerpt = details.bodyExcerpt;
    this.reason = details.reason;
    this.permission = details.permission ?? null;
  }

  /** The same failure, naming the permission the endpoint needs. */
  withPermission(permission: string): DevinApiError {
    return new DevinApiError(
      {
        status: this.status,
        method: this.method,
        path: this.path,
        attempt: this.attempt,
        bodyExcerpt: this.bodyExcerpt,
        reason: this.reason,
        permission,
      },
      { cause: this.cause },
    );
  }
}
