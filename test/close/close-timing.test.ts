import { describe, expect, it } from 'vitest';
import { parseCloseSettleHours } from '#close/close-settle-hours.js';
import {
  assertMayClose,
  closeTiming,
  isBeforeFirstReportDay,
  lastBillingDayEnd,
} from '#close/close-timing.js';

describe('when a period may be closed', () => {
  it('waits for the end of the last billing day (08:00 UTC the day after) plus the settle margin', () => {
    const octoberUtc = new Date('2026-11-01T00:00:00Z');
    expect(lastBillingDayEnd(octoberUtc).toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(closeTiming(octoberUtc, new Date('2026-11-01T06:00:00Z'), 4)).toEqual({
      kind: 'too-early',
      notBefore: new Date('2026-11-01T12:00:00Z'),
    });
    expect(closeTiming(octoberUtc, new Date('2026-11-01T12:00:00Z'), 4)).toEqual({
      kind: 'may-close',
    });
    // October in Los Angeles ends at 07:00 UTC: still inside the billing day of October 31.
    expect(lastBillingDayEnd(new Date('2026-11-01T07:00:00Z')).toISOString()).toBe(
      '2026-11-01T08:00:00.000Z',
    );
    // A billing-day period ends at 08:00 UTC: its last billing day ends then.
    expect(lastBillingDayEnd(new Date('2026-11-02T08:00:00Z')).toISOString()).toBe(
      '2026-11-02T08:00:00.000Z',
    );
  });

  it('reads the settle margin from context, environment or flag, naming a bad one', () => {
    expect(parseCloseSettleHours(undefined, 'CLOSE_SETTLE_HOURS')).toBe(4);
    expect(parseCloseSettleHours(' ', 'CLOSE_SETTLE_HOURS')).toBe(4);
    expect(parseCloseSettleHours('0', 'CLOSE_SETTLE_HOURS')).toBe(0);
    expect(parseCloseSettleHours('7.5', '--settle-hours')).toBe(7.5);
    for (const bad of ['-1', '169', 'four', '4h']) {
      expect(() => parseCloseSettleHours(bad, '--settle-hours')).toThrow(
        `--settle-hours: "${bad}" must be a number of hours from 0 to 168`,
      );
    }
  });

  it('refuses naming what asked for the close and when it may run', () => {
    const november = { to: new Date('2026-12-01T00:00:00Z'), label: 'November 2026' };
    expect(() =>
      assertMayClose(november, new Date('2026-12-01T11:59:59Z'), 4, {
        field: 'scheduledTime',
        value: '2026-12-01T11:59:59.000Z',
      }),
    ).toThrow(
      'scheduledTime: "2026-12-01T11:59:59.000Z" would close November 2026 before its last billing day has ended and settled (4 h); it may close from 2026-12-01T12:00:00.000Z',
    );
    expect(() =>
      assertMayClose(november, new Date('2026-12-01T12:00:00Z'), 4, { field: 'close', value: true }),
    ).not.toThrow();
  });

  it('knows periods from before the API existed', () => {
    expect(isBeforeFirstReportDay('1969-12')).toBe(true);
    expect(isBeforeFirstReportDay('2023-12-31')).toBe(true);
    expect(isBeforeFirstReportDay('2024-01')).toBe(false);
    expect(isBeforeFirstReportDay('2026-10-01')).toBe(false);
  });
});
