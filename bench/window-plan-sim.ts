// `tsx bench/window-plan-sim.ts [sessions…]`: how well readInWindows balances v3's cursor chains,
// without a network: every page takes one tick of a virtual clock, so the makespan in ticks over
// the paging limit (pages ÷ concurrency) is the ratio the latency benchmark measures, minus the
// noise of a shared machine and of parsing. For choosing the window plan; figures, not assertions.
import { PAGE_LIMIT } from '#devin/client/page-params.js';
import { readInWindows } from '#devin/client/v3/read-in-windows.js';
import { estimatedPages, type TimeWindow } from '#devin/client/v3/session-windows.js';
import { type CreationRhythm, creationInstant } from '#devin/fake/creation-rhythm.js';
import { seededRandom } from '#devin/fake/seeded-random.js';

const FROM = Date.parse('2026-10-01T00:00:00Z');
const TO = Date.parse('2026-11-01T00:00:00Z');

/** A clock that jumps to the next wake-up once every task is waiting on it. */
function virtualClock() {
  let now = 0;
  const wakeups: { at: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ticks: number) => new Promise<void>((wake) => wakeups.push({ at: now + ticks, wake })),
    async run<T>(work: Promise<T>): Promise<T> {
      let done = false;
      const result = work.finally(() => {
        done = true;
      });
      while (!done) {
        await new Promise((r) => setImmediate(r));
        if (done || wakeups.length === 0) continue;
        wakeups.sort((a, b) => a.at - b.at);
        const next = wakeups.shift();
        if (!next) continue;
        now = next.at;
        next.wake();
      }
      return result;
    },
  };
}

function simulate(sessions: number, rhythm: CreationRhythm, concurrency: number) {
  const random = seededRandom(42);
  const times = Float64Array.from({ length: sessions }, () =>
    creationInstant(random, FROM, TO - FROM, rhythm),
  ).sort();
  const countIn = (from: number, to: number) => lowerBound(times, to) - lowerBound(times, from);
  const clock = virtualClock();
  let requests = 0;
  interface First {
    readonly total: number;
    readonly last: number;
  }
  const padded = (w: TimeWindow) => [w.from.getTime() - 1000, w.to.getTime() + 1000] as const;
  const reader = {
    probe: async (w: TimeWindow): Promise<First> => {
      requests += 1;
      await clock.sleep(1);
      const [a, b] = padded(w);
      const start = lowerBound(times, a);
      return {
        total: countIn(a, b),
        last: times[Math.min(start + PAGE_LIMIT, lowerBound(times, b)) - 1] ?? a,
      };
    },
    estimate: (w: TimeWindow, f: First) =>
      estimatedPages(
        w,
        {
          items: Math.min(PAGE_LIMIT, f.total),
          hasNextPage: f.total > PAGE_LIMIT,
          total: f.total,
          lastCreatedAt: new Date(f.last),
        },
        PAGE_LIMIT,
      ),
    read: async (_w: TimeWindow, f: First) => {
      for (let page = 1; page < Math.ceil(f.total / PAGE_LIMIT); page++) {
        requests += 1;
        await clock.sleep(1);
      }
      return f.total;
    },
  };
  return clock
    .run(readInWindows({ from: new Date(FROM), to: new Date(TO) }, concurrency, reader))
    .then((read) => {
      const pages = Math.ceil(sessions / PAGE_LIMIT);
      return {
        sessions,
        rhythm,
        concurrency,
        windows: read.windows.length,
        probesDiscarded: read.probesDiscarded,
        requests,
        pages,
        ratio: clock.now() / (pages / concurrency),
      };
    });
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
console.log('sessions  rhythm        conc.  windows  split  requests  pages  ratio');
for (const sessions of sizes.length > 0 ? sizes : [20_000, 100_000, 200_000, 1_000_000, 5_000_000]) {
  for (const rhythm of ['uniform', 'working-week'] as const) {
    for (const concurrency of [4, 8]) {
      const r = await simulate(sessions, rhythm, concurrency);
      console.log(
        `${String(r.sessions).padStart(8)}  ${r.rhythm.padEnd(12)}  ${String(r.concurrency).padStart(5)}  ${String(r.windows).padStart(7)}  ${String(r.probesDiscarded).padStart(5)}  ${String(r.requests).padStart(8)}  ${String(r.pages).padStart(5)}  ${r.ratio.toFixed(3)}×`,
      );
    }
  }
}
