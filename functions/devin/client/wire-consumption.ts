import { z } from 'zod';
import type { Acus } from '#core/money/acus.js';
import { ACU_DECIMALS, acusFromNumber, scaledToDecimalString, sumAcus } from '#core/money/acus.js';
import type { BilledConsumption, BilledConsumptionResult } from '#core/report/billed-consumption.js';
import { isDay } from './billing-day.js';
import { ContradictoryBillError } from './contradictory-bill-error.js';
import { valueAt } from './parse-record.js';
import { redact } from './redact.js';

const wireAcus = z.number().nonnegative('is negative');
/** Days are checked after the shape, so a negative day is named as a contradiction (below). */
const wireDayAcus = z.record(z.string(), z.number());
const wireAcusByKey = z.record(z.string(), wireAcus);

/** The body of `GET /v2/enterprise/consumption/daily`; `consumption_by_user` is optional in the vendor's spec. */
const wireDailyConsumptionSchema = z.object({
  total_acus: wireAcus,
  consumption_by_date: wireDayAcus,
  consumption_by_org_id: wireAcusByKey,
  consumption_by_user: wireAcusByKey.nullish(),
});

export interface AskedDays {
  readonly firstDay: string;
  readonly lastDay: string;
}

/**
 * The billed consumption in a body, or why it cannot be trusted. Beyond the shape, the figures
 * must agree with each other, exactly: the days add up to the total, and neither the orgs nor
 * the users carry more than the total; a negative day is a {@link ContradictoryBillError}.
 *
 * Whether `end_date` is included is not documented
 * (https://docs.devin.ai/api-reference/v2/consumption/daily-consumption), so a day key outside
 * the asked billing days (the day after the window, say) is the docs' open question, not a
 * contradiction: it is dropped from the bill with a warning naming it and its ACUs, and the bill of
 * the asked days is kept. The per-org and per-user figures cover the whole answer and cannot be
 * split by day; the warning says so.
 */
export function billedConsumptionFromWire(
  json: unknown,
  asked: AskedDays,
  apiKey: string,
  onWarning: (message: string) => void = () => {},
): BilledConsumptionResult {
  const problem = (reason: string): BilledConsumptionResult => ({
    available: false,
    reason: redact(reason, apiKey),
  });
  const parsed = wireDailyConsumptionSchema.safeParse(json);
  if (!parsed.success) return problem(`malformed response: ${describeIssue(parsed.error, json)}`);
  const wire = parsed.data;

  const outside: string[] = [];
  for (const [day, acus] of Object.entries(wire.consumption_by_date)) {
    if (!isDay(day))
      return problem('malformed response: consumption_by_date has a key that is not a YYYY-MM-DD day');
    if (acus < 0) {
      const contradiction = new ContradictoryBillError({
        day,
        field: 'consumption_by_date',
        problem: `is negative (${acus})`,
      });
      return problem(contradiction.message);
    }
    if (day < asked.firstDay || day > asked.lastDay) outside.push(day);
  }
  const answered = acusByKey(wire.consumption_by_date);
  const answeredTotal = acusFromNumber(wire.total_acus);
  const answeredDays = sumAcus(answered.values());
  if (answeredDays !== answeredTotal) {
    return problem(
      `the daily figures add up to ${acusText(answeredDays)} ACUs but total_acus is ${acusText(answeredTotal)}`,
    );
  }
  const byDate = new Map([...answered].filter(([day]) => !outside.includes(day)));
  const totalAcus = sumAcus(byDate.values());
  for (const day of outside) {
    onWarning(
      redact(
        `the consumption endpoint answered for ${day} (${acusText(answered.get(day) ?? 0n)} ACUs), outside the ` +
          `asked billing days ${asked.firstDay} to ${asked.lastDay}: that day is left out of the bill ` +
          `(total ${acusText(totalAcus)} of ${acusText(answeredTotal)} ACUs answered), while the per-org and ` +
          'per-user figures, which the API does not split by day, still include it',
        apiKey,
      ),
    );
  }
  const byOrg = acusByKey(wire.consumption_by_org_id);
  const byUser = wire.consumption_by_user ? acusByKey(wire.consumption_by_user) : null;

  for (const [breakdown, totals] of [
    ['per-org', byOrg],
    ['per-user', byUser],
  ] as const) {
    const sum = totals === null ? 0n : sumAcus(totals.values());
    if (sum > answeredTotal) {
      const contradiction = new ContradictoryBillError({
        day: null,
        field: 'total_acus',
        problem: `is ${acusText(answeredTotal)} ACUs, below its ${breakdown} figures' ${acusText(sum)}`,
      });
      return problem(contradiction.message);
    }
  }

  const consumption: BilledConsumption = { ...asked, totalAcus, byDate, byOrg, byUser };
  return { available: true, consumption };
}

/** Sorted by key: for days that is date order. */
function acusByKey(record: Record<string, number>): Map<string, Acus> {
  return new Map(
    Object.entries(record)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [key, acusFromNumber(value)]),
  );
}

function acusText(acus: Acus): string {
  return scaledToDecimalString(acus, ACU_DECIMALS);
}

function describeIssue(error: z.ZodError, root: unknown): string {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = path.map(String).join('.') || 'the body';
  return valueAt(root, path) === undefined
    ? `${field} missing`
    : `${field} ${issue?.message ?? 'is invalid'}`;
}
