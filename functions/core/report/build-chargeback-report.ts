import { allocateMinorUnits } from '../money/allocate-minor-units.js';
import { costOf, roundCostToMinor } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { ReportPeriod } from '../period/report-period.js';
import type { Session } from '../session.js';
import { allocateSessionCosts } from './allocate-session-costs.js';
import type {
  ChargebackReport,
  OrgTotal,
  StatusTotal,
  TagTotal,
  UsageTotals,
  UserTotal,
} from './chargeback-report.js';
import type { Directory } from './directory.js';
import { groupSessions, type OrgGroup, type Tally } from './group-sessions.js';
import { byAmountDescending, byText } from './rank.js';
import { shareOf } from './share.js';

export interface ChargebackReportInput {
  readonly period: ReportPeriod;
  readonly pricing: Pricing;
  /** The period's sessions, already filtered to it and de-duplicated. */
  readonly sessions: readonly Session[];
  readonly directory: Directory;
}

const TOP_USERS = 10;

/**
 * The whole report from the period's sessions.
 *
 * Cents are allocated top down so every additive table reconciles: the
 * total's cents are the exact total cost rounded once; orgs share the total's
 * cents, users their org's, sessions their user's, statuses the total's (all
 * by largest remainder). Tags overlap, so each tag's cost is rounded on its own.
 */
export function buildChargebackReport(input: ChargebackReportInput): ChargebackReport {
  const { period, pricing, sessions, directory } = input;
  const groups = groupSessions(sessions);
  const totals = usage(groups.total, pricing, roundCostToMinor(costOf(groups.total.acus, pricing), pricing));

  const orgGroups = [...groups.orgs.values()].sort((a, b) => byAcusThenId(a, b, a.orgId, b.orgId));
  const orgCostMinor = allocate(totals.costMinor, orgGroups, pricing);
  const userCostMinor = new Array<bigint>(groups.users.length).fill(0n);
  const orgs = orgGroups.map((org, i) =>
    orgTotal(org, orgCostMinor[i] ?? 0n, totals, { pricing, directory, userCostMinor }),
  );

  return {
    period,
    pricing,
    totals,
    orgs,
    topUsers: topUsers(orgs),
    tags: tagTotals(groups.tags, pricing),
    statuses: statusTotals(groups.statuses, totals, pricing),
    sessionCostMinor: allocateSessionCosts(
      sessions,
      groups.sessionUser,
      groups.users,
      userCostMinor,
      pricing,
    ),
    names: directory.sources,
    costBasis: 'sessions',
    reconciliation: { available: false, reason: 'not requested' },
    comparison: { available: false, reason: 'not requested' },
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

function allocate(targetMinor: bigint, rows: readonly Tally[], pricing: Pricing): bigint[] {
  return allocateMinorUnits(
    targetMinor,
    rows.map((row) => costOf(row.acus, pricing)),
    pricing,
  );
}

function usage(tally: Tally, pricing: Pricing, costMinor: bigint): UsageTotals {
  return { sessions: tally.sessions, acus: tally.acus, exactCost: costOf(tally.acus, pricing), costMinor };
}

function byAcusThenId(a: Tally, b: Tally, idA: string | null, idB: string | null): number {
  return byAmountDescending(a.acus, b.acus) || byText(idA, idB);
}
