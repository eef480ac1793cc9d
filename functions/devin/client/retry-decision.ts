import { type BackoffPolicy, backoffDelayMs, DEFAULT_BACKOFF } from './backoff.js';

/** How one attempt at a request ended, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs: number | null }
  /** Connection refused or reset, socket closed mid-body. */
  | { readonly kind: 'network' }
  | { readonly kind: 'timeout' }
  /** A 2xx whose body is not JSON: a truncated or garbled transfer, not a schema change. */
  | { readonly kind: 'malformed-body' };

export type RetryDecision = { readonly retry: false } | { readonly retry: true; readonly delayMs: number };

export interface RetryPolicy extends BackoffPolicy {
  readonly maxAttempts: number;
  /** Longest `Retry-After` honoured; a server asking for longer gets this instead. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  ...DEFAULT_BACKOFF,
  maxAttempts: 5,
  maxRetryAfterMs: 60_000,
};

/**
 * The one place that decides whether a failed attempt is worth repeating, and after how long.
 * Rate limits, server errors, 409 (a conflict with a concurrent change, e.g. a listing being
 * rebuilt, which clears by itself) and transport failures are transient; every other status (400,
 * 401, 403, 404, 422…) would fail the same way again, so it fails at once.
 */
export function retryDecision(
  outcome: AttemptOutcome,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryDecision {
  if (attempt >= policy.maxAttempts || !isTransient(outcome)) return { retry: false };
  if (outcome.kind === 'status' && outcome.retryAfterMs !== null) {
    return { retry: true, delayMs: Math.min(outcome.retryAfterMs, policy.maxRetryAfterMs) };
  }
  return { retry: true, delayMs: backoffDelayMs(attempt, random, policy) };
}

function isTransient(outcome: AttemptOutcome): boolean {
  if (outcome.kind !== 'status') return true;
  const { status } = outcome;
  // 501 and 505 say the server will never support the request; retrying cannot change that.
  if (status === 501 || status === 505) return false;
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
}
