import type { Acus } from '../money/acus.js';
import { allocateMinorUnits } from '../money/allocate-minor-units.js';
import { costOf } from '../money/cost.js';
import type { Pricing } from '../money/pricing.js';
import type { Reconciliation } from './reconciliation.js';
import { billedOrgCents } from './reconciliation-costs.js';

/** One product of the bill that is not a session, with its share of the shared products' cents. */
export interface SharedProductLine {
  /** The bill's product id ('cascade', 'terminal', …). */
  readonly product: string;
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
    product,
    name: productName(product),
    acus,
    costMinor: cents[i] ?? 0n,
  }));
}

/** The shared products' cents, allocated once: the total and its split by product. */
export interface SharedProductsSplit {
  /** The Unattributed line's share of the bill's cents. */
  readonly totalMinor: bigint;
  /** By product, by largest remainder: they add up to totalMinor exactly (empty without a split by product). */
  readonly lines: readonly SharedProductLine[];
}

/**
 * The one split of the shared products every output reads (Summary, Reconciliation, By Cost
 * Centre, the journal, the emails): the bill's cents (rounded once) shared over the org lines
 * by largest remainder, the Unattributed line's share, then that shared over the products by
 * largest remainder. Rounding each product on its own would add up to a cent apart.
 */
export function sharedProductsSplit(reconciliation: Reconciliation, pricing: Pricing): SharedProductsSplit {
  const index = reconciliation.orgs.findIndex((line) => line.id === null);
  const totalMinor = index < 0 ? 0n : (billedOrgCents(reconciliation, pricing)[index] ?? 0n);
  return { totalMinor, lines: sharedProductLines(reconciliation, totalMinor, pricing) };
}
