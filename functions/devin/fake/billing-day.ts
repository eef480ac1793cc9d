/**
 * The vendor's billing days: each starts at 08:00 UTC (midnight US Pacific in winter; the vendor
 * does not say what happens in summer, so the fake keeps 08:00 UTC all year) and is named by the
 * UTC date of its start, e.g. "2026-10-01" runs [2026-10-01T08:00Z, 2026-10-02T08:00Z).
 */

export const BILLING_DAY_START_HOUR_UTC = 8;

const DAY_MS = 86_400_000;
const OFFSET_MS = BILLING_DAY_START_HOUR_UTC * 3_600_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The billing day an instant falls on. */
export function billingDayOf(epochMs: number): string {
  return billingDayName(billingDayNumber(epochMs));
}

/** Billing days since 1970-01-01 (that day is 0): arithmetic on days without parsing text. */
export function billingDayNumber(epochMs: number): number {
  return Math.floor((epochMs - OFFSET_MS) / DAY_MS);
}

export function billingDayNumberStartMs(dayNumber: number): number {
  return dayNumber * DAY_MS + OFFSET_MS;
}

const names = new Map<number, string>();

/** The YYYY-MM-DD name of a day number, cached: a ledger of a million entries names few distinct days. */
export function billingDayName(dayNumber: number): string {
  let name = names.get(dayNumber);
  if (name === undefined) {
    name = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    names.set(dayNumber, name);
  }
  return name;
}

/** Epoch ms at which a billing day starts; null when `day` is not a real YYYY-MM-DD date. */
export function billingDayStartMs(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const midnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches impossible dates.
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== day) return null;
  return midnight + OFFSET_MS;
}

/** The billing day after `day` (which must be valid). */
export function nextBillingDay(day: string): string {
  const start = billingDayStartMs(day);
  if (start === null) throw new RangeError(`not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return billingDayOf(start + DAY_MS);
}

/** Every day from `firstDay` to `lastDay`, both included (empty when last < first). */
export function billingDaysBetween(firstDay: string, lastDay: string): string[] {
  const days: string[] = [];
  for (let day = firstDay; day <= lastDay; day = nextBillingDay(day)) days.push(day);
  return days;
}
