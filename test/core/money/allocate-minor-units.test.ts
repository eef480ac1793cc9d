import { describe, expect, it } from 'vitest';
import { allocateMinorUnits } from '#core/money/allocate-minor-units.js';
import { COST_DECIMALS } from '#core/money/cost.js';

const USD = { minorDigits: 2 };
const CENT = 10n ** BigInt(COST_DECIMALS - 2);
/** An exact cost of `hundredths` hundredths of a cent, i.e. cents with two extra decimals. */
const cost = (centsTimes100: bigint) => (centsTimes100 * CENT) / 100n;

describe('allocateMinorUnits', () => {
  it('gives whole cents where there is nothing to round', () => {
    expect(allocateMinorUnits(600n, [cost(10000n), cost(20000n), cost(30000n)], USD)).toEqual([
      100n,
      200n,
      300n,
    ]);
  });

  it('gives the missing cents to the largest remainders', () => {
    // 10.40 + 20.35 + 30.25 = 61.00 cents; floors 10 + 20 + 30 = 60; the one missing cent goes to .40
    expect(allocateMinorUnits(61n, [cost(1040n), cost(2035n), cost(3025n)], USD)).toEqual([11n, 20n, 30n]);
  });

  it('breaks ties by index, so the result does not depend on sort stability', () => {
    // three thirds of a cent each, one cent to hand out: the first part gets it
    const third = CENT / 3n;
    expect(allocateMinorUnits(1n, [third, third, third], USD)).toEqual([1n, 0n, 0n]);
    expect(allocateMinorUnits(2n, [third, third, third], USD)).toEqual([1n, 1n, 0n]);
  });

  it('sums exactly to the target', () => {
    const parts = Array.from({ length: 97 }, (_, i) => (CENT * BigInt(i * 7919 + 13)) / 101n);
    const exact = parts.reduce((a, b) => a + b, 0n);
    const target = (exact + CENT / 2n) / CENT;
    const allocated = allocateMinorUnits(target, parts, USD);
    expect(allocated.reduce((a, b) => a + b, 0n)).toBe(target);
    allocated.forEach((minor, i) => {
      const part = parts[i] ?? 0n;
      expect(minor * CENT >= part - CENT && minor * CENT <= part + CENT).toBe(true);
    });
  });

  it('allocates in whole units of a currency without minor digits', () => {
    const yen = 10n ** BigInt(COST_DECIMALS);
    expect(allocateMinorUnits(3n, [yen / 2n, yen / 2n, yen * 2n], { minorDigits: 0 })).toEqual([1n, 0n, 2n]);
  });

  it('handles no parts and zero parts', () => {
    expect(allocateMinorUnits(0n, [], USD)).toEqual([]);
    expect(allocateMinorUnits(0n, [0n, 0n], USD)).toEqual([0n, 0n]);
  });

  it('refuses a target it cannot reach by rounding the parts', () => {
    expect(() => allocateMinorUnits(5n, [cost(100n), cost(100n)], USD)).toThrow(RangeError);
    expect(() => allocateMinorUnits(1n, [cost(100n), cost(100n)], USD)).toThrow(
      'cannot allocate 1 minor units over 2 parts whose whole units sum to 2',
    );
  });
});
