import type { Acus } from '../core/money/acus.js';
import type { Session } from '../core/session.js';

export interface SessionTotals {
  readonly sessions: number;
  readonly acus: Acus;
  readonly costMinor: bigint;
}

/**
 * What the session rows themselves add up to. On the session basis this is
 * the report's total; on the billed basis it is not (the total is the bill),
 * and a SUM formula must carry the sum of the rows above it.
 */
export function sessionTotals(sessions: Iterable<Session>, costMinor: BigInt64Array): SessionTotals {
  let acus = 0n;
  let count = 0;
  for (const session of sessions) {
    acus += session.acus;
    count += 1;
  }
  let cost = 0n;
  for (const minor of costMinor) cost += minor;
  return { sessions: count, acus, costMinor: cost };
}
