/** One slice of a period: [from, to), half-open like the period itself (UTC instants). */
export interface PeriodWindow {
  readonly from: Date;
  readonly to: Date;
}

/**
 * Splits [from, to) into `count` consecutive windows of (nearly) equal length, on whole
 * milliseconds: boundary i is from + ⌊i·length/count⌋, so the first window starts at `from`, the
 * last ends at `to`, each starts where the one before ends, and every instant of the period lies in
 * exactly one window. Time zones and month lengths do not enter: the bounds are instants.
 */
export function partitionPeriod(from: Date, to: Date, count: number): PeriodWindow[] {
  const start = from.getTime();
  const end = to.getTime();
  if (!(start < end)) {
    throw new RangeError(`cannot split an empty period ${from.toISOString()}..${to.toISOString()}`);
  }
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new RangeError(`window count must be a positive integer, got ${count}`);
  }
  const length = end - start;
  // A window of less than a millisecond would be empty: at most one window per millisecond.
  const windows = Math.min(count, length);
  const boundary = (i: number): number => start + Math.floor((i * length) / windows);
  const out: PeriodWindow[] = [];
  for (let i = 0; i < windows; i += 1) {
    out.push({ from: new Date(boundary(i)), to: new Date(i === windows - 1 ? end : boundary(i + 1)) });
  }
  return out;
}
