import type { Acus } from '../money/acus.js';
import type { SharedCostRule } from './shared-cost-rule.js';

/** One cost centre's part of one shared charge. */
export interface SharedShare {
  readonly code: string;
  /** Its part of the charge's ACUs, split by the same weights as the cents (sums exactly). */
  readonly acus: Acus;
  readonly costMinor: bigint;
  /** Its weight ÷ all weights: FOCUS's AllocatedRatio. The ratios of one charge sum to 1. */
  readonly ratio: number;
}

/** A billed product that is not sessions (the origin charge, in FOCUS's words), and how it was split. */
export interface SharedCharge {
  /** The bill's product name ('cascade', 'terminal', 'review'), or 'non-session products' when the bill has no split. */
  readonly product: string;
  readonly acus: Acus;
  /** Its ACUs × price rounded once; the shares' cents add up to it. */
  readonly costMinor: bigint;
  /** Empty when nothing was allocated (see SharedCosts.unallocated). */
  readonly shares: readonly SharedShare[];
}

export interface SharedCosts {
  readonly rule: SharedCostRule;
  readonly charges: readonly SharedCharge[];
  readonly acus: Acus;
  readonly costMinor: bigint;
  /** Per cost centre, summed over the charges; empty when nothing was allocated. */
  readonly byCode: ReadonlyMap<string, { readonly acus: Acus; readonly costMinor: bigint }>;
  /** Why the pool was not charged back (rule `none`, no usage to weigh by); null when it was. */
  readonly unallocated: string | null;
}
