import { DateTime } from 'luxon';
import type { BillingCycle } from './billing-cycle.js';
import { billingDayMonth } from './billing-day-month-period.js';
import { parseDay } from './calendar-date.js';
import { billingCyclePeriod } from './cycle-period.js';
import type { ReportPeriod } from './report-period.js';
import { zonedMonthPeriod } from './zoned-period.js';

/** Why a period has no previous one to compare with, in words for the report. */
export interface NoPreviousPeriod {
  readonly none: string;
}

/**
 * The period month-over-month compares with: the month before, with the same
 * alignment and zone, or the cycle before from the API's list. A day range
 * has none: two ranges of different lengths are not comparable.
 */
export function previousPeriodOf(
  period: ReportPeriod,
  cycles?: readonly BillingCycle[],
): ReportPeriod | NoPreviousPeriod {
  if (period.kind === 'range')
    return { none: 'month-over-month compares whole months; none for a day range' };
  if (period.kind === 'cycle') return previousCycle(period, cycles);
  const first = parseDay('firstDay', period.firstDay);
  const previous = DateTime.fromObject(first, { zone: 'UTC' }).minus({ months: 1 });
  return period.alignment === 'billing-day'
    ? billingDayMonth(previous.year, previous.month)
    : zonedMonthPeriod(previous.year, previous.month, period.timeZone);
}

function previousCycle(
  period: ReportPeriod,
  cycles: readonly BillingCycle[] | undefined,
): ReportPeriod | NoPreviousPeriod {
  if (cycles === undefined) {
    return { none: 'the billing cycles could not be read, so the previous cycle is unknown' };
  }
  // The latest cycle that ends by this one's start: cycles follow each other, and
  // this tolerates a gap between them rather than inventing a cycle.
  let previous: BillingCycle | undefined;
  for (const cycle of cycles) {
    if (cycle.end.getTime() > period.from.getTime()) continue;
    if (previous === undefined || cycle.start.getTime() > previous.start.getTime()) previous = cycle;
  }
  if (previous === undefined) return { none: `the API lists no billing cycle before ${period.label}` };
  return billingCyclePeriod(previous);
}
