import type { ChargebackReport } from '../report/chargeback-report.js';
import type { SummaryDocument } from '../report/summary-document-schema.js';
import { type CostByOrgChart, costByOrgChart, orgsByCost } from './cost-by-org-chart.js';
import { type CostTrendChart, costTrendChart } from './cost-trend-chart.js';
import { orgColours } from './org-series.js';

export interface ReportChartModels {
  readonly costByOrg: CostByOrgChart;
  /** Null until at least one earlier period's summary.json (in the same currency) is at hand. */
  readonly trend: CostTrendChart | null;
}

/** Both charts of a report, sharing one colour per org. */
export function reportChartModels(
  report: ChargebackReport,
  history: readonly SummaryDocument[],
): ReportChartModels {
  const ranked = orgsByCost(report);
  const colours = orgColours();
  // In this order: the period's own chart hands out the first colours.
  const costByOrg = costByOrgChart(report, colours);
  return { costByOrg, trend: costTrendChart(report, history, colours, ranked) };
}
