import type { Acus } from '../money/acus.js';
import { allocateMinorUnits } from '../money/allocate-minor-units.js';
import { costOf } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { Reconciliation } from './reconciliation.js';

/** One product of the bill that is not a session, with its share of the shared products' cents. */
export interface SharedProductLine {
  /** As the bill names it, for display: "Cascade", "Terminal", "Review" ("Other" for an unnamed one). */
  readonly name: string;
  readonly acus: Acus;
  readonly costMinor: bigint;
}

/** "cascade" → "Cascade": the bill's product names are lower-case ids. */
export function productName(product: string): string {
  return product === '' ? 'Other' : `${product.charAt(0).toUpperCase()}${product.slice(1)}`;
}

/**
 * The products behind the shared-products line, from the bill itself (never a fixed list):
 * those with ACUs, in the bill's order. Empty when the bill gives no split by product.
 */
export function sharedProductNames(reconciliation: Reconciliation): string[] {
  return [...(reconciliation.unattributedByProduct ?? [])]
    .filter(([, acus]) => acus !== 0n)
    .map(([product]) => productName(product));
}

/**
 * The shared products by product, with the line's cents shared over them by largest
 * remainder, so the products add up exactly to the shared-products total shown beside them.
 */
export function sharedProductLines(
  reconciliation: Reconciliation,
  totalMinor: bigint,
  pricing: Pricing,
): SharedProductLine[] {
  const products = [...(reconciliation.unattributedByProduct ?? [])].filter(([, acus]) => acus !== 0n);
  if (products.length === 0) return [];
  const cents = allocateMinorUnits(
    totalMinor,
    products.map(([, acus]) => costOf(acus, pricing)),
    pricing,
  );
  return products.map(([product, acus], i) => ({
    name: productName(product),
    acus,
    costMinor: cents[i] ?? 0n,
  }));
}
