import type { Pricing } from '../core/money/pricing.js';

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
  // A quote in the code would end the literal early; ISO 4217 codes are letters only.
  const code = pricing.currency.replace(/[^A-Za-z]/g, '');
  const decimals = pricing.minorDigits > 0 ? `.${'0'.repeat(pricing.minorDigits)}` : '';
  return `"${code}" #,##0${decimals}`;
}
