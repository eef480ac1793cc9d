import { DateTime } from 'luxon';
import { parseMonth } from './calendar-date.js';
import type { ReportPeriod } from './report-period.js';
import { resolveTimeZone } from './time-zone.js';
import { assertPeriodEnded, zonedMonthPeriod } from './zoned-period.js';

/**
 * The last full calendar month before `at`, as the calendar reads in
 * `timeZone`: the monthly run's period (`at` is the schedule's event time).
 */
export function previousMonthPeriod(at: Date, timeZone: string): ReportPeriod {
  if (Number.isNaN(at.getTime())) throw new RangeError('previousMonthPeriod: `at` is an invalid Date');
  const zone = resolveTimeZone(timeZone);
  const previous = DateTime.fromJSDate(at, { zone }).startOf('month').minus({ months: 1 });
  return zonedMonthPeriod(previous.year, previous.month, zone);
}

/** A month named as "YYYY-MM"; it must have ended by `now`. */
export function monthPeriod(month: string, timeZone: string, now: Date): ReportPeriod {
  const zone = resolveTimeZone(timeZone);
  const { year, month: monthNumber } = parseMonth('month', month);
  const period = zonedMonthPeriod(year, monthNumber, zone);
  assertPeriodEnded(period, now, 'month', month);
  return period;
}
