import type { Acus } from '#core/money/acus.js';
import { billingDayName, billingDayNumber, billingDayStartMs } from './billing-day.js';
import type { ConsumptionLedger } from './consumption-ledger.js';
import { acusToWire, MICRO_ACU } from './consumption-ledger.js';
import { shareInWindow } from './hourly-share.js';
import type { WireDailyConsumption } from './wire.js';

const DAY_MS = 86_400_000;

/** What `GET /v2/enterprise/consumption/daily` selects: an interval of instants, and orgs. */
export interface ConsumptionQuery {
  /** [fromMs, toMs) in epoch ms: the vendor's `start_date` and `end_date` (the end is the next period's start). */
  readonly fromMs: number;
  readonly toMs: number;
  /** Empty: every org, plus the non-session ACUs that belong to none. */
  readonly orgIds: readonly string[];
}

/**
 * The endpoint's body for a query. Usage is recorded by the hour within billing days (08:00 UTC
 * each), so a window that does not start and end at 08:00 UTC takes part of the billing days it
 * cuts, and names them in `consumption_by_date`: every billing day the window touches appears,
 * zero or not. Filtering by org drops the non-session ACUs, as the vendor documents.
 */
export function dailyConsumption(ledger: ConsumptionLedger, query: ConsumptionQuery): WireDailyConsumption {
  const byDate = new Map<string, Acus>();
  if (query.toMs > query.fromMs) {
    const last = billingDayNumber(query.toMs - 1);
    for (let n = billingDayNumber(query.fromMs); n <= last; n++) byDate.set(billingDayName(n), 0n);
  }
  const byOrg = new Map<string, Acus>();
  const byUser = new Map<string, Acus>();
  const orgs = new Set(query.orgIds);
  for (const entry of ledger.entries) {
    const onDay = byDate.get(entry.day);
    if (onDay === undefined || (orgs.size > 0 && !orgs.has(entry.orgId))) continue;
    const acus = whollyInside(entry.day, query)
      ? entry.acus
      : microShare(entry.acus, entry.activeFromMs, entry.activeToMs, query);
    if (acus === 0n) continue;
    byDate.set(entry.day, onDay + acus);
    add(byOrg, entry.orgId, acus);
    if (entry.userId !== null) add(byUser, entry.userId, acus);
  }
  if (orgs.size === 0) {
    const addNonSession = (days: ReadonlyMap<string, Acus>, userId: string | null): void => {
      for (const [day, acus] of days) {
        const onDay = byDate.get(day);
        if (onDay === undefined) continue;
        const start = billingDayStartMs(day) ?? 0;
        // Products other than sessions (Cascade, Terminal) are spread evenly over their day's hours.
        const share = whollyInside(day, query) ? acus : microShare(acus, start, start + DAY_MS, query);
        byDate.set(day, onDay + share);
        if (userId !== null && share > 0n) add(byUser, userId, share);
      }
    };
    addNonSession(ledger.nonSession, null);
    for (const [userId, days] of ledger.nonSessionByUser) addNonSession(days, userId);
  }
  let total = 0n;
  for (const acus of byDate.values()) total += acus;
  return {
    total_acus: acusToWire(total),
    consumption_by_date: wireRecord(byDate),
    consumption_by_org_id: wireRecord(byOrg),
    consumption_by_user: wireRecord(byUser),
  };
}

/** Split in the fake's own unit, the micro-ACU, so every figure keeps at most 6 decimals. */
function microShare(acus: Acus, activeFromMs: number, activeToMs: number, query: ConsumptionQuery): Acus {
  return shareInWindow(acus / MICRO_ACU, activeFromMs, activeToMs, query.fromMs, query.toMs) * MICRO_ACU;
}

function whollyInside(day: string, query: ConsumptionQuery): boolean {
  const start = billingDayStartMs(day) ?? Number.NaN;
  return start >= query.fromMs && start + DAY_MS <= query.toMs;
}

function add(totals: Map<string, Acus>, key: string, acus: Acus): void {
  totals.set(key, (totals.get(key) ?? 0n) + acus);
}

function wireRecord(totals: ReadonlyMap<string, Acus>): Record<string, number> {
  const keys = [...totals.keys()].sort();
  return Object.fromEntries(keys.map((key) => [key, acusToWire(totals.get(key) ?? 0n)]));
}
