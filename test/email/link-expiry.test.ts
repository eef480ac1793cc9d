import { describe, expect, it } from 'vitest';
import { describeLifetime, describeLinkExpiry, formatUtcMinute } from '#email/link-expiry.js';

const GENERATED = new Date('2026-10-27T14:05:00Z');

describe('describeLinkExpiry', () => {
  it('states a full seven-day link in words', () => {
    expect(describeLinkExpiry(new Date('2026-11-03T14:05:00Z'), GENERATED)).toBe(
      'This link works until 3 November 2026, 14:05 UTC (7 days).',
    );
  });

  it('states the real, shorter lifetime of a link cut short by its credentials', () => {
    expect(describeLinkExpiry(new Date('2026-10-28T01:45:00Z'), GENERATED)).toBe(
      'This link works until 28 October 2026, 01:45 UTC (11 hours 40 minutes).',
    );
  });

  it('never promises a minute the link does not live through', () => {
    expect(formatUtcMinute(new Date('2026-11-03T14:05:59.999Z'))).toBe('3 November 2026, 14:05 UTC');
  });

  it('says so when the link is already dead', () => {
    expect(describeLinkExpiry(new Date('2026-10-27T14:00:00Z'), GENERATED)).toBe(
      'This link stopped working at 27 October 2026, 14:00 UTC.',
    );
  });
});

describe('describeLifetime', () => {
  it('names the two largest units, singular where one', () => {
    expect(describeLifetime((24 + 2) * 3_600_000 + 5 * 60_000)).toBe('1 day 2 hours');
    expect(describeLifetime(60_000)).toBe('1 minute');
    expect(describeLifetime(7 * 86_400_000 + 30_000)).toBe('7 days');
    expect(describeLifetime(59_000)).toBe('less than a minute');
  });
});
