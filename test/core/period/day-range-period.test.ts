import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#core/errors.js';
import { dayRangePeriod } from '#core/period/day-range-period.js';
import { invalidInput } from '../invalid-input.js';

const NOW = new Date('2030-06-15T12:00:00Z');

function iso(period: { from: Date; to: Date }) {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}

describe('dayRangePeriod', () => {
  it('covers both days inclusive: [from 00:00, day after to 00:00) in the zone', () => {
    expect(dayRangePeriod('2026-10-01', '2026-10-15', 'Europe/Berlin', NOW)).toEqual({
      kind: 'range',
      alignment: 'calendar',
      from: new Date('2026-09-30T22:00:00Z'),
      to: new Date('2026-10-15T22:00:00Z'),
      timeZone: 'Europe/Berlin',
      firstDay: '2026-10-01',
      lastDay: '2026-10-15',
      label: '1 Oct 2026 – 15 Oct 2026',
      slug: '2026-10-01_2026-10-15',
    });
  });

  it('spans a DST change with different offsets at either end', () => {
    expect(iso(dayRangePeriod('2026-10-24', '2026-10-26', 'Europe/Berlin', NOW))).toEqual({
      from: '2026-10-23T22:00:00.000Z',
      to: '2026-10-26T23:00:00.000Z',
    });
  });

  it('allows a single day and the year end', () => {
    const period = dayRangePeriod('2026-12-31', '2026-12-31', 'UTC', NOW);
    expect(iso(period)).toEqual({ from: '2026-12-31T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(period.label).toBe('31 Dec 2026 – 31 Dec 2026');
  });

  it('accepts 29 February in a leap year and rejects it otherwise', () => {
    expect(dayRangePeriod('2028-02-29', '2028-02-29', 'UTC', NOW).slug).toBe('2028-02-29_2028-02-29');
    const error = invalidInput(() => dayRangePeriod('2027-02-28', '2027-02-29', 'UTC', NOW));
    expect(error.field).toBe('to');
    expect(error.message).toBe('to: "2027-02-29" is not a valid date (expected YYYY-MM-DD)');
  });

  it.each([
    ['2026-02-30'],
    ['2026-04-31'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-1-5'],
    ['20261005'],
    ['yesterday'],
  ])('rejects the malformed date %j', (from) => {
    const error = invalidInput(() => dayRangePeriod(from, '2026-10-15', 'UTC', NOW));
    expect(error.field).toBe('from');
    expect(error.value).toBe(from);
  });

  it('rejects from after to', () => {
    const error = invalidInput(() => dayRangePeriod('2026-10-15', '2026-10-01', 'UTC', NOW));
    expect(error.field).toBe('from');
    expect(error.message).toBe('from: "2026-10-15" is after to "2026-10-01"');
  });

  it('allows 366 days and rejects 367', () => {
    expect(dayRangePeriod('2028-01-01', '2028-12-31', 'UTC', NOW).firstDay).toBe('2028-01-01');
    const error = invalidInput(() => dayRangePeriod('2026-01-01', '2027-01-02', 'UTC', NOW));
    expect(error.field).toBe('to');
    expect(error.message).toBe('to: "2027-01-02" makes a range of 367 days from "2026-01-01" (at most 366)');
  });

  it('rejects a range that includes today, which has not ended', () => {
    const error = invalidInput(() => dayRangePeriod('2030-06-01', '2030-06-15', 'UTC', NOW));
    expect(error.field).toBe('to');
    expect(error.value).toBe('2030-06-15');
  });

  it('judges "today" in the zone: at 23:30 UTC, yesterday in UTC is already over in Berlin', () => {
    const now = new Date('2030-06-14T23:30:00Z'); // 15 June 01:30 in Berlin
    expect(dayRangePeriod('2030-06-14', '2030-06-14', 'Europe/Berlin', now).lastDay).toBe('2030-06-14');
    expect(() => dayRangePeriod('2030-06-14', '2030-06-14', 'UTC', now)).toThrow(InvalidInputError);
  });
});
