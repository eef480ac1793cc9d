import { ACU_DECIMALS, type Acus } from './acus.js';
import { type ExactCost, PRICE_DECIMALS, type Pricing } from './pricing.js';
import { divideRoundHalfUp } from './scaled-division.js';

/** Decimals of an ExactCost: ACUs' and the price's together, so a product is never rounded. */
export const COST_DECIMALS = ACU_DECIMALS + PRICE_DECIMALS;

export function costOf(acus: Acus, pricing: Pricing): ExactCost {
  return acus * pricing.unitPriceScaled;
}

/** How many ExactCost units make one minor unit (one cent for USD, one yen for JPY). */
export function minorUnitSize(pricing: Pick<Pricing, 'minorDigits'>): bigint {
  return 10n ** BigInt(COST_DECIMALS - pricing.minorDigits);
}

/**
 * Rounds half-up (ties away from zero), not half-even: it is the rule of
 * invoices and of Excel's ROUND, so finance re-computing ACUs × price in the
 * workbook gets the same cents. Banker's rounding only pays off when many
 * rounded values are summed, and here nothing rounded is ever summed: a total
 * is rounded once and its rows are allocated from it.
 */
export function roundCostToMinor(cost: ExactCost, pricing: Pick<Pricing, 'minorDigits'>): bigint {
  return divideRoundHalfUp(cost, minorUnitSize(pricing));
}
