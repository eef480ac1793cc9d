import { type ReportChartModels, reportChartModels } from '#core/charts/report-charts.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { SummaryDocument } from '#core/report/summary-document-schema.js';
import { costByOrgAltText, costTrendAltText } from './chart-alt-text.js';
import type { ChartImage } from './chart-image.js';
import { costByOrgSvg, costByOrgTitle } from './cost-by-org-svg.js';
import { costTrendSvg, costTrendTitle } from './cost-trend-svg.js';
import { rasteriseSvg } from './rasterise-svg.js';

const SCALE = 2;

/** The SVGs of a report's charts, before rasterising (what the tests read the labels from). */
export interface ChartDrawing {
  readonly kind: ChartImage['kind'];
  readonly title: string;
  readonly alt: string;
  readonly svg: string;
}

export function drawReportCharts(models: ReportChartModels): ChartDrawing[] {
  const drawings: ChartDrawing[] = [
    {
      kind: 'cost-by-org',
      title: costByOrgTitle(models.costByOrg),
      alt: costByOrgAltText(models.costByOrg),
      svg: costByOrgSvg(models.costByOrg),
    },
  ];
  if (models.trend !== null) {
    drawings.push({
      kind: 'cost-trend',
      title: costTrendTitle(models.trend),
      alt: costTrendAltText(models.trend),
      svg: costTrendSvg(models.trend),
    });
  }
  return drawings;
}

/**
 * The report's charts as PNGs: cost by org for the period, and the trend when
 * earlier periods' summary.json were found.
 */
export async function renderReportCharts(
  report: ChargebackReport,
  history: readonly SummaryDocument[],
): Promise<ChartImage[]> {
  const drawings = drawReportCharts(reportChartModels(report, history));
  const images: ChartImage[] = [];
  for (const drawing of drawings) {
    const raster = await rasteriseSvg(drawing.kind, drawing.svg, SCALE);
    images.push({
      kind: drawing.kind,
      title: drawing.title,
      alt: drawing.alt,
      png: raster.png,
      width: raster.pixelWidth / SCALE,
      height: raster.pixelHeight / SCALE,
      contentId: `${drawing.kind}.${report.period.slug}@devin-chargeback`,
    });
  }
  return images;
}
