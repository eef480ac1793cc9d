import type { ChartImage } from '#charts/chart-image.js';
import { renderReportCharts } from '#charts/render-report-charts.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { SummaryHistory } from './read-summary-history.js';
import type { RunLog } from './run-log.js';

/**
 * The report's charts, or none: a picture of figures the workbook and the
 * email already state in full is never worth a failed month. A failure is
 * logged as a warning, which the run's alarms and the CLI show.
 */
export async function renderChartsOrNone(
  report: ChargebackReport,
  history: SummaryHistory,
  log: RunLog,
): Promise<readonly ChartImage[]> {
  for (const warning of history.warnings) log.warn(`cost trend: ${warning}`);
  try {
    return await renderReportCharts(report, history.summaries);
  } catch (error) {
    log.warn(`charts left out: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
