import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { closableFrom } from '#close/close-timing.js';
import { defaultSchedule } from '../../infra/default-schedule.js';

/** The instant a `cron(0 H D * ? *)` in UTC fires in the month after the one given. */
function firesAfter(expression: string, monthEnd: Date): Date {
  const match = /^cron\(0 (\d+) (\d+|\*) \* \? \*\)$/.exec(expression);
  if (match === null) throw new Error(`unexpected expression ${expression}`);
  const day = match[2] === '*' ? 1 : Number(match[2]);
  const fired = new Date(Date.UTC(monthEnd.getUTCFullYear(), monthEnd.getUTCMonth(), day, Number(match[1])));
  // A zone east of UTC ends its month on the UTC calendar's last day: the 1st is the next one.
  return fired < monthEnd
    ? new Date(Date.UTC(fired.getUTCFullYear(), fired.getUTCMonth() + 1, day, Number(match[1])))
    : fired;
}

describe('the default schedule', () => {
  it('fires at 14:00 UTC on the 1st for a UTC month: after the last billing day and its 4-hour margin', () => {
    expect(defaultSchedule('calendar', 'UTC')).toEqual({ expression: 'cron(0 14 1 * ? *)', timeZone: 'UTC' });
    expect(defaultSchedule('billing-day', 'UTC')).toEqual({
      expression: 'cron(0 14 1 * ? *)',
      timeZone: 'UTC',
    });
    expect(defaultSchedule('billing-cycle', 'UTC')).toEqual({
      expression: 'cron(0 14 * * ? *)',
      timeZone: 'UTC',
    });
  });

  it('waits a day more where a month ends after 08:00 UTC (Alaska, Hawaii)', () => {
    expect(defaultSchedule('calendar', 'America/Anchorage').expression).toBe('cron(0 14 2 * ? *)');
    expect(defaultSchedule('calendar', 'Pacific/Honolulu').expression).toBe('cron(0 14 2 * ? *)');
    expect(defaultSchedule('calendar', 'America/Los_Angeles').expression).toBe('cron(0 14 1 * ? *)');
  });

  it('follows a longer settle margin', () => {
    expect(defaultSchedule('calendar', 'UTC', 10).expression).toBe('cron(0 20 1 * ? *)');
    expect(defaultSchedule('calendar', 'UTC', 30).expression).toBe('cron(0 16 2 * ? *)');
  });

  it('never fires before the close may run, in any zone, any month, for margins up to two days', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    for (const settleHours of [4, 13]) {
      for (const zone of zones) {
        const { expression } = defaultSchedule('calendar', zone, settleHours);
        for (let month = 0; month < 12; month += 1) {
          // The month's end: local midnight on the 1st of the next month.
          const end = localMidnight(zone, 2026, month + 2);
          expect(
            firesAfter(expression, end) >= closableFrom(end, settleHours),
            `${zone} ${month} ${settleHours}`,
          ).toBe(true);
        }
      }
    }
  });
});

/** Local midnight on the 1st of `month` (1-based, may be 13) in `zone`, as a UTC instant. */
function localMidnight(zone: string, year: number, month: number): Date {
  return DateTime.fromObject({ year, month: 1, day: 1 }, { zone })
    .plus({ months: month - 1 })
    .toJSDate();
}
