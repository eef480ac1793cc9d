// One fetch of October 2026 from a running fake, in a fresh process so that time and peak RSS
// are this client's alone and a cold start, as in a real run. The sessions go to a spool file, as
// in a report run, so peak RSS is what fetching holds, not the month. Prints one JSON line.
//
//   tsx bench/fetch-measure-process.ts <url> <concurrency> <v2|v3> [--edges]
//
// `--edges` (v3) also reads the per-session consumption at the period's edges afterwards, as a
// report would for its walk to the bill, and counts those requests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevinClient } from '#devin/client/devin-client.js';
import { measure } from './rss-sampler.js';

export const BENCH_FROM = '2026-10-01T00:00:00Z';
export const BENCH_TO = '2026-11-01T00:00:00Z';

export interface FetchMeasurement {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly pages: number;
  /** Requests to the sessions listing, retries included: what the latency is paid on. */
  readonly requests: number;
  readonly sessions: number;
  /** With --edges: requests the edge walk made (listings and one per edge session) and how long it took. */
  readonly edges?: {
    readonly requests: number;
    /** Edge sessions read, or -1 when the walk was not read (`unavailable` says why). */
    readonly sessions: number;
    readonly ms: number;
    readonly unavailable?: string;
  };
}

if (process.argv[1]?.endsWith('fetch-measure-process.ts')) {
  const [url = '', concurrency = '4', version = 'v2'] = process.argv.slice(2);
  const m = await measureFetch(
    url,
    Number(concurrency),
    version === 'v3' ? 'v3' : 'v2',
    process.argv.includes('--edges'),
  );
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

async function measureFetch(
  url: string,
  concurrency: number,
  apiVersion: 'v2' | 'v3',
  withEdges: boolean,
): Promise<FetchMeasurement> {
  const requests = new Map<string, number>();
  const counting: typeof fetch = (input, init) => {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
    const family = path.includes('/consumption/daily/sessions/') ? 'edge' : path;
    requests.set(family, (requests.get(family) ?? 0) + 1);
    return fetch(input, init);
  };
  const client = createDevinClient({
    apiKey: 'bench-key',
    baseUrl: url,
    concurrency,
    apiVersion,
    fetch: counting,
  });
  const period = { from: new Date(BENCH_FROM), to: new Date(BENCH_TO) };
  // The sessions go where a report run puts them, so RSS is the fetch's own and not a month held.
  const spoolDir = mkdtempSync(join(tmpdir(), 'fetch-bench-'));
  try {
    const spoolPath = join(spoolDir, 'sessions.spool');
    const { result, ms, peakRssMb } = await measure(() => client.fetchSessions(period, { spoolPath }));
    const listing = apiVersion === 'v3' ? '/v3/enterprise/sessions' : '/v2/enterprise/sessions';
    const measurement: FetchMeasurement = {
      ms,
      peakRssMb,
      pages: result.stats.pages,
      requests: requests.get(listing) ?? 0,
      sessions: result.sessions.count,
    };
    if (!withEdges || apiVersion !== 'v3') return measurement;
    requests.clear();
    const started = performance.now();
    const edges = await client.readSessionEdges({
      ...period,
      firstDay: '2026-10-01',
      lastDay: '2026-10-31',
      sessions: result.sessions,
    });
    return {
      ...measurement,
      edges: {
        requests: [...requests.values()].reduce((sum, n) => sum + n, 0),
        sessions: edges.available ? edges.edges.length : -1,
        ms: performance.now() - started,
        ...(!edges.available && { unavailable: edges.reason }),
      },
    };
  } finally {
    rmSync(spoolDir, { recursive: true, force: true });
  }
}
