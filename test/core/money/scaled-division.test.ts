import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, floorDivide } from '#core/money/scaled-division.js';

describe('divideRoundHalfUp', () => {
  it('rounds ties away from zero and everything else to the nearest', () => {
    expect([5n, 15n, 14n, 16n, 0n].map((n) => divideRoundHalfUp(n, 10n))).toEqual([1n, 2n, 1n, 2n, 0n]);
    expect([-5n, -15n, -14n, -16n].map((n) => divideRoundHalfUp(n, 10n))).toEqual([-1n, -2n, -1n, -2n]);
  });
});

describe('floorDivide', () => {
  it('rounds towards minus infinity, unlike bigint division', () => {
    expect([7n, -7n, -10n, 0n].map((n) => floorDivide(n, 10n))).toEqual([0n, -1n, -1n, 0n]);
  });
});
