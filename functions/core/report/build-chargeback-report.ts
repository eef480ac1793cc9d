import { costOf, roundCostToMinor } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { ReportPeriod } from '../period/report-period.js';
import type { Session } from '../session.js';
import { allocateSessionCosts } from './allocate-session-costs.js';
import type { BilledConsumption, BilledConsumptionResult } from './billed-consumption.js';
import { billedOrgTotals } from './billed-org-totals.js';
import { billedSessionsOf } from './billed-sessions.js';
import { bridgeToBill } from './bridge.js';
import type { ChargebackReport, OrgTotal, StatusTotal, TagTotal, UsageTotals } from './chargeback-report.js';
import { comparePeriods } from './compare-periods.js';
import type { CostBasis } from './cost-basis.js';
import { CostBasisUnavailableError } from './cost-basis-unavailable-error.js';
import { withDeletedOrgNames } from './deleted-org-names.js';
import type { Directory } from './directory.js';
import { groupSessions, type SessionGroups, type Tally } from './group-sessions.js';
import { type PersonTotal, peopleOf, TOP_USERS } from './people.js';
import type { PeriodComparison } from './period-comparison.js';
import { byStatusRow, byTagRow } from './rank.js';
import { reconcileGroups } from './reconcile.js';
import type { ReconciliationStatus, SessionCents } from './reconciliation.js';
import { sessionCostSums } from './session-cost-sums.js';
import type { SessionEdgesResult } from './session-edges.js';
import { sessionOrgTotals } from './session-org-totals.js';
import type { SummaryDocument } from './summary-document-schema.js';
import { unsettledOfGroups } from './unsettled.js';
import { usage } from './usage-totals.js';

export interface ChargebackReportInput {
  readonly period: ReportPeriod;
  readonly pricing: Pricing;
  /** The period's sessions, already filtered to it and de-duplicated. */
  readonly sessions: Iterable<Session>;
  readonly directory: Directory;
  /** What the org and user tables charge; 'sessions' unless asked. */
  readonly costBasis?: CostBasis | undefined;
  /** The bill for the period's billing days; absent when not asked for. */
  readonly billed?: BilledConsumptionResult | undefined;
  /** Sessions created before the period and updated in it, as the API counted them; null if it could not. */
  readonly carriedIn?: number | null | undefined;
  /** Per-session consumption of the sessions crossing the period's edges (v3), for the walk to the bill. */
  readonly edges?: SessionEdgesResult | undefined;
  /** The previous period's summary.json, or why there is none to compare with. */
  readonly previous?: SummaryDocument | { readonly reason: string } | undefined;
}

/**
 * The whole report from the period's sessions, and from the bill when given.
 *
 * Cents are allocated top down so every additive table reconciles: the
 * total's cents are the exact total cost rounded once; orgs share the total's
 * cents, users their org's, sessions their user's (all by largest
 * remainder). Tags and statuses cost the sum of their sessions' cents, so a
 * filter on the Sessions sheet reproduces them exactly (tags overlap, so
 * their rows still do not add up to the total).
 *
 * On the billed basis the total, orgs and users are the bill's (see
 * billedOrgTotals); tags, statuses and sessions stay session-based, with the
 * cents they have on the session basis, because the bill knows no sessions.
 *
 * @throws CostBasisUnavailableError on the billed basis without a bill
 */
export function buildChargebackReport(input: ChargebackReportInput): ChargebackReport {
  const { period, pricing, sessions, costBasis = 'sessions', billed } = input;
  const chargedBill = costBasis === 'billed' ? requireBill(costBasis, billed) : undefined;
  const groups = groupSessions(sessions, period);
  const directory = namedDirectory(input, groups);
  const bySessions = sessionOrgTotals(groups, pricing, directory);
  const totals = chargedBill === undefined ? bySessions.totals : billedTotals(groups, chargedBill, pricing);
  const orgs =
    chargedBill === undefined
      ? bySessions.orgs
      : billedOrgTotals(groups, chargedBill, totals, pricing, directory);
  const sessionCostMinor = allocateSessionCosts(
    groups.sessionAcus,
    groups.sessionUser,
    groups.users,
    bySessions.userCostMinor,
    pricing,
  );
  const costSums = sessionCostSums(groups, sessionCostMinor);
  const report: ChargebackReport = {
    period,
    pricing,
    totals,
    orgs,
    topUsers: topUsers(orgs),
    tags: tagTotals(groups.tags, costSums.tags, pricing),
    statuses: statusTotals(groups.statuses, costSums.statuses, pricing),
    sessionCostMinor,
    unsettled: unsettledOfGroups(groups, sessionCostMinor),
    names: directory.sources,
    costBasis,
    reconciliation: reconciliationOf(groups, { ...input, directory }, costBasis),
    sessionCents: sessionCentsOfGroups(groups, bySessions.userCostMinor),
    comparison: { available: false, reason: 'not requested' },
    ...billedSessionsFor(costBasis, sessions, input.edges),
  };
  return input.previous === undefined
    ? report
    : { ...report, comparison: comparisonOf(report, input.previous) };
}

