import type { Acus } from '../money/acus.js';
import { allocateMinorUnits } from '../money/allocate-minor-units.js';
import { costOf } from '../money/cost.js';
import type { ChargebackReport } from '../report/chargeback-report.js';
import { sharedProductsSplit } from '../report/shared-products.js';
import { UNATTRIBUTED_ORG_ID } from '../report/unattributed.js';
import type { CostCentreMap } from './cost-centre-map.js';

/** The session product's name on the bill: what sessions consume, never shared. */
const SESSION_PRODUCT = 'devin';
const UNNAMED = 'non-session products';

export interface SharedPool {
  readonly charges: readonly { readonly product: string; readonly acus: Acus; readonly costMinor: bigint }[];
  /** True on the billed basis: the pool is the Unattributed row's billed cents, which then leave that row. */
  readonly fromUnattributedBucket: boolean;
}

/**
 * The billed charges no session carries, one per product the bill names.
 * On the sessions basis: the bill's non-session products (v3), or the billed
 * ACUs no org carries (v2, whose bill has no product split), with the cents of
 * sharedProductsSplit: the Unattributed line's share of the bill, split by
 * largest remainder. On the billed basis: the Unattributed row's cents, split over
 * its products by ACUs, so usage + shared products is the bill exactly. None
 * when the bill was not read, or the map sends "(unattributed)" somewhere itself.
 */
export function sharedPool(
  report: ChargebackReport,
  unattributed: { readonly acus: Acus; readonly costMinor: bigint } | undefined,
  map: CostCentreMap,
): SharedPool {
  if (!report.reconciliation.available) return { charges: [], fromUnattributedBucket: false };
  const { reconciliation } = report.reconciliation;
  const { pricing } = report;
  if (report.costBasis === 'billed') {
    if (unattributed === undefined || map.orgRules.has(UNATTRIBUTED_ORG_ID)) {
      return { charges: [], fromUnattributedBucket: false };
    }
    const products = [...(reconciliation.unattributedByProduct ?? [])].filter(([, acus]) => acus > 0n);
    const sum = products.reduce((total, [, acus]) => total + acus, 0n);
    if (products.length === 0 || sum !== unattributed.acus) {
      return { charges: [{ product: UNNAMED, ...unattributed }], fromUnattributedBucket: true };
    }
    const cents = allocateMinorUnits(
      unattributed.costMinor,
      products.map(([, acus]) => costOf(acus, pricing)),
      pricing,
    );
    return {
      charges: products.map(([product, acus], i) => ({ product, acus, costMinor: cents[i] ?? 0n })),
      fromUnattributedBucket: true,
    };
  }
  // The one split the Reconciliation and the Summary show, so the journal posts the same cents.
  const split = sharedProductsSplit(reconciliation, pricing);
  const charges =
    reconciliation.unattributedByProduct === undefined
      ? [{ product: UNNAMED, acus: reconciliation.unattributedAcus, costMinor: split.totalMinor }]
      : split.lines
          .filter((line) => line.product !== SESSION_PRODUCT)
          .map(({ product, acus, costMinor }) => ({ product, acus, costMinor }));
  return { charges: charges.filter((charge) => charge.acus > 0n), fromUnattributedBucket: false };
}
