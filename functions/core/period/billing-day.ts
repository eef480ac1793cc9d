import type { CalendarDay } from './calendar-date.js';
import { utcDayOf, utcInstant } from './utc-day.js';

/**
 * The vendor's billing day starts at 08:00 UTC (midnight US Pacific in
 * winter). It ignores time zones and daylight saving: always 08:00 UTC.
 */
export const BILLING_DAY_START_HOUR_UTC = 8;

const DAY_MS = 86_400_000;

/** Where billing day `day` begins. */
export function billingDayStart(day: CalendarDay): Date {
  return utcInstant(day, BILLING_DAY_START_HOUR_UTC);
}

/**
 * The billing days that stand for [from, to): the UTC dates of `from` and of
 * `to` − 1 day. Exact for bounds at 08:00 UTC; for other bounds it is the
 * nearest whole-day request the consumption endpoint allows, and the
 * reconciliation names the offset as one of its differences.
 */
export function billingDaysCovering(from: Date, to: Date): { first: CalendarDay; last: CalendarDay } {
  const first = utcDayOf(from);
  const last = utcDayOf(new Date(Math.max(to.getTime() - DAY_MS, from.getTime())));
  return { first, last };
}
