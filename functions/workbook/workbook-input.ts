import type { ChartImage } from '#charts/chart-image.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import type { SessionArchives } from '#core/report/session-row-limit.js';
import type { FetchStats } from '#core/session.js';
import type { Sessions } from '#core/session-list.js';

export interface WorkbookInput {
  readonly report: ChargebackReport;
  /** In the order the report was built from: `report.sessionCostMinor[i]` is the cost of `sessions[i]`. */
  readonly sessions: Sessions;
  readonly run: RunInfo;
  readonly stats: FetchStats;
  /**
   * Rows the per-session sheets (Sessions, Session Tags) may hold, so no sheet
   * passes Excel's row limit; DEFAULT_MAX_SESSION_ROWS when absent.
   */
  readonly maxSessionRows?: number | undefined;
  /** Where every session is, named when the sheets list only some; unnamed when absent. */
  readonly sessionArchives?: SessionArchives | undefined;
  /** Shown on the Summary sheet below its figures; none when absent. */
  readonly charts?: readonly ChartImage[] | undefined;
}