/** The directory, with a name for every org of the sessions or the bill that it no longer lists. */
function namedDirectory(input: ChargebackReportInput, groups: SessionGroups): Directory {
  const billedOrgs = input.billed?.available ? input.billed.consumption.byOrg.keys() : [];
  const earlier = input.previous !== undefined && 'orgs' in input.previous ? [input.previous] : [];
  return withDeletedOrgNames(input.directory, [...groups.orgs.keys(), ...billedOrgs], earlier);
}

/** A report charged by the bill has no numbers without one: fail rather than charge something else. */
function requireBill(costBasis: CostBasis, billed: BilledConsumptionResult | undefined): BilledConsumption {
  if (billed === undefined) {
    throw new CostBasisUnavailableError(costBasis, 'no billed consumption was read for this report');
  }
  if (!billed.available) throw new CostBasisUnavailableError(costBasis, billed.reason);
  return billed.consumption;
}

/** The bill's ACUs and cents; the session count stays the sessions'. */
function billedTotals(groups: SessionGroups, bill: BilledConsumption, pricing: Pricing): UsageTotals {
  const billedTally = { sessions: groups.total.sessions, acus: bill.totalAcus };
  return usage(billedTally, pricing, roundCostToMinor(costOf(bill.totalAcus, pricing), pricing));
}

function reconciliationOf(
  groups: SessionGroups,
  input: ChargebackReportInput,
  costBasis: CostBasis,
): ReconciliationStatus {
  const { billed, sessions, period, directory, carriedIn = null } = input;
  if (billed === undefined) return { available: false, reason: 'not requested' };
  if (!billed.available) return billed;
  const reconciliation = reconcileGroups(groups, {
    sessions,
    billed: billed.consumption,
    period,
    directory,
    carriedIn,
    costBasis,
  });
  const { unattributedByProduct } = billed.consumption;
  const edges = input.edges ?? { available: false, reason: 'not requested' };
  const bridge = bridgeToBill({
    sessionAcus: groups.total.acus,
    billed: billed.consumption,
    edges,
    pricing: input.pricing,
  });
  return {
    available: true,
    reconciliation: {
      ...reconciliation,
      bridge,
      ...(unattributedByProduct && { unattributedByProduct }),
    },
  };
}

/** Each user's cents are the sum of its sessions' (allocation shares them out exactly), so no pass is needed. */
function sessionCentsOfGroups(groups: SessionGroups, userCostMinor: readonly bigint[]): SessionCents {
  const byOrg = new Map<string, bigint>();
  const byUser = new Map<string | null, bigint>();
  let total = 0n;
  for (const user of groups.users) {
    const cents = userCostMinor[user.ordinal] ?? 0n;
    byOrg.set(user.orgId, (byOrg.get(user.orgId) ?? 0n) + cents);
    byUser.set(user.userId, (byUser.get(user.userId) ?? 0n) + cents);
    total += cents;
  }
  return { byOrg, byUser, total };
}

function comparisonOf(
  report: ChargebackReport,
  previous: SummaryDocument | { readonly reason: string },
): PeriodComparison {
  return 'schemaVersion' in previous
    ? comparePeriods(report, previous)
    : { available: false, reason: previous.reason };
}

/** Named users only ("no user" is not someone finance can talk to), once each over all orgs. */
function topUsers(orgs: readonly OrgTotal[]): PersonTotal[] {
  return peopleOf(orgs).slice(0, TOP_USERS);
}

function tagTotals(
  tags: ReadonlyMap<string | null, Tally>,
  costs: ReadonlyMap<string | null, bigint>,
  pricing: Pricing,
): TagTotal[] {
  return [...tags]
    .map(([tag, tally]) => ({ ...usage(tally, pricing, costs.get(tag) ?? 0n), tag }))
    .sort(byTagRow);
}

/** The sums of their sessions' cents: statuses are of sessions on either basis. */
function statusTotals(
  statuses: ReadonlyMap<string, Tally>,
  costs: ReadonlyMap<string, bigint>,
  pricing: Pricing,
): StatusTotal[] {
  return [...statuses]
    .map(([status, tally]) => ({ ...usage(tally, pricing, costs.get(status) ?? 0n), status }))
    .sort(byStatusRow);
}

function billedSessionsFor(
  costBasis: CostBasis,
  sessions: Iterable<Session>,
  edges: SessionEdgesResult | undefined,
): Pick<ChargebackReport, 'billedSessions'> {
  if (costBasis !== 'billed' || edges === undefined) return {};
  const billedSessions = billedSessionsOf(sessions, edges);
  return billedSessions === null ? {} : { billedSessions };
}
