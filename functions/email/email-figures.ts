import { formatMoney, formatShare } from '../core/money/format.js';
import type { Pricing } from '../core/money/pricing.js';

/** "1,734": fixed en-style grouping, like the money figures beside it. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * "12,222.18": the amount without its currency code, for table columns whose
 * header names the currency once ("Cost (USD)"), so the digits line up.
 */
export function formatAmount(minor: bigint, pricing: Pricing): string {
  return formatMoney(minor, pricing).slice(pricing.currency.length + 1);
}

/** A small but real share reads "<0.1%": "0.0%" beside a cost would look like an error. */
export function formatShareOfTotal(share: number): string {
  return share > 0 && share < 0.0005 ? '<0.1%' : formatShare(share);
}

/**
 * "USD 2.25": the price as configured, padded to the currency's minor digits
 * so "2.5" reads 2.50 like every other amount; extra digits (0.125) are kept.
 */
export function formatUnitPrice(pricing: Pricing): string {
  const [int = '0', frac = ''] = pricing.unitPriceText.split('.');
  const digits = frac.padEnd(pricing.minorDigits, '0');
  return `${pricing.currency} ${int}${digits ? `.${digits}` : ''}`;
}
