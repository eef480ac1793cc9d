import { describe, expect, it } from 'vitest';
import { ACU_SCALE, acusFromNumber } from '#core/money/acus.js';
import { formatAcus, formatMoney, formatShare, minorUnitsText } from '#core/money/format.js';

describe('formatAcus', () => {
  it('shows two decimals with en grouping', () => {
    expect(formatAcus(acusFromNumber(12345.6))).toBe('12,345.60');
    expect(formatAcus(acusFromNumber(1234567.891))).toBe('1,234,567.89');
    expect(formatAcus(0n)).toBe('0.00');
    expect(formatAcus(acusFromNumber(0.07))).toBe('0.07');
    expect(formatAcus(acusFromNumber(999.999))).toBe('1,000.00');
  });

  it('rounds the exact value half-up, as Excel shows it', () => {
    expect(formatAcus(acusFromNumber(0.125))).toBe('0.13');
    expect(formatAcus(acusFromNumber(1.005))).toBe('1.01'); // the double 1.005 is 1.00499…, the ACUs are not
    expect(formatAcus(acusFromNumber(0.124999999999))).toBe('0.12');
  });

  it('keeps digits beyond what a double holds', () => {
    expect(formatAcus(123_456_789_012_345_678n * ACU_SCALE)).toBe('123,456,789,012,345,678.00');
  });

  it('shows negative values with a minus and no negative zero', () => {
    expect(formatAcus(acusFromNumber(-1234.5))).toBe('-1,234.50');
    expect(formatAcus(acusFromNumber(-0.001))).toBe('0.00');
  });
});

describe('minorUnitsText', () => {
  it('keeps the currency digits and no grouping, for JSON and metadata', () => {
    expect(minorUnitsText(2_777_760n, { minorDigits: 2 })).toBe('27777.60');
    expect(minorUnitsText(5n, { minorDigits: 2 })).toBe('0.05');
    expect(minorUnitsText(-1234n, { minorDigits: 3 })).toBe('-1.234');
    expect(minorUnitsText(1234n, { minorDigits: 0 })).toBe('1234');
  });
});

describe('formatMoney', () => {
  it('shows the code and the currency’s minor digits', () => {
    expect(formatMoney(2_777_760n, { currency: 'USD', minorDigits: 2 })).toBe('USD 27,777.60');
    expect(formatMoney(5n, { currency: 'USD', minorDigits: 2 })).toBe('USD 0.05');
    expect(formatMoney(1234n, { currency: 'JPY', minorDigits: 0 })).toBe('JPY 1,234');
    expect(formatMoney(1_234_567n, { currency: 'BHD', minorDigits: 3 })).toBe('BHD 1,234.567');
    expect(formatMoney(-150n, { currency: 'EUR', minorDigits: 2 })).toBe('EUR -1.50');
  });
});

describe('formatShare', () => {
  it('shows a percentage with one decimal', () => {
    expect(formatShare(0.123)).toBe('12.3%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(1 / 3)).toBe('33.3%');
  });
});
