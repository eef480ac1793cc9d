import { describe, expect, it } from 'vitest';
import { splitByWeights } from '#core/money/split-by-weights.js';

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

describe('splitByWeights', () => {
  it('adds up to the total exactly where per-part rounding would not', () => {
    // 100 cents over three equal weights: 33.33… each; rounding each gives 99.
    expect(splitByWeights(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // 23717 cents (the demo's shared products) by awkward usage cents.
    const parts = splitByWeights(23717n, [273150n, 218568n, 142592n, 142101n, 70945n, 75234n]);
    expect(sum(parts)).toBe(23717n);
    expect(parts).toEqual([7022n, 5619n, 3665n, 3653n, 1824n, 1934n]);
  });

  it('gives the leftover units to the largest remainders, ties to the lower index', () => {
    expect(splitByWeights(5n, [1n, 1n, 1n, 1n])).toEqual([2n, 1n, 1n, 1n]);
    // 0.5 and 1.5: equal remainders, so the first part takes the unit.
    expect(splitByWeights(2n, [1n, 3n])).toEqual([1n, 1n]);
  });

  it('mirrors a negative total, and refuses what has no weight', () => {
    expect(splitByWeights(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(() => splitByWeights(10n, [0n, 0n])).toThrow(RangeError);
    expect(() => splitByWeights(10n, [1n, -1n])).toThrow(RangeError);
  });
});
