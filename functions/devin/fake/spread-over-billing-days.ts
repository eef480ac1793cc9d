import { billingDayName, billingDayNumber, billingDayNumberStartMs } from './billing-day.js';

/**
 * Splits `amount` (integer units, e.g. micro-ACUs) over the billing days of the active time
 * [startMs, endMs), in proportion to the milliseconds on each day. Largest remainder: each day
 * gets its whole share, and the units left go one each to the days with the largest leftover,
 * ties to the earlier day, so the parts always add up to `amount` exactly. An interval of no
 * length puts everything on the day of `startMs`. Days that get nothing are left out.
 */
export function spreadOverBillingDays(amount: bigint, startMs: number, endMs: number): Map<string, bigint> {
  if (amount < 0n) throw new RangeError(`cannot spread a negative amount: ${amount}`);
  if (endMs < startMs) throw new RangeError(`interval ends before it starts: ${startMs}..${endMs}`);
  const spread = new Map<string, bigint>();
  if (amount === 0n) return spread;
  const firstDay = billingDayNumber(startMs);
  // Most sessions end on the day they start: nothing to divide.
  if (endMs === startMs || billingDayNumber(endMs - 1) === firstDay) {
    return spread.set(billingDayName(firstDay), amount);
  }

  const whole = BigInt(endMs - startMs);
  const shares: { day: number; units: bigint; leftover: bigint }[] = [];
  for (let day = firstDay; billingDayNumberStartMs(day) < endMs; day++) {
    const ms =
      Math.min(endMs, billingDayNumberStartMs(day + 1)) - Math.max(startMs, billingDayNumberStartMs(day));
    const exact = amount * BigInt(ms);
    shares.push({ day, units: exact / whole, leftover: exact % whole });
  }
  let missing = amount - shares.reduce((sum, share) => sum + share.units, 0n);
  const byLeftover = [...shares].sort((a, b) =>
    a.leftover === b.leftover ? a.day - b.day : a.leftover > b.leftover ? -1 : 1,
  );
  for (const share of byLeftover) {
    if (missing === 0n) break;
    share.units += 1n;
    missing -= 1n;
  }
  for (const { day, units } of shares) if (units > 0n) spread.set(billingDayName(day), units);
  return spread;
}
