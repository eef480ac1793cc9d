import { type Acus, sumAcus } from '../money/acus.js';
import type { ReportPeriod } from '../period/report-period.js';
import type { Session } from '../session.js';
import type { BilledConsumption } from './billed-consumption.js';
import type { CostBasis } from './cost-basis.js';
import type { Directory } from './directory.js';
import { groupSessions, type SessionGroups } from './group-sessions.js';
import { primaryOrgs } from './primary-orgs.js';
import { byAmountDescending, byText } from './rank.js';
import type { Reconciliation, ReconciliationLine } from './reconciliation.js';
import { shareOf } from './share.js';
import { UNATTRIBUTED_ORG_NAME, UNATTRIBUTED_USER_NAME } from './unattributed.js';

export interface ReconcileInput {
  /** The period's sessions, as the report counts them. */
  readonly sessions: Iterable<Session>;
  readonly billed: BilledConsumption;
  readonly period: ReportPeriod;
  readonly directory: Pick<Directory, 'orgNames' | 'users'>;
  /** Sessions created before the period and updated in it, as the API counted them; null if it could not. */
  readonly carriedIn: number | null;
  /** Decides which ACUs the report charges back, for the allocated share. */
  readonly costBasis: CostBasis;
}

/**
 * Session-based ACUs beside the bill, per org and per user. Each table adds
 * up, exactly, to both totals: the Unattributed line takes the billed ACUs no
 * org (or user) carries, and the user table's Unattributed line also takes
 * the ACUs of sessions with no user.
 */
export function reconcile(input: ReconcileInput): Reconciliation {
  return reconcileGroups(groupSessions(input.sessions, input.period), input);
}

/** `reconcile` on sessions already grouped, so the report groups a million sessions once. */
export function reconcileGroups(groups: SessionGroups, input: ReconcileInput): Reconciliation {
  const { billed, directory, carriedIn, costBasis } = input;
  const orgAcusBilled = sumAcus(billed.byOrg.values());
  const unattributedAcus = billed.totalAcus - orgAcusBilled;
  const chargedAcus = costBasis === 'billed' ? orgAcusBilled : groups.total.acus;
  return {
    orgs: orgLines(groups, billed, directory, unattributedAcus),
    users: billed.byUser === null ? null : userLines(groups, billed.byUser, billed.totalAcus, directory),
    totals: {
      sessionAcus: groups.total.acus,
      billedAcus: billed.totalAcus,
      differenceAcus: billed.totalAcus - groups.total.acus,
    },
    unattributedAcus,
    allocatedShare: billed.totalAcus === 0n ? null : shareOf(chargedAcus, billed.totalAcus),
    edges: { carriedIn, carriedOut: groups.carriedOut },
  };
}

function orgLines(
  groups: SessionGroups,
  billed: BilledConsumption,
  directory: ReconcileInput['directory'],
  unattributedAcus: Acus,
): ReconciliationLine[] {
  const ids = new Set([...groups.orgs.keys(), ...billed.byOrg.keys()]);
  const lines = [...ids].map((id) =>
    line(
      id,
      directory.orgNames.get(id) ?? null,
      null,
      groups.orgs.get(id)?.acus ?? 0n,
      billed.byOrg.get(id) ?? 0n,
    ),
  );
  return [...lines.sort(byBilledThenSessions), line(null, UNATTRIBUTED_ORG_NAME, null, 0n, unattributedAcus)];
}

function userLines(
  groups: SessionGroups,
  billedByUser: ReadonlyMap<string, Acus>,
  billedTotal: Acus,
  directory: ReconcileInput['directory'],
): ReconciliationLine[] {
  const sessionUsers = primaryOrgs(groups.orgs.values());
  const ids = new Set([...sessionUsers.keys(), ...billedByUser.keys()]);
  const lines = [...ids].map((id) => {
    const sessions = sessionUsers.get(id);
    const name = directory.users.get(id)?.name ?? null;
    return line(id, name, sessions?.orgId ?? null, sessions?.acus ?? 0n, billedByUser.get(id) ?? 0n);
  });
  let noUserSessionAcus = 0n;
  for (const org of groups.orgs.values()) noUserSessionAcus += org.users.get(null)?.acus ?? 0n;
  const unattributedBilled = billedTotal - sumAcus(billedByUser.values());
  return [
    ...lines.sort(byBilledThenSessions),
    line(null, UNATTRIBUTED_USER_NAME, null, noUserSessionAcus, unattributedBilled),
  ];
}

function line(
  id: string | null,
  name: string | null,
  orgId: string | null,
  sessionAcus: Acus,
  billedAcus: Acus,
): ReconciliationLine {
  const differenceAcus = billedAcus - sessionAcus;
  return {
    id,
    name,
    orgId,
    sessionAcus,
    billedAcus,
    differenceAcus,
    differenceShare: billedAcus === 0n ? null : shareOf(differenceAcus, billedAcus),
  };
}

function byBilledThenSessions(a: ReconciliationLine, b: ReconciliationLine): number {
  return (
    byAmountDescending(a.billedAcus, b.billedAcus) ||
    byAmountDescending(a.sessionAcus, b.sessionAcus) ||
    byText(a.id, b.id)
  );
}
