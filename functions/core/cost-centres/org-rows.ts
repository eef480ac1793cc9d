import type { Acus } from '../money/acus.js';
import type { ChargebackReport, UsageTotals } from '../report/chargeback-report.js';
import { orgChangeOf } from '../report/compare-periods.js';
import type { OrgChange } from '../report/period-comparison.js';
import { byAmountDescending, byText } from '../report/rank.js';
import { shareOf } from '../report/share.js';
import { UNATTRIBUTED_ORG_ID } from '../report/unattributed.js';
import { usageTotalsOf } from '../report/usage-totals.js';
import { type CostCentreMap, UNATTRIBUTED_CODE } from './cost-centre-map.js';
import { costCentreOfOrg } from './cost-centre-of-session.js';
import type { CostCentreReport } from './cost-centre-report.js';

/**
 * A row of By Org (and of the Summary's By org): one org, or, with a
 * cost-centre map, one org's usage in one cost centre it was charged to. Every
 * number but Change % adds up over the rows, so a pivot by any column is right.
 */
export interface OrgRow extends UsageTotals {
  readonly orgId: string;
  readonly orgName: string | null;
  /** Where this row's money went (as By Cost Centre and the journal post it); absent without a map. */
  readonly code?: string;
  /** The cost centre the map gives the org as a whole; absent without a map. */
  readonly defaultCode?: string;
  /** This row's cents ÷ the period's cents. */
  readonly shareOfCost: number;
  /** This row against the same org (× cost centre) in the previous period; absent without a comparison. */
  readonly change?: OrgChange;
  /** False for a row kept only for its previous usage (an org or a cost centre gone since). */
  readonly hasUsage: boolean;
  /** The org as a whole had no usage this period. */
  readonly orgVanished: boolean;
}

/** Where a row's previous figures come from (said under the sheet). */
export type PreviousSplitSource = 'recorded' | 'default-cost-centre' | 'none';

type Usage = UsageTotals;

interface Previous {
  readonly acus: Acus;
  readonly costMinor: bigint | null;
}

const NO_USAGE: Usage = { sessions: 0, acus: 0n, exactCost: 0n, costMinor: 0n };

/** The cost centre of the org as a whole: its org rule, or where the billed basis puts the no-org line. */
export function defaultCodeOf(map: CostCentreMap, orgId: string): string {
  if (orgId === UNATTRIBUTED_ORG_ID && !map.orgRules.has(orgId)) return UNATTRIBUTED_CODE;
  return costCentreOfOrg(map, orgId).code;
}

/**
 * By Org's rows in report order (then the orgs gone since the previous period),
 * an org's cost centres together, by cost descending. Without a map, one row
 * per org as before.
 */
export function orgRows(report: ChargebackReport): OrgRow[] {
  const { comparison, totals, costCentres } = report;
  const available = comparison.available ? comparison : undefined;
  const centsCompare = available?.previousCostMinor !== null;
  const side = (acus: Acus, costMinor: bigint | null): Previous => ({
    acus,
    costMinor: centsCompare ? costMinor : null,
  });
  const orgs = [
    ...report.orgs.map((org) => ({ orgId: org.orgId, orgName: org.orgName, vanished: false })),
    ...(available?.orgs ?? [])
      .filter((change) => change.status === 'vanished')
      .map((change) => ({ orgId: change.orgId, orgName: change.orgName, vanished: true })),
  ];
  if (costCentres === undefined) return unsplitRows(report, orgs);
  const currentOf = currentUsage(costCentres);
  const previousOf = previousUsage(report, costCentres);
  const rows: OrgRow[] = [];
  for (const org of orgs) {
    const current = currentOf.get(org.orgId) ?? new Map<string, Usage>();
    const previous = previousOf.get(org.orgId) ?? new Map<string, Previous>();
    const codes = [...new Set([...current.keys(), ...previous.keys()])];
    const ofOrg = codes.map((code): OrgRow => {
      const now = current.get(code);
      const before = previous.get(code);
      const usage = now ?? NO_USAGE;
      return {
        orgId: org.orgId,
        orgName: org.orgName,
        code,
        defaultCode: defaultCodeOf(costCentres.map, org.orgId),
        ...usageTotalsOf(usage),
        shareOfCost: shareOf(usage.costMinor, totals.costMinor),
        ...(available !== undefined && {
          change: orgChangeOf(
            org.orgId,
            org.orgName,
            before && side(before.acus, before.costMinor),
            now && side(now.acus, now.costMinor),
          ),
        }),
        hasUsage: now !== undefined,
        orgVanished: org.vanished,
      };
    });
    ofOrg.sort(
      (a, b) =>
        byAmountDescending(a.costMinor, b.costMinor) ||
        byAmountDescending(a.change?.previousAcus ?? 0n, b.change?.previousAcus ?? 0n) ||
        byText(a.code ?? null, b.code ?? null),
    );
    rows.push(...ofOrg);
  }
  return rows;
}

