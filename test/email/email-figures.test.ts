import { describe, expect, it } from 'vitest';
import type { Pricing } from '#core/money/pricing.js';
import { formatAmount, formatCount, formatShareOfTotal, formatUnitPrice } from '#email/email-figures.js';

function pricing(unitPriceText: string, currency: string, minorDigits: number): Pricing {
  return { unitPriceText, unitPriceScaled: 0n, currency, minorDigits };
}

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1734)).toBe('1,734');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('formatAmount', () => {
  it('drops the currency code but keeps its minor digits', () => {
    expect(formatAmount(2_777_760n, pricing('2.25', 'USD', 2))).toBe('27,777.60');
    expect(formatAmount(1234n, pricing('300', 'JPY', 0))).toBe('1,234');
  });
});

describe('formatShareOfTotal', () => {
  it('shows one decimal', () => {
    expect(formatShareOfTotal(0.44)).toBe('44.0%');
    expect(formatShareOfTotal(1)).toBe('100.0%');
  });

  it('never shows a real share as 0.0%', () => {
    expect(formatShareOfTotal(0.0001)).toBe('<0.1%');
    expect(formatShareOfTotal(0)).toBe('0.0%');
  });
});

describe('formatUnitPrice', () => {
  it('pads the price to the currency minor digits', () => {
    expect(formatUnitPrice(pricing('2.5', 'USD', 2))).toBe('USD 2.50');
    expect(formatUnitPrice(pricing('2', 'EUR', 2))).toBe('EUR 2.00');
    expect(formatUnitPrice(pricing('2.25', 'USD', 2))).toBe('USD 2.25');
  });

  it('keeps configured digits beyond the minor unit, and none for zero-digit currencies', () => {
    expect(formatUnitPrice(pricing('0.125', 'USD', 2))).toBe('USD 0.125');
    expect(formatUnitPrice(pricing('300', 'JPY', 0))).toBe('JPY 300');
  });
});
