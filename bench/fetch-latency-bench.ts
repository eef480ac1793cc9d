// The fetch-speed target of issue 14: a month fetched from a fake with `latencyMs` added to every
// request must take at most 1.3 × the paging limit, the time the pages need when `concurrency`
// of them are always in flight: pages × latency ÷ concurrency. "Pages" is the fewest pages that
// can carry the month (sessions ÷ 200, rounded up), so extra requests (partial last pages of
// windows, probes, retries) count against the client. The fake crowds sessions into weekday
// working hours (`working-week`), as real months are, so equal slices of time are unequal work.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { PAGE_LIMIT } from '#devin/client/page-params.js';
import { BENCH_FROM, BENCH_TO, type FetchMeasurement } from './fetch-measure-process.js';

export const FETCH_RATIO_TARGET = 1.3;

export interface LatencyBenchOptions {
  readonly sessions: number;
  readonly latencyMs: number;
  /** Default 4, the client's default. */
  readonly concurrency?: number;
  readonly versions?: readonly ('v2' | 'v3')[];
  readonly rhythm?: 'uniform' | 'working-week';
  /** v3: also count the edge walk's requests (slow: one request per edge session). */
  readonly edges?: boolean;
}

/** One API version's figures; `npm run bench` prints these beside the other targets. */
export interface FetchLatencyRow {
  readonly bench: 'fetch-latency';
  readonly api: 'v2' | 'v3';
  readonly sessions: number;
  /** Fewest pages that carry the month, the limit's basis. */
  readonly pages: number;
  /** Sessions-listing requests the client made, retries included. */
  readonly requests: number;
  readonly latencyMs: number;
  readonly concurrency: number;
  /** pages × latency ÷ concurrency. */
  readonly limitS: number;
  readonly timeS: number;
  readonly ratio: number;
  readonly target: number;
  readonly withinTarget: boolean;
  readonly peakRssMb: number;
  readonly edges?: FetchMeasurement['edges'];
}

const run = promisify(execFile);

/** Starts the fake, measures each version in a fresh process, stops the fake. */
export async function benchFetchAtLatency(options: LatencyBenchOptions): Promise<FetchLatencyRow[]> {
  const concurrency = options.concurrency ?? 4;
  const fake = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/fake-api-process.ts',
      String(options.sessions),
      BENCH_FROM,
      BENCH_TO,
      '--latency-ms',
      String(options.latencyMs),
      '--rhythm',
      options.rhythm ?? 'working-week',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await announcedUrl(fake);
    const rows: FetchLatencyRow[] = [];
    for (const api of options.versions ?? (['v2', 'v3'] as const)) {
      const args = ['--import', 'tsx', 'bench/fetch-measure-process.ts', url, String(concurrency), api];
      if (options.edges) args.push('--edges');
      const { stdout } = await run(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
      const m = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as FetchMeasurement;
      rows.push(rowOf(api, m, options.latencyMs, concurrency));
    }
    return rows;
  } finally {
    fake.kill('SIGTERM');
    await once(fake, 'exit');
  }
}

function rowOf(
  api: 'v2' | 'v3',
  m: FetchMeasurement,
  latencyMs: number,
  concurrency: number,
): FetchLatencyRow {
  const pages = Math.max(1, Math.ceil(m.sessions / PAGE_LIMIT));
  const limitS = (pages * latencyMs) / 1000 / concurrency;
  const timeS = m.ms / 1000;
  const ratio = timeS / limitS;
  return {
    bench: 'fetch-latency',
    api,
    sessions: m.sessions,
    pages,
    requests: m.requests,
    latencyMs,
    concurrency,
    limitS,
    timeS,
    ratio,
    target: FETCH_RATIO_TARGET,
    withinTarget: ratio <= FETCH_RATIO_TARGET,
    peakRssMb: m.peakRssMb,
    ...(m.edges && { edges: m.edges }),
  };
}

export const LATENCY_TABLE_HEADER =
  'api   sessions    pages  requests  latency  conc.   limit (s)   time (s)   ratio  target   peak RSS';

export function latencyRowText(r: FetchLatencyRow): string {
  return [
    r.api.padEnd(3),
    String(r.sessions).padStart(10),
    String(r.pages).padStart(8),
    String(r.requests).padStart(9),
    `${r.latencyMs} ms`.padStart(8),
    String(r.concurrency).padStart(6),
    r.limitS.toFixed(1).padStart(11),
    r.timeS.toFixed(1).padStart(10),
    `${r.ratio.toFixed(2)}×`.padStart(7),
    `≤ ${r.target.toFixed(2)}×`.padStart(8),
    `${r.peakRssMb.toFixed(0)} MB`.padStart(10),
  ].join(' ');
}

async function announcedUrl(child: ChildProcess): Promise<string> {
  if (!child.stdout) throw new Error('the fake API process has no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    return (JSON.parse(line) as { url: string }).url;
  }
  throw new Error('the fake API process exited before announcing its URL');
}
