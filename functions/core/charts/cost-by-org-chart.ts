import type { Pricing } from '../money/pricing.js';
import type { ChargebackReport } from '../report/chargeback-report.js';
import type { CostBasis } from '../report/cost-basis.js';
import { byAmountDescending, byText } from '../report/rank.js';
import { type ChartPeriod, chartPeriod } from './chart-period.js';
import type { ChartSeries } from './chart-series.js';
import { namedOrgs, type OrgColours, orgSeries, otherSeries, type RankedOrg } from './org-series.js';

export interface CostBar {
  readonly series: ChartSeries;
  /** The org's charged cost in minor units, exactly as in the By Org table. */
  readonly costMinor: bigint;
  /** costMinor ÷ the period's total, 0..1, for display (0 when the total is 0). */
  readonly share: number;
}

/** The period's cost by org: one bar per org, largest first, Other last. */
export interface CostByOrgChart {
  readonly period: ChartPeriod;
  readonly pricing: Pick<Pricing, 'currency' | 'minorDigits'>;
  readonly costBasis: CostBasis;
  /** The report's total cost; the bars add up to it exactly. */
  readonly totalMinor: bigint;
  readonly bars: readonly CostBar[];
}

/** The report's orgs by cost, largest first (the order the charts hand out colours in). */
export function orgsByCost(report: Pick<ChargebackReport, 'orgs'>): RankedOrg[] {
  return [...report.orgs]
    .filter((org) => org.costMinor !== 0n)
    .sort((a, b) => byAmountDescending(a.costMinor, b.costMinor) || byText(a.orgId, b.orgId))
    .map((org) => ({ orgId: org.orgId, orgName: org.orgName }));
}

/**
 * Built from the report's own rows, never re-priced: each bar is an org's
 * allocated cents, Other is the total less the named bars, so the chart and
 * the workbook agree to the cent. Orgs without cost get no bar.
 */
export function costByOrgChart(report: ChargebackReport, colours: OrgColours): CostByOrgChart {
  const totalMinor = report.totals.costMinor;
  const costs = new Map(report.orgs.map((org) => [org.orgId, org.costMinor]));
  const { named, othersCount, unattributed } = namedOrgs(orgsByCost(report));
  const bar = (series: ChartSeries, costMinor: bigint): CostBar => ({
    series,
    costMinor,
    share: totalMinor === 0n ? 0 : Number(costMinor) / Number(totalMinor),
  });
  const bars = named.map((org) => bar(orgSeries(org, colours), costs.get(org.orgId) ?? 0n));
  const last = unattributed && bar(orgSeries(unattributed, colours), costs.get(unattributed.orgId) ?? 0n);
  const rest = totalMinor - bars.reduce((sum, b) => sum + b.costMinor, 0n) - (last?.costMinor ?? 0n);
  if (othersCount > 0 || rest !== 0n) bars.push(bar(otherSeries(othersCount), rest));
  if (last) bars.push(last);
  return {
    period: chartPeriod(report.period),
    pricing: report.pricing,
    costBasis: report.costBasis,
    totalMinor,
    bars,
  };
}
