import { z } from 'zod';
import type { Acus } from '../../core/money/acus.js';
import { ACU_DECIMALS, acusFromNumber, scaledToDecimalString, sumAcus } from '../../core/money/acus.js';
import type { BilledConsumption, BilledConsumptionResult } from '../../core/report/billed-consumption.js';
import { isDay } from './billing-day.js';
import { valueAt } from './parse-record.js';
import { redact } from './redact.js';

const wireAcus = z.number().nonnegative('is negative');
const wireAcusByKey = z.record(z.string(), wireAcus);

/** The body of `GET /v2/enterprise/consumption/daily`; `consumption_by_user` is optional in the vendor's spec. */
const wireDailyConsumptionSchema = z.object({
  total_acus: wireAcus,
  consumption_by_date: wireAcusByKey,
  consumption_by_org_id: wireAcusByKey,
  consumption_by_user: wireAcusByKey.nullish(),
});

export interface AskedDays {
  readonly firstDay: string;
  readonly lastDay: string;
}

/**
 * The billed consumption in a body, or why it cannot be trusted. Beyond the shape, the figures
 * must agree with the question and with each other, exactly: every day lies within the asked
 * days (the vendor does not document that both bounds are included, so this is where a wrong
 * assumption would show), the days add up to the total, and neither the orgs nor the users carry
 * more than the total.
 */
export function billedConsumptionFromWire(
  json: unknown,
  asked: AskedDays,
  apiKey: string,
): BilledConsumptionResult {
  const problem = (reason: string): BilledConsumptionResult => ({
    available: false,
    reason: redact(reason, apiKey),
  });
  const parsed = wireDailyConsumptionSchema.safeParse(json);
  if (!parsed.success) return problem(`malformed response: ${describeIssue(parsed.error, json)}`);
  const wire = parsed.data;

  for (const day of Object.keys(wire.consumption_by_date)) {
    if (!isDay(day))
      return problem('malformed response: consumption_by_date has a key that is not a YYYY-MM-DD day');
    if (day < asked.firstDay || day > asked.lastDay) {
      return problem(
        `the consumption endpoint answered for ${day}, outside the asked billing days ` +
          `${asked.firstDay} to ${asked.lastDay}, so its day bounds are not what this report assumes`,
      );
    }
  }
  const totalAcus = acusFromNumber(wire.total_acus);
  const byDate = acusByKey(wire.consumption_by_date);
  const byOrg = acusByKey(wire.consumption_by_org_id);
  const byUser = wire.consumption_by_user ? acusByKey(wire.consumption_by_user) : null;

  const daysSum = sumAcus(byDate.values());
  if (daysSum !== totalAcus) {
    return problem(
      `the daily figures add up to ${acusText(daysSum)} ACUs but total_acus is ${acusText(totalAcus)}`,
    );
  }
  for (const [breakdown, totals] of [
    ['per-org', byOrg],
    ['per-user', byUser],
  ] as const) {
    const sum = totals === null ? 0n : sumAcus(totals.values());
    if (sum > totalAcus) {
      return problem(
        `the ${breakdown} figures add up to ${acusText(sum)} ACUs, more than total_acus ${acusText(totalAcus)}`,
      );
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
