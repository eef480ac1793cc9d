import type { RunFiles } from '../core/close/run-files.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import type { RunInfo } from '../core/report/run-info.js';
import type { FetchStats, Session } from '../core/session.js';

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
}
