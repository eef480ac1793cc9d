import type { ReportPeriod } from '#core/period/report-period.js';

/** The fields of a manual event that ask for exactly this period again. */
export type PeriodEventFields =
  | { readonly month: string; readonly alignment?: 'billing-day' }
  | { readonly from: string; readonly to: string }
  | { readonly cycle: string };

/**
 * What a person types to get this period again: the email's "fresh link" hint
 * and the "send it again" advice both quote it, so it must round-trip through
 * parseChargebackEvent for every kind of period, billing days and cycles included.
 */
export function periodEventFields(period: ReportPeriod): PeriodEventFields {
  switch (period.kind) {
    case 'cycle':
      return { cycle: period.firstDay };
    case 'range':
      return { from: period.firstDay, to: period.lastDay };
    case 'month': {
      const month = period.firstDay.slice(0, 7);
      return period.alignment === 'billing-day' ? { month, alignment: 'billing-day' } : { month };
    }
  }
}

/** The manual event, as JSON text to paste into the console or `aws lambda invoke`. */
export function manualEventText(period: ReportPeriod, extra: Readonly<Record<string, boolean>>): string {
  return JSON.stringify({ ...periodEventFields(period), ...extra });
}

/**
 * The one event that recovers a month whose scheduled close failed: it closes the month (a
 * bare `{"month":"YYYY-MM"}` is a preliminary run and never closes). The 401 hint, the alarm
 * descriptions and docs/close.md all quote it.
 */
export const RECOVERY_EVENT = '{"month":"YYYY-MM","close":true}';
