import type { RunFiles } from '#close/run-files.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import type { FetchStats, Session } from '#core/session.js';
import type { ErpMapping } from '#journal-formats/erp-mapping.js';
import type { JournalFormatFile } from '#journal-formats/journal-format.js';

/** Everything one run produced before it is stored anywhere. */
export interface ReportArtifacts {
  readonly report: ChargebackReport;
  readonly sessions: Iterable<Session>;
  readonly stats: FetchStats;
  readonly run: RunInfo;
  /** The finished workbook in the run's scratch space; the delivery moves or uploads it. */
  readonly workbookPath: string;
  readonly workbookFileName: string;
  /** Which names the files take: only the period's record writes its FOCUS partition and close record. */
  readonly files: RunFiles;
  /** The ERP journal-format files, built and checked before anything was stored; empty when none was asked for. */
  readonly journalFormats: JournalFormatFiles;
}

export interface JournalFormatFiles {
  readonly files: readonly JournalFormatFile[];
  /** The mapping they were built with: stored beside them as `<base>.erp-mapping.csv`. */
  readonly mapping?: ErpMapping | undefined;
}

export const NO_JOURNAL_FORMATS: JournalFormatFiles = { files: [] };
