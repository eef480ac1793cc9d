import type { Acus } from '../../core/money/acus.js';
import { billingDaysBetween } from './billing-day.js';
import type { ConsumptionLedger } from './consumption-ledger.js';
import { acusToWire } from './consumption-ledger.js';
import type { WireDailyConsumption } from './wire.js';

/** What `GET /v2/enterprise/consumption/daily` selects: billing days, both included, and orgs. */
export interface ConsumptionQuery {
  readonly firstDay: string;
  readonly lastDay: string;
  /** Empty: every org, plus the non-session ACUs that belong to none. */
  readonly orgIds: readonly string[];
}

/**
 * The endpoint's body for a query. Every asked day appears in `consumption_by_date`, zero or not.
 * Filtering by org drops the non-session ACUs, as the vendor documents.
 */
export function dailyConsumption(ledger: ConsumptionLedger, query: ConsumptionQuery): WireDailyConsumption {
  const byDate = new Map<string, Acus>(
    billingDaysBetween(query.firstDay, query.lastDay).map((day) => [day, 0n]),
  );
  const byOrg = new Map<string, Acus>();
  const byUser = new Map<string, Acus>();
  const orgs = new Set(query.orgIds);
  for (const entry of ledger.entries) {
    const onDay = byDate.get(entry.day);
    if (onDay === undefined || (orgs.size > 0 && !orgs.has(entry.orgId))) continue;
    byDate.set(entry.day, onDay + entry.acus);
    add(byOrg, entry.orgId, entry.acus);
    if (entry.userId !== null) add(byUser, entry.userId, entry.acus);
  }
  if (orgs.size === 0) {
    for (const [day, acus] of ledger.nonSession) {
      const onDay = byDate.get(day);
      if (onDay !== undefined) byDate.set(day, onDay + acus);
    }
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

function add(totals: Map<string, Acus>, key: string, acus: Acus): void {
  totals.set(key, (totals.get(key) ?? 0n) + acus);
}

function wireRecord(totals: ReadonlyMap<string, Acus>): Record<string, number> {
  const keys = [...totals.keys()].sort();
  return Object.fromEntries(keys.map((key) => [key, acusToWire(totals.get(key) ?? 0n)]));
}
