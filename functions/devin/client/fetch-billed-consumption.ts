import type { BilledConsumptionResult } from '#core/report/billed-consumption.js';
import { billingDayStart, isDay } from './billing-day.js';
import { DevinApiError } from './devin-api-error.js';
import { getJson } from './get-json.js';
import type { HttpSettings } from './http-settings.js';
import { appendListFilter } from './list-filter.js';
import { mergeBills } from './merge-bills.js';
import { unavailableReason } from './unavailable-reason.js';
import { billedConsumptionFromWire } from './wire-consumption.js';

export const CONSUMPTION_DAILY_PATH = '/v2/enterprise/consumption/daily';

/** Billing days (YYYY-MM-DD, each starting 08:00 UTC), both included, optionally narrowed to orgs. */
export interface BilledDays {
  readonly firstDay: string;
  readonly lastDay: string;
  /** Narrows to these orgs; the vendor then leaves out the non-session ACUs that belong to none. */
  readonly orgIds?: readonly string[];
  /**
   * Who appears in the report, for an API that bills per principal (v3): the orgs, people and
   * service users of the sessions created in [from, to). v2 reads everyone in one call and
   * ignores it; v3 adds whoever consumed in the billing days from sessions created outside it.
   */
  readonly principals?: BilledPrincipals;
}

export interface BilledPrincipals {
  readonly from: Date;
  readonly to: Date;
  readonly orgIds: readonly string[];
  readonly userIds: readonly string[];
  readonly serviceUserIds: readonly string[];
}

/**
 * The vendor's bill for some days, in one request with the shared retry policy. Never fails the
 * report: a refused key, a missing endpoint, retries that ran out or a body that does not add up
 * all come back as `{ available: false, reason }` (and a warning with the technical detail).
 * Days that are not dates, or in the wrong order, are the caller's bug and throw.
 */
export async function fetchBilledConsumption(
  http: HttpSettings,
  days: BilledDays,
  onWarning: (message: string) => void,
): Promise<BilledConsumptionResult> {
  const orgIds = [...new Set(days.orgIds ?? [])];
  if (orgIds.length > 1) {
    // One org a time (list-filter.ts); the orgs' bills are disjoint, so they add up exactly.
    const parts: BilledConsumptionResult[] = [];
    for (const orgId of orgIds)
      parts.push(await fetchBilledConsumption(http, { ...days, orgIds: [orgId] }, onWarning));
    return mergeBills(parts);
  }
  const params = consumptionParams(days);
  let json: unknown;
  try {
    json = await getJson(http, CONSUMPTION_DAILY_PATH, params);
  } catch (error) {
    if (!(error instanceof DevinApiError)) throw error;
    onWarning(error.message);
    return { available: false, reason: unavailableReason(error, 'consumption', http.apiKey) };
  }
  const asked = { firstDay: days.firstDay, lastDay: days.lastDay };
  const result = billedConsumptionFromWire(json, asked, http.apiKey, onWarning);
  if (!result.available) onWarning(`GET ${CONSUMPTION_DAILY_PATH}?${params}: ${result.reason}`);
  return result;
}

function consumptionParams(days: BilledDays): URLSearchParams {
  for (const [name, day] of [
    ['firstDay', days.firstDay],
    ['lastDay', days.lastDay],
  ] as const) {
    if (!isDay(day)) throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${JSON.stringify(day)}`);
  }
  if (days.lastDay < days.firstDay) {
    throw new RangeError(`lastDay ${days.lastDay} is before firstDay ${days.firstDay}`);
  }
  // The vendor's bounds are date-times: a bare date is read as midnight UTC, 8 hours before the
  // billing day starts (devin-api.md, "Neighbouring v2 endpoints"). The window is the billing days'
  // own instants, the end being the start of the day after the last, as the vendor's example shows.
  const params = new URLSearchParams(billingWindowParams(days.firstDay, days.lastDay));
  // One org at most by now (fetchBilledConsumption asks several one by one): list-filter.ts.
  appendListFilter(params, 'org_ids', days.orgIds);
  return params;
}

/** `start_date`/`end_date` of the billing days `firstDay`..`lastDay` (both included), as the vendor bills them. */
export function billingWindowParams(
  firstDay: string,
  lastDay: string,
): { start_date: string; end_date: string } {
  const start = billingDayStart(firstDay);
  const end = billingDayStart(lastDay, 1);
  if (start === null || end === null) throw new RangeError(`not YYYY-MM-DD days: ${firstDay}, ${lastDay}`);
  return { start_date: isoSeconds(start), end_date: isoSeconds(end) };
}

/** `2025-12-05T08:00:00Z`, exactly as the vendor's example writes it. */
function isoSeconds(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}
