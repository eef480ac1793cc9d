import { toWireInstant } from './iso-instant.js';
import type { WireBillingCycle } from './wire.js';

const START_HOUR_UTC = 8;

/**
 * Monthly billing cycles that start on `anchorDay` at 08:00 UTC (e.g. 5 Oct 08:00 to 5 Nov 08:00),
 * like a contract signed mid-month: deliberately not calendar months. From the cycle holding
 * `fromMs` to the one holding `toMs - 1`, oldest first.
 */
export function monthlyBillingCycles(fromMs: number, toMs: number, anchorDay = 5): WireBillingCycle[] {
  if (!(Number.isInteger(anchorDay) && anchorDay >= 1 && anchorDay <= 28)) {
    throw new RangeError(`anchorDay must be 1..28 so that every month has it, got ${anchorDay}`);
  }
  const from = new Date(fromMs);
  const year = from.getUTCFullYear();
  let month = from.getUTCMonth();
  if (cycleStart(year, month, anchorDay) > fromMs) month -= 1;
  const cycles: WireBillingCycle[] = [];
  for (let start = cycleStart(year, month, anchorDay); start < toMs; ) {
    month += 1;
    const end = cycleStart(year, month, anchorDay);
    cycles.push({ start: toWireInstant(start), end: toWireInstant(end) });
    start = end;
  }
  return cycles;
}

// Date.UTC carries a month of -1 or 12 into the neighbouring year.
function cycleStart(year: number, month: number, anchorDay: number): number {
  return Date.UTC(year, month, anchorDay, START_HOUR_UTC);
}
