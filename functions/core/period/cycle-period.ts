import type { BillingCycle } from './billing-cycle.js';
import { billingDaysCovering } from './billing-day.js';
import { formatDay } from './calendar-date.js';
import { dayRangeLabel } from './period-label.js';
import type { ReportPeriod } from './report-period.js';
import { assertPeriodEnded } from './zoned-period.js';

/** One billing cycle as a report period; it must have ended by `now`. */
export function cyclePeriod(cycle: BillingCycle, now: Date): ReportPeriod {
  const period = billingCyclePeriod(cycle);
  assertPeriodEnded(period, now, 'cycle', period.firstDay);
  return period;
}

/** The cycle's own bounds, in UTC; firstDay/lastDay are the billing days it covers. */
export function billingCyclePeriod({ start, end }: BillingCycle): ReportPeriod {
  if (!(start.getTime() < end.getTime())) {
    throw new RangeError(
      `a billing cycle must end after it starts: ${start.toISOString()} – ${end.toISOString()}`,
    );
  }
  const { first, last } = billingDaysCovering(start, end);
  const firstDay = formatDay(first);
  const lastDay = formatDay(last);
  return {
    kind: 'cycle',
    alignment: 'billing-cycle',
    from: start,
    to: end,
    timeZone: 'UTC',
    firstDay,
    lastDay,
    label: `Billing cycle ${dayRangeLabel(first, last)}`,
    slug: `cycle_${firstDay}_${lastDay}`,
  };
}
