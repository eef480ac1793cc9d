/**
 * What one ACU costs and in which currency. Both come from configuration; the
 * code holds no price of its own (the demo's default lives with the demo).
 */
export interface Pricing {
  /** The price as configured, e.g. "2.25", kept for display and the About sheet. */
  readonly unitPriceText: string;
  /** Price per ACU × 10^PRICE_DECIMALS, exact. */
  readonly unitPriceScaled: bigint;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  /** The currency's minor-unit digits (USD 2, JPY 0, BHD 3). */
  readonly minorDigits: number;
}

export const PRICE_DECIMALS = 6;

/**
 * Exact cost in 10^-(ACU_DECIMALS + PRICE_DECIMALS) currency units
 * (ACUs scaled 10^12 × price scaled 10^6), never rounded until display.
 */
export type ExactCost = bigint;
