import type { Session } from '#core/session.js';

/** Which sessions to read: those created in the half-open UTC period [from, to), optionally narrowed. */
export interface SessionQuery {
  readonly from: Date;
  readonly to: Date;
  readonly orgIds?: readonly string[];
  readonly userIds?: readonly string[];
  readonly sessionIds?: readonly string[];
  readonly tags?: readonly string[];
}

/** True when `createdAt` belongs to the query's period; the start is inclusive, the end exclusive. */
export function isInPeriod(query: SessionQuery, createdAt: Date): boolean {
  const t = createdAt.getTime();
  return t >= query.from.getTime() && t < query.to.getTime();
}

/**
 * True when a session is one the query asks for: created in the period and matching every
 * narrowing (org, user or service user, session id, any of the tags). Each is also sent to the
 * server, which may ignore one (v2's generated spec has no `tags`; FastAPI drops unknown
 * parameters), so the client re-applies them all: a server that ignores a filter cannot widen a
 * report.
 */
export function matchesQuery(query: SessionQuery, session: Session): boolean {
  return (
    isInPeriod(query, session.createdAt) &&
    isAmong(query.orgIds, session.orgId) &&
    isAmong(query.userIds, session.userId) &&
    isAmong(query.sessionIds, session.sessionId) &&
    (query.tags === undefined ||
      query.tags.length === 0 ||
      session.tags.some((tag) => query.tags?.includes(tag)))
  );
}

function isAmong(wanted: readonly string[] | undefined, value: string | null): boolean {
  return wanted === undefined || wanted.length === 0 || (value !== null && wanted.includes(value));
}
