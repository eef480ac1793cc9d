import { describe, expect, it } from 'vitest';
import {
  billingDayMonthPeriod,
  previousBillingDayMonthPeriod,
} from '#core/period/billing-day-month-period.js';
import { resolvePeriod } from '#core/period/resolve-period.js';
import { invalidInput } from '../invalid-input.js';

const NOW = new Date('2030-06-15T12:00:00Z');
const HOUR = 3_600_000;

describe('billingDayMonthPeriod', () => {
  it('runs from 08:00 UTC on the 1st to 08:00 UTC on the 1st of the next month', () => {
    expect(billingDayMonthPeriod('2026-10', NOW)).toEqual({
      kind: 'month',
      alignment: 'billing-day',
      from: new Date('2026-10-01T08:00:00Z'),
      to: new Date('2026-11-01T08:00:00Z'),
      timeZone: 'UTC',
      firstDay: '2026-10-01',
      lastDay: '2026-10-31',
      label: 'October 2026 (billing days from 08:00 UTC)',
      slug: '2026-10_billing-day',
    });
  });

  it('crosses the year end', () => {
    const period = billingDayMonthPeriod('2026-12', NOW);
    expect(period.to).toEqual(new Date('2027-01-01T08:00:00Z'));
    expect(period.lastDay).toBe('2026-12-31');
  });

  it('ignores the zone and its DST: March 2026 in Berlin is still 31 × 24 hours from 08:00 UTC', () => {
    const period = resolvePeriod(
      { month: '2026-03', alignment: 'billing-day' },
      { timeZone: 'Europe/Berlin', now: NOW },
    );
    expect(period.from).toEqual(new Date('2026-03-01T08:00:00Z'));
    expect(period.to).toEqual(new Date('2026-04-01T08:00:00Z'));
    expect(period.to.getTime() - period.from.getTime()).toBe(31 * 24 * HOUR);
    expect(period.timeZone).toBe('UTC');
  });

  it('gives February of a leap year 29 billing days', () => {
    const period = billingDayMonthPeriod('2028-02', NOW);
    expect(period.lastDay).toBe('2028-02-29');
    expect(period.to.getTime() - period.from.getTime()).toBe(29 * 24 * HOUR);
  });

  it('rejects a malformed month by name', () => {
    const error = invalidInput(() => billingDayMonthPeriod('2026-13', NOW));
    expect(error.field).toBe('month');
    expect(error.message).toBe('month: "2026-13" is not a valid month (expected YYYY-MM)');
  });

  it('rejects the month until its last billing day has ended at 08:00 UTC', () => {
    const error = invalidInput(() => billingDayMonthPeriod('2026-10', new Date('2026-11-01T07:59:59Z')));
    expect(error.field).toBe('month');
    expect(error.message).toBe(
      'month: "2026-10" ends in the future: the period runs until 2026-11-01 08:00 UTC, after 2026-11-01T07:59:59.000Z',
    );
    expect(billingDayMonthPeriod('2026-10', new Date('2026-11-01T08:00:00Z')).slug).toBe(
      '2026-10_billing-day',
    );
  });
});

describe('previousBillingDayMonthPeriod', () => {
  it('reports the previous UTC month once its last billing day has ended', () => {
    const period = previousBillingDayMonthPeriod(new Date('2026-11-01T09:00:00Z'));
    expect(period.slug).toBe('2026-10_billing-day');
    expect(period.from).toEqual(new Date('2026-10-01T08:00:00Z'));
  });

  it('crosses the year end', () => {
    expect(previousBillingDayMonthPeriod(new Date('2027-01-15T00:00:00Z')).slug).toBe('2026-12_billing-day');
  });

  it('refuses a run at 06:00 UTC on the 1st rather than report an unfinished month or another one', () => {
    const error = invalidInput(() => previousBillingDayMonthPeriod(new Date('2026-11-01T06:00:00Z')));
    expect(error.field).toBe('alignment');
    expect(error.value).toBe('billing-day');
    expect(error.message).toBe(
      'alignment: "billing-day" cannot report October 2026 yet: billing days start at 08:00 UTC, so its last one ends at 2026-11-01 08:00 UTC, after 2026-11-01T06:00:00.000Z; schedule the run after 08:00 UTC on the 1st',
    );
  });

  it('is what resolvePeriod gives for billing-day alignment and no month', () => {
    const options = { timeZone: 'America/New_York', now: new Date('2026-11-02T00:00:00Z') };
    expect(resolvePeriod({ alignment: 'billing-day' }, options).slug).toBe('2026-10_billing-day');
  });
});
