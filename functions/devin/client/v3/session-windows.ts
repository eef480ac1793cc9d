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

/**
 * How many pages a window should hold. Usage is uneven (weekday working hours hold many times the
 * sessions of a weekend night), so each window is sized by its first page and the largest are
 * read first; what is left is a tail, the other workers idle while the last chains finish, which
 * shrinks with smaller windows, and one partial last page per window, which grows with more of
 * them. About √(concurrency × pages ÷ 2) windows balances the two (bench/window-plan-sim.ts:
 * 1.02 × the paging limit at a million sessions, 4 in flight, on a working-week month), and
 * never fewer than two a worker.
 */
export function pagesPerWindow(periodPages: number, concurrency: number): number {
  const windows = Math.max(2 * concurrency, Math.ceil(Math.sqrt((concurrency * periodPages) / 2)));
  return Math.max(MIN_WINDOW_PAGES, Math.ceil(periodPages / windows));
}

/** No window is planned smaller than this, in pages: its partial last page would cost too much. */
export const MIN_WINDOW_PAGES = 4;
/** A window is split only when its first page shows it this much larger than planned. */
const SPLIT_ABOVE = 2;
/** One split makes at most this many windows, however lopsided a first page looks. */
const MAX_PARTS = 1024;

/** What a window's first page says about the rest of its chain. */
export interface FirstPageFacts {
  readonly items: number;
  readonly hasNextPage: boolean;
  /** The server's count for the window's query; v3 may leave it out. */
  readonly total: number | null;
  /** Creation time of the page's last item (v3 lists oldest first). */
  readonly lastCreatedAt: Date | null;
}

/**
 * Pages the window's chain will take, from its first page: exact from `total`; without one,
 * from how much of the window the first page covered (its items are the window's oldest).
 */
export function estimatedPages(window: TimeWindow, first: FirstPageFacts, pageLimit: number): number {
  if (!first.hasNextPage) return 1;
  if (first.total !== null) return Math.max(2, Math.ceil(first.total / pageLimit));
  const width = window.to.getTime() - window.from.getTime();
  const last = first.lastCreatedAt?.getTime() ?? window.from.getTime();
  // Times are whole seconds: a page whose items all share one second covered that second.
  const covered = Math.min(width, Math.max(1000, last - window.from.getTime() + 1000));
  return Math.max(2, Math.ceil(width / covered));
}

/**
 * The windows to read `window` as: itself when its estimate is near the target (or it is too
 * narrow to split), else consecutive equal slices that together are exactly `window`.
 */
export function planSplit(window: TimeWindow, estimate: number, target: number): TimeWindow[] {
  if (!(estimate > target * SPLIT_ABOVE)) return [window];
  const parts = Math.min(MAX_PARTS, Math.max(2, Math.ceil(estimate / target)));
  const slices = splitIntoWindows(window.from, window.to, parts);
  return slices.length > 1 ? slices : [window];
}
