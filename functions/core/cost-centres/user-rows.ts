import type { ChargebackReport, OrgTotal, UsageTotals, UserTotal } from '../report/chargeback-report.js';
import { byAmountDescending, byText } from '../report/rank.js';
import { shareOf } from '../report/share.js';
import { usageTotalsOf } from '../report/usage-totals.js';
import { defaultCodeOf } from './org-rows.js';

/**
 * A row of By User: one user of one org, or, with a cost-centre map, that
 * user's usage in one cost centre. Sessions, ACUs and Cost add up over the
 * rows to the user, the org and the period, and by Cost Centre to By Cost Centre.
 */
export interface UserRow extends UsageTotals {
  readonly org: OrgTotal;
  readonly user: UserTotal;
  /** Where this row's money went; absent without a map. */
  readonly code?: string;
  /** The cost centre the map gives the org as a whole; absent without a map. */
  readonly defaultCode?: string;
  /** This row's cents ÷ the org's cents (all its cost centres): an org's rows add up to 1. */
  readonly shareOfOrg: number;
}

/**
 * By User's rows: orgs in report order, each org's users in its order, a
 * user's cost centres together by cost descending. On the billed basis the
 * bill has no sessions to split a user by: each user is in its org's cost
 * centre (the org's one split), as By Cost Centre charges the org.
 */
export function userRows(report: ChargebackReport): UserRow[] {
  const costCentres = report.costCentres;
  const rows: UserRow[] = [];
  const splitsOf = new Map<string, { code: string; usage: UsageTotals }[]>();
  for (const split of costCentres?.userSplits ?? []) {
    const key = userKey(split.orgId, split.userId ?? null);
    const found = splitsOf.get(key) ?? [];
    found.push({ code: split.code, usage: split });
    splitsOf.set(key, found);
  }
  const orgCodeOf = new Map<string, string>();
  for (const split of costCentres?.orgSplits ?? []) {
    // On the billed basis an org has exactly one split; a second would be a tag rule's, which needs sessions.
    if (!orgCodeOf.has(split.orgId)) orgCodeOf.set(split.orgId, split.code);
  }
  for (const org of report.orgs) {
    for (const user of org.users) {
      if (costCentres === undefined) {
        rows.push({ org, user, ...usageTotalsOf(user), shareOfOrg: shareOf(user.costMinor, org.costMinor) });
        continue;
      }
      const defaultCode = defaultCodeOf(costCentres.map, org.orgId);
      const splits = (costCentres.tagRulesApplied && splitsOf.get(userKey(org.orgId, user.userId))) || [
        { code: orgCodeOf.get(org.orgId) ?? defaultCode, usage: user },
      ];
      const sorted = [...splits].sort(
        (a, b) => byAmountDescending(a.usage.costMinor, b.usage.costMinor) || byText(a.code, b.code),
      );
      for (const { code, usage } of sorted) {
        rows.push({
          org,
          user,
          code,
          defaultCode,
          ...usageTotalsOf(usage),
          shareOfOrg: shareOf(usage.costMinor, org.costMinor),
        });
      }
    }
  }
  return rows;
}

function userKey(orgId: string, userId: string | null): string {
  return `${orgId}\u0000${userId ?? ''}`;
}
