import { describe, expect, it } from 'vitest';
import { seededRandom } from '#devin/fake/seeded-random.js';
import { spreadOverBillingDays } from '#devin/fake/spread-over-billing-days.js';

const at = (iso: string) => Date.parse(iso);
const sum = (spread: Map<string, bigint>) => [...spread.values()].reduce((a, b) => a + b, 0n);

describe('spreadOverBillingDays', () => {
  it('puts an instant session on the billing day it happened, which before 08:00 UTC is the day before', () => {
    const instant = at('2026-10-01T07:30:00Z');
    expect(spreadOverBillingDays(2_500_000n, instant, instant)).toEqual(
      new Map([['2026-09-30', 2_500_000n]]),
    );
  });

  it('splits in proportion to the time active on each day', () => {
    const spread = spreadOverBillingDays(3_000_000n, at('2026-10-01T07:00:00Z'), at('2026-10-01T10:00:00Z'));
    expect(spread).toEqual(
      new Map([
        ['2026-09-30', 1_000_000n],
        ['2026-10-01', 2_000_000n],
      ]),
    );
  });

  it('gives the units left by rounding to the largest leftovers, ties to the earlier day', () => {
    // Three equal days: 10 / 3 = 3 each and one left, which goes to the first day.
    const spread = spreadOverBillingDays(10n, at('2026-10-01T08:00:00Z'), at('2026-10-04T08:00:00Z'));
    expect([...spread]).toEqual([
      ['2026-10-01', 4n],
      ['2026-10-02', 3n],
      ['2026-10-03', 3n],
    ]);
  });

  it('leaves out the day an interval ends on exactly, and days that get nothing', () => {
    const spread = spreadOverBillingDays(1n, at('2026-10-01T08:00:00Z'), at('2026-10-03T08:00:00Z'));
    expect([...spread.keys()]).toEqual(['2026-10-01']);
  });

  it('always adds up to the amount exactly', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 2_000; i++) {
      const start = at('2026-09-20T00:00:00Z') + random.int(0, 20 * 86_400) * 1000;
      const end = start + random.int(0, 15 * 86_400) * 1000 + random.int(0, 999);
      const amount = BigInt(random.int(0, 120_000_000));
      const spread = spreadOverBillingDays(amount, start, end);
      expect(sum(spread)).toBe(amount);
      for (const units of spread.values()) expect(units > 0n).toBe(true);
    }
  });
});
