import type { Pricing } from '../money/pricing.js';
import { monthLabel } from '../period/period-label.js';
import type { ChargebackReport } from '../report/chargeback-report.js';
import { byAmountDescending, byText } from '../report/rank.js';
import type { SummaryDocument } from '../report/summary-document-schema.js';
import { type ChartPeriod, chartPeriod } from './chart-period.js';
import { type ChartSeries, OTHER_SERIES_KEY } from './chart-series.js';
import { namedOrgs, type OrgColours, orgSeries, otherSeries, type RankedOrg } from './org-series.js';

/** This period and at most this many before it: a year of monthly reports. */
export const TREND_PERIODS = 12;

/** One column of the trend: a period's cost, split by the chart's series. */
export interface TrendPoint {
  readonly period: ChartPeriod;
  /** The period's total cost as its report charged it. */
  readonly totalMinor: bigint;
  /** Cost by series key; the values add up to totalMinor exactly (Other takes the rest). */
  readonly costs: ReadonlyMap<string, bigint>;
}

export interface CostTrendChart {
  readonly pricing: Pick<Pricing, 'currency' | 'minorDigits'>;
  /** Named orgs in rank order, Other last when there is one. */
  readonly series: readonly ChartSeries[];
  /** Oldest first; the report's own period last. */
  readonly points: readonly TrendPoint[];
  /** Earlier reports left out, and why (another currency), for the chart's note. */
  readonly leftOut: readonly string[];
  /** Whole months inside the span with no report, e.g. ['March 2026']: the chart says so, not a gap alone. */
  readonly missingMonths: readonly string[];
}

/** A period's figures, whether from this run's report or from an earlier summary.json. */
interface PeriodCosts {
  readonly period: ChartPeriod;
  readonly totalMinor: bigint;
  readonly orgs: readonly {
    readonly orgId: string;
    readonly orgName: string | null;
    readonly costMinor: bigint;
  }[];
}

/**
 * Cost by org over this period and up to 11 earlier ones that have a
 * summary.json. Gaps are not filled in: a month without a report is simply
 * not a column. Orgs that appear or vanish on the way keep their series (zero
 * where they had no cost), so no period's column loses a cent.
 *
 * @param ranked the cost-by-org chart's orgs first, so shared orgs rank (and colour) the same
 */
export function costTrendChart(
  report: ChargebackReport,
  history: readonly SummaryDocument[],
  colours: OrgColours,
  ranked: readonly RankedOrg[],
): CostTrendChart | null {
  const { pricing } = report;
  const leftOut: string[] = [];
  const earlier = new Map<string, PeriodCosts>();
  for (const summary of history) {
    if (Date.parse(summary.period.from) >= report.period.from.getTime()) continue;
    if (
      summary.pricing.currency !== pricing.currency ||
      summary.pricing.minorDigits !== pricing.minorDigits
    ) {
      leftOut.push(`${summary.period.label} (charged in ${summary.pricing.currency})`);
      continue;
    }
    earlier.set(summary.period.slug, fromSummary(summary));
  }
  const periods = [...earlier.values()]
    .sort((a, b) => a.period.from.getTime() - b.period.from.getTime())
    .slice(-(TREND_PERIODS - 1));
  if (periods.length === 0) return null;
  periods.push(fromReport(report));

  const { named, othersCount, unattributed } = namedOrgs(trendRanking(periods, ranked));
  const series = named.map((org) => orgSeries(org, colours));
  const apart = unattributed && orgSeries(unattributed, colours);
  const points = periods.map((p): TrendPoint => {
    const costs = new Map<string, bigint>();
    const byOrg = new Map(p.orgs.map((org) => [org.orgId, org.costMinor]));
    let namedSum = 0n;
    for (const s of apart ? [...series, apart] : series) {
      const cost = byOrg.get(s.key) ?? 0n;
      costs.set(s.key, cost);
      namedSum += cost;
    }
    costs.set(OTHER_SERIES_KEY, p.totalMinor - namedSum);
    return { period: p.period, totalMinor: p.totalMinor, costs };
  });
  const otherUsed = points.some((p) => p.costs.get(OTHER_SERIES_KEY) !== 0n);
  if (othersCount > 0 || otherUsed) series.push(otherSeries(othersCount));
  else for (const p of points) (p.costs as Map<string, bigint>).delete(OTHER_SERIES_KEY);
  if (apart) series.push(apart);
  return { pricing, series, points, leftOut, missingMonths: missingMonths(points) };
}

/** Calendar months between the first and last column that have none (month reports only). */
function missingMonths(points: readonly TrendPoint[]): string[] {
  const slugs = points.map((p) => p.period.slug);
  if (!slugs.every((slug) => /^\d{4}-\d{2}$/.test(slug))) return [];
  const present = new Set(slugs);
  const [first, last] = [slugs[0] ?? '', slugs.at(-1) ?? ''];
  const missing: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const slug = `${year}-${String(month).padStart(2, '0')}`;
    if (slug >= last) break;
    if (!present.has(slug)) missing.push(monthLabel({ year, month }));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return missing;
}

/** The given ranking first, then every other org with cost in the window, by its total over it. */
function trendRanking(periods: readonly PeriodCosts[], ranked: readonly RankedOrg[]): RankedOrg[] {
  const totals = new Map<string, { org: RankedOrg; cost: bigint }>();
  // Later periods win for names: the latest name an org was reported under.
  for (const p of periods) {
    for (const org of p.orgs) {
      const seen = totals.get(org.orgId);
      totals.set(org.orgId, {
        org: { orgId: org.orgId, orgName: org.orgName ?? seen?.org.orgName ?? null },
        cost: (seen?.cost ?? 0n) + org.costMinor,
      });
    }
  }
  const first = ranked.filter((org) => totals.has(org.orgId));
  const firstIds = new Set(first.map((org) => org.orgId));
  const rest = [...totals.values()]
    .filter(({ org, cost }) => !firstIds.has(org.orgId) && cost !== 0n)
    .sort((a, b) => byAmountDescending(a.cost, b.cost) || byText(a.org.orgId, b.org.orgId))
    .map(({ org }) => org);
  return [...first.map((org) => totals.get(org.orgId)?.org ?? org), ...rest];
}

function fromReport(report: ChargebackReport): PeriodCosts {
  return {
    period: chartPeriod(report.period),
    totalMinor: report.totals.costMinor,
    orgs: report.orgs.map((org) => ({ orgId: org.orgId, orgName: org.orgName, costMinor: org.costMinor })),
  };
}

function fromSummary(summary: SummaryDocument): PeriodCosts {
  return {
    period: chartPeriod(summary.period),
    totalMinor: BigInt(summary.totals.cost.minor),
    orgs: summary.orgs.map((org) => ({
      orgId: org.orgId,
      orgName: org.orgName,
      costMinor: BigInt(org.cost.minor),
    })),
  };
}
