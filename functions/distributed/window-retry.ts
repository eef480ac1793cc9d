/**
 * How the state machine retries a failed window step: the same figures drive the CDK definition
 * and the local driver, so a test of one is a test of the other. A window is retried as a whole
 * (its part is written only once it is complete); the API client's own retries come first, so a
 * window fails only after those are spent.
 */
export const WINDOW_RETRY = {
  /** Tries after the first (Step Functions' MaxAttempts): three tries in all. */
  retries: 2,
  intervalSeconds: 10,
  backoffRate: 2,
} as const;

/** Windows read at once: each holds a handful of API connections, and the vendor's rate limit is unknown. */
export const WINDOW_CONCURRENCY = 4;
