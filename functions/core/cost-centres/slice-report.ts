import type { Acus } from '../money/acus.js';
import { costOf } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type {
  ChargebackReport,
  OrgTotal,
  StatusTotal,
  TagTotal,
  UsageTotals,
  UserTotal,
} from '../report/chargeback-report.js';
import { peopleOf } from '../report/people.js';
import { provisionalFigures } from '../report/provisional.js';
import { byAmountDescending, byText } from '../report/rank.js';
import { shareOf } from '../report/share.js';
import type { Session } from '../session.js';
import { UNMAPPED_CODE } from './cost-centre-map.js';
import { costCentreOfOrg, costCentreOfSession } from './cost-centre-of-session.js';
import { NO_CREDIT_ACCOUNT } from './credit-accounts.js';
import { buildJournal } from './journal.js';

/** One budget owner's part of a report, for the same workbook writer and email renderer. */
export interface ReportSlice {
  readonly report: ChargebackReport;
  readonly sessions: readonly Session[];
}

interface Sum {
  sessions: number;
  acus: Acus;
  costMinor: bigint;
}

const TOP_USERS = 10;

/**
 * The report cut down to some cost centres: only their sessions, orgs and
 * users, with the cents they have in the full report (never re-rounded), so
 * the owner sees exactly the amount the journal debits them. Nothing of any
 * other cost centre is in it.
 */
export function sliceReport(
  report: ChargebackReport,
  sessions: Iterable<Session>,
  codes: ReadonlySet<string>,
): ReportSlice {
  const costCentres = report.costCentres;
  if (costCentres === undefined)
    throw new RangeError('a report without cost centres cannot be sliced by them');
  const { map } = costCentres;
  const byOrgRule = report.costBasis === 'billed';
  const codeOf = (session: Session) =>
    byOrgRule ? costCentreOfOrg(map, session.orgId).code : costCentreOfSession(map, session).code;
  const keptSessions: Session[] = [];
  const keptCosts: bigint[] = [];
  const orgCodes = new Map<string, Set<string>>();
  let i = -1;
  for (const session of sessions) {
    i += 1;
    const code = codeOf(session);
    if (!codes.has(code)) continue;
    orgCodes.set(session.orgId, (orgCodes.get(session.orgId) ?? new Set()).add(code));
    keptSessions.push(session);
    keptCosts.push(report.sessionCostMinor[i] ?? 0n);
  }
  const orgs = byOrgRule
    ? report.orgs.filter((org) => codes.has(costCentreOfOrg(map, org.orgId).code))
    : orgsOfSessions(report, keptSessions, keptCosts);
  const totals = sumOf(orgs, report.pricing);
  const rows = costCentres.rows.filter((row) => codes.has(row.code));
  const sliced: ChargebackReport = {
    ...report,
    totals,
    orgs: orgs.map((org) => ({ ...org, shareOfAcus: shareOf(org.acus, totals.acus) })),
    topUsers: peopleOf(orgs).slice(0, TOP_USERS),
    tags: tagsOf(keptSessions, keptCosts, report.pricing),
    statuses: statusesOf(keptSessions, keptCosts, report.pricing),
    sessionCostMinor: BigInt64Array.from(keptCosts),
    // Only the slice's own running or carried-out sessions make the owner's figures provisional.
    provisional: provisionalFigures(keptSessions, BigInt64Array.from(keptCosts), report.period),
    reconciliation: { available: false, reason: 'the bill is not split by cost centre: see the full report' },
    comparison: {
      available: false,
      reason: 'month over month by org is in the full report; by cost centre it is on By Cost Centre',
    },
    costCentres: {
      ...costCentres,
      rows: rows.map((row) => ({ ...row, shareOfCost: shareOf(row.costMinor, totals.costMinor) })),
      unmappedOrgs: codes.has(UNMAPPED_CODE) ? costCentres.unmappedOrgs : [],
      tagConflicts: { sessions: 0, exampleSessionIds: [] },
      sliceOf: [...codes],
      movedByTag: { sessions: 0, acus: 0n },
      orgCodes: new Map([...orgCodes].map(([orgId, found]) => [orgId, [...found].sort().join(', ')])),
      journal: buildJournal(rows, {
        period: report.period,
        pricing: report.pricing,
        totalMinor: totals.costMinor,
        creditAccounts: NO_CREDIT_ACCOUNT,
      }),
    },
  };
  return { report: sliced, sessions: keptSessions };
}

