import type { CostTrendChart } from '#core/charts/cost-trend-chart.js';
import { compactAmount, tickLabel } from './chart-money.js';
import { CHART_WIDTH } from './cost-by-org-svg.js';
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

const PAD = 16;
const PLOT_TOP = 100;
const PLOT_HEIGHT = 240;
const LEGEND_SIZE = 17;
const LEGEND_ROW = 26;
const TICK_SIZE = 15;

export function costTrendTitle(_chart: CostTrendChart): string {
  return 'Cost by org over time';
}

export function trendSpan(chart: CostTrendChart): string {
  const first = chart.points[0]?.period.label ?? '';
  const last = chart.points[chart.points.length - 1]?.period.label ?? '';
  return `${first} – ${last}`;
}

/**
 * Stacked columns, oldest left, this period right (its labels bold): the
 * column's height is the period's total, written above it, and each org is a
 * segment in the colour it has on the cost-by-org chart.
 */
export function costTrendSvg(chart: CostTrendChart): string {
  const { pricing, points, series } = chart;
  const unit = 10n ** BigInt(pricing.minorDigits);
  const largest = largestAmount(points.map((p) => p.totalMinor));
  const axis = niceAxis(largest, 5, unit);
  const tickWidth = Math.max(...axis.ticks.map((t) => textWidth(tickLabel(t, pricing), TICK_SIZE)));
  const plotLeft = PAD + tickWidth + 8;
  const plotWidth = CHART_WIDTH - PAD - plotLeft;
  const plotBottom = PLOT_TOP + PLOT_HEIGHT;
  const y = (minor: bigint) => plotBottom - (Number(minor) / Number(axis.max)) * PLOT_HEIGHT;
  const pitch = plotWidth / points.length;
  const columnWidth = Math.min(56, pitch * 0.66);
  const body: string[] = [
    svgText(costTrendTitle(chart), { x: PAD, y: 30, size: 20, bold: true }),
    svgText(`${trendSpan(chart)}, ${chart.points.length} reports · ${pricing.currency}`, {
      x: PAD,
      y: 57,
      size: 16,
      fill: MUTED_COLOUR,
    }),
  ];
  for (const tick of axis.ticks) {
    const ty = y(tick);
    body.push(
      `<line x1="${round(plotLeft)}" y1="${round(ty)}" x2="${CHART_WIDTH - PAD}" y2="${round(ty)}" stroke="${GRID_COLOUR}" stroke-width="1"/>`,
      svgText(tickLabel(tick, pricing), {
        x: plotLeft - 6,
        y: ty + 5,
        size: TICK_SIZE,
        anchor: 'end',
        fill: MUTED_COLOUR,
      }),
    );
  }
  const labelSize = columnLabelSize(chart, pitch);
  points.forEach((point, i) => {
    const current = i === points.length - 1;
    const cx = plotLeft + pitch * (i + 0.5);
    const left = cx - columnWidth / 2;
    let base = 0n;
    for (const s of series) {
      const cost = point.costs.get(s.key) ?? 0n;
      if (cost <= 0n) continue;
      const top = y(base + cost);
      body.push(
        `<rect x="${round(left)}" y="${round(top)}" width="${round(columnWidth)}" height="${round(y(base) - top)}" fill="${s.colour}" stroke="#FFFFFF" stroke-width="1"/>`,
      );
      base += cost;
    }
    body.push(
      svgText(compactAmount(point.totalMinor, pricing), {
        x: cx,
        y: y(point.totalMinor > 0n ? point.totalMinor : 0n) - 6,
        size: labelSize,
        bold: true,
        anchor: 'middle',
      }),
      svgText(point.period.axisLabel[0], {
        x: cx,
        y: plotBottom + 19,
        size: labelSize,
        bold: current,
        anchor: 'middle',
      }),
      svgText(point.period.axisLabel[1], {
        x: cx,
        y: plotBottom + 19 + labelSize + 2,
        size: labelSize,
        bold: current,
        anchor: 'middle',
        fill: MUTED_COLOUR,
      }),
    );
  });
  body.push(
    `<line x1="${round(plotLeft)}" y1="${plotBottom}" x2="${CHART_WIDTH - PAD}" y2="${plotBottom}" stroke="${MUTED_COLOUR}" stroke-width="1"/>`,
  );
  let bottom = legend(chart, plotBottom + 30 + 2 * labelSize, body);
  if (chart.missingMonths.length > 0) {
    const note = fitText(`No report for ${chart.missingMonths.join(', ')}`, TICK_SIZE, CHART_WIDTH - 2 * PAD);
    body.push(svgText(note, { x: PAD, y: bottom + 10, size: TICK_SIZE, fill: MUTED_COLOUR }));
    bottom += 22;
  }
  if (chart.leftOut.length > 0) {
    const note = fitText(`Not shown: ${chart.leftOut.join(', ')}`, TICK_SIZE, CHART_WIDTH - 2 * PAD);
    body.push(svgText(note, { x: PAD, y: bottom + 10, size: TICK_SIZE, fill: MUTED_COLOUR }));
    bottom += 22;
  }
  return svgDocument(CHART_WIDTH, bottom, `${costTrendTitle(chart)}, ${trendSpan(chart)}`, body);
}

/** As large as 16 px while the widest total and period label still fit their column. */
function columnLabelSize(chart: CostTrendChart, pitch: number): number {
  const labels = chart.points.flatMap((p) => [
    { text: compactAmount(p.totalMinor, chart.pricing), bold: true },
    { text: p.period.axisLabel[0], bold: true },
    { text: p.period.axisLabel[1], bold: true },
  ]);
  let size = 16;
  while (size > 9 && labels.some((l) => textWidth(l.text, size, l.bold) > pitch - 4)) size -= 1;
  return size;
}

/** Swatch and name per series, wrapped into rows; returns the y below the last row. */
function legend(chart: CostTrendChart, top: number, body: string[]): number {
  const maxItem = (CHART_WIDTH - 2 * PAD) / 2;
  let x = PAD;
  let row = 0;
  for (const s of chart.series) {
    const name = fitText(chartLabel(s.label), LEGEND_SIZE, maxItem - 22);
    const width = 20 + textWidth(name, LEGEND_SIZE) + 18;
    if (x > PAD && x + width > CHART_WIDTH - PAD) {
      x = PAD;
      row += 1;
    }
    const ry = top + row * LEGEND_ROW;
    body.push(
      `<rect x="${round(x)}" y="${round(ry - 13)}" width="15" height="15" rx="2" fill="${s.colour}"/>`,
      svgText(name, { x: x + 20, y: ry, size: LEGEND_SIZE }),
    );
    x += width;
  }
  return top + row * LEGEND_ROW + 16;
}
