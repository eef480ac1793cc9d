import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '#devin/client/retry-after.js';

const now = new Date('2025-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });

  it('reads fractional delay-seconds, rounded up to the millisecond', () => {
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
    expect(parseRetryAfter('0.0004', now)).toBe(1);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
  });

  it('reads a date already past as no wait', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', now)).toBe(0);
  });

  it.each([null, '', 'soon', '-5', '1.', '.5', '2025-03-01T12:00:30Z', 'Sat, 01 Mar 2025 12:00:30'])(
    'returns null for %j so the caller backs off on its own',
    (header) => {
      expect(parseRetryAfter(header, now)).toBeNull();
    },
  );
});
