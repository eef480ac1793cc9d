import type { CloseRecord } from '../core/close/close-record.js';
import type { ReportPeriod } from '../core/period/report-period.js';

/** What a true-up needs of a closed period, as its close stored it. */
export interface ClosedPeriodFiles {
  readonly record: CloseRecord;
  /** The sessions export the record names (gzipped JSON), checked against its SHA-256 when read. */
  readonly sessionsExport: Uint8Array;
  /** The cost-centre map the close used; undefined when it closed without one. */
  readonly mapText: string | undefined;
  /** The period's summary.json as stored: it names the true-ups this close posted for earlier periods. */
  readonly summaryText: string;
}

/** Reads a period's close from a folder or a bucket; undefined when the period was never closed. */
export type ClosedPeriodReader = (period: ReportPeriod) => Promise<ClosedPeriodFiles | undefined>;
