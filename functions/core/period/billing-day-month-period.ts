import { DateTime } from 'luxon';
import { InvalidInputError } from '../errors.js';
import { billingDayStart } from './billing-day.js';
import { daysInMonth, formatDay, formatMonth, parseMonth } from './calendar-date.js';
import { monthLabel } from './period-label.js';
import type { ReportPeriod } from './report-period.js';
import { assertPeriodEnded } from './zoned-period.js';

/**
 * A calendar month of the vendor's billing days: "2026-10" is
 * [2026-10-01 08:00 UTC, 2026-11-01 08:00 UTC), so the report matches the
 * vendor's dashboard and invoice. firstDay/lastDay name the billing days.
 */
export function billingDayMonth(year: number, month: number): ReportPeriod {
  const first = { year, month, day: 1 };
  const last = { year, month, day: daysInMonth(first) };
  const next = month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  return {
    kind: 'month',
    alignment: 'billing-day',
    from: billingDayStart(first),
    to: billingDayStart(next),
    timeZone: 'UTC',
    firstDay: formatDay(first),
    lastDay: formatDay(last),
    label: `${monthLabel(first)} (billing days from 08:00 UTC)`,
    slug: `${formatMonth(first)}_billing-day`,
  };
}

/** A billing-day month named as "YYYY-MM"; it must have ended by `now`. */
export function billingDayMonthPeriod(month: string, now: Date): ReportPeriod {
  const { year, month: monthNumber } = parseMonth('month', month);
  const period = billingDayMonth(year, monthNumber);
  assertPeriodEnded(period, now, 'month', month);
  return period;
}

/**
 * The billing-day month of the UTC calendar month before `at` (the schedule's
 * event time). A run at 06:00 UTC on the 1st comes two hours before that month's
 * last billing day ends: rather than report an incomplete month, or silently a
 * different one, it fails and says to schedule the run later.
 */
export function previousBillingDayMonthPeriod(at: Date): ReportPeriod {
  if (Number.isNaN(at.getTime())) {
    throw new RangeError('previousBillingDayMonthPeriod: `at` is an invalid Date');
  }
  const previous = DateTime.fromJSDate(at, { zone: 'UTC' }).startOf('month').minus({ months: 1 });
  const period = billingDayMonth(previous.year, previous.month);
  if (period.to.getTime() > at.getTime()) {
    const end = DateTime.fromJSDate(period.to, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm');
    throw new InvalidInputError(
      'alignment',
      'billing-day',
      `cannot report ${monthLabel(previous)} yet: billing days start at 08:00 UTC, so its last one ends at ${end} UTC, after ${at.toISOString()}; schedule the run after 08:00 UTC on the 1st`,
    );
  }
  return period;
}
