import { monthPeriod } from '#core/period/month-period.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { SummaryDocument } from '#core/report/summary-document.js';
import { FIVE_ORGS, monthSummary, RUN } from '../charts/chart-fixture.js';

export const NOVEMBER_2026: ReportPeriod = monthPeriod('2026-11', 'UTC', new Date('2026-12-01T06:00:00Z'));

export const NO_FILTERS = RUN.filters;

/**
 * What an archive holds for the history tests, by month: a summary, a file
 * that is not one (corrupt), or one of a run over other orgs. Months not
 * listed have no file.
 */
export const ARCHIVE: Readonly<Record<string, SummaryDocument | 'corrupt' | 'other-filters'>> = {
  '2026-10': monthSummary('2026-10', FIVE_ORGS),
  '2026-09': 'corrupt',
  // 2026-08 missing
  '2026-07': monthSummary('2026-07', { 'org-pay': 10 }),
  '2026-06': 'other-filters',
  '2025-12': monthSummary('2025-12', FIVE_ORGS),
  // Twelve months back: beyond the 11 the trend reads.
  '2025-11': monthSummary('2025-11', FIVE_ORGS),
};

export function otherFiltersSummary(month: string): SummaryDocument {
  const summary = monthSummary(month, FIVE_ORGS);
  return { ...summary, run: { ...summary.run, filters: { ...summary.run.filters, orgIds: ['org-pay'] } } };
}

/** The expectations both archives share. */
export const EXPECTED_SLUGS = ['2026-10', '2026-07', '2025-12'];
