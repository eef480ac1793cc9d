import { describe, expect, it } from 'vitest';
import { ORG_COLOURS, OTHER_COLOUR, UNATTRIBUTED_COLOUR } from '#core/charts/chart-palette.js';
import { OTHER_SERIES_KEY } from '#core/charts/chart-series.js';
import { reportChartModels } from '#core/charts/report-charts.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { UNATTRIBUTED_ORG_NAME } from '#core/report/unattributed.js';
import { ELEVEN_ORGS, FIVE_ORGS, monthReport } from '../../charts/chart-fixture.js';
import { USD_2_25 } from '../../support/report-periods.js';
import { BILL, DIRECTORY, OCTOBER, SESSIONS } from '../report/reconciliation-scenario.js';

describe('the cost-by-org chart model', () => {
  it('has one bar per org with exactly the cents of the report, largest first, adding up to the total', () => {
    const report = monthReport('2026-11', FIVE_ORGS);
    const { costByOrg } = reportChartModels(report, []);

    expect(costByOrg.bars.map((bar) => bar.series.key)).toEqual([
      'org-pay',
      'org-data',
      'org-mobile',
      'org-growth',
      'org-tools',
    ]);
    for (const bar of costByOrg.bars) {
      expect(bar.costMinor).toBe(report.orgs.find((org) => org.orgId === bar.series.key)?.costMinor);
    }
    expect(costByOrg.bars.reduce((sum, bar) => sum + bar.costMinor, 0n)).toBe(report.totals.costMinor);
    expect(costByOrg.totalMinor).toBe(report.totals.costMinor);
    expect(costByOrg.bars.map((bar) => bar.series.label)).toContain('Data & ML');
    expect(costByOrg.period.label).toBe('November 2026');
    expect(costByOrg.pricing.currency).toBe('USD');
  });

  it('names seven orgs and puts the rest, to the cent, into Other when there are more than eight', () => {
    const report = monthReport('2026-11', ELEVEN_ORGS);
    const { costByOrg } = reportChartModels(report, []);

    expect(costByOrg.bars).toHaveLength(8);
    const other = costByOrg.bars.at(-1);
    expect(other?.series).toMatchObject({ key: OTHER_SERIES_KEY, label: 'Other (4 orgs)', other: true });
    const smallest = [...report.orgs].sort((a, b) => Number(a.costMinor - b.costMinor)).slice(0, 4);
    expect(other?.costMinor).toBe(smallest.reduce((sum, org) => sum + org.costMinor, 0n));
    expect(costByOrg.bars.reduce((sum, bar) => sum + bar.costMinor, 0n)).toBe(report.totals.costMinor);
    const shares = costByOrg.bars.reduce((sum, bar) => sum + bar.share, 0);
    expect(shares).toBeCloseTo(1, 10);
  });

  it('gives each named org its own colour and Other the neutral one', () => {
    const { costByOrg } = reportChartModels(monthReport('2026-11', ELEVEN_ORGS), []);
    const named = costByOrg.bars.filter((bar) => !bar.series.other).map((bar) => bar.series.colour);
    expect(new Set(named).size).toBe(named.length);
    expect(named).toEqual(ORG_COLOURS.slice(0, named.length));
    expect(costByOrg.bars.at(-1)?.series.colour).toBe(OTHER_COLOUR);
  });

  it('shows an org without a name by its ID and leaves orgs without cost out', () => {
    const report = monthReport('2026-11', { 'org-pay': 10, 'org-nameless': 5, 'org-zero': 0 });
    expect(report.orgs.find((org) => org.orgId === 'org-zero')?.costMinor).toBe(0n);
    const { costByOrg } = reportChartModels(report, []);
    expect(costByOrg.bars.map((bar) => bar.series.label)).toEqual(['Payments Platform', 'org-nameless']);
    expect(costByOrg.bars.reduce((sum, bar) => sum + bar.costMinor, 0n)).toBe(report.totals.costMinor);
  });
});

describe('the cost-by-org chart on the billed basis', () => {
  it('charts the bill to the cent, its Unattributed row last in its own colour, as in the table', () => {
    const report = buildChargebackReport({
      period: OCTOBER,
      pricing: USD_2_25,
      sessions: SESSIONS,
      directory: DIRECTORY,
      costBasis: 'billed',
      billed: { available: true, consumption: BILL },
    });
    const { costByOrg } = reportChartModels(report, []);
    expect(costByOrg.costBasis).toBe('billed');
    expect(costByOrg.totalMinor).toBe(5653n);
    expect(costByOrg.bars.map((bar) => [bar.series.key, bar.costMinor])).toEqual([
      ['org-a', 2925n],
      ['org-b', 1012n],
      ['org-d', 450n],
      ['(unattributed)', 1266n],
    ]);
    expect(costByOrg.bars.at(-1)?.series.colour).toBe(UNATTRIBUTED_COLOUR);
    expect(costByOrg.bars.at(-1)?.series.label).toBe(UNATTRIBUTED_ORG_NAME);
  });
});
