import { describe, expect, it } from 'vitest';
import { scaledToDecimalString, scaledToNumber } from '#core/money/acus.js';

/** What a cell showed before the division shortcut: the decimal text, parsed. */
const viaText = (value: bigint, decimals: number) => Number(scaledToDecimalString(value, decimals));

describe('scaledToNumber', () => {
  it('is the double nearest the exact value, the same as parsing its decimal text', () => {
    const values = [
      0n,
      1n,
      -1n,
      5n,
      10n,
      123_456_789n,
      -987_654_321_012n,
      1_234_567_890_123_456n,
      2n ** 53n - 1n,
      -(2n ** 53n - 1n),
    ];
    for (const decimals of [0, 2, 3, 6, 12, 22]) {
      for (const value of values) expect(scaledToNumber(value, decimals)).toBe(viaText(value, decimals));
    }
  });

  it('goes through the text beyond what a double holds exactly', () => {
    // 2^53 + 1 is not a double: dividing its nearest double would be a different rounding.
    for (const value of [2n ** 53n + 1n, 10n ** 30n + 7n, -(2n ** 60n) - 3n]) {
      expect(scaledToNumber(value, 12)).toBe(viaText(value, 12));
    }
    expect(scaledToNumber(123_456_789n, 25)).toBe(viaText(123_456_789n, 25));
  });

  it('gives cents and ACUs their decimal values', () => {
    expect(scaledToNumber(1234n, 2)).toBe(12.34);
    expect(scaledToNumber(-5n, 2)).toBe(-0.05);
    expect(scaledToNumber(1_500_000_000_000n, 12)).toBe(1.5);
  });
});
