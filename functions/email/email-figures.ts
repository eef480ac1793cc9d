import { formatMoney, formatShare } from '#core/money/format.js';
import type { Pricing } from '#core/money/pricing.js';

export { formatSignedAcus, formatSignedMoney, formatUnitPrice } from '#core/money/format.js';

/** "1,734": fixed en-style grouping, like the money figures beside it. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * "12,222.18": the amount without its currency code, for table columns whose
 * header names the currency once ("Cost (USD)"), so the digits line up.
 */
export function formatAmount(minor: bigint, pricing: Pick<Pricing, 'currency' | 'minorDigits'>): string {
  return formatMoney(minor, pricing).slice(pricing.currency.length + 1);
}

/** A small but real share reads "<0.1%": "0.0%" beside a cost would look like an error. */
export function formatShareOfTotal(share: number): string {
  return share > 0 && share < 0.0005 ? '<0.1%' : formatShare(share);
}

/** "+12.2%", "-100.0%", "0.0%" (never "-0.0%": a fall too small to show is no fall). */
export function formatSignedShare(share: number): string {
  const text = formatShare(share);
  if (text === '-0.0%') return '0.0%';
  return share > 0 && text !== '0.0%' ? `+${text}` : text;
}
