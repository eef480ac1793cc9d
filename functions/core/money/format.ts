import { ACU_DECIMALS, type Acus } from './acus.js';
import type { Pricing } from './pricing.js';
import { divideRoundHalfUp } from './scaled-division.js';

/*
 * Display text shared by the email, the CLI and workbook labels. Built from
 * the exact bigints, never through a float, and with fixed en-style grouping
 * so it does not change with the host's locale.
 *
 * ACUs round half-up, like money (see roundCostToMinor) and like Excel's
 * `#,##0.00`: the email and the workbook then show the same digits for the
 * same value.
 */

const ACU_DISPLAY_DECIMALS = 2;

/** "12,345.60" */
export function formatAcus(acus: Acus): string {
  const hundredths = divideRoundHalfUp(acus, 10n ** BigInt(ACU_DECIMALS - ACU_DISPLAY_DECIMALS));
  return formatFixed(hundredths, ACU_DISPLAY_DECIMALS);
}

/** "USD 27,777.60", "JPY 1,234": minor units shown with the currency's own digits. */
export function formatMoney(minor: bigint, pricing: Pick<Pricing, 'currency' | 'minorDigits'>): string {
  return `${pricing.currency} ${formatFixed(minor, pricing.minorDigits)}`;
}

/**
 * "USD 2.25": the price as configured, padded to the currency's minor digits
 * so "2.5" reads 2.50 like every other amount; extra digits (0.125) are kept.
 */
export function formatUnitPrice(
  pricing: Pick<Pricing, 'currency' | 'minorDigits' | 'unitPriceText'>,
): string {
  const [int = '0', frac = ''] = pricing.unitPriceText.split('.');
  const digits = frac.padEnd(pricing.minorDigits, '0');
  return `${pricing.currency} ${int}${digits ? `.${digits}` : ''}`;
}

/** "27777.60": the amount for machines (JSON results, S3 metadata), no grouping, the currency's digits. */
export function minorUnitsText(minor: bigint, pricing: Pick<Pricing, 'minorDigits'>): string {
  return formatFixed(minor, pricing.minorDigits, false);
}

/** "12.3%" for 0.123: shares are for reading, one decimal is enough to rank them. */
export function formatShare(share: number): string {
  const text = `${(share * 100).toFixed(1)}%`;
  // A loss too small to show is none.
  return text === '-0.0%' ? '0.0%' : text;
}

/** An integer count of 10^-decimals as grouped text: (1234560n, 2) → "12,345.60". */
function formatFixed(scaled: bigint, decimals: number, grouped = true): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const int = grouped ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  const frac = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
}

/** "+1,345.60", "-4.00", "0.00": a change always shows its direction. */
export function formatSignedAcus(acus: Acus): string {
  const text = formatAcus(acus);
  return acus > 0n && text !== '0.00' ? `+${text}` : text;
}

/** "+USD 1,846.89", "-USD 161.46", "USD 0.00". */
export function formatSignedMoney(minor: bigint, pricing: Pick<Pricing, 'currency' | 'minorDigits'>): string {
  if (minor < 0n) return `-${formatMoney(-minor, pricing)}`;
  return minor > 0n ? `+${formatMoney(minor, pricing)}` : formatMoney(minor, pricing);
}
