import { DateTime } from 'luxon';
import { InvalidInputError } from '../errors.js';
import { parseDay } from './calendar-date.js';
import type { ReportPeriod } from './report-period.js';
import { resolveTimeZone } from './time-zone.js';
import { assertPeriodEnded, zonedDayRangePeriod } from './zoned-period.js';

/** A leap year's worth: enough for any yearly look-back, small enough to fetch in one run. */
export const MAX_RANGE_DAYS = 366;

/**
 * Days `from` through `to` ("YYYY-MM-DD", both inclusive), i.e.
 * [from 00:00, the day after `to` 00:00) in `timeZone`; it must have ended by `now`.
 */
export function dayRangePeriod(from: string, to: string, timeZone: string, now: Date): ReportPeriod {
  const zone = resolveTimeZone(timeZone);
  const first = parseDay('from', from);
  const last = parseDay('to', to);
  // Counted on the calendar, in UTC, so DST days (23 h, 25 h) still count as one day each.
  const days = DateTime.fromObject(last, { zone: 'UTC' }).diff(
    DateTime.fromObject(first, { zone: 'UTC' }),
    'days',
  ).days;
  if (days < 0) throw new InvalidInputError('from', from, `is after to ${JSON.stringify(to)}`);
  if (days + 1 > MAX_RANGE_DAYS) {
    throw new InvalidInputError(
      'to',
      to,
      `makes a range of ${days + 1} days from ${JSON.stringify(from)} (at most ${MAX_RANGE_DAYS})`,
    );
  }
  const period = zonedDayRangePeriod(first, last, zone);
  assertPeriodEnded(period, now, 'to', to);
  return period;
}