/** Without a map: one row per org, with the comparison's own change of the org. */
function unsplitRows(
  report: ChargebackReport,
  orgs: readonly { orgId: string; orgName: string | null; vanished: boolean }[],
): OrgRow[] {
  const { comparison, totals } = report;
  const changes = new Map(
    comparison.available ? comparison.orgs.map((change) => [change.orgId, change]) : [],
  );
  const usage = new Map(report.orgs.map((org) => [org.orgId, org]));
  return orgs.map((org): OrgRow => {
    const now = usage.get(org.orgId) ?? NO_USAGE;
    const change = changes.get(org.orgId);
    return {
      orgId: org.orgId,
      orgName: org.orgName,
      ...usageTotalsOf(now),
      shareOfCost: shareOf(now.costMinor, totals.costMinor),
      ...(change !== undefined && { change }),
      hasUsage: !org.vanished,
      orgVanished: org.vanished,
    };
  });
}

/** Each org's usage by cost centre. */
function currentUsage(costCentres: CostCentreReport): Map<string, Map<string, Usage>> {
  const found = new Map<string, Map<string, Usage>>();
  for (const split of costCentres.orgSplits) {
    const ofOrg = found.get(split.orgId) ?? new Map<string, Usage>();
    ofOrg.set(split.code, split);
    found.set(split.orgId, ofOrg);
  }
  return found;
}

/**
 * Each org's previous usage by cost centre: as the previous summary.json
 * recorded it when it adds up to each org's previous ACUs, else the whole org
 * on its default cost centre's row (see previousSplitSource).
 */
function previousUsage(
  report: ChargebackReport,
  costCentres: CostCentreReport,
): Map<string, Map<string, Previous>> {
  const found = new Map<string, Map<string, Previous>>();
  const { comparison } = report;
  if (!comparison.available) return found;
  const source = previousSplitSource(report);
  if (source === 'recorded' && costCentres.previousOrgSplits !== undefined) {
    for (const split of costCentres.previousOrgSplits) {
      const ofOrg = found.get(split.orgId) ?? new Map<string, Previous>();
      ofOrg.set(split.code, split);
      found.set(split.orgId, ofOrg);
    }
    return found;
  }
  for (const change of comparison.orgs) {
    if (change.previousAcus === null) continue;
    const code = defaultCodeOf(costCentres.map, change.orgId);
    found.set(
      change.orgId,
      new Map([[code, { acus: change.previousAcus, costMinor: change.previousCostMinor ?? 0n }]]),
    );
  }
  return found;
}

/**
 * Whether the previous period's usage per org × cost centre is known: recorded
 * (and adding up, org by org, to what the comparison compares), or put on each
 * org's default cost centre because the previous report did not record it.
 */
export function previousSplitSource(report: ChargebackReport): PreviousSplitSource {
  const { comparison, costCentres } = report;
  if (!comparison.available || costCentres === undefined) return 'none';
  const recorded = costCentres.previousOrgSplits;
  if (recorded === undefined) return 'default-cost-centre';
  const sums = new Map<string, Acus>();
  for (const split of recorded) sums.set(split.orgId, (sums.get(split.orgId) ?? 0n) + split.acus);
  const adds = comparison.orgs.every((change) => (sums.get(change.orgId) ?? null) === change.previousAcus);
  return adds && sums.size === comparison.orgs.filter((c) => c.previousAcus !== null).length
    ? 'recorded'
    : 'default-cost-centre';
}
