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
    const at = isDay(text) ? billingDayStart(text, daysAfterDate) : parseWireTimestamp(text);
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
