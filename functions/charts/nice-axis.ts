/** Axis ticks for amounts in minor units: 0, step, 2·step, … up to at least `max`. */
export interface Axis {
  readonly max: bigint;
  readonly ticks: readonly bigint[];
}

/**
 * A 1-2-5 × 10ⁿ step giving at most `maxTicks` intervals, so tick labels
 * are round amounts. Exact in bigint: amounts never pass through a float.
 */
export function niceAxis(maxValue: bigint, maxTicks = 4, minorUnit = 1n): Axis {
  const top = maxValue > 0n ? maxValue : minorUnit;
  let magnitude = minorUnit;
  while (magnitude * 10n * BigInt(maxTicks) < top) magnitude *= 10n;
  for (;;) {
    for (const factor of [1n, 2n, 5n]) {
      const step = magnitude * factor;
      const intervals = (top + step - 1n) / step;
      if (intervals <= BigInt(maxTicks)) {
        const ticks: bigint[] = [];
        for (let i = 0n; i <= intervals; i++) ticks.push(i * step);
        return { max: intervals * step, ticks };
      }
    }
    magnitude *= 10n;
  }
}

/** The largest amount, 0 for none (Math.max takes no bigints). */
export function largestAmount(values: Iterable<bigint>): bigint {
  let largest = 0n;
  for (const value of values) if (value > largest) largest = value;
  return largest;
}
