import type { Acus } from '../money/acus.js';
import type { Session } from '../session.js';
import type { SessionEdgesResult } from './session-edges.js';

/**
 * Every session that consumed in the period's billing days, with what it consumed in them: the
 * billed basis's view of sessions (v3). The period's own sessions keep their place (same index
 * as the report's session list); sessions created outside the period that consumed in it follow.
 */
export interface BilledSessions {
  /** In-period ACUs of the period's sessions that cross an edge; every other session's are its lifetime ACUs. */
  readonly crossing: ReadonlyMap<string, Acus>;
  /** In-period ACUs of all the period's sessions together. */
  readonly inPeriodTotal: Acus;
  /** Created before or after the period, consumed in it, in creation order. */
  readonly carried: readonly { readonly session: Session; readonly inPeriodAcus: Acus }[];
}

export function billedSessionsOf(
  sessions: Iterable<Session>,
  edges: SessionEdgesResult,
): BilledSessions | null {
  if (!edges.available) return null;
  const crossing = new Map<string, Acus>();
  const carried: { session: Session; inPeriodAcus: Acus }[] = [];
  for (const edge of edges.edges) {
    if (edge.origin === 'in-period') crossing.set(edge.sessionId, edge.inPeriodAcus);
    else if (edge.session !== undefined && edge.inPeriodAcus > 0n) {
      carried.push({ session: edge.session, inPeriodAcus: edge.inPeriodAcus });
    }
  }
  carried.sort((a, b) => a.session.createdAt.getTime() - b.session.createdAt.getTime());
  let inPeriodTotal = 0n;
  for (const session of sessions) inPeriodTotal += crossing.get(session.sessionId) ?? session.acus;
  return { crossing, inPeriodTotal, carried };
}

/** What `session`, one of the period's own, consumed in the period's billing days. */
export function inPeriodAcusOf(billed: BilledSessions, session: Session): Acus {
  return billed.crossing.get(session.sessionId) ?? session.acus;
}
