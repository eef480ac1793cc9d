import type { BillingCycle } from '#core/period/billing-cycle.js';
import { previousPeriodOf } from '#core/period/previous-period-of.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { ReportFilters } from '#core/report/run-info.js';
import { parseSummaryDocument, type SummaryDocument } from '#core/report/summary-document.js';
import { type SummaryArchive, sameFilters } from './read-previous-summary.js';
import { isUnverifiedRecordFile } from './verified-summaries.js';

/** Periods before this one the trend looks back over: with this one, a year of months. */
export const HISTORY_PERIODS = 11;

export interface SummaryHistory {
  /** The earlier periods' summaries that were found and fit, latest first. */
  readonly summaries: readonly SummaryDocument[];
  /** Files that exist but could not be used (unreadable, not a summary): worth a log line. */
  readonly warnings: readonly string[];
  /** Files left out on purpose (another filter set), with why. */
  readonly skipped: readonly string[];
}

/**
 * Up to `count` earlier periods' summary.json, for the cost trend. Like the
 * month-over-month read, it never fails a report: a missing period is
 * skipped (its column simply is not there), a corrupt one is a warning.
 * Reads in parallel: at most `count` small GETs.
 */
export async function readSummaryHistory(
  archive: SummaryArchive,
  period: ReportPeriod,
  cycles: readonly BillingCycle[] | undefined,
  filters: ReportFilters,
  count = HISTORY_PERIODS,
): Promise<SummaryHistory> {
  const periods = earlierPeriods(period, cycles, count);
  const results = await Promise.all(periods.map((p) => readOne(archive, p, filters)));
  const summaries: SummaryDocument[] = [];
  const warnings: string[] = [];
  const skipped: string[] = [];
  for (const result of results) {
    if (result.kind === 'found') summaries.push(result.summary);
    else if (result.kind === 'unusable') warnings.push(result.reason);
    else if (result.kind === 'skipped') skipped.push(result.reason);
  }
  return { summaries, warnings, skipped };
}

/** The periods before `period`, latest first, as far back as the period kind has any. */
export function earlierPeriods(
  period: ReportPeriod,
  cycles: readonly BillingCycle[] | undefined,
  count: number,
): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  let current = period;
  while (periods.length < count) {
    const previous = previousPeriodOf(current, cycles);
    if ('none' in previous) break;
    periods.push(previous);
    current = previous;
  }
  return periods;
}

type ReadResult =
  | { readonly kind: 'found'; readonly summary: SummaryDocument }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unusable' | 'skipped'; readonly reason: string };

async function readOne(
  archive: SummaryArchive,
  period: ReportPeriod,
  filters: ReportFilters,
): Promise<ReadResult> {
  let raw: unknown;
  try {
    raw = await archive.loadSummary(period);
  } catch (error) {
    if (isUnverifiedRecordFile(error)) throw error;
    return { kind: 'unusable', reason: `the ${period.label} summary could not be read: ${messageOf(error)}` };
  }
  if (raw === undefined) return { kind: 'missing' };
  let summary: SummaryDocument;
  try {
    summary = parseSummaryDocument(raw);
  } catch (error) {
    return {
      kind: 'unusable',
      reason: `the ${period.label} summary is not one this tool can read: ${messageOf(error)}`,
    };
  }
  if (!sameFilters(summary.run.filters, filters)) {
    return {
      kind: 'skipped',
      reason: `the ${period.label} report covered different orgs, users or tags than this one`,
    };
  }
  return { kind: 'found', summary };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
