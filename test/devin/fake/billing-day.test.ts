import { describe, expect, it } from 'vitest';
import {
  billingDayOf,
  billingDayStartMs,
  billingDaysBetween,
  nextBillingDay,
} from '#devin/fake/billing-day.js';

describe('billing days (08:00 UTC to 08:00 UTC)', () => {
  it('puts the last millisecond before 08:00 UTC on the previous day', () => {
    expect(billingDayOf(Date.parse('2026-11-01T07:59:59.999Z'))).toBe('2026-10-31');
    expect(billingDayOf(Date.parse('2026-11-01T08:00:00Z'))).toBe('2026-11-01');
    expect(billingDayOf(Date.parse('2026-01-01T00:00:00Z'))).toBe('2025-12-31');
  });

  it('starts a day at 08:00 UTC and rejects dates the calendar does not have', () => {
    expect(billingDayStartMs('2026-10-01')).toBe(Date.parse('2026-10-01T08:00:00Z'));
    expect(billingDayStartMs('2026-02-30')).toBeNull();
    expect(billingDayStartMs('2026-10-1')).toBeNull();
  });

  it('walks days across month and year ends, both bounds included', () => {
    expect(nextBillingDay('2024-02-28')).toBe('2024-02-29');
    expect(billingDaysBetween('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(billingDaysBetween('2026-01-02', '2026-01-01')).toEqual([]);
  });
});
