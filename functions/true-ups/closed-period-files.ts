import type { CloseRecord } from '#close/close-record.js';
import type { ClosedFile } from '#close/verify-closed-file.js';
import type { ReportPeriod } from '#core/period/report-period.js';

/**
 * A closed period as its close stored it: the record, and the files it names, each read only
 * when asked for (a month-over-month read needs only the summary) and checked against the
 * record's SHA-256 before anything of it is used (read-true-ups.ts, verified-summaries.ts).
 */
export interface ClosedPeriodFiles {
  readonly record: CloseRecord;
  /** The sessions export the record names (gzipped JSON). */
  readonly sessionsExport: () => Promise<ClosedFile>;
  /** The cost-centre map the close used; undefined when it closed without one. */
  readonly map: (() => Promise<ClosedFile>) | undefined;
  /** The period's summary.json as stored: it names the true-ups this close posted for earlier periods. */
  readonly summary: () => Promise<ClosedFile>;
}

/** Reads a period's close from a folder or a bucket; undefined when the period was never closed. */
export type ClosedPeriodReader = (period: ReportPeriod) => Promise<ClosedPeriodFiles | undefined>;
