import { closableFrom } from './close-timing.js';

/** Hours after a period may close before its missing close record alarms, by default: a day. */
export const DEFAULT_HEARTBEAT_HOURS = 24;

/**
 * Whether a period's close is overdue: it is not closed, and `heartbeatHours` have passed since it
 * could have been (the end of its last billing day plus the settle margin). The heartbeat alarm
 * watches this, so a month that never closes is not mistaken for a quiet one.
 */
export function closeOverdue(
  period: { readonly to: Date; readonly closed: boolean },
  now: Date,
  settleHours: number,
  heartbeatHours: number = DEFAULT_HEARTBEAT_HOURS,
): boolean {
  if (period.closed) return false;
  return now.getTime() >= closableFrom(period.to, settleHours).getTime() + heartbeatHours * 3_600_000;
}
