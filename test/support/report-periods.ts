// Periods and prices the presentation tests share, built by the real core
// functions so a fixture can never drift from what the code produces.
import { parsePricing } from '#core/money/parse-pricing.js';
import { billingDayMonthPeriod } from '#core/period/billing-day-month-period.js';
import { cyclePeriod } from '#core/period/cycle-period.js';
import { dayRangePeriod } from '#core/period/day-range-period.js';
import { monthPeriod } from '#core/period/month-period.js';

const NOW = new Date('2026-11-29T12:00:00Z');

export const OCTOBER_2026_UTC = monthPeriod('2026-10', 'UTC', NOW);
export const OCTOBER_2026_BERLIN = monthPeriod('2026-10', 'Europe/Berlin', NOW);
export const FIRST_HALF_OF_OCTOBER_2026 = dayRangePeriod('2026-10-01', '2026-10-15', 'UTC', NOW);
export const OCTOBER_2026_BILLING_DAYS = billingDayMonthPeriod('2026-10', NOW);
export const CYCLE_FROM_5_OCTOBER_2026 = cyclePeriod(
  { start: new Date('2026-10-05T08:00:00Z'), end: new Date('2026-11-05T08:00:00Z') },
  NOW,
);

export const USD_2_25 = parsePricing('2.25', 'USD');
