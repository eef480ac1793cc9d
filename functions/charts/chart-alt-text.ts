import type { CostByOrgChart } from '#core/charts/cost-by-org-chart.js';
import type { CostTrendChart } from '#core/charts/cost-trend-chart.js';
import { formatShare } from '#core/money/format.js';
import { moneyLabel } from './chart-money.js';
import { trendSpan } from './cost-trend-svg.js';
import { chartLabel } from './svg-text.js';

/*
 * What a screen reader, a client that blocks images, or a reader of the
 * plain text gets instead of the picture: the same figures, in words.
 */

export function costByOrgAltText(chart: CostByOrgChart): string {
  const bars = chart.bars
    .map(
      (bar) =>
        `${chartLabel(bar.series.label)} ${moneyLabel(bar.costMinor, chart.pricing)} (${formatShare(bar.share)})`,
    )
    .join('; ');
  const total = moneyLabel(chart.totalMinor, chart.pricing);
  return bars === ''
    ? `Bar chart of cost by org for ${chart.period.label}: no cost, total ${total}.`
    : `Bar chart of cost by org for ${chart.period.label}, total ${total}: ${bars}.`;
}

export function costTrendAltText(chart: CostTrendChart): string {
  const totals = chart.points
    .map((point) => `${point.period.label} ${moneyLabel(point.totalMinor, chart.pricing)}`)
    .join('; ');
  const orgs = chart.series.map((s) => chartLabel(s.label)).join(', ');
  const missing = chart.missingMonths.length > 0 ? ` No report for ${chart.missingMonths.join(', ')}.` : '';
  return `Stacked column chart of total cost per period, ${trendSpan(chart)}: ${totals}. Split by org: ${orgs}.${missing}`;
}
