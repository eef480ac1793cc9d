import { describe, expect, it } from 'vitest';
import { partitionPeriod } from '#core/scale/partition-period.js';
import { seededRandom } from '#devin/fake/seeded-random.js';

/** Contiguous, exact, half-open, covering: the properties the merge's equality rests on. */
function expectPartition(from: Date, to: Date, count: number): void {
  const windows = partitionPeriod(from, to, count);
  expect(windows.length).toBe(Math.min(count, to.getTime() - from.getTime()));
  expect(windows[0]?.from.getTime()).toBe(from.getTime());
  expect(windows.at(-1)?.to.getTime()).toBe(to.getTime());
  let total = 0;
  for (const [i, w] of windows.entries()) {
    expect(w.from.getTime()).toBeLessThan(w.to.getTime());
    if (i > 0) expect(w.from.getTime()).toBe(windows[i - 1]?.to.getTime());
    total += w.to.getTime() - w.from.getTime();
  }
  expect(total).toBe(to.getTime() - from.getTime());
  // Each instant lies in exactly one window, edges included.
  const probes = [
    from.getTime(),
    to.getTime() - 1,
    ...windows.flatMap((w) => [w.from.getTime(), w.to.getTime() - 1]),
  ];
  for (const t of probes) {
    expect(windows.filter((w) => t >= w.from.getTime() && t < w.to.getTime())).toHaveLength(1);
  }
  expect(windows.some((w) => to.getTime() >= w.from.getTime() && to.getTime() < w.to.getTime())).toBe(false);
  // Equal slices, to the millisecond.
  const lengths = windows.map((w) => w.to.getTime() - w.from.getTime());
  expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
}

describe('partitionPeriod', () => {
  it('splits a month into exact contiguous half-open windows', () => {
    expectPartition(new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'), 7);
  });

  it('is exact across DST changes and month ends of zoned periods (the bounds are instants)', () => {
    // October 2026 in Europe/Berlin (ends on the DST change) and March 2026 in New York (starts a day after it).
    expectPartition(new Date('2026-09-30T22:00:00Z'), new Date('2026-10-31T23:00:00Z'), 31);
    expectPartition(new Date('2026-03-01T05:00:00Z'), new Date('2026-04-01T04:00:00Z'), 24);
    // February of a leap year, and a year-end boundary.
    expectPartition(new Date('2028-02-01T00:00:00Z'), new Date('2028-03-01T00:00:00Z'), 29);
    expectPartition(new Date('2026-12-15T00:00:00Z'), new Date('2027-01-15T00:00:00Z'), 200);
  });

  it('holds for random periods and counts', () => {
    const random = seededRandom(14);
    const next = () => random.next();
    for (let i = 0; i < 300; i += 1) {
      const from = Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * 86_400_000);
      const length = 1 + Math.floor(next() * (next() < 0.2 ? 500 : 40 * 86_400_000));
      expectPartition(new Date(from), new Date(from + length), 1 + Math.floor(next() * 250));
    }
  });

  it('gives one window per millisecond at most and refuses an empty period or a bad count', () => {
    const from = new Date('2026-10-01T00:00:00Z');
    expect(partitionPeriod(from, new Date(from.getTime() + 3), 10)).toHaveLength(3);
    expect(() => partitionPeriod(from, from, 2)).toThrow(/empty period/);
    expect(() => partitionPeriod(from, new Date(from.getTime() + 1000), 0)).toThrow(/positive integer/);
    expect(() => partitionPeriod(from, new Date(from.getTime() + 1000), 1.5)).toThrow(/positive integer/);
  });
});
