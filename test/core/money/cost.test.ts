import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { COST_DECIMALS, costOf, roundCostToMinor } from '#core/money/cost.js';
import { parsePricing } from '#core/money/parse-pricing.js';

const USD = parsePricing('2.25', 'USD');
const JPY = parsePricing('300', 'JPY');
const cents = (text: string) => BigInt(text) * 10n ** BigInt(COST_DECIMALS - 2);

describe('costOf', () => {
  it('multiplies exactly: 0.1 ACU × 2.25 = 0.225', () => {
    expect(costOf(acusFromNumber(0.1), USD)).toBe(225n * 10n ** BigInt(COST_DECIMALS - 3));
  });
});

describe('roundCostToMinor', () => {
  it('rounds half a cent up', () => {
    expect(roundCostToMinor(costOf(acusFromNumber(0.1), USD), USD)).toBe(23n); // 0.225
    expect(roundCostToMinor(costOf(acusFromNumber(0.3), USD), USD)).toBe(68n); // 0.675
  });

  it('rounds below half a cent down and above it up', () => {
    expect(roundCostToMinor(cents('22') + cents('1') / 2n - 1n, USD)).toBe(22n);
    expect(roundCostToMinor(cents('22') + cents('1') / 2n + 1n, USD)).toBe(23n);
  });

  it('rounds negative values symmetrically', () => {
    expect(roundCostToMinor(-costOf(acusFromNumber(0.1), USD), USD)).toBe(-23n);
  });

  it('rounds to whole yen for JPY', () => {
    expect(roundCostToMinor(costOf(acusFromNumber(1.0015), JPY), JPY)).toBe(300n); // 300.45
    expect(roundCostToMinor(costOf(acusFromNumber(1.005), JPY), JPY)).toBe(302n); // 301.5
  });
});
