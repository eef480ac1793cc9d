import { costOf, roundCostToMinor } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { ReportPeriod } from '../period/report-period.js';
import type { Session } from '../session.js';
import { allocateSessionCosts } from './allocate-session-costs.js';
import type { BilledConsumption, BilledConsumptionResult } from './billed-consumption.js';
import { billedOrgTotals } from './billed-org-totals.js';
import type {
  ChargebackReport,
  OrgTotal,
  StatusTotal,
  TagTotal,
  UsageTotals,
  UserTotal,
} from './chargeback-report.js';
import { comparePeriods } from './compare-periods.js';
import type { CostBasis } from './cost-basis.js';
import { CostBasisUnavailableError } from './cost-basis-unavailable-error.js';
import type { Directory } from './directory.js';
import { groupSessions, type OrgGroup, type SessionGroups, type Tally } from './group-sessions.js';
import { byAmountDescending, byText } from './rank.js';
import { reconcileGroups } from './reconcile.js';
import type { ReconciliationStatus } from './reconciliation.js';
import { shareOf } from './share.js';
import type { SummaryDocument } from './summary-document-schema.js';
import { allocate, byAcusThenId, usage } from './usage-totals.js';

export interface ChargebackReportInput {
  readonly period: ReportPeriod;
  readonly pricing: Pricing;
  /** The period's sessions, already filtered to it and de-duplicated. */
  readonly sessions: readonly Session[];
  readonly directory: Directory;
  /** What the org and user tables charge; 'sessions' unless asked. */
  readonly costBasis?: CostBasis | undefined;
  /** The bill for the period's billing days; absent when not asked for. */
  readonly billed?: BilledConsumptionResult | undefined;
  /** Sessions created before the period and updated in it, as the API counted them; null if it could not. */
  readonly carriedIn?: number | null | undefined;
  /** The previous period's summary.json, or why there is none to compare with. */
  readonly previous?: SummaryDocument | { readonly reason: string } | undefined;
}

const TOP_USERS = 10;

/**
 * The whole report from the period's sessions, and from the bill when given.
 *
 * Cents are allocated top down so every additive table reconciles: the
 * total's cents are the exact total cost rounded once; orgs share the total's
 * cents, users their org's, sessions their user's, statuses the total's (all
 * by largest remainder). Tags overlap, so each tag's cost is rounded on its own.
 *
 * On the billed basis the total, orgs and users are the bill's (see
 * billedOrgTotals); tags, statuses and sessions stay session-based, with the
 * cents they have on the session basis, because the bill knows no sessions.
 *
 * @throws CostBasisUnavailableError on the billed basis without a bill
 */
export function buildChargebackReport(input: ChargebackReportInput): ChargebackReport {
  const { period, pricing, sessions, directory, costBasis = 'sessions', billed, carriedIn = null } = input;
  const bill = billed?.available ? billed.consumption : undefined;
  if (costBasis === 'billed' && bill === undefined) {
    throw new CostBasisUnavailableError(
      costBasis,
      billed?.available === false ? billed.reason : 'no billed consumption was read for this report',
    );
  }
  const groups = groupSessions(sessions);
  const sessionTotals = usage(
    groups.total,
    pricing,
    roundCostToMinor(costOf(groups.total.acus, pricing), pricing),
  );
  const sessionOrgGroups = [...groups.orgs.values()].sort((a, b) => byAcusThenId(a, b, a.orgId, b.orgId));
  const orgCostMinor = allocate(sessionTotals.costMinor, sessionOrgGroups, pricing);
  const userCostMinor = new Array<bigint>(groups.users.length).fill(0n);
  const sessionOrgs = sessionOrgGroups.map((org, i) =>
    orgTotal(org, orgCostMinor[i] ?? 0n, sessionTotals, { pricing, directory, userCostMinor }),
  );

  const totals =
    bill !== undefined && costBasis === 'billed' ? billedTotals(groups, bill, pricing) : sessionTotals;
  const orgs =
    bill !== undefined && costBasis === 'billed'
      ? billedOrgTotals(groups, bill, totals, pricing, directory)
      : sessionOrgs;
  const report: ChargebackReport = {
    period,
    pricing,
    totals,
    orgs,
    topUsers: topUsers(orgs),
    tags: tagTotals(groups.tags, pricing),
    statuses: statusTotals(groups.statuses, sessionTotals, pricing),
    sessionCostMinor: allocateSessionCosts(
      sessions,
      groups.sessionUser,
      groups.users,
      userCostMinor,
      pricing,
    ),
    names: directory.sources,
    costBasis,
    reconciliation: reconciliationOf(groups, input, billed, carriedIn, costBasis),
    comparison: { available: false, reason: 'not requested' },
  };
  const { previous } = input;
  if (previous === undefined) return report;
  return {
    ...report,
    comparison:
      'schemaVersion' in previous
        ? comparePeriods(report, previous)
        : { available: false, reason: previous.reason },
  };
}

