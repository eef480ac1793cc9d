import { describe, expect, it } from 'vitest';
import { DevinPagingError } from '#devin/client/devin-paging-error.js';
import { readCursorChain } from '#devin/client/v3/read-cursor-chain.js';
import { readInWindows, type WindowReader } from '#devin/client/v3/read-in-windows.js';
import { estimatedPages, pagesPerWindow, type TimeWindow } from '#devin/client/v3/session-windows.js';
import { creationInstant } from '#devin/fake/creation-rhythm.js';
import { seededRandom } from '#devin/fake/seeded-random.js';

const OCTOBER: TimeWindow = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') };
const PAGE = 200;

/** Whole-second creation times crowded into weekday working hours, a busy hour, and a burst on one second. */
function uneven(count: number, seed: number): number[] {
  const random = seededRandom(seed);
  const span = OCTOBER.to.getTime() - OCTOBER.from.getTime();
  const times = Array.from(
    { length: count },
    () => Math.floor(creationInstant(random, OCTOBER.from.getTime(), span, 'working-week') / 1000) * 1000,
  );
  const burst = Date.parse('2026-10-14T10:00:00Z');
  for (let i = 0; i < 700; i++) times.push(burst);
  for (let i = 0; i < 6_000; i++) times.push(Date.parse('2026-10-20T14:00:00Z') + (i % 3_600) * 1000);
  return times.sort((a, b) => a - b);
}

interface First {
  readonly total: number;
}

/** An in-memory listing: a window's first page tells its count; reading it returns the times it holds. */
function readerOver(times: readonly number[], options: { failOn?: (w: TimeWindow) => boolean } = {}) {
  let inFlight = 0;
  let peak = 0;
  const started: number[] = [];
  const inside = (w: TimeWindow) => times.filter((t) => t >= w.from.getTime() && t < w.to.getTime());
  const slot = async <T>(work: () => T): Promise<T> => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    return work();
  };
  const reader: WindowReader<First, number[]> = {
    probe: (w) => slot(() => ({ total: inside(w).length })),
    estimate: (w, first) =>
      estimatedPages(
        w,
        {
          items: Math.min(PAGE, first.total),
          hasNextPage: first.total > PAGE,
          total: first.total,
          lastCreatedAt: null,
        },
        PAGE,
      ),
    read: (w, first, signal) =>
      slot(() => {
        started.push(first.total);
        if (options.failOn?.(w)) throw new Error(`window ${w.from.toISOString()} failed for good`);
        signal.throwIfAborted();
        return inside(w);
      }),
  };
  return { reader, peak: () => peak, started };
}

describe('readInWindows', () => {
  it('reads an uneven month as windows that partition it exactly, every session once', async () => {
    for (const seed of [1, 2, 3]) {
      const times = uneven(30_000, seed);
      const { reader, peak } = readerOver(times);
      const read = await readInWindows(OCTOBER, 4, reader);
      expect(read.windows[0]?.from).toEqual(OCTOBER.from);
      expect(read.windows.at(-1)?.to).toEqual(OCTOBER.to);
      read.windows.forEach((w, i) => {
        expect(w.from.getTime()).toBeLessThan(w.to.getTime());
        if (i > 0) expect(w.from).toEqual(read.windows[i - 1]?.to);
      });
      expect(read.results.flat()).toEqual(times);
      expect(peak()).toBe(4);
      // The working hours were split finer than the nights.
      expect(read.probesDiscarded).toBeGreaterThan(1);
    }
  });

  it('keeps windows near the planned size however the month is crowded, except single seconds', async () => {
    const times = uneven(60_000, 9);
    const { reader } = readerOver(times);
    const read = await readInWindows(OCTOBER, 4, reader);
    const target = pagesPerWindow(Math.ceil(times.length / PAGE), 4);
    const pages = read.results.map((r) => Math.ceil(r.length / PAGE));
    // A window is split when its first page shows more than twice the target: none read wider
    // than a second holds more, and the one-second burst is read whole however big.
    const heavy = read.windows.filter(
      (w, i) => (pages[i] ?? 0) > 2 * target && w.to.getTime() - w.from.getTime() > 1000,
    );
    expect(heavy.map((w) => [w.from.toISOString(), pages[read.windows.indexOf(w)], target])).toEqual([]);
    expect(Math.max(...pages)).toBeGreaterThan(target);
  });

  it('reads a small month as its first page alone', async () => {
    const { reader } = readerOver([OCTOBER.from.getTime(), OCTOBER.from.getTime() + 5_000]);
    const read = await readInWindows(OCTOBER, 4, reader);
    expect(read).toMatchObject({ windows: [OCTOBER], probesDiscarded: 0 });
  });

  it('throws the first failure and starts nothing after it', async () => {
    const times = uneven(30_000, 5);
    const failing = (w: TimeWindow) => w.from.getTime() <= Date.parse('2026-10-14T10:00:00Z');
    const { reader, started } = readerOver(times, { failOn: failing });
    await expect(readInWindows(OCTOBER, 2, reader)).rejects.toThrow(/failed for good/);
    const count = started.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started.length).toBe(count);
  });
});

describe('a cursor chain that repeats a page under new cursors', () => {
  it('fails at once with a DevinPagingError naming the endpoint, page and cursor', async () => {
    let n = 0;
    const failure = await readCursorChain(
      async () => ({ items: ['a', 'b'], endCursor: `c${++n}`, hasNextPage: true, total: null }),
      { path: '/v3/enterprise/sessions', maxPages: 10_000 },
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DevinPagingError);
    expect(failure).toMatchObject({
      path: '/v3/enterprise/sessions',
      skip: 2,
      page: 2,
      cursor: 'after="c1"',
    });
    expect(String(failure)).toContain('page 2 repeats page 1');
    expect(n).toBe(2);
  });
});
