import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#core/errors.js';
import { dayRangePeriod } from '#core/period/day-range-period.js';
import { monthPeriod, previousMonthPeriod } from '#core/period/month-period.js';
import { invalidInput } from '../invalid-input.js';

const NOW = new Date('2030-06-15T12:00:00Z');

function iso(period: { from: Date; to: Date }) {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}

describe('previousMonthPeriod', () => {
  it('reports the whole previous month in UTC', () => {
    expect(previousMonthPeriod(new Date('2026-11-01T06:00:00Z'), 'UTC')).toEqual({
      kind: 'month',
      alignment: 'calendar',
      from: new Date('2026-10-01T00:00:00Z'),
      to: new Date('2026-11-01T00:00:00Z'),
      timeZone: 'UTC',
      firstDay: '2026-10-01',
      lastDay: '2026-10-31',
      label: 'October 2026',
      slug: '2026-10',
    });
  });

  it('crosses the year end: a run on 1 January reports December of the year before', () => {
    const period = previousMonthPeriod(new Date('2027-01-01T00:00:00Z'), 'UTC');
    expect(period.slug).toBe('2026-12');
    expect(period.label).toBe('December 2026');
    expect(iso(period)).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });

  it('reads the instant in the zone: 23:30 UTC on 31 March is already April in Berlin', () => {
    const at = new Date('2026-03-31T23:30:00Z');
    expect(previousMonthPeriod(at, 'UTC').slug).toBe('2026-02');
    expect(previousMonthPeriod(at, 'Europe/Berlin').slug).toBe('2026-03');
  });

  it('reads the instant in the zone: 02:00 UTC on 1 July is still June in New York', () => {
    const at = new Date('2026-07-01T02:00:00Z');
    expect(previousMonthPeriod(at, 'UTC').slug).toBe('2026-06');
    expect(previousMonthPeriod(at, 'America/New_York').slug).toBe('2026-05');
  });

  it('handles a zone 14 hours ahead of UTC', () => {
    // 2026-12-31T10:00Z is already 1 January 2027 on Kiritimati (UTC+14).
    const period = previousMonthPeriod(new Date('2026-12-31T10:00:00Z'), 'Pacific/Kiritimati');
    expect(period.slug).toBe('2026-12');
    expect(iso(period)).toEqual({ from: '2026-11-30T10:00:00.000Z', to: '2026-12-31T10:00:00.000Z' });
  });

  it('canonicalises the zone name', () => {
    expect(previousMonthPeriod(NOW, 'europe/berlin').timeZone).toBe('Europe/Berlin');
  });

  it('rejects an unknown zone', () => {
    const error = invalidInput(() => previousMonthPeriod(NOW, 'Mars/Olympus_Mons'));
    expect(error.field).toBe('timeZone');
    expect(error.value).toBe('Mars/Olympus_Mons');
    expect(error.message).toBe(
      'timeZone: "Mars/Olympus_Mons" is not a known IANA time zone (e.g. "UTC", "Europe/Berlin")',
    );
  });
});

describe('monthPeriod', () => {
  it('gives February of a leap year 29 days', () => {
    const period = monthPeriod('2028-02', 'UTC', NOW);
    expect(period.lastDay).toBe('2028-02-29');
    expect(period.to.getTime() - period.from.getTime()).toBe(29 * 86_400_000);
  });

  it('gives February of a common year 28 days', () => {
    expect(monthPeriod('2027-02', 'UTC', NOW).lastDay).toBe('2027-02-28');
  });

  it('follows the DST start in Europe/Berlin (UTC+1 → UTC+2 on 29 March 2026)', () => {
    expect(iso(monthPeriod('2026-03', 'Europe/Berlin', NOW))).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
  });

  it('follows the DST end in Europe/Berlin (UTC+2 → UTC+1 on 25 October 2026)', () => {
    const period = monthPeriod('2026-10', 'Europe/Berlin', NOW);
    expect(iso(period)).toEqual({ from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T23:00:00.000Z' });
    // 31 days plus the hour given back.
    expect(period.to.getTime() - period.from.getTime()).toBe((31 * 24 + 1) * 3_600_000);
  });

  it('follows DST in America/New_York (8 March and 1 November 2026)', () => {
    expect(iso(monthPeriod('2026-03', 'America/New_York', NOW))).toEqual({
      from: '2026-03-01T05:00:00.000Z',
      to: '2026-04-01T04:00:00.000Z',
    });
    expect(iso(monthPeriod('2026-11', 'America/New_York', NOW))).toEqual({
      from: '2026-11-01T04:00:00.000Z',
      to: '2026-12-01T05:00:00.000Z',
    });
  });

  it('handles the half-hour DST of Australia/Lord_Howe (UTC+11 → UTC+10:30 on 5 April 2026)', () => {
    expect(iso(monthPeriod('2026-04', 'Australia/Lord_Howe', NOW))).toEqual({
      from: '2026-03-31T13:00:00.000Z',
      to: '2026-04-30T13:30:00.000Z',
    });
  });

  it('starts a day at the first instant that exists when a zone skips midnight', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 11 September 2022: that day
    // began at 01:00 local (04:00Z) and lasted 23 hours.
    const period = dayRangePeriod('2022-09-11', '2022-09-11', 'America/Santiago', NOW);
    expect(period.from.toISOString()).toBe('2022-09-11T04:00:00.000Z');
    expect(period.to.toISOString()).toBe('2022-09-12T03:00:00.000Z');
  });

  it.each([['2026-13'], ['2026-00'], ['2026-1'], ['26-01'], ['2026-01-01'], [''], [' 2026-01']])(
    'rejects the malformed month %j',
    (month) => {
      const error = invalidInput(() => monthPeriod(month, 'UTC', NOW));
      expect(error.field).toBe('month');
      expect(error.value).toBe(month);
      expect(error.message).toBe(`month: ${JSON.stringify(month)} is not a valid month (expected YYYY-MM)`);
    },
  );

  it('rejects the month in progress, as a period that ends in the future', () => {
    const error = invalidInput(() => monthPeriod('2030-06', 'UTC', NOW));
    expect(error.field).toBe('month');
    expect(error.message).toBe(
      'month: "2030-06" ends in the future: the period runs until 2030-07-01 00:00 UTC, after 2030-06-15T12:00:00.000Z',
    );
  });

  it('accepts a month that ended exactly now, in the zone', () => {
    // 1 July 00:00 in Berlin is 30 June 22:00 UTC.
    const now = new Date('2030-06-30T22:00:00Z');
    expect(monthPeriod('2030-06', 'Europe/Berlin', now).slug).toBe('2030-06');
    expect(() => monthPeriod('2030-06', 'UTC', now)).toThrow(InvalidInputError);
  });

  it('rejects an unknown zone before looking at the month', () => {
    expect(invalidInput(() => monthPeriod('2026-13', 'Nowhere', NOW)).field).toBe('timeZone');
  });
});
