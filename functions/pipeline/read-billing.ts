import { billingDaysOf } from '#core/period/billing-days-of.js';
import type { ReportPeriod } from '#core/period/report-period.js';
import type { BilledConsumptionResult } from '#core/report/billed-consumption.js';
import type { ReportFilters } from '#core/report/run-info.js';
import type { SessionEdgesResult } from '#core/report/session-edges.js';
import type { Session } from '#core/session.js';
import type { BilledPrincipals, DevinClient } from '#devin/client/devin-client.js';

export interface Billing {
  readonly billed: BilledConsumptionResult;
  /** Sessions created before the period and still working in it; null when the API could not count them. */
  readonly carriedIn: number | null;
  /** Per-session consumption at the period's edges (v3), for the walk to the bill; absent if not read. */
  readonly edges?: SessionEdgesResult;
}

/**
 * The vendor's bill for the period, to reconcile with. Never fails the report:
 * whatever goes wrong becomes the reason the Reconciliation sheet shows.
 */
export async function readBilling(
  devin: Pick<DevinClient, 'fetchBilledConsumption' | 'countSessionsCarriedIn'> &
    Partial<Pick<DevinClient, 'readSessionEdges'>>,
  period: ReportPeriod,
  filters: ReportFilters,
  sessions: Iterable<Session> = [],
): Promise<Billing> {
  if (filters.userIds.length > 0 || filters.tags.length > 0) {
    return {
      billed: {
        available: false,
        reason: 'the report is filtered by user or tag, and the bill can only be narrowed by org',
      },
      carriedIn: null,
    };
  }
  const [billed, carried] = await Promise.all([
    devin.fetchBilledConsumption({
      ...billingDaysOf(period),
      ...(filters.orgIds.length > 0 && { orgIds: filters.orgIds }),
      principals: principalsOf(period, sessions),
    }),
    devin.countSessionsCarriedIn(period),
  ]);
  const carriedIn = carried.available ? carried.count : null;
  // Only a whole bill can be walked to: narrowed to orgs it leaves the non-session products out.
  if (!billed.available || filters.orgIds.length > 0 || devin.readSessionEdges === undefined) {
    return { billed, carriedIn };
  }
  const edges = await devin.readSessionEdges({
    from: period.from,
    to: period.to,
    ...billingDaysOf(period),
    sessions,
  });
  return { billed, carriedIn, edges };
}

/** Who the period's sessions name, for an API that bills per principal. */
function principalsOf(period: ReportPeriod, sessions: Iterable<Session>): BilledPrincipals {
  const orgIds = new Set<string>();
  const userIds = new Set<string>();
  const serviceUserIds = new Set<string>();
  for (const session of sessions) {
    orgIds.add(session.orgId);
    if (session.userId === null) continue;
    (session.userKind === 'service-user' ? serviceUserIds : userIds).add(session.userId);
  }
  return {
    from: period.from,
    to: period.to,
    orgIds: [...orgIds],
    userIds: [...userIds],
    serviceUserIds: [...serviceUserIds],
  };
}
