import { billingDayMonth } from './billing-day-month-period.js';
import { parseMonth } from './calendar-date.js';
import type { ReportPeriod } from './report-period.js';
import { zonedMonthPeriod } from './zoned-period.js';

/**
 * The same month under the other alignment: October 2026 by calendar and October 2026 by
 * billing days are one month of record (one FOCUS partition, `billing_period=2026-10`), stored
 * under two slugs (`2026-10`, `2026-10_billing-day`). Ranges and cycles have none: they write
 * under their own keys and partitions, never the monthly table.
 *
 * The calendar month is built in UTC: only its slug and kind name its keys, whatever zone a
 * run read it in.
 */
export function sameMonthOtherAlignments(period: ReportPeriod): readonly ReportPeriod[] {
  if (period.kind !== 'month') return [];
  const { year, month } = parseMonth('month', period.slug.slice(0, 7));
  return period.alignment === 'billing-day'
    ? [zonedMonthPeriod(year, month, 'UTC')]
    : [billingDayMonth(year, month)];
}
