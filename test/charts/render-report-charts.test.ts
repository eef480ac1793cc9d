import { describe, expect, it } from 'vitest';
import { CHART_WIDTH } from '#charts/cost-by-org-svg.js';
import { renderReportCharts } from '#charts/render-report-charts.js';
import { ORG_COLOURS } from '#core/charts/chart-palette.js';
import { countColour, decodePng } from '../support/png.js';
import { ELEVEN_ORGS, FIVE_ORGS, monthReport, monthSummary } from './chart-fixture.js';

describe('renderReportCharts', () => {
  it('renders both charts as valid PNGs at twice their shown size, drawn in the orgs’ colours', async () => {
    const report = monthReport('2026-11', ELEVEN_ORGS);
    const images = await renderReportCharts(report, [monthSummary('2026-10', FIVE_ORGS)]);

    expect(images.map((image) => image.kind)).toEqual(['cost-by-org', 'cost-trend']);
    for (const image of images) {
      const png = decodePng(image.png);
      expect(image.width).toBe(CHART_WIDTH);
      expect(png.width).toBe(image.width * 2);
      expect(png.height).toBe(image.height * 2);
      // Drawn, not blank: white background, the largest org's colour, and dark text.
      expect(countColour(png, '#FFFFFF')).toBeGreaterThan(png.width * png.height * 0.3);
      expect(countColour(png, ORG_COLOURS[0])).toBeGreaterThan(500);
      expect(countColour(png, '#1F2937')).toBeGreaterThan(100);
      expect(image.contentId).toBe(`${image.kind}.2026-11@devin-chargeback`);
      expect(image.alt.length).toBeGreaterThan(40);
    }
  });

  it('makes the bar of a larger org longer: its colour covers more pixels', async () => {
    const report = monthReport('2026-11', { 'org-pay': 300, 'org-data': 100 });
    const [byOrg] = await renderReportCharts(report, []);
    const png = decodePng(byOrg?.png ?? Buffer.alloc(0));
    const pay = countColour(png, ORG_COLOURS[0]);
    const data = countColour(png, ORG_COLOURS[1]);
    expect(pay / data).toBeGreaterThan(2.5);
    expect(pay / data).toBeLessThan(3.5);
  });
});
