import { billingDaysCovering } from './billing-day.js';
import { formatDay } from './calendar-date.js';
import type { ReportPeriod } from './report-period.js';

/**
 * The billing days (YYYY-MM-DD, both included) to ask the consumption endpoint
 * for. A calendar period asks for its own calendar days: billing days run from
 * 08:00 UTC, and that offset is one of the differences the reconciliation
 * explains, not something to hide by asking for other days.
 */
export function billingDaysOf(period: ReportPeriod): { firstDay: string; lastDay: string } {
  if (period.alignment === 'calendar') return { firstDay: period.firstDay, lastDay: period.lastDay };
  const { first, last } = billingDaysCovering(period.from, period.to);
  return { firstDay: formatDay(first), lastDay: formatDay(last) };
}
