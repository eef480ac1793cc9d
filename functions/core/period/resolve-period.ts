import { InvalidInputError } from '../errors.js';
import { billingDayMonthPeriod, previousBillingDayMonthPeriod } from './billing-day-month-period.js';
import { dayRangePeriod } from './day-range-period.js';
import { monthPeriod, previousMonthPeriod } from './month-period.js';
import type { ReportPeriod } from './report-period.js';

/**
 * What a caller may ask for: nothing (the last full month), a month, or a day
 * range; months by calendar days (the default) or by the vendor's billing days.
 * Billing cycles need the API's list: see selectBillingCycle and cyclePeriod.
 */
export interface PeriodRequest {
  readonly month?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly alignment?: 'calendar' | 'billing-day' | undefined;
}

export interface PeriodOptions {
  /** The calendar's zone; billing days ignore it (they are 08:00 UTC everywhere). */
  readonly timeZone: string;
  /** The instant the request is judged against: the schedule's event time, or the clock. */
  readonly now: Date;
}

/** The single entry point for the CLI and the Lambda event: one rule for both. */
export function resolvePeriod(request: PeriodRequest, options: PeriodOptions): ReportPeriod {
  const { month, from, to, alignment = 'calendar' } = request;
  const { timeZone, now } = options;
  if (month !== undefined) {
    if (from !== undefined || to !== undefined) {
      throw new InvalidInputError(
        'month',
        month,
        'cannot be combined with from/to (give a month or a day range)',
      );
    }
    return alignment === 'billing-day'
      ? billingDayMonthPeriod(month, now)
      : monthPeriod(month, timeZone, now);
  }
  if (from !== undefined || to !== undefined) {
    if (alignment === 'billing-day') {
      throw new InvalidInputError(
        'alignment',
        alignment,
        'applies to whole months only: give a month or nothing, or drop it for a day range',
      );
    }
    if (from === undefined)
      throw new InvalidInputError('from', undefined, `is required together with to ${JSON.stringify(to)}`);
    if (to === undefined)
      throw new InvalidInputError('to', undefined, `is required together with from ${JSON.stringify(from)}`);
    return dayRangePeriod(from, to, timeZone, now);
  }
  return alignment === 'billing-day'
    ? previousBillingDayMonthPeriod(now)
    : previousMonthPeriod(now, timeZone);
}
