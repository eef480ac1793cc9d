import { describe, expect, it } from 'vitest';
import { billingCyclesFromWire } from '../../../functions/devin/client/billing-cycle.js';

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
