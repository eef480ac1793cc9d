import { describe, expect, it } from 'vitest';
import {
  estimatedPages,
  MIN_WINDOW_PAGES,
  pagesPerWindow,
  planSplit,
  splitIntoWindows,
  type TimeWindow,
} from '#devin/client/v3/session-windows.js';
import { seededRandom } from '#devin/fake/seeded-random.js';

const OCTOBER: TimeWindow = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') };

/** Each instant of [from, to) in exactly one window: consecutive, non-empty, first and last on the bounds. */
function expectPartition(windows: readonly TimeWindow[], period: TimeWindow): void {
  expect(windows.length).toBeGreaterThan(0);
  expect(windows[0]?.from.getTime()).toBe(period.from.getTime());
  expect(windows.at(-1)?.to.getTime()).toBe(period.to.getTime());
  windows.forEach((w, i) => {
    expect(w.from.getTime()).toBeLessThan(w.to.getTime());
    if (i > 0) expect(w.from.getTime()).toBe(windows[i - 1]?.to.getTime());
  });
}

describe('splitIntoWindows', () => {
  it('partitions any period exactly, on whole seconds from a whole-second start, into at most `count`', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 200; trial++) {
      const from = Date.UTC(2026, 0, 1) + random.int(0, 10_000_000) * 1000;
      const to = from + random.int(1, 3_000_000) * (random.chance(0.3) ? 1 : 1000);
      const count = random.int(1, 200);
      const windows = splitIntoWindows(new Date(from), new Date(to), count);
      expectPartition(windows, { from: new Date(from), to: new Date(to) });
      expect(windows.length).toBeLessThanOrEqual(count);
      for (const w of windows.slice(0, -1)) expect(w.to.getTime() % 1000).toBe(0);
    }
  });

  it('refuses an empty period and a count that is not a positive integer, saying which', () => {
    expect(() => splitIntoWindows(OCTOBER.to, OCTOBER.from, 4)).toThrow(/empty period/);
    expect(() => splitIntoWindows(OCTOBER.from, OCTOBER.to, 0)).toThrow(/got 0/);
  });
});

describe('estimatedPages', () => {
  const facts = { items: 200, hasNextPage: true, lastCreatedAt: null };

  it('is the server total in pages when it gives one, and one page when there is no next', () => {
    expect(estimatedPages(OCTOBER, { ...facts, total: 1_000_001 }, 200)).toBe(5001);
    expect(estimatedPages(OCTOBER, { ...facts, hasNextPage: false, total: 150 }, 200)).toBe(1);
  });

  it('without a total, scales by the share of the window the first page covered', () => {
    const tenthOfOctober = new Date(OCTOBER.from.getTime() + (31 * 86_400_000) / 10 - 1000);
    expect(estimatedPages(OCTOBER, { ...facts, total: null, lastCreatedAt: tenthOfOctober }, 200)).toBe(10);
    // 200 sessions in the window's first second: as dense as can be told, never infinite.
    const crowded = estimatedPages(OCTOBER, { ...facts, total: null, lastCreatedAt: OCTOBER.from }, 200);
    expect(crowded).toBe(31 * 86_400);
  });
});

describe('pagesPerWindow', () => {
  it('aims at about √(concurrency × pages ÷ 2) windows, two a worker at least, never below MIN_WINDOW_PAGES', () => {
    // A million sessions, four in flight: 100 windows of 50 pages.
    expect(pagesPerWindow(5000, 4)).toBe(50);
    expect(pagesPerWindow(200, 16)).toBe(5);
    expect(pagesPerWindow(100, 16)).toBe(MIN_WINDOW_PAGES);
    expect(pagesPerWindow(10, 4)).toBe(MIN_WINDOW_PAGES);
  });
});

describe('planSplit', () => {
  it('keeps a window up to twice its target whole', () => {
    expect(planSplit(OCTOBER, 200, 100)).toEqual([OCTOBER]);
    expect(planSplit(OCTOBER, 201, 100)).toHaveLength(3);
  });

  it('splits a heavy window into about estimate ÷ target slices that partition it exactly', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 300; trial++) {
      const from = Date.UTC(2026, 9, 1) + random.int(0, 2_000_000) * 1000;
      const window = { from: new Date(from), to: new Date(from + random.int(2, 2_678_400) * 1000) };
      const target = random.int(4, 200);
      const estimate = target * (2.01 + random.next() * 100);
      const parts = planSplit(window, estimate, target);
      expectPartition(parts, window);
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.length).toBeLessThanOrEqual(Math.min(1024, Math.ceil(estimate / target)));
    }
  });

  it('leaves a one-second window whole however heavy, so splitting always ends', () => {
    const second = { from: OCTOBER.from, to: new Date(OCTOBER.from.getTime() + 1000) };
    expect(planSplit(second, 10_000, 4)).toEqual([second]);
  });
});
