import { DateTime } from 'luxon';
import { InvalidInputError } from '../errors.js';
import { type CalendarDay, daysInMonth, formatDay, formatMonth } from './calendar-date.js';
import { dayRangeLabel, monthLabel } from './period-label.js';
import type { ReportPeriod } from './report-period.js';

/** The whole calendar month, [1st 00:00, 1st of next month 00:00) in `timeZone` (canonical name). */
export function zonedMonthPeriod(year: number, month: number, timeZone: string): ReportPeriod {
  const first = { year, month, day: 1 };
  const last = { year, month, day: daysInMonth({ year, month }) };
  return {
    ...zonedDays(first, last, timeZone),
    kind: 'month',
    alignment: 'calendar',
    label: monthLabel(first),
    slug: formatMonth(first),
  };
}

/** Whole days from `first` through `last` inclusive, in `timeZone` (canonical name). */
export function zonedDayRangePeriod(first: CalendarDay, last: CalendarDay, timeZone: string): ReportPeriod {
  return {
    ...zonedDays(first, last, timeZone),
    kind: 'range',
    alignment: 'calendar',
    label: dayRangeLabel(first, last),
    slug: `${formatDay(first)}_${formatDay(last)}`,
  };
}

function zonedDays(first: CalendarDay, last: CalendarDay, timeZone: string) {
  const dayAfterLast = DateTime.fromObject(last, { zone: 'UTC' }).plus({ days: 1 });
  return {
    from: startOfDay(first, timeZone),
    to: startOfDay({ year: dayAfterLast.year, month: dayAfterLast.month, day: dayAfterLast.day }, timeZone),
    timeZone,
    firstDay: formatDay(first),
    lastDay: formatDay(last),
  };
}

/**
 * Where a zone skips midnight (a DST change at 00:00, as Chile and Cuba have
 * had) luxon moves forward to the first instant that exists, which is when
 * that day actually began there.
 */
function startOfDay(day: CalendarDay, timeZone: string): Date {
  return DateTime.fromObject(day, { zone: timeZone }).toJSDate();
}

/**
 * Refuses a period that has not ended yet: its sessions are still being
 * created, so a report on it would be silently incomplete.
 */
export function assertPeriodEnded(period: ReportPeriod, now: Date, field: string, value: string): void {
  if (period.to.getTime() > now.getTime()) {
    const end = DateTime.fromJSDate(period.to, { zone: period.timeZone }).toFormat('yyyy-MM-dd HH:mm');
    throw new InvalidInputError(
      field,
      value,
      `ends in the future: the period runs until ${end} ${period.timeZone}, after ${now.toISOString()}`,
    );
  }
}
