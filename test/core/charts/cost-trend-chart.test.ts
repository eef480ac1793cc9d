import { describe, expect, it } from 'vitest';
import { OTHER_SERIES_KEY } from '#core/charts/chart-series.js';
import { TREND_PERIODS } from '#core/charts/cost-trend-chart.js';
import { reportChartModels } from '#core/charts/report-charts.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { ELEVEN_ORGS, FIVE_ORGS, monthReport, monthSummary } from '../../charts/chart-fixture.js';

const MONTHS_2026 = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`);

describe('the cost trend model', () => {
  it('is absent without an earlier summary', () => {
    expect(reportChartModels(monthReport('2026-11', FIVE_ORGS), []).trend).toBeNull();
  });

  it('has a column per period with a summary, oldest first, skipping gaps, each adding up to its total', () => {
    const history = [monthSummary('2026-10', FIVE_ORGS), monthSummary('2026-08', { 'org-pay': 50 })];
    const report = monthReport('2026-11', FIVE_ORGS);
    const trend = reportChartModels(report, history).trend;

    expect(trend?.points.map((p) => p.period.slug)).toEqual(['2026-08', '2026-10', '2026-11']);
    expect(trend?.points.map((p) => p.period.axisLabel)).toEqual([
      ['Aug', '2026'],
      ['Oct', '2026'],
      ['Nov', '2026'],
    ]);
    const [august, october, november] = trend?.points ?? [];
    expect(august?.totalMinor).toBe(BigInt(history[1]?.totals.cost.minor ?? ''));
    expect(october?.totalMinor).toBe(BigInt(history[0]?.totals.cost.minor ?? ''));
    expect(november?.totalMinor).toBe(report.totals.costMinor);
    for (const point of trend?.points ?? []) {
      expect([...point.costs.values()].reduce((a, b) => a + b, 0n)).toBe(point.totalMinor);
    }
    expect(november?.costs.get('org-data')).toBe(report.orgs.find((o) => o.orgId === 'org-data')?.costMinor);
    expect(august?.costs.get('org-data')).toBe(0n);
    expect(trend?.series.some((s) => s.other)).toBe(false);
    expect(trend?.missingMonths).toEqual(['September 2026']);
  });

  it('keeps an org that vanished and one that is new, each in one colour on both charts', () => {
    const history = [monthSummary('2026-10', { 'org-pay': 100, 'org-gone': 80 })];
    const report = monthReport('2026-11', { 'org-pay': 120, 'org-new': 30 });
    const { costByOrg, trend } = reportChartModels(report, history);

    expect(trend?.series.map((s) => s.key)).toEqual(['org-pay', 'org-new', 'org-gone']);
    expect(trend?.points[1]?.costs.get('org-gone')).toBe(0n);
    expect(trend?.points[0]?.costs.get('org-new')).toBe(0n);
    expect(trend?.points[0]?.costs.get('org-gone')).toBe(BigInt(history[0]?.orgs[1]?.cost.minor ?? ''));
    const colours = new Map(trend?.series.map((s) => [s.key, s.colour]));
    for (const bar of costByOrg.bars) expect(colours.get(bar.series.key)).toBe(bar.series.colour);
    expect(new Set(colours.values()).size).toBe(3);
  });

  it('covers at most 12 periods: this one and the 11 latest before it', () => {
    const history = [...['2025-10', '2025-11', '2025-12'], ...MONTHS_2026].map((m) =>
      monthSummary(m, FIVE_ORGS),
    );
    const trend = reportChartModels(monthReport('2026-11', FIVE_ORGS), history).trend;
    expect(trend?.points).toHaveLength(TREND_PERIODS);
    expect(trend?.points[0]?.period.slug).toBe('2025-12');
    expect(trend?.points.at(-1)?.period.slug).toBe('2026-11');
    expect(trend?.missingMonths).toEqual([]);
  });

  it('ignores summaries of this period or later, and duplicates of one period', () => {
    const history = [
      monthSummary('2026-09', FIVE_ORGS),
      monthSummary('2026-09', FIVE_ORGS),
      monthSummary('2026-10', { 'org-pay': 1 }),
      monthSummary('2026-11', { 'org-pay': 1 }),
    ];
    const trend = reportChartModels(monthReport('2026-10', FIVE_ORGS), history).trend;
    expect(trend?.points.map((p) => p.period.slug)).toEqual(['2026-09', '2026-10']);
    expect(trend?.points[1]?.totalMinor).toBe(monthReport('2026-10', FIVE_ORGS).totals.costMinor);
  });

  it('leaves out, and names, a period charged in another currency', () => {
    const eur = parsePricing('2', 'EUR');
    const history = [monthSummary('2026-10', FIVE_ORGS), monthSummary('2026-09', FIVE_ORGS, eur)];
    const trend = reportChartModels(monthReport('2026-11', FIVE_ORGS), history).trend;
    expect(trend?.points.map((p) => p.period.slug)).toEqual(['2026-10', '2026-11']);
    expect(trend?.leftOut).toEqual(['September 2026 (charged in EUR)']);
  });

  it('folds orgs beyond the named ones into Other in every column, to the cent', () => {
    const history = MONTHS_2026.map((m) => monthSummary(m, ELEVEN_ORGS));
    const report = monthReport('2026-11', ELEVEN_ORGS);
    const trend = reportChartModels(report, history).trend;
    expect(trend?.series).toHaveLength(8);
    expect(trend?.series.at(-1)).toMatchObject({ key: OTHER_SERIES_KEY, other: true });
    for (const [i, point] of (trend?.points ?? []).entries()) {
      const sum = [...point.costs.values()].reduce((a, b) => a + b, 0n);
      expect(sum).toBe(point.totalMinor);
      const summary = history[i];
      if (summary) expect(point.totalMinor).toBe(BigInt(summary.totals.cost.minor));
    }
  });
});
