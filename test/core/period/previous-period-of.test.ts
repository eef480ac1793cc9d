import { describe, expect, it } from 'vitest';
import type { BillingCycle } from '#core/period/billing-cycle.js';
import { billingDayMonthPeriod } from '#core/period/billing-day-month-period.js';
import { billingDaysOf } from '#core/period/billing-days-of.js';
import { cyclePeriod } from '#core/period/cycle-period.js';
import { dayRangePeriod } from '#core/period/day-range-period.js';
import { monthPeriod } from '#core/period/month-period.js';
import { previousPeriodOf } from '#core/period/previous-period-of.js';

const NOW = new Date('2030-06-15T12:00:00Z');
const cycle = (start: string, end: string): BillingCycle => ({ start: new Date(start), end: new Date(end) });

describe('previousPeriodOf', () => {
  it('gives the calendar month before, in the same zone', () => {
    expect(previousPeriodOf(monthPeriod('2026-03', 'Europe/Berlin', NOW))).toEqual(
      monthPeriod('2026-02', 'Europe/Berlin', NOW),
    );
  });

  it('crosses the year end', () => {
    expect(previousPeriodOf(monthPeriod('2027-01', 'UTC', NOW))).toEqual(monthPeriod('2026-12', 'UTC', NOW));
  });

  it('keeps billing-day alignment', () => {
    expect(previousPeriodOf(billingDayMonthPeriod('2026-10', NOW))).toEqual(
      billingDayMonthPeriod('2026-09', NOW),
    );
  });

  it('has none for a day range, and says why', () => {
    expect(previousPeriodOf(dayRangePeriod('2026-10-01', '2026-10-31', 'UTC', NOW))).toEqual({
      none: 'month-over-month compares whole months; none for a day range',
    });
  });

  it('gives the cycle before from the API’s list, whatever its length', () => {
    const cycles = [
      cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z'),
      cycle('2026-09-05T08:00:00Z', '2026-10-05T08:00:00Z'),
      cycle('2026-08-20T08:00:00Z', '2026-09-05T08:00:00Z'),
    ];
    const current = cyclePeriod(cycles[0] as BillingCycle, NOW);
    const previous = previousPeriodOf(current, cycles);
    expect(previous).toEqual(cyclePeriod(cycles[1] as BillingCycle, NOW));
    const beforeThat = previousPeriodOf(cyclePeriod(cycles[1] as BillingCycle, NOW), cycles);
    expect(beforeThat).toMatchObject({ slug: 'cycle_2026-08-20_2026-09-04' });
  });

  it('has none for the first listed cycle, or when the cycles could not be read', () => {
    const only = cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z');
    expect(previousPeriodOf(cyclePeriod(only, NOW), [only])).toEqual({
      none: 'the API lists no billing cycle before Billing cycle 5 Oct 2026 – 4 Nov 2026',
    });
    expect(previousPeriodOf(cyclePeriod(only, NOW))).toEqual({
      none: 'the billing cycles could not be read, so the previous cycle is unknown',
    });
  });
});

describe('billingDaysOf a month', () => {
  it('asks a calendar month for its own calendar days', () => {
    expect(billingDaysOf(monthPeriod('2026-10', 'Europe/Berlin', NOW))).toEqual({
      firstDay: '2026-10-01',
      lastDay: '2026-10-31',
    });
  });

  it('asks a billing-day month for its billing days', () => {
    expect(billingDaysOf(billingDayMonthPeriod('2026-10', NOW))).toEqual({
      firstDay: '2026-10-01',
      lastDay: '2026-10-31',
    });
  });
});
