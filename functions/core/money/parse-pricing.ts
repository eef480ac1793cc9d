import { InvalidInputError } from '../errors.js';
import { decimalStringToScaled } from './acus.js';
import { PRICE_DECIMALS, type Pricing } from './pricing.js';

const PRICE_PATTERN = /^\d+(?:\.(\d+))?$/;

/**
 * The configured price per ACU and its currency, checked once so that the
 * math downstream can trust them. `unitPrice` is decimal text ("2.25"), never
 * a float; `currency` an ISO 4217 code in any case ("usd" → "USD").
 */
export function parsePricing(unitPrice: string, currency: string): Pricing {
  const priceText = unitPrice.trim();
  const match = PRICE_PATTERN.exec(priceText);
  if (!match)
    throw new InvalidInputError('acuPrice', unitPrice, 'is not a decimal price per ACU (e.g. "2.25")');
  if ((match[1] ?? '').length > PRICE_DECIMALS) {
    throw new InvalidInputError('acuPrice', unitPrice, `has more than ${PRICE_DECIMALS} decimals`);
  }
  const unitPriceScaled = decimalStringToScaled(priceText, PRICE_DECIMALS);
  if (unitPriceScaled === 0n) throw new InvalidInputError('acuPrice', unitPrice, 'must be greater than 0');

  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !Intl.supportedValuesOf('currency').includes(code)) {
    throw new InvalidInputError('currency', currency, 'is not an ISO 4217 currency code (e.g. "USD", "EUR")');
  }
  // ICU knows each currency's minor units (JPY 0, USD 2, BHD 3); no table of our own to keep current.
  const minorDigits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
    .maximumFractionDigits;
  return { unitPriceText: priceText, unitPriceScaled, currency: code, minorDigits: minorDigits ?? 2 };
}
