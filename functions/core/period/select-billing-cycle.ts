import { DateTime } from 'luxon';
import { closableFrom } from '#close/close-timing.js';
import { InvalidInputError } from '../errors.js';
import type { BillingCycle } from './billing-cycle.js';
import { formatDay, parseDay } from './calendar-date.js';
import { utcDayOf } from './utc-day.js';

export interface BillingCycleRequest {
  /** The cycle's start day, "YYYY-MM-DD" in UTC; undefined for the latest cycle that has ended. */
  readonly cycle?: string | undefined;
  /** When set, "latest" means the latest cycle that may close by now (see close-timing). */
  readonly closeSettleHours?: number | undefined;
}

/**
 * Picks the cycle to report from the API's list. Cycles are named by the day
 * they start, the one date a person sees on the vendor's billing page.
 */
export function selectBillingCycle(
  cycles: readonly BillingCycle[],
  request: BillingCycleRequest,
  now: Date,
): BillingCycle {
  const sorted = [...cycles].sort((a, b) => a.start.getTime() - b.start.getTime());
  const available = `available cycles start on: ${sorted.map(startDay).join(', ') || 'none listed by the API'}`;
  const { cycle, closeSettleHours } = request;
  if (cycle === undefined) {
    const ended = sorted.filter((c) =>
      closeSettleHours === undefined
        ? c.end.getTime() <= now.getTime()
        : closableFrom(c.end, closeSettleHours).getTime() <= now.getTime(),
    );
    const latest = ended[ended.length - 1];
    if (latest === undefined) {
      throw new InvalidInputError(
        'cycle',
        undefined,
        `no billing cycle has ended by ${now.toISOString()} (${available})`,
      );
    }
    return latest;
  }
  const day = formatDay(parseDay('cycle', cycle));
  const found = sorted.find((c) => startDay(c) === day);
  if (found === undefined) {
    throw new InvalidInputError('cycle', cycle, `is not the start day of a billing cycle (${available})`);
  }
  if (found.end.getTime() > now.getTime()) {
    const end = DateTime.fromJSDate(found.end, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm');
    throw new InvalidInputError(
      'cycle',
      cycle,
      `has not ended yet: it runs until ${end} UTC, after ${now.toISOString()}`,
    );
  }
  return found;
}

function startDay(cycle: BillingCycle): string {
  return formatDay(utcDayOf(cycle.start));
}
