import { InvalidInputError } from '../errors.js';
import { dayRangePeriod } from './day-range-period.js';
import { monthPeriod, previousMonthPeriod } from './month-period.js';
import type { ReportPeriod } from './report-period.js';

/** What a caller may ask for: nothing (the last full month), a month, or a day range. */
export interface PeriodRequest {
  readonly month?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface PeriodOptions {
  readonly timeZone: string;
  /** The instant the request is judged against: the schedule's event time, or the clock. */
  readonly now: Date;
}

/** The single entry point for the CLI and the Lambda event: one rule for both. */
export function resolvePeriod(request: PeriodRequest, options: PeriodOptions): ReportPeriod {
  const { month, from, to } = request;
  const { timeZone, now } = options;
  if (month !== undefined) {
    if (from !== undefined || to !== undefined) {
      throw new InvalidInputError(
        'month',
        month,
        'cannot be combined with from/to (give a month or a day range)',
      );
    }
    return monthPeriod(month, timeZone, now);
  }
  if (from !== undefined && to !== undefined) return dayRangePeriod(from, to, timeZone, now);
  if (from !== undefined)
    throw new InvalidInputError('to', undefined, `is required together with from ${JSON.stringify(from)}`);
  if (to !== undefined)
    throw new InvalidInputError('from', undefined, `is required together with to ${JSON.stringify(to)}`);
  return previousMonthPeriod(now, timeZone);
}
