import { formatMoney } from '#core/money/format.js';
import type { Pricing } from '#core/money/pricing.js';
import { divideRoundHalfUp } from '#core/money/scaled-division.js';

type Currency = Pick<Pricing, 'currency' | 'minorDigits'>;

/** "USD 2,898.22": the project's money text, as in the email and the workbook. */
export function moneyLabel(minor: bigint, pricing: Currency): string {
  return formatMoney(minor, pricing);
}

/**
 * A figure short enough to sit above a narrow column, in currency units
 * without the code (the chart's title carries it): "950", "9,228", "12.3k",
 * "1.25M". Rounded half-up from the exact minor units, for display only.
 */
export function compactAmount(minor: bigint, pricing: Currency): string {
  const unit = 10n ** BigInt(pricing.minorDigits);
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const sign = negative ? '-' : '';
  if (abs < 10_000n * unit) return `${sign}${grouped(divideRoundHalfUp(abs, unit))}`;
  if (abs < 1_000_000n * unit) return `${sign}${decimal(divideRoundHalfUp(abs, 100n * unit), 1)}k`;
  return `${sign}${decimal(divideRoundHalfUp(abs, 10_000n * unit), 2)}M`;
}

/** An axis tick, in whole currency units: "0", "2,500", "1.5M". */
export function tickLabel(minor: bigint, pricing: Currency): string {
  const unit = 10n ** BigInt(pricing.minorDigits);
  const whole = divideRoundHalfUp(minor, unit);
  if (whole >= 1_000_000n || whole <= -1_000_000n) {
    return `${decimal(divideRoundHalfUp(whole, 10_000n), 2).replace(/\.?0+$/, '')}M`;
  }
  return grouped(whole);
}

function grouped(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+$)/g, ',');
}

/** (1234n, 1) → "123.4"; trailing ".0" dropped. */
function decimal(scaled: bigint, decimals: number): string {
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const whole = grouped(BigInt(digits.slice(0, digits.length - decimals)));
  const frac = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return frac === '' ? whole : `${whole}.${frac}`;
}
