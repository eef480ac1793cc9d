import { costOf, roundCostToMinor } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { OrgTotal, UsageTotals, UserTotal } from './chargeback-report.js';
import type { Directory } from './directory.js';
import type { OrgGroup, SessionGroups } from './group-sessions.js';
import { shareOf } from './share.js';
import { allocate, byAcusThenId, usage } from './usage-totals.js';

export interface SessionOrgTotals {
  readonly totals: UsageTotals;
  readonly orgs: OrgTotal[];
  /** Each user group's cents (by ordinal), from which its sessions' cents are allocated. */
  readonly userCostMinor: readonly bigint[];
}

/**
 * The org table by session ACUs: the total's cents are its exact cost rounded
 * once, orgs share the total's cents and users their org's (largest remainder).
 */
export function sessionOrgTotals(
  groups: SessionGroups,
  pricing: Pricing,
  directory: Directory,
): SessionOrgTotals {
  const totals = usage(groups.total, pricing, roundCostToMinor(costOf(groups.total.acus, pricing), pricing));
  const orgGroups = [...groups.orgs.values()].sort((a, b) => byAcusThenId(a, b, a.orgId, b.orgId));
  const orgCostMinor = allocate(totals.costMinor, orgGroups, pricing);
  const userCostMinor = new Array<bigint>(groups.users.length).fill(0n);
  const orgs = orgGroups.map((org, i) =>
    orgTotal(org, orgCostMinor[i] ?? 0n, totals, { pricing, directory, userCostMinor }),
  );
  return { totals, orgs, userCostMinor };
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
      ...(user.kind === 'service-user' && { kind: user.kind }),
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