/** The bill's ACUs and cents; the session count stays the sessions'. */
function billedTotals(groups: SessionGroups, bill: BilledConsumption, pricing: Pricing): UsageTotals {
  const billedTally = { sessions: groups.total.sessions, acus: bill.totalAcus };
  return usage(billedTally, pricing, roundCostToMinor(costOf(bill.totalAcus, pricing), pricing));
}

function reconciliationOf(
  groups: SessionGroups,
  input: ChargebackReportInput,
  billed: BilledConsumptionResult | undefined,
  carriedIn: number | null,
  costBasis: CostBasis,
): ReconciliationStatus {
  if (billed === undefined) return { available: false, reason: 'not requested' };
  if (!billed.available) return billed;
  const { sessions, period, directory } = input;
  return {
    available: true,
    reconciliation: reconcileGroups(groups, {
      sessions,
      billed: billed.consumption,
      period,
      directory,
      carriedIn,
      costBasis,
    }),
  };
}

interface OrgContext {
  readonly pricing: Pricing;
  readonly directory: Directory;
  /** Filled in per user ordinal, for the sessions' allocation. */
  readonly userCostMinor: bigint[];
}

function orgTotal(org: OrgGroup, costMinor: bigint, totals: UsageTotals, context: OrgContext): OrgTotal {
  const { pricing, directory, userCostMinor } = context;
  const userGroups = [...org.users.values()].sort((a, b) => byAcusThenId(a, b, a.userId, b.userId));
  const allocated = allocate(costMinor, userGroups, pricing);
  const users = userGroups.map((user, i): UserTotal => {
    const minor = allocated[i] ?? 0n;
    userCostMinor[user.ordinal] = minor;
    const person = user.userId === null ? undefined : directory.users.get(user.userId);
    return {
      ...usage(user, pricing, minor),
      orgId: org.orgId,
      userId: user.userId,
      userName: person?.name ?? null,
      email: person?.email ?? null,
      shareOfOrg: shareOf(user.acus, org.acus),
    };
  });
  return {
    ...usage(org, pricing, costMinor),
    orgId: org.orgId,
    orgName: directory.orgNames.get(org.orgId) ?? null,
    shareOfAcus: shareOf(org.acus, totals.acus),
    users,
  };
}

/** Named users only: "no user" is not someone finance can talk to. */
function topUsers(orgs: readonly OrgTotal[]): UserTotal[] {
  return orgs
    .flatMap((org) => org.users.filter((user) => user.userId !== null))
    .sort(
      (a, b) => byAmountDescending(a.acus, b.acus) || byText(a.orgId, b.orgId) || byText(a.userId, b.userId),
    )
    .slice(0, TOP_USERS);
}

function tagTotals(tags: ReadonlyMap<string | null, Tally>, pricing: Pricing): TagTotal[] {
  return [...tags]
    .sort(([tagA, a], [tagB, b]) => {
      // The untagged row goes last whatever its size: it is the remainder, not a tag.
      if ((tagA === null) !== (tagB === null)) return tagA === null ? 1 : -1;
      return byAcusThenId(a, b, tagA, tagB);
    })
    .map(([tag, tally]) => ({
      ...usage(tally, pricing, roundCostToMinor(costOf(tally.acus, pricing), pricing)),
      tag,
    }));
}

function statusTotals(
  statuses: ReadonlyMap<string, Tally>,
  totals: UsageTotals,
  pricing: Pricing,
): StatusTotal[] {
  const rows = [...statuses].sort(
    ([statusA, a], [statusB, b]) => b.sessions - a.sessions || byText(statusA, statusB),
  );
  const allocated = allocate(
    totals.costMinor,
    rows.map(([, tally]) => tally),
    pricing,
  );
  return rows.map(([status, tally], i) => ({ ...usage(tally, pricing, allocated[i] ?? 0n), status }));
}
