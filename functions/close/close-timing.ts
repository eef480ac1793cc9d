import { InvalidInputError } from '#core/errors.js';
import { billingDayStart } from '#devin/client/billing-day.js';
import { DEFAULT_CLOSE_SETTLE_HOURS } from './close-settle-hours.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The first day any period may cover: before it there was no Devin API to bill from, so a
 * period from before it (`"month": "1969-12"`) is a mistake, not an empty month.
 */
export const FIRST_REPORT_DAY = '2024-01-01';

/** The end of the billing day (08:00 UTC to 08:00 UTC) holding the period's last instant. */
export function lastBillingDayEnd(periodTo: Date): Date {
  const last = new Date(periodTo.getTime() - 1);
  const date = last.toISOString().slice(0, 10);
  const started = billingDayStart(date);
  // Before 08:00 UTC the instant still belongs to the billing day named by the day before.
  const day = started !== null && last < started ? billingDayStart(date, -1) : started;
  const end = day === null ? null : new Date(day.getTime() + 24 * 60 * 60 * 1000);
  if (end === null) throw new Error(`the period's end ${periodTo.toISOString()} is not a date`);
  return end;
}

/**
 * Whether a close of the period ending at `periodTo` may run at `now` (a first piece of the
 * close's `decide()`): only once its last billing day has ended and `settleMarginMs` more has
 * passed, so the bill it records is the vendor's final one. Otherwise it says when it may.
 */
export function closeTiming(
  periodTo: Date,
  now: Date,
  settleHours: number = DEFAULT_CLOSE_SETTLE_HOURS,
): { readonly kind: 'may-close' } | { readonly kind: 'too-early'; readonly notBefore: Date } {
  const notBefore = closableFrom(periodTo, settleHours);
  return now < notBefore ? { kind: 'too-early', notBefore } : { kind: 'may-close' };
}

/** True when a YYYY-MM or YYYY-MM-DD value names a time before {@link FIRST_REPORT_DAY}. */
export function isBeforeFirstReportDay(value: string): boolean {
  return /^\d{4}-\d{2}(-\d{2})?$/.test(value) && value < FIRST_REPORT_DAY.slice(0, value.length);
}

/** The first instant a close of the period ending at `periodTo` may run. */
export function closableFrom(periodTo: Date, settleHours: number = DEFAULT_CLOSE_SETTLE_HOURS): Date {
  return new Date(lastBillingDayEnd(periodTo).getTime() + settleHours * HOUR_MS);
}

/**
 * Refuses a close that is too early, naming what asked for it (`scheduledTime` and its value
 * for the schedule, `close` for a manual or CLI run) and when the close may run. The Lambda
 * and the CLI both call this, so they cannot disagree on when a month may close.
 */
export function assertMayClose(
  period: { readonly to: Date; readonly label: string },
  now: Date,
  settleHours: number,
  askedBy: { readonly field: string; readonly value: unknown },
): void {
  const timing = closeTiming(period.to, now, settleHours);
  if (timing.kind === 'too-early') {
    throw new InvalidInputError(
      askedBy.field,
      askedBy.value,
      `would close ${period.label} before its last billing day has ended and settled (${settleHours} h); it may close from ${timing.notBefore.toISOString()}`,
    );
  }
}
