import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '#devin/client/backoff.js';

const policy = { baseDelayMs: 500, maxDelayMs: 20_000 };

describe('backoffDelayMs', () => {
  it('stays between half and all of the nominal exponential delay', () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const nominal = 500 * 2 ** (attempt - 1);
      expect(backoffDelayMs(attempt, () => 0, policy)).toBe(nominal / 2);
      expect(backoffDelayMs(attempt, () => 0.999_999, policy)).toBe(nominal);
    }
  });

  it('never exceeds the cap, however many attempts failed', () => {
    for (const attempt of [7, 10, 50, 1_000]) {
      const delay = backoffDelayMs(attempt, () => 1, policy);
      expect(delay).toBeLessThanOrEqual(20_000);
      expect(delay).toBeGreaterThanOrEqual(10_000);
    }
  });

  it('spreads retries that fail together', () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.9].map((r) => backoffDelayMs(3, () => r, policy)));
    expect(delays.size).toBe(4);
  });

  it('treats an out-of-range jitter source as its nearest bound', () => {
    expect(backoffDelayMs(1, () => 7, policy)).toBe(500);
    expect(backoffDelayMs(1, () => -1, policy)).toBe(250);
    expect(backoffDelayMs(1, () => Number.NaN, policy)).toBe(250);
  });
});
