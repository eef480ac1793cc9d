import type { Acus } from '#core/money/acus.js';
import type { BilledConsumption, BilledConsumptionResult } from '#core/report/billed-consumption.js';

/**
 * One bill from bills of disjoint parts (one org each: list-filter.ts sends a filter one value at
 * a time), every figure summed exactly; unavailable when any part is, with the first reason.
 */
export function mergeBills(parts: readonly BilledConsumptionResult[]): BilledConsumptionResult {
  const bills: BilledConsumption[] = [];
  for (const part of parts) {
    if (!part.available) return part;
    bills.push(part.consumption);
  }
  const [first] = bills;
  if (first === undefined) throw new RangeError('mergeBills needs at least one bill');
  const byUser = bills.every((b) => b.byUser !== null)
    ? summed(bills.map((b) => b.byUser ?? new Map()))
    : null;
  return {
    available: true,
    consumption: {
      firstDay: first.firstDay,
      lastDay: first.lastDay,
      totalAcus: bills.reduce((sum, b) => sum + b.totalAcus, 0n),
      byDate: summed(bills.map((b) => b.byDate)),
      byOrg: summed(bills.map((b) => b.byOrg)),
      byUser,
    },
  };
}

function summed(maps: readonly ReadonlyMap<string, Acus>[]): Map<string, Acus> {
  const total = new Map<string, Acus>();
  for (const map of maps) for (const [key, acus] of map) total.set(key, (total.get(key) ?? 0n) + acus);
  return new Map([...total].sort(([a], [b]) => (a < b ? -1 : 1)));
}
