import { describe, expect, it } from 'vitest';
import type { BillingCycle } from '#core/period/billing-cycle.js';
import { billingDaysOf } from '#core/period/billing-days-of.js';
import { cyclePeriod } from '#core/period/cycle-period.js';
import { selectBillingCycle } from '#core/period/select-billing-cycle.js';
import { invalidInput } from '../invalid-input.js';

const cycle = (start: string, end: string): BillingCycle => ({ start: new Date(start), end: new Date(end) });

// Cycles that start on the 5th at 08:00 UTC: not calendar months. Listed out of order on purpose.
const CYCLES: readonly BillingCycle[] = [
  cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z'),
  cycle('2026-08-05T08:00:00Z', '2026-09-05T08:00:00Z'),
  cycle('2026-09-05T08:00:00Z', '2026-10-05T08:00:00Z'),
];

describe('cyclePeriod', () => {
  it('reports a cycle that is not a calendar month by its own bounds and billing days', () => {
    const now = new Date('2026-11-05T08:00:00Z');
    expect(cyclePeriod(cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z'), now)).toEqual({
      kind: 'cycle',
      alignment: 'billing-cycle',
      from: new Date('2026-10-05T08:00:00Z'),
      to: new Date('2026-11-05T08:00:00Z'),
      timeZone: 'UTC',
      firstDay: '2026-10-05',
      lastDay: '2026-11-04',
      label: 'Billing cycle 5 Oct 2026 – 4 Nov 2026',
      slug: 'cycle_2026-10-05_2026-11-04',
    });
  });

  it('rejects a cycle that has not ended, naming it by its start day', () => {
    const error = invalidInput(() =>
      cyclePeriod(cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z'), new Date('2026-11-05T07:00:00Z')),
    );
    expect(error.field).toBe('cycle');
    expect(error.value).toBe('2026-10-05');
    expect(error.message).toMatch(/ends in the future: the period runs until 2026-11-05 08:00 UTC/);
  });

  it('refuses a cycle that ends before it starts', () => {
    expect(() =>
      cyclePeriod(cycle('2026-10-05T08:00:00Z', '2026-10-05T08:00:00Z'), new Date('2027-01-01T00:00:00Z')),
    ).toThrow(RangeError);
  });
});

describe('selectBillingCycle', () => {
  it('picks the latest cycle that has ended when none is named', () => {
    expect(selectBillingCycle(CYCLES, {}, new Date('2026-11-04T12:00:00Z'))).toEqual(
      cycle('2026-09-05T08:00:00Z', '2026-10-05T08:00:00Z'),
    );
    expect(selectBillingCycle(CYCLES, { cycle: undefined }, new Date('2026-11-05T08:00:00Z'))).toEqual(
      cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z'),
    );
  });

  it('for the schedule, picks the latest cycle that may close: not one whose bill is still settling', () => {
    // 09:00 UTC on the day a cycle ends: it may close from 12:00 with a 4-hour margin.
    const nineOnEndDay = new Date('2026-11-05T09:00:00Z');
    expect(selectBillingCycle(CYCLES, { closeSettleHours: 4 }, nineOnEndDay)).toEqual(
      cycle('2026-09-05T08:00:00Z', '2026-10-05T08:00:00Z'),
    );
    expect(selectBillingCycle(CYCLES, { closeSettleHours: 4 }, new Date('2026-11-05T12:00:00Z'))).toEqual(
      cycle('2026-10-05T08:00:00Z', '2026-11-05T08:00:00Z'),
    );
  });

  it('picks a named cycle by its start day', () => {
    expect(selectBillingCycle(CYCLES, { cycle: '2026-08-05' }, new Date('2027-01-01T00:00:00Z'))).toEqual(
      cycle('2026-08-05T08:00:00Z', '2026-09-05T08:00:00Z'),
    );
  });

  it('lists the start days when the named day starts no cycle', () => {
    const error = invalidInput(() =>
      selectBillingCycle(CYCLES, { cycle: '2026-10-01' }, new Date('2027-01-01T00:00:00Z')),
    );
    expect(error.field).toBe('cycle');
    expect(error.message).toBe(
      'cycle: "2026-10-01" is not the start day of a billing cycle (available cycles start on: 2026-08-05, 2026-09-05, 2026-10-05)',
    );
  });

  it('rejects a named cycle that has not ended', () => {
    const error = invalidInput(() =>
      selectBillingCycle(CYCLES, { cycle: '2026-10-05' }, new Date('2026-10-20T00:00:00Z')),
    );
    expect(error.message).toBe(
      'cycle: "2026-10-05" has not ended yet: it runs until 2026-11-05 08:00 UTC, after 2026-10-20T00:00:00.000Z',
    );
  });

  it('rejects a malformed day', () => {
    const error = invalidInput(() => selectBillingCycle(CYCLES, { cycle: 'October' }, new Date()));
    expect(error.field).toBe('cycle');
    expect(error.message).toBe('cycle: "October" is not a valid date (expected YYYY-MM-DD)');
  });

  it('says so when no cycle has ended, or the API listed none', () => {
    const early = invalidInput(() => selectBillingCycle(CYCLES, {}, new Date('2026-09-01T00:00:00Z')));
    expect(early.field).toBe('cycle');
    expect(early.message).toBe(
      'cycle: no billing cycle has ended by 2026-09-01T00:00:00.000Z (available cycles start on: 2026-08-05, 2026-09-05, 2026-10-05)',
    );
    const none = invalidInput(() => selectBillingCycle([], {}, new Date('2026-09-01T00:00:00Z')));
    expect(none.message).toMatch(/\(available cycles start on: none listed by the API\)$/);
  });
});

describe('billingDaysOf', () => {
  it('asks for the cycle’s billing days: the UTC days of its start and of its end minus one day', () => {
    const period = cyclePeriod(CYCLES[0] as BillingCycle, new Date('2027-01-01T00:00:00Z'));
    expect(billingDaysOf(period)).toEqual({ firstDay: '2026-10-05', lastDay: '2026-11-04' });
  });

  it('asks for the days of a cycle whose bounds are not at 08:00 UTC by the same rule', () => {
    const period = cyclePeriod(cycle('2026-10-05T00:00:00Z', '2026-11-05T00:00:00Z'), new Date('2027-01-01'));
    expect(billingDaysOf(period)).toEqual({ firstDay: '2026-10-05', lastDay: '2026-11-04' });
  });
});
