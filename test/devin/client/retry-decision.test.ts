import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDecision } from '#devin/client/retry-decision.js';

const policy: RetryPolicy = { baseDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 5, maxRetryAfterMs: 10_000 };
const status = (code: number, retryAfterMs: number | null = null) =>
  ({ kind: 'status', status: code, retryAfterMs }) as const;

describe('retryDecision', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries HTTP %i', (code) => {
    expect(retryDecision(status(code), 1, policy, () => 0.5).retry).toBe(true);
  });

  it.each([400, 401, 403, 404, 422, 501])('fails HTTP %i at once', (code) => {
    expect(retryDecision(status(code), 1, policy, () => 0.5)).toEqual({ retry: false });
  });

  it.each(['network', 'timeout', 'malformed-body'] as const)('retries a %s failure', (kind) => {
    expect(retryDecision({ kind }, 1, policy, () => 0.5).retry).toBe(true);
  });

  it('stops after the last attempt', () => {
    expect(retryDecision(status(503), 4, policy, () => 0.5).retry).toBe(true);
    expect(retryDecision(status(503), 5, policy, () => 0.5)).toEqual({ retry: false });
    expect(retryDecision({ kind: 'network' }, 5, policy, () => 0.5)).toEqual({ retry: false });
  });

  it('waits as long as Retry-After says', () => {
    expect(retryDecision(status(429, 3_000), 1, policy, () => 0.5)).toEqual({ retry: true, delayMs: 3_000 });
    expect(retryDecision(status(429, 0), 1, policy, () => 0.5)).toEqual({ retry: true, delayMs: 0 });
  });

  it('caps a Retry-After longer than the policy allows', () => {
    expect(retryDecision(status(429, 3_600_000), 1, policy, () => 0.5)).toEqual({
      retry: true,
      delayMs: 10_000,
    });
  });

  it('backs off exponentially without Retry-After', () => {
    const delays = [1, 2, 3, 4].map((attempt) => retryDecision(status(429), attempt, policy, () => 1));
    expect(delays).toEqual([
      { retry: true, delayMs: 100 },
      { retry: true, delayMs: 200 },
      { retry: true, delayMs: 400 },
      { retry: true, delayMs: 800 },
    ]);
  });

  it('defaults to five attempts', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(5);
  });
});
