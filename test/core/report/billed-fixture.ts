import { acusFromNumber } from '#core/money/acus.js';
import type { BilledConsumption } from '#core/report/billed-consumption.js';

/** A bill with ACUs given as the API sends them; byUser null when the API left it out. */
export function billedConsumption(fields: {
  readonly totalAcus: number;
  readonly byOrg: Record<string, number>;
  readonly byUser: Record<string, number> | null;
}): BilledConsumption {
  const toMap = (record: Record<string, number>) =>
    new Map(Object.entries(record).map(([id, acus]) => [id, acusFromNumber(acus)]));
  return {
    firstDay: '2026-10-01',
    lastDay: '2026-10-31',
    totalAcus: acusFromNumber(fields.totalAcus),
    byDate: new Map([['2026-10-01', acusFromNumber(fields.totalAcus)]]),
    byOrg: toMap(fields.byOrg),
    byUser: fields.byUser === null ? null : toMap(fields.byUser),
  };
}
