import { describe, expect, it } from 'vitest';
import { monthlyBillingCycles } from '#devin/fake/billing-cycles.js';
import { demoDataset } from '#devin/fake/demo-dataset.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';

describe('monthlyBillingCycles', () => {
  it('runs from the 5th at 08:00 UTC to the next 5th, across a year end, contiguously', () => {
    const cycles = monthlyBillingCycles(
      Date.parse('2025-12-01T00:00:00Z'),
      Date.parse('2026-02-10T00:00:00Z'),
    );
    expect(cycles).toEqual([
      { start: '2025-11-05T08:00:00Z', end: '2025-12-05T08:00:00Z' },
      { start: '2025-12-05T08:00:00Z', end: '2026-01-05T08:00:00Z' },
      { start: '2026-01-05T08:00:00Z', end: '2026-02-05T08:00:00Z' },
      { start: '2026-02-05T08:00:00Z', end: '2026-03-05T08:00:00Z' },
    ]);
  });

  it('starts with the cycle that begins exactly at `from`, and stops before one that begins at `to`', () => {
    const cycles = monthlyBillingCycles(
      Date.parse('2026-10-05T08:00:00Z'),
      Date.parse('2026-11-05T08:00:00Z'),
    );
    expect(cycles).toEqual([{ start: '2026-10-05T08:00:00Z', end: '2026-11-05T08:00:00Z' }]);
  });

  it('refuses an anchor day some months lack', () => {
    expect(() => monthlyBillingCycles(0, 1, 31)).toThrow(RangeError);
  });

  it('gives the demo cycles that are not calendar months and cover its whole span', () => {
    const now = new Date('2026-11-17T10:30:00Z');
    const demo = demoDataset(now);
    const cycles = demo.billingCycles ?? [];
    expect(cycles.every((cycle) => cycle.start.slice(8) === '05T08:00:00Z')).toBe(true);
    const first = Math.min(...demo.sessions.map((s) => Date.parse(s.created_at)));
    expect(Date.parse(cycles[0]?.start ?? '')).toBeLessThanOrEqual(first);
    expect(Date.parse(cycles.at(-1)?.end ?? '')).toBeGreaterThan(now.getTime());
    expect(demoDataset(new Date('2026-11-20T00:00:00Z')).billingCycles).toEqual(cycles);
  });

  it('gives generated data sets cycles covering [from, to)', () => {
    const from = new Date('2025-02-01T00:00:00Z');
    const to = new Date('2025-03-01T00:00:00Z');
    expect(generateDataset({ seed: 1, sessions: 10, from, to }).billingCycles).toEqual([
      { start: '2025-01-05T08:00:00Z', end: '2025-02-05T08:00:00Z' },
      { start: '2025-02-05T08:00:00Z', end: '2025-03-05T08:00:00Z' },
    ]);
  });
});
