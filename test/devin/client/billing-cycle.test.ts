import { describe, expect, it } from 'vitest';
import { billingCyclesFromWire } from '#devin/client/billing-cycle.js';

const cycle = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });

describe('billingCyclesFromWire', () => {
  it('reads ISO instants as they are, the end exclusive', () => {
    expect(billingCyclesFromWire([{ start: '2026-10-05T08:00:00Z', end: '2026-11-05T08:00:00Z' }])).toEqual([
      cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z'),
    ]);
  });

  it('reads bare dates as billing days: from 08:00 UTC on the first to 08:00 UTC after the last', () => {
    expect(billingCyclesFromWire([{ start: '2026-10-05', end: '2026-11-04' }])).toEqual([
      cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z'),
    ]);
  });

  it('reads instants with offsets or microseconds, and without an offset as UTC', () => {
    expect(
      billingCyclesFromWire([{ start: '2026-10-05T01:00:00-07:00', end: '2026-11-05T08:00:00.000000' }]),
    ).toEqual([cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z')]);
  });

  it('accepts the {items} envelope too, ignores extra fields and sorts oldest first', () => {
    const items = [
      { start: '2026-11-05', end: '2026-12-04', acu_limit: 5000 },
      { start: '2026-10-05', end: '2026-11-04' },
    ];
    expect(billingCyclesFromWire({ items, total: 2 }).map((c) => c.start.toISOString())).toEqual([
      '2026-10-05T08:00:00.000Z',
      '2026-11-05T08:00:00.000Z',
    ]);
  });

  it.each([
    ['an end before its start', [{ start: '2026-10-05', end: '2026-10-01' }], 'end'],
    ['a bound that is no date', [{ start: 'last Monday', end: '2026-10-01' }], 'start'],
    ['an impossible date', [{ start: '2026-02-30', end: '2026-03-04' }], 'start'],
    ['a missing end', [{ start: '2026-10-05' }], 'end'],
  ])('names the field of %s', (_, body, field) => {
    expect(() => billingCyclesFromWire(body)).toThrow(
      expect.objectContaining({ name: 'DevinDataError', field }),
    );
  });

  it('fails on a body that is neither a list nor an envelope', () => {
    expect(() => billingCyclesFromWire({ cycles: [] })).toThrow(
      expect.objectContaining({ name: 'DevinDataError' }),
    );
  });
});

describe('billing cycles tile time over a year, in both documented shapes', () => {
  // Cycles from the 5th of each month, as the vendor's example (5 Dec–5 Jan).
  const months = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2025, 11 + i, 5)));
  const day = (at: Date) => at.toISOString().slice(0, 10);
  const dayBefore = (at: Date) => day(new Date(at.getTime() - 86_400_000));
  const shapes: Record<string, { start: string; end: string }[]> = {
    // Older page: start at midnight UTC, end the cycle's last second.
    'midnight to 23:59:59Z': months.slice(0, 12).map((m, i) => ({
      start: `${day(m)}T00:00:00Z`,
      end: `${dayBefore(months[i + 1] as Date)}T23:59:59Z`,
    })),
    // Newer page: billing-day instants, the end the next cycle's start.
    '08:00Z to the next 08:00Z': months.slice(0, 12).map((m, i) => ({
      start: `${day(m)}T08:00:00Z`,
      end: `${day(months[i + 1] as Date)}T08:00:00Z`,
    })),
  };

  it.each(Object.entries(shapes))('%s: each end is the next start, every bound at 08:00 UTC', (_, wire) => {
    const cycles = billingCyclesFromWire(wire);
    expect(cycles).toHaveLength(12);
    for (const [i, c] of cycles.entries()) {
      expect(c.start.toISOString().slice(10)).toBe('T08:00:00.000Z');
      expect(c.end.toISOString().slice(10)).toBe('T08:00:00.000Z');
      const next = cycles[i + 1];
      if (next) expect(next.start.getTime()).toBe(c.end.getTime());
    }
    expect(cycles[0]?.start.toISOString()).toBe('2025-12-05T08:00:00.000Z');
    expect(cycles[11]?.end.toISOString()).toBe('2026-12-05T08:00:00.000Z');
  });

  it.each(Object.entries(shapes))(
    '%s: a session created 00:00–08:00Z on a boundary day is in exactly one cycle',
    (_, wire) => {
      const cycles = billingCyclesFromWire(wire);
      for (const m of months.slice(1, 12)) {
        for (const hour of [0, 3, 7.999, 8]) {
          const created = new Date(m.getTime() + hour * 3_600_000);
          const holding = cycles.filter((c) => c.start <= created && created < c.end);
          expect(holding, created.toISOString()).toHaveLength(1);
          // Before 08:00 UTC it is still the previous billing day, so the previous cycle's.
          expect(holding[0]?.end.getTime() === m.getTime() + 8 * 3_600_000).toBe(hour < 8);
        }
      }
    },
  );

  it('the two shapes give the same cycles, and mixing them leaves no overlap', () => {
    const a = billingCyclesFromWire(shapes['midnight to 23:59:59Z']);
    const b = billingCyclesFromWire(shapes['08:00Z to the next 08:00Z']);
    expect(a).toEqual(b);
    const mixed = billingCyclesFromWire(
      (shapes['midnight to 23:59:59Z'] ?? []).map((c, i) =>
        i % 2 === 0 ? c : (shapes['08:00Z to the next 08:00Z']?.[i] ?? c),
      ),
    );
    expect(mixed).toEqual(a);
  });
});
