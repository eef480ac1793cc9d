import { PrioritySlots } from '../priority-slots.js';
import { pagesPerWindow, planSplit, type TimeWindow } from './session-windows.js';

/** How to read one window: its first page, what that page says about its size, then the rest. */
export interface WindowReader<P, R> {
  readonly probe: (window: TimeWindow, signal: AbortSignal) => Promise<P>;
  /** Pages the window's chain will take, judged from its first page. */
  readonly estimate: (window: TimeWindow, first: P) => number;
  /** The whole window, continuing from `first`. */
  readonly read: (window: TimeWindow, first: P, signal: AbortSignal) => Promise<R>;
}

export interface WindowedRead<R> {
  /** One per window read, in time order; the windows partition the period exactly. */
  readonly results: R[];
  readonly windows: TimeWindow[];
  /** First pages of windows that were then split, read for their size only. */
  readonly probesDiscarded: number;
}

/**
 * Reads `period` as cursor chains over time windows, `concurrency` requests in flight. The whole
 * period's first page sizes the month and sets how many pages a window should hold; the period
 * is split into equal slices of time, and every window whose own first page shows it well over
 * that size is split again (that page is then spent), so windows end up of similar work however
 * uneven the month. Work waiting for a slot goes largest first, so the longest chains start
 * early and short ones fill the end. The first failure aborts the rest and is what is thrown.
 */
export async function readInWindows<P, R>(
  period: TimeWindow,
  concurrency: number,
  reader: WindowReader<P, R>,
  onEstimate: (pages: number) => void = () => {},
): Promise<WindowedRead<R>> {
  const controller = new AbortController();
  const slots = new PrioritySlots(concurrency, controller.signal);
  const done: { readonly window: TimeWindow; readonly result: R }[] = [];
  let target: number | null = null;
  let periodPages = 0;
  let probesDiscarded = 0;
  let failure: { readonly error: unknown } | null = null;
  const firstFailure = (): unknown => (failure as { readonly error: unknown } | null)?.error;

  const visit = async (window: TimeWindow, priority: number): Promise<void> => {
    try {
      const first = await slots.run(priority, () => reader.probe(window, controller.signal));
      const pages = reader.estimate(window, first);
      if (target === null) {
        target = pagesPerWindow(pages, concurrency);
        periodPages = pages;
        onEstimate(periodPages);
      }
      const parts = planSplit(window, pages, target);
      if (parts.length > 1) {
        probesDiscarded += 1;
        onEstimate(periodPages + probesDiscarded);
        // Settled, not raced: a failure aborts the siblings, and they are waited for to stop.
        const settled = await Promise.allSettled(parts.map((part) => visit(part, pages / parts.length)));
        if (settled.some((s) => s.status === 'rejected')) throw firstFailure();
        return;
      }
      const result = await slots.run(pages, () => reader.read(window, first, controller.signal));
      done.push({ window, result });
    } catch (error) {
      failure ??= { error };
      controller.abort(failure.error);
      throw failure.error;
    }
  };

  await visit(period, Number.POSITIVE_INFINITY);
  done.sort((a, b) => a.window.from.getTime() - b.window.from.getTime());
  return { results: done.map((d) => d.result), windows: done.map((d) => d.window), probesDiscarded };
}
