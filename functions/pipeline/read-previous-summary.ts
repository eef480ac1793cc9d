import type { BillingCycle } from '#core/period/billing-cycle.js';
import { previousPeriodOf } from '#core/period/previous-period-of.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import { noPreviousReport } from '#core/report/compare-periods.js';
import type { ReportFilters } from '#core/report/run-info.js';
import { parseSummaryDocument, type SummaryDocument } from '#core/report/summary-document.js';
import { isUnverifiedRecordFile } from './verified-summaries.js';

/** Where earlier reports' summary.json live: the output folder, or the bucket. */
export interface SummaryArchive {
  /** The stored summary.json of a period, undefined when there is none. */
  loadSummary(period: ReportPeriod): Promise<unknown>;
}

/**
 * The previous period's summary for month-over-month, or why there is none.
 * Comparison is a courtesy: an unreadable or mismatched file never fails a report.
 */
export async function readPreviousSummary(
  archive: SummaryArchive,
  period: ReportPeriod,
  cycles: readonly BillingCycle[] | undefined,
  filters: ReportFilters,
): Promise<SummaryDocument | { readonly reason: string }> {
  const previous = previousPeriodOf(period, cycles);
  if ('none' in previous) return { reason: previous.none };
  let raw: unknown;
  try {
    raw = await archive.loadSummary(previous);
  } catch (error) {
    if (isUnverifiedRecordFile(error)) throw error;
    return { reason: `the ${previous.label} summary could not be read: ${messageOf(error)}` };
  }
  if (raw === undefined) return { reason: noPreviousReport(previous).reason };
  let summary: SummaryDocument;
  try {
    summary = parseSummaryDocument(raw);
  } catch (error) {
    return { reason: `the ${previous.label} summary is not one this tool can read: ${messageOf(error)}` };
  }
  if (!sameFilters(summary.run.filters, filters)) {
    return { reason: `the ${previous.label} report covered different orgs, users or tags than this one` };
  }
  return summary;
}

/** Whether two runs covered the same orgs, users and tags (in any order). */
export function sameFilters(a: ReportFilters, b: ReportFilters): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return same(a.orgIds, b.orgIds) && same(a.userIds, b.userIds) && same(a.tags, b.tags);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
