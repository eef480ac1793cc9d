/** One slice of a period: [from, to), half-open like the period itself. */
export interface TimeWindow {
  readonly from: Date;
  readonly to: Date;
}

/**
 * Splits [from, to) into at most `count` consecutive windows of equal length, on whole seconds
 * where the period allows (v3 times are whole seconds), with no gap and no overlap: each instant
 * of the period lies in exactly one window.
 */
export function splitIntoWindows(from: Date, to: Date, count: number): TimeWindow[] {
  const start = from.getTime();
  const end = to.getTime();
  if (!(start < end))
    throw new RangeError(`cannot split an empty period ${from.toISOString()}..${to.toISOString()}`);
  if (!(Number.isInteger(count) && count >= 1))
    throw new RangeError(`window count must be a positive integer, got ${count}`);
  const width = Math.max(1000, Math.ceil((end - start) / count / 1000) * 1000);
  const windows: TimeWindow[] = [];
  for (let at = start; at < end; at += width) {
    windows.push({ from: new Date(at), to: new Date(Math.min(end, at + width)) });
  }
  return windows;
}
