import { GrowingBigInt64Column } from '../growing-column.js';
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
import { peopleOf, TOP_USERS } from '../report/people.js';
import { byAmountDescending, byStatusRow, byTagRow, byText } from '../report/rank.js';
import { shareOf } from '../report/share.js';
import { unsettledFigures } from '../report/unsettled.js';
import type { Session } from '../session.js';
import type { SessionList } from '../session-list.js';
import { UNMAPPED_CODE } from './cost-centre-map.js';
import { costCentreOfOrg, costCentreOfSession } from './cost-centre-of-session.js';
import { NO_CREDIT_ACCOUNT } from './credit-accounts.js';
import { buildJournal } from './journal.js';
import { sliceSessions } from './slice-sessions.js';

/** One budget owner's part of a report, for the same workbook writer and email renderer. */
export interface ReportSlice {
  readonly report: ChargebackReport;
  /** A view over the full report's sessions: read again, filtered, at each `for…of`; never held. */
  readonly sessions: SessionList;
}

interface Sum {
  sessions: number;
  acus: Acus;
  costMinor: bigint;
}

/**
 * The report cut down to some cost centres: only their sessions, orgs and
 * users, with the cents they have in the full report (never re-rounded), so
 * the owner sees exactly the amount the journal debits them. Nothing of any
 * other cost centre is in it.
 *
 * One pass over the sessions sums the slice's orgs, tags and statuses and
 * keeps only its cents (8 bytes a session); the slice's sessions are a
 * filtered view of `sessions`, which must be re-iterable (an array or a spool).
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
  const kept = (session: Session) => codes.has(codeOf(session));
  const keptCosts = new GrowingBigInt64Column();
  const orgSums = new OrgSums();
  const tagSums = new Map<string | null, Sum>();
  const statusSums = new Map<string, Sum>();
  let count = 0;
  let i = -1;
  for (const session of sessions) {
    i += 1;
    const code = codeOf(session);
    if (!codes.has(code)) continue;
    const cost = report.sessionCostMinor[i] ?? 0n;
    keptCosts.push(cost);
    count += 1;
    orgSums.add(session, cost);
    for (const tag of session.tags.length === 0 ? [null] : new Set(session.tags)) {
      add(sumIn(tagSums, tag), session.acus, cost);
    }
    add(sumIn(statusSums, session.status), session.acus, cost);
  }
  const sessionCostMinor = keptCosts.done();
  const keptSessions = sliceSessions(sessions, kept, count);
  const orgs = byOrgRule
    ? report.orgs.filter((org) => codes.has(costCentreOfOrg(map, org.orgId).code))
    : orgSums.orgs(report);
  const totals = sumOf(orgs, report.pricing);
  const rows = costCentres.rows.filter((row) => codes.has(row.code));
  const sliced: ChargebackReport = {
    ...report,
    totals,
    orgs: orgs.map((org) => ({ ...org, shareOfAcus: shareOf(org.acus, totals.acus) })),
    topUsers: peopleOf(orgs).slice(0, TOP_USERS),
    tags: tagsOf(tagSums, report.pricing),
    statuses: statusesOf(statusSums, report.pricing),
    sessionCostMinor,
    // Only the slice's own unsettled sessions are at stake for the owner.
    unsettled: unsettledFigures(keptSessions, sessionCostMinor),
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
      orgSplits: costCentres.orgSplits.filter((split) => codes.has(split.code)),
      userSplits: costCentres.userSplits.filter((split) => codes.has(split.code)),
      journal: buildJournal(rows, {
        period: report.period,
        pricing: report.pricing,
        usageMinor: rows.reduce((sum, row) => sum + row.costMinor, 0n),
        creditAccounts: NO_CREDIT_ACCOUNT,
        // The slice never shows a journal (finance's is the full report's): its usage lines suffice.
        journalId: costCentres.journal.journalId,
      }),
    },
  };
  return { report: sliced, sessions: keptSessions };
}

/** Each org's and each of its users' sums, as the slice's sessions stream past. */
class OrgSums {
  private readonly sums = new Map<string, { sum: Sum; users: Map<string | null, Sum> }>();

  add(session: Session, costMinor: bigint): void {
    let org = this.sums.get(session.orgId);
    if (org === undefined) {
      org = { sum: zero(), users: new Map() };
      this.sums.set(session.orgId, org);
    }
    const user = sumIn(org.users, session.userId);
    for (const sum of [org.sum, user]) add(sum, session.acus, costMinor);
  }

  orgs(report: ChargebackReport): OrgTotal[] {
    const people = new Map<string | null, UserTotal>();
    const orgNames = new Map<string, string | null>();
    for (const org of report.orgs) {
      orgNames.set(org.orgId, org.orgName);
      for (const user of org.users) if (user.userId !== null) people.set(user.userId, user);
    }
    return [...this.sums]
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
}

function tagsOf(tags: ReadonlyMap<string | null, Sum>, pricing: Pricing): TagTotal[] {
  return [...tags].map(([tag, sum]) => ({ ...usageOf(sum, pricing), tag })).sort(byTagRow);
}

function statusesOf(statuses: ReadonlyMap<string, Sum>, pricing: Pricing): StatusTotal[] {
  return [...statuses].map(([status, sum]) => ({ ...usageOf(sum, pricing), status })).sort(byStatusRow);
}

function sumIn<K>(sums: Map<K, Sum>, key: K): Sum {
  let sum = sums.get(key);
  if (sum === undefined) {
    sum = zero();
    sums.set(key, sum);
  }
  return sum;
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
