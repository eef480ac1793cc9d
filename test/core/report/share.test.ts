import { describe, expect, it } from 'vitest';
import { shareOf } from '#core/report/share.js';

describe('shareOf', () => {
  it('is the double nearest the exact ratio', () => {
    expect(shareOf(1n, 3n)).toBe(1 / 3);
    expect(shareOf(2n, 3n)).toBe(2 / 3);
    expect(shareOf(23_311n, 41_395n)).toBe(23_311 / 41_395);
    expect(shareOf(1n, 10n)).toBe(0.1);
  });

  it('keeps full precision for parts far below their whole and for wholes beyond a double', () => {
    expect(shareOf(1n, 7_000_000n)).toBe(1 / 7_000_000);
    const whole = 10n ** 30n + 7n;
    expect(shareOf(whole / 4n, whole)).toBe(0.25);
  });

  it('is 0 for an empty whole and 1 for the whole itself', () => {
    expect(shareOf(0n, 0n)).toBe(0);
    expect(shareOf(5n, 0n)).toBe(0);
    expect(shareOf(5n, 5n)).toBe(1);
  });

  it('keeps the sign of a negative part', () => {
    expect(shareOf(-1n, 4n)).toBe(-0.25);
    expect(shareOf(1n, -4n)).toBe(-0.25);
  });
});
