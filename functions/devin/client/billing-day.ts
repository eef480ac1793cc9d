/**
 * The vendor's billing days start at 08:00 UTC (documented as midnight US Pacific; what happens
 * in summer time is not, so this stays 08:00 UTC all year) and are named by that UTC date.
 */
const BILLING_DAY_START_HOUR_UTC = 8;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const midnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return !Number.isNaN(midnight) && new Date(midnight).toISOString().slice(0, 10) === text;
}

/** The instant billing day `day` starts, `afterDays` days later; null when `day` is not a date. */
export function billingDayStart(day: string, afterDays = 0): Date | null {
  if (!isDay(day)) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + afterDays, BILLING_DAY_START_HOUR_UTC));
}

const DAY_MS = 86_400_000;
const BILLING_DAY_OFFSET_MS = BILLING_DAY_START_HOUR_UTC * 3_600_000;

/**
 * The first billing-day boundary (08:00 UTC) at or after `at`. A cycle bound the vendor writes at
 * midnight UTC (`2025-12-05T00:00:00Z`) names the billing day of that date, which starts eight
 * hours later; one already on a boundary is kept. Used for both bounds of every cycle, so cycles
 * written in either documented shape tile time and never overlap.
 */
export function nextBillingDayBoundary(at: Date): Date {
  const ms = at.getTime();
  return new Date(Math.ceil((ms - BILLING_DAY_OFFSET_MS) / DAY_MS) * DAY_MS + BILLING_DAY_OFFSET_MS);
}