function orgsOfSessions(
  report: ChargebackReport,
  sessions: readonly Session[],
  costs: readonly bigint[],
): OrgTotal[] {
  const people = new Map<string | null, UserTotal>();
  const orgNames = new Map<string, string | null>();
  for (const org of report.orgs) {
    orgNames.set(org.orgId, org.orgName);
    for (const user of org.users) if (user.userId !== null) people.set(user.userId, user);
  }
  const orgs = new Map<string, { sum: Sum; users: Map<string | null, Sum> }>();
  sessions.forEach((session, i) => {
    let org = orgs.get(session.orgId);
    if (org === undefined) {
      org = { sum: zero(), users: new Map() };
      orgs.set(session.orgId, org);
    }
    const user = org.users.get(session.userId) ?? zero();
    org.users.set(session.userId, user);
    for (const sum of [org.sum, user]) add(sum, session.acus, costs[i] ?? 0n);
  });
  return [...orgs]
    .map(
      ([orgId, org]): OrgTotal => ({
        ...usageOf(org.sum, report.pricing),
        orgId,
        orgName: orgNames.get(orgId) ?? null,
        shareOfAcus: 0,
        users: [...org.users]
          .map(([userId, user]): UserTotal => {
            const person = userId === null ? undefined : people.get(userId);
            return {
              ...usageOf(user, report.pricing),
              orgId,
              userId,
              userName: person?.userName ?? null,
              email: person?.email ?? null,
              shareOfOrg: shareOf(user.acus, org.sum.acus),
            };
          })
          .sort((a, b) => byAmountDescending(a.acus, b.acus) || byText(a.userId, b.userId)),
      }),
    )
    .sort((a, b) => byAmountDescending(a.acus, b.acus) || byText(a.orgId, b.orgId));
}

function tagsOf(sessions: readonly Session[], costs: readonly bigint[], pricing: Pricing): TagTotal[] {
  const tags = new Map<string | null, Sum>();
  sessions.forEach((session, i) => {
    const keys = session.tags.length === 0 ? [null] : [...new Set(session.tags)];
    for (const tag of keys) {
      const sum = tags.get(tag) ?? zero();
      tags.set(tag, sum);
      add(sum, session.acus, costs[i] ?? 0n);
    }
  });
  return [...tags]
    .sort(([a, x], [b, y]) =>
      (a === null) !== (b === null)
        ? a === null
          ? 1
          : -1
        : byAmountDescending(x.acus, y.acus) || byText(a, b),
    )
    .map(([tag, sum]) => ({ ...usageOf(sum, pricing), tag }));
}

function statusesOf(sessions: readonly Session[], costs: readonly bigint[], pricing: Pricing): StatusTotal[] {
  const statuses = new Map<string, Sum>();
  sessions.forEach((session, i) => {
    const sum = statuses.get(session.status) ?? zero();
    statuses.set(session.status, sum);
    add(sum, session.acus, costs[i] ?? 0n);
  });
  return [...statuses]
    .sort(([a, x], [b, y]) => y.sessions - x.sessions || byText(a, b))
    .map(([status, sum]) => ({ ...usageOf(sum, pricing), status }));
}

function sumOf(rows: readonly UsageTotals[], pricing: Pricing): UsageTotals {
  const total = zero();
  for (const row of rows) {
    total.sessions += row.sessions;
    total.acus += row.acus;
    total.costMinor += row.costMinor;
  }
  return usageOf(total, pricing);
}

function zero(): Sum {
  return { sessions: 0, acus: 0n, costMinor: 0n };
}

function add(sum: Sum, acus: Acus, costMinor: bigint): void {
  sum.sessions += 1;
  sum.acus += acus;
  sum.costMinor += costMinor;
}

function usageOf(sum: Sum, pricing: Pricing): UsageTotals {
  return {
    sessions: sum.sessions,
    acus: sum.acus,
    exactCost: costOf(sum.acus, pricing),
    costMinor: sum.costMinor,
  };
}
