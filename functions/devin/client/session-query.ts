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
