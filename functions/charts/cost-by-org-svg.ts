import type { CostByOrgChart } from '#core/charts/cost-by-org-chart.js';
import { formatShare } from '#core/money/format.js';
import { moneyLabel, tickLabel } from './chart-money.js';
import { largestAmount, niceAxis } from './nice-axis.js';
import {
  chartLabel,
  fitText,
  GRID_COLOUR,
  MUTED_COLOUR,
  round,
  svgDocument,
  svgText,
  textWidth,
} from './svg-text.js';

/** The width the email shows it at (under the 600 px of common mail layouts, so a phone shrinks it less); the PNG has twice as many pixels. */
export const CHART_WIDTH = 540;
const PAD = 16;
const TOP = 82;
const ROW = 58;
const BAR = 20;
const LABEL_SIZE = 18;

export function costByOrgTitle(chart: CostByOrgChart): string {
  return `Cost by org — ${chart.period.label}`;
}

/**
 * Horizontal bars, one row per org: the name and its figure on one line, the
 * bar below, so long names and figures never compete for the same pixels and
 * the text stays legible when a phone shows the image at 60 %.
 */
export function costByOrgSvg(chart: CostByOrgChart): string {
  const { pricing } = chart;
  const unit = 10n ** BigInt(pricing.minorDigits);
  const largest = largestAmount(chart.bars.map((bar) => bar.costMinor));
  const axis = niceAxis(largest, 4, unit);
  const plotLeft = PAD;
  const plotWidth = CHART_WIDTH - 2 * PAD;
  const x = (minor: bigint) => plotLeft + (minor <= 0n ? 0 : (Number(minor) / Number(axis.max)) * plotWidth);
  const body: string[] = [
    svgText(costByOrgTitle(chart), { x: PAD, y: 30, size: 20, bold: true }),
    svgText(`Total ${moneyLabel(chart.totalMinor, pricing)} · axis in ${pricing.currency}`, {
      x: PAD,
      y: 57,
      size: 16,
      fill: MUTED_COLOUR,
    }),
  ];
  const plotBottom = TOP + chart.bars.length * ROW;
  for (const tick of axis.ticks) {
    const tx = x(tick);
    body.push(
      `<line x1="${round(tx)}" y1="${TOP}" x2="${round(tx)}" y2="${plotBottom}" stroke="${GRID_COLOUR}" stroke-width="1"/>`,
      svgText(tickLabel(tick, pricing), {
        x: tx,
        y: plotBottom + 20,
        size: 15,
        anchor: tick === 0n ? 'start' : tick === axis.max ? 'end' : 'middle',
        fill: MUTED_COLOUR,
      }),
    );
  }
  chart.bars.forEach((bar, i) => {
    const top = TOP + i * ROW;
    const value = `${moneyLabel(bar.costMinor, pricing)} · ${formatShare(bar.share)}`;
    const valueWidth = textWidth(value, LABEL_SIZE, true);
    const name = fitText(chartLabel(bar.series.label), LABEL_SIZE, plotWidth - valueWidth - 16);
    const width = Math.max(x(bar.costMinor) - plotLeft, bar.costMinor > 0n ? 2 : 0);
    body.push(
      svgText(name, { x: PAD, y: top + 19, size: LABEL_SIZE }),
      svgText(value, { x: CHART_WIDTH - PAD, y: top + 19, size: LABEL_SIZE, bold: true, anchor: 'end' }),
      `<rect x="${plotLeft}" y="${top + 27}" width="${round(width)}" height="${BAR}" rx="2" fill="${bar.series.colour}"/>`,
    );
  });
  return svgDocument(CHART_WIDTH, plotBottom + 32, costByOrgTitle(chart), body);
}
