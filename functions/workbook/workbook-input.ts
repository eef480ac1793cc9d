import type { ChartImage } from '../charts/chart-image.js';
import type { ChargebackReport } from '../core/report/chargeback-report.js';
import type { RunInfo } from '../core/report/run-info.js';
import type { FetchStats } from '../core/session.js';
import type { Sessions } from '../core/session-list.js';

export interface WorkbookInput {
  readonly report: ChargebackReport;
  /** In the order the report was built from: `report.sessionCostMinor[i]` is the cost of `sessions[i]`. */
  readonly sessions: Sessions;
  readonly run: RunInfo;
  readonly stats: FetchStats;
  /** Shown on the Summary sheet below its figures; none when absent. */
  readonly charts?: readonly ChartImage[] | undefined;
}
