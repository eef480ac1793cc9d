import { type Acus, sumAcus } from '../money/acus.js';
import type { Pricing } from '../money/pricing.js';
import type { BilledConsumption } from './billed-consumption.js';
import type { OrgTotal, UsageTotals, UserTotal } from './chargeback-report.js';
import type { Directory } from './directory.js';
import type { SessionGroups } from './group-sessions.js';
import { primaryOrgs } from './primary-orgs.js';
import { shareOf } from './share.js';
import { NOT_ATTRIBUTED_TO_A_USER, UNATTRIBUTED_ORG_ID, UNATTRIBUTED_ORG_NAME } from './unattributed.js';
import { allocate, byAcusThenId, usage } from './usage-totals.js';

/** A user row before its cents: id null is the org's residual. */
interface Row {
  readonly id: string | null;
  readonly sessions: number;
  readonly acus: Acus;
}

interface OrgRow {
  readonly orgId: string;
  readonly sessions: number;
  readonly acus: Acus;
}

/**
 * The org table on the billed basis: each org's billed ACUs, then an
 * Unattributed row for billed ACUs no org carries, so the table sums to the
 * bill. Session counts stay session counts: the bill has none.
 *
 * The bill counts a user's ACUs once across orgs, so each user is shown under
 * the org where they had the most session ACUs, and under the Unattributed
 * row if they had no session. Each org then gets a row "Not attributed to a
 * user" for its billed ACUs (and sessions) that no user row shows.
 */
export function billedOrgTotals(
  groups: SessionGroups,
  billed: BilledConsumption,
  totals: UsageTotals,
  pricing: Pricing,
  directory: Directory,
): OrgTotal[] {
  const placed = placeUsers(groups, billed.byUser);
  const ids = new Set([...billed.byOrg.keys(), ...groups.orgs.keys()]);
  const rows: OrgRow[] = [...ids]
    .map((orgId) => ({
      orgId,
      sessions: groups.orgs.get(orgId)?.sessions ?? 0,
      acus: billed.byOrg.get(orgId) ?? 0n,
    }))
    .sort((a, b) => byAcusThenId(a, b, a.orgId, b.orgId));
  const unattributedAcus = billed.totalAcus - sumAcus(billed.byOrg.values());
  // Last whatever its size, like the untagged row: it is the remainder, not an org.
  if (unattributedAcus !== 0n || placed.has(UNATTRIBUTED_ORG_ID)) {
    rows.push({ orgId: UNATTRIBUTED_ORG_ID, sessions: 0, acus: unattributedAcus });
  }

  const orgCostMinor = allocate(totals.costMinor, rows, pricing);
  return rows.map((row, i): OrgTotal => {
    const { orgId } = row;
    const costMinor = orgCostMinor[i] ?? 0n;
    const users = placed.get(orgId) ?? [];
    const named = users.sort((a, b) => byAcusThenId(a, b, a.id, b.id));
    // The residual is honest even when negative: a user's billed ACUs include
    // their use in other orgs and of products outside any org, so the users
    // shown under an org can exceed what the bill gives that org.
    const residual: Row = {
      id: null,
      sessions: row.sessions - named.reduce((sum, user) => sum + user.sessions, 0),
      acus: row.acus - sumAcus(named.map((user) => user.acus)),
    };
    const userRows =
      billed.byUser === null || residual.acus !== 0n || residual.sessions > 0 ? [...named, residual] : named;
    const userCostMinor = allocate(costMinor, userRows, pricing);
    return {
      ...usage(row, pricing, costMinor),
      orgId,
      orgName:
        orgId === UNATTRIBUTED_ORG_ID ? UNATTRIBUTED_ORG_NAME : (directory.orgNames.get(orgId) ?? null),
      shareOfAcus: shareOf(row.acus, totals.acus),
      users: userRows.map((user, j): UserTotal => {
        const person = user.id === null ? undefined : directory.users.get(user.id);
        const serviceUser = user.id !== null && isServiceUser(groups, directory, user.id);
        return {
          ...usage(user, pricing, userCostMinor[j] ?? 0n),
          orgId,
          userId: user.id,
          ...(serviceUser && { kind: 'service-user' as const }),
          userName: user.id === null ? NOT_ATTRIBUTED_TO_A_USER : (person?.name ?? null),
          email: person?.email ?? null,
          shareOfOrg: shareOf(user.acus, row.acus),
        };
      }),
    };
  });
}

/**
 * Every user the bill or the sessions name, under the org they are shown in,
 * with their billed ACUs and their session count in that org. A user with
 * sessions but nothing billed is kept at 0: finance sees them, not a gap.
 */
function placeUsers(groups: SessionGroups, byUser: ReadonlyMap<string, Acus> | null): Map<string, Row[]> {
  const placed = new Map<string, Row[]>();
  if (byUser === null) return placed;
  const sessionUsers = primaryOrgs(groups.orgs.values());
  for (const id of new Set([...sessionUsers.keys(), ...byUser.keys()])) {
    const orgId = sessionUsers.get(id)?.orgId ?? UNATTRIBUTED_ORG_ID;
    const sessions = groups.orgs.get(orgId)?.users.get(id)?.sessions ?? 0;
    const list = placed.get(orgId) ?? [];
    list.push({ id, sessions, acus: byUser.get(id) ?? 0n });
    placed.set(orgId, list);
  }
  return placed;
}

/** A service user by its sessions or by the API's list of them. */
function isServiceUser(groups: SessionGroups, directory: Directory, id: string): boolean {
  if (directory.serviceUserIds?.has(id)) return true;
  for (const org of groups.orgs.values()) if (org.users.get(id)?.kind === 'service-user') return true;
  return false;
}
