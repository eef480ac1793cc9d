import type { Acus } from '#core/money/acus.js';
import type { Session } from '#core/session.js';

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
export function sessionTotals(
  sessions: Iterable<Session>,
  costMinor: BigInt64Array,
  /** Only the first this many, the rows a capped sheet shows; all when absent. */
  shown: number = costMinor.length,
): SessionTotals {
  let acus = 0n;
  let counted = 0;
  for (const session of sessions) {
    if (counted === shown) break;
    acus += session.acus;
    counted += 1;
  }
  let cost = 0n;
  for (const minor of costMinor.subarray(0, counted)) cost += minor;
  return { sessions: counted, acus, costMinor: cost };
}
