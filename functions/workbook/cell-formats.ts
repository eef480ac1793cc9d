import type { Pricing } from '#core/money/pricing.js';

export const ACUS_FORMAT = '#,##0.00';
export const COUNT_FORMAT = '#,##0';
export const SHARE_FORMAT = '0.0%';
/** Changes and differences carry their sign, so a rise never reads like a level. */
export const SIGNED_ACUS_FORMAT = '+#,##0.00;-#,##0.00;0.00';
export const SIGNED_SHARE_FORMAT = '+0.0%;-0.0%;0.0%';
/** Excel dates carry no zone: the header or label of every date cell names it. */
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The ISO code as a quoted literal rather than `[$USD]`: every spreadsheet
 * renders a literal the same way, whatever the reader's locale.
 */
export function costFormat(pricing: Pricing): string {
  return `${currencyLiteral(pricing)} #,##0${minorDecimals(pricing)}`;
}

/** A change or gap in money, with its sign: "+USD 12.00", "-USD 3.50". */
export function signedCostFormat(pricing: Pricing): string {
  const body = `#,##0${minorDecimals(pricing)}`;
  const code = currencyLiteral(pricing);
  return `+${code} ${body};-${code} ${body};${code} ${body}`;
}

/** The unit price as the email writes it: the currency's digits, or the price's own when it has more (0.125). */
export function unitPriceFormat(pricing: Pricing): string {
  const ownDigits = (pricing.unitPriceText.split('.')[1] ?? '').length;
  const digits = Math.max(pricing.minorDigits, ownDigits);
  return `${currencyLiteral(pricing)} #,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''}" per ACU"`;
}

function currencyLiteral(pricing: Pricing): string {
  // A quote in the code would end the literal early; ISO 4217 codes are letters only.
  const code = pricing.currency.replace(/[^A-Za-z]/g, '');
  return `"${code}"`;
}

function minorDecimals(pricing: Pricing): string {
  return pricing.minorDigits > 0 ? `.${'0'.repeat(pricing.minorDigits)}` : '';
}
