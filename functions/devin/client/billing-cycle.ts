import { z } from 'zod';
import { billingDayStart, isDay } from './billing-day.js';
import { dataErrorOf, parseRecord } from './parse-record.js';
import { parseWireTimestamp } from './wire-timestamp.js';

/** One vendor billing cycle: [start, end), UTC instants. */
export interface BillingCycle {
  readonly start: Date;
  readonly end: Date;
}

/**
 * A bound of a cycle. The vendor lists `{start, end}` without saying what they hold, so both
 * readings are accepted: an ISO instant is taken as is (an `end` instant is exclusive); a bare
 * YYYY-MM-DD date names a billing day, so `start` is that day at 08:00 UTC and `end`, the last day
 * of the cycle, ends at 08:00 UTC the day after.
 */
function cycleBound(daysAfterDate: number) {
  return z.string().transform((text, ctx) => {
    const instant = isDay(text) ? billingDayStart(text, daysAfterDate) : parseWireTimestamp(text);
    const at = daysAfterDate === 1 && instant !== null ? exclusiveEnd(instant) : instant;
    if (at === null) {
      ctx.issues.push({
        code: 'custom',
        message: 'is neither an ISO 8601 date-time nor a YYYY-MM-DD date',
        input: text,
      });
      return z.NEVER;
    }
    return at;
  });
}

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;
const BILLING_DAY_OFFSET_MS = 8 * 3_600_000;

/**
 * One version of the vendor's cycles page shows `end` as the cycle's last second (`…T23:59:59Z`,
 * inclusive), another as the next cycle's start (exclusive). An end one second short of a whole
 * minute is read as inclusive: the cycle ends where the billing day holding it ends (08:00 UTC),
 * which is the next cycle's start in both readings.
 */
function exclusiveEnd(end: Date): Date {
  const ms = end.getTime();
  if ((ms + SECOND_MS) % 60_000 !== 0) return end;
  const dayStart = Math.floor((ms - BILLING_DAY_OFFSET_MS) / DAY_MS) * DAY_MS + BILLING_DAY_OFFSET_MS;
  return new Date(dayStart + DAY_MS);
}

const wireCycleSchema = z
  .object({ start: cycleBound(0), end: cycleBound(1) })
  .refine((cycle) => cycle.end > cycle.start, { message: 'is not after start', path: ['end'] });

// A bare array per the vendor's docs; the `{items}` envelope of the other listings is accepted too.
const wireCyclesSchema = z.union([z.array(z.unknown()), z.object({ items: z.array(z.unknown()) })]);

/** Every cycle of a `/consumption/cycles` body, oldest first; a DevinDataError names a bad one. */
export function billingCyclesFromWire(json: unknown): BillingCycle[] {
  const parsed = wireCyclesSchema.safeParse(json);
  if (!parsed.success) throw dataErrorOf(parsed.error, json, 'billing cycles', null);
  const items = Array.isArray(parsed.data) ? parsed.data : parsed.data.items;
  return items
    .map((item) => parseRecord(wireCycleSchema, item, 'billing cycle', 'start'))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}
