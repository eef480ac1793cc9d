import { DateTime } from 'luxon';
import { DEFAULT_CLOSE_SETTLE_HOURS } from '#close/close-settle-hours.js';
import type { Alignment } from './config.js';

/** Slack after a close first may run, so a scheduler firing a little early is never refused. */
const SLACK_HOURS = 2;
/** The vendor's billing day starts at 08:00 UTC. */
const BILLING_DAY_START_HOUR = 8;

/**
 * The daily catch-up, in UTC: six hours after the default monthly close, so a close that is
 * running then is long done, and early enough that a failure is seen the same working day.
 */
export const DEFAULT_CATCH_UP_SCHEDULE = 'cron(0 20 * * ? *)';

export interface DefaultSchedule {
  readonly expression: string;
  /** Defaults fire in UTC: the bill they wait for ends at a UTC instant, whatever the report's zone. */
  readonly timeZone: 'UTC';
}

/**
 * When the schedule fires unless `schedule` is set: the first whole hour, plus slack, after the
 * period's last billing day has ended and settled (`closeSettleHours`), so the scheduled close is
 * never refused as too early. A calendar month in a zone more than 8 hours behind UTC ends after
 * 08:00 UTC on the 1st, inside the 1st's billing day, so its close waits a day more. Cycles end
 * on any day: a daily run closes each one once it may, and the close record makes the other days'
 * runs return without sending anything.
 */
export function defaultSchedule(
  alignment: Alignment,
  timeZone: string,
  settleHours: number = DEFAULT_CLOSE_SETTLE_HOURS,
): DefaultSchedule {
  const endsLate = alignment === 'calendar' && monthCanEndAfterBillingDayStart(timeZone);
  const hours = Math.ceil(BILLING_DAY_START_HOUR + settleHours) + SLACK_HOURS + (endsLate ? 24 : 0);
  const hour = hours % 24;
  if (alignment === 'billing-cycle') return { expression: `cron(0 ${hour} * * ? *)`, timeZone: 'UTC' };
  const day = 1 + Math.floor(hours / 24);
  return { expression: `cron(0 ${hour} ${day} * ? *)`, timeZone: 'UTC' };
}

/** Whether some month of the zone ends (local midnight) after 08:00 UTC, e.g. Alaska in winter. */
function monthCanEndAfterBillingDayStart(timeZone: string): boolean {
  for (let month = 1; month <= 12; month += 1) {
    const offsetMinutes = DateTime.fromObject({ year: 2026, month, day: 1 }, { zone: timeZone }).offset;
    if (offsetMinutes < -BILLING_DAY_START_HOUR * 60) return true;
  }
  return false;
}
