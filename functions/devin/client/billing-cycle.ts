import { z } from 'zod';
import { billingDayStart, isDay, nextBillingDayBoundary } from './billing-day.js';
import { dataErrorOf, parseRecord } from './parse-record.js';
import { parseWireTimestamp } from './wire-timestamp.js';

/** One vendor billing cycle: [start, end), UTC instants. */
export interface BillingCycle {
  readonly start: Date;
  readonly end: Date;
}

/**
 * A bound of a cycle. The vendor lists `{start, end}` without saying what they hold, so every
 * reading is accepted and brought to a billing-day boundary (08:00 UTC, billing-day.ts): an ISO
 * instant moves to the first boundary at or after it (`…T00:00:00Z` names that date's billing
 * day), an inclusive end (`…T23:59:59Z`) to the boundary after its last second; a bare
 * YYYY-MM-DD date names a billing day, so `start` is that day at 08:00 UTC and `end`, the last
 * day of the cycle, ends at 08:00 UTC the day after. So one cycle's end is the next one's start
 * in every documented shape (https://docs.devin.ai/api-reference/v2/consumption/consumption-cycles.md):
 * a session created between 00:00 and 08:00 UTC on the boundary day is in exactly one cycle.
 */
function cycleBound(daysAfterDate: number) {
  return z.string().transform((text, ctx) => {
    const instant = isDay(text) ? billingDayStart(text, daysAfterDate) : parseWireTimestamp(text);
    const at =
      instant === null ? null : nextBillingDayBoundary(daysAfterDate === 1 ? exclusiveEnd(instant) : instant);
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

/**
 * One version of the vendor's cycles page shows `end` as the cycle's last second (`…T23:59:59Z`,
 * inclusive), another as the next cycle's start (exclusive). An end one second short of a whole
 * minute is read as inclusive: the instant after it is where the cycle ends (then moved to its
 * billing-day boundary, as every bound is).
 */
function exclusiveEnd(end: Date): Date {
  const ms = end.getTime();
  return (ms + SECOND_MS) % 60_000 === 0 ? new Date(ms + SECOND_MS) : end;
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
