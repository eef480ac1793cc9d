import { describe, expect, it } from 'vitest';
import { compactAmount, tickLabel } from '#charts/chart-money.js';
import { niceAxis } from '#charts/nice-axis.js';
import { drawReportCharts } from '#charts/render-report-charts.js';
import { fitText, textWidth } from '#charts/svg-text.js';
import { reportChartModels } from '#core/charts/report-charts.js';
import { formatMoney } from '#core/money/format.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { FIVE_ORGS, monthReport, monthSummary, USD } from './chart-fixture.js';

function drawings(history = [monthSummary('2026-10', FIVE_ORGS)]) {
  const report = monthReport('2026-11', FIVE_ORGS);
  return { report, drawn: drawReportCharts(reportChartModels(report, history)) };
}

describe('the chart SVGs', () => {
  it('label every org with its cost and share, and title the period and the total in its currency', () => {
    const { report, drawn } = drawings();
    const [byOrg] = drawn;
    expect(byOrg?.kind).toBe('cost-by-org');
    const svg = byOrg?.svg ?? '';
    expect(svg).toContain('Cost by org — November 2026');
    expect(svg).toContain(`Total ${formatMoney(report.totals.costMinor, USD)}`);
    for (const org of report.orgs) {
      expect(svg).toContain(`${formatMoney(org.costMinor, USD)} · `);
    }
    expect(svg).toContain('Data &amp; ML');
    expect(svg).toContain('>0</text>');
  });

  it('draw the trend with one column total per period, period labels and a legend', () => {
    const { report, drawn } = drawings();
    const trend = drawn.find((d) => d.kind === 'cost-trend');
    const svg = trend?.svg ?? '';
    expect(svg).toContain('Cost by org over time');
    expect(svg).toContain('October 2026 – November 2026, 2 reports · USD');
    expect(svg).toContain(`>${compactAmount(report.totals.costMinor, USD)}</text>`);
    expect(svg).toContain('>Oct</text>');
    expect(svg).toContain('>Nov</text>');
    expect(svg).toContain('>Payments Platform</text>');
  });

  it('say which months in the span have no report', () => {
    const { drawn } = drawings([monthSummary('2026-08', FIVE_ORGS)]);
    const trend = drawn.find((d) => d.kind === 'cost-trend');
    expect(trend?.svg).toContain('No report for September 2026, October 2026');
    expect(trend?.alt).toContain('No report for September 2026, October 2026.');
  });

  it('leave the trend out without history', () => {
    expect(drawings([]).drawn.map((d) => d.kind)).toEqual(['cost-by-org']);
  });

  it('escape names and strip the control and bidi characters an API name may carry', () => {
    const report = monthReport('2026-11', { 'org-pay': 10 });
    const named = {
      ...report,
      orgs: report.orgs.map((o) => ({ ...o, orgName: 'R&D <core>\u202e\u0007 "x"' })),
    };
    const [byOrg] = drawReportCharts(reportChartModels(named, []));
    expect(byOrg?.svg).toContain('R&amp;D &lt;core&gt; &quot;x&quot;');
    expect(byOrg?.svg).not.toContain('\u202e');
    expect(byOrg?.svg).not.toContain('\u0007');
    expect(byOrg?.alt).toContain('R&D <core> "x"');
  });

  it('state the figures in the alternative text', () => {
    const { report, drawn } = drawings();
    const [byOrg, trend] = drawn;
    const pay = report.orgs.find((o) => o.orgId === 'org-pay');
    expect(byOrg?.alt).toContain(`total ${formatMoney(report.totals.costMinor, USD)}`);
    expect(byOrg?.alt).toContain(`Payments Platform ${formatMoney(pay?.costMinor ?? 0n, USD)} (`);
    expect(trend?.alt).toContain(`November 2026 ${formatMoney(report.totals.costMinor, USD)}`);
    expect(trend?.alt).toContain('October 2026 USD ');
  });
});

describe('chart helpers', () => {
  it('choose round axis steps in whole currency units, exactly', () => {
    expect(niceAxis(289_822n, 4, 100n)).toEqual({ max: 300_000n, ticks: [0n, 100_000n, 200_000n, 300_000n] });
    expect(niceAxis(2_088_612n, 5, 100n).max).toBe(2_500_000n);
    expect(niceAxis(0n, 4, 100n).ticks).toEqual([0n, 100n]);
    expect(niceAxis(7n, 4, 1n).ticks).toEqual([0n, 2n, 4n, 6n, 8n]);
  });

  it('write compact amounts that still read as the figure', () => {
    expect(compactAmount(922_781n, USD)).toBe('9,228');
    expect(compactAmount(1_174_199n, USD)).toBe('11.7k');
    expect(compactAmount(1_300_000n, USD)).toBe('13k');
    expect(compactAmount(123_456_789n, USD)).toBe('1.23M');
    expect(compactAmount(95_000n, parsePricing('150', 'JPY'))).toBe('95k');
    expect(tickLabel(250_000_000n, USD)).toBe('2.5M');
    expect(tickLabel(200_000n, USD)).toBe('2,000');
  });

  it('shorten a name with an ellipsis to the width it has', () => {
    const long = 'Enterprise Customer Success and Professional Services (EMEA)';
    const fitted = fitText(long, 17, 200);
    expect(fitted.endsWith('…')).toBe(true);
    expect(textWidth(fitted, 17)).toBeLessThanOrEqual(200);
    expect(fitText('Growth', 17, 200)).toBe('Growth');
  });
});
