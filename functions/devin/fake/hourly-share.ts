const HOUR_MS = 3_600_000;

/**
 * The part of `amount` (integer units) recorded in the hours whose start lies in [fromMs, toMs),
 * when it was consumed evenly over the active time [activeFromMs, activeToMs). The vendor records
 * usage finer than a day (devin-api.md: a window cut at midnight UTC splits billing days and gives
 * other totals), so the fake records it by the hour: the amount is split over the hours of the
 * active time in proportion to the milliseconds in each, by largest remainder (ties to the earlier
 * hour), so the hours always add up to `amount` exactly. No active time puts it all in one hour.
 */
export function shareInWindow(
  amount: bigint,
  activeFromMs: number,
  activeToMs: number,
  fromMs: number,
  toMs: number,
): bigint {
  const inWindow = (hour: number): boolean => hour * HOUR_MS >= fromMs && hour * HOUR_MS < toMs;
  const firstHour = Math.floor(activeFromMs / HOUR_MS);
  if (activeToMs <= activeFromMs || Math.floor((activeToMs - 1) / HOUR_MS) === firstHour) {
    return inWindow(firstHour) ? amount : 0n;
  }
  const whole = BigInt(activeToMs - activeFromMs);
  const shares: { hour: number; units: bigint; leftover: bigint }[] = [];
  for (let hour = firstHour; hour * HOUR_MS < activeToMs; hour++) {
    const ms = Math.min(activeToMs, (hour + 1) * HOUR_MS) - Math.max(activeFromMs, hour * HOUR_MS);
    const exact = amount * BigInt(ms);
    shares.push({ hour, units: exact / whole, leftover: exact % whole });
  }
  let missing = amount - shares.reduce((sum, share) => sum + share.units, 0n);
  const byLeftover = [...shares].sort((a, b) =>
    a.leftover === b.leftover ? a.hour - b.hour : a.leftover > b.leftover ? -1 : 1,
  );
  for (const share of byLeftover) {
    if (missing === 0n) break;
    share.units += 1n;
    missing -= 1n;
  }
  return shares.reduce((sum, share) => (inWindow(share.hour) ? sum + share.units : sum), 0n);
}
