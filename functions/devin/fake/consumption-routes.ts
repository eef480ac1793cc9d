import { dailyConsumption } from './daily-consumption.js';
import type { QueryReader } from './query-reader.js';
import type { JsonReply } from './routes.js';
import type { ServedData } from './served-data.js';

/**
 * `GET /v2/enterprise/consumption/daily?start_date=&end_date=[&org_ids=…]`, as the vendor documents
 * it (devin-api.md, "Neighbouring v2 endpoints"; docs.devin.ai/api-reference/v2/consumption/daily-consumption):
 * the bounds are date-times, a bare date is midnight UTC, the end is the next period's start
 * (excluded), and without a bound the current billing cycle's is used.
 */
/**
 * Whether `end_date` is exclusive, as the vendor's example reads (`excluded`, the default), or
 * the server also answers the billing day it names (`included`): the docs never say which.
 */
export type V2EndDay = 'excluded' | 'included';

const DAY_MS = 86_400_000;

export function answerDailyConsumption(
  query: QueryReader,
  data: ServedData,
  nowMs = Date.now(),
  endDay: V2EndDay = 'excluded',
): JsonReply {
  const startMs = query.instant('start_date');
  const endMs = query.instant('end_date');
  const orgIds = query.list('org_ids');
  if (query.issues.length > 0) return { status: 422, body: { detail: query.issues } };
  const cycle = currentCycle(data, nowMs);
  const fromMs = startMs ?? cycle.fromMs;
  const toMs = endMs ?? cycle.toMs;
  if (toMs <= fromMs) {
    // The vendor's behaviour is undocumented; a clear 400 keeps a client bug from passing as "no usage".
    return { status: 400, body: { detail: 'start_date must be before end_date' } };
  }
  const until = endDay === 'included' && endMs !== null ? toMs + DAY_MS : toMs;
  return { status: 200, body: dailyConsumption(data.consumption(), { fromMs, toMs: until, orgIds }) };
}

/** The billing cycle holding `nowMs` (the last one listed if none does; else the calendar month from 08:00 UTC). */
function currentCycle(data: ServedData, nowMs: number): { fromMs: number; toMs: number } {
  const cycles = data.billingCycles.map((c) => ({ fromMs: Date.parse(c.start), toMs: Date.parse(c.end) }));
  const holding = cycles.find((c) => c.fromMs <= nowMs && nowMs < c.toMs) ?? cycles.at(-1);
  if (holding !== undefined) return holding;
  const now = new Date(nowMs);
  return {
    fromMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 8),
    toMs: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 8),
  };
}

/** `GET /v2/enterprise/consumption/cycles`: a bare array of `{start, end}`, oldest first. */
export function answerBillingCycles(data: ServedData): JsonReply {
  return { status: 200, body: data.billingCycles };
}
