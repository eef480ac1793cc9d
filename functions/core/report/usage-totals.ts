import { allocateMinorUnits } from '../money/allocate-minor-units.js';
import { costOf } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { UsageTotals } from './chargeback-report.js';
import type { Tally } from './group-sessions.js';
import { byAmountDescending, byText } from './rank.js';

/** A row's figures, its cents already allocated from its parent. */
export function usage(tally: Readonly<Tally>, pricing: Pricing, costMinor: bigint): UsageTotals {
  return { sessions: tally.sessions, acus: tally.acus, exactCost: costOf(tally.acus, pricing), costMinor };
}

/** Only the usage figures of a larger row (an org, a user, a split), for a row that adds its own. */
export function usageTotalsOf(row: UsageTotals): UsageTotals {
  return { sessions: row.sessions, acus: row.acus, exactCost: row.exactCost, costMinor: row.costMinor };
}

/** The parent's cents over its rows, in proportion to their exact cost (largest remainder). */
export function allocate(targetMinor: bigint, rows: readonly Readonly<Tally>[], pricing: Pricing): bigint[] {
  return allocateMinorUnits(
    targetMinor,
    rows.map((row) => costOf(row.acus, pricing)),
    pricing,
  );
}

export function byAcusThenId(
  a: Readonly<Tally>,
  b: Readonly<Tally>,
  idA: string | null,
  idB: string | null,
): number {
  return byAmountDescending(a.acus, b.acus) || byText(idA, idB);
}
