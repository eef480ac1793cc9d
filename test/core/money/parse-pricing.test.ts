import { describe, expect, it } from 'vitest';
import { parsePricing } from '#core/money/parse-pricing.js';
import { invalidInput } from '../invalid-input.js';

describe('parsePricing', () => {
  it('keeps the price exact, scaled by 10^6, with the text as configured', () => {
    expect(parsePricing('2.25', 'USD')).toEqual({
      unitPriceText: '2.25',
      unitPriceScaled: 2_250_000n,
      currency: 'USD',
      minorDigits: 2,
    });
  });

  it('takes the minor digits from the currency', () => {
    expect(parsePricing('300', 'JPY').minorDigits).toBe(0);
    expect(parsePricing('0.8', 'BHD').minorDigits).toBe(3);
    expect(parsePricing('2', 'EUR').minorDigits).toBe(2);
  });

  it('accepts six decimals, a lower-case code and surrounding blanks', () => {
    const pricing = parsePricing(' 0.000001 ', ' eur ');
    expect(pricing.unitPriceScaled).toBe(1n);
    expect(pricing.unitPriceText).toBe('0.000001');
    expect(pricing.currency).toBe('EUR');
  });

  it.each([['abc'], [''], ['-2'], ['2,25'], ['1e3'], ['.5'], ['2.'], ['$2'], ['NaN']])(
    'rejects the price %j',
    (price) => {
      const error = invalidInput(() => parsePricing(price, 'USD'));
      expect(error.field).toBe('acuPrice');
      expect(error.value).toBe(price);
      expect(error.message).toBe(
        `acuPrice: ${JSON.stringify(price)} is not a decimal price per ACU (e.g. "2.25")`,
      );
    },
  );

  it('rejects more than six decimals', () => {
    expect(invalidInput(() => parsePricing('2.2500001', 'USD')).message).toBe(
      'acuPrice: "2.2500001" has more than 6 decimals',
    );
  });

  it('rejects a zero price', () => {
    expect(invalidInput(() => parsePricing('0.00', 'USD')).message).toBe(
      'acuPrice: "0.00" must be greater than 0',
    );
  });

  it.each([['US'], ['DOLLAR'], ['XYZ'], [''], ['€']])('rejects the currency %j', (currency) => {
    const error = invalidInput(() => parsePricing('2.25', currency));
    expect(error.field).toBe('currency');
    expect(error.value).toBe(currency);
  });
});
