export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  readonly baseDelayMs: number;
  /** No computed delay exceeds this, however many attempts failed. */
  readonly maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * Delay before retrying after failed attempt `attempt` (1-based): exponential, capped, then
 * "equal jitter" (half fixed, half random) so parallel page requests that failed together do not
 * retry in lockstep, while each still waits at least half the nominal delay.
 */
export function backoffDelayMs(attempt: number, random: () => number, policy = DEFAULT_BACKOFF): number {
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const half = nominal / 2;
  return Math.round(half + half * clampUnit(random()));
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
