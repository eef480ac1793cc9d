// `npm run bench:fetch [sessions]`: how long fetchSessions takes to read a month of 20,000 sessions
// from the fake Devin API over loopback, through v2 (offset pages in parallel) and v3 (cursor chains
// in parallel time windows), one at a time and four at a time. The fake runs in
// its own process and each measurement in a fresh one, so time and peak RSS are the client's
// alone and a cold start, as in a real run. Figures, not assertions.
//
// `npm run bench:fetch -- --latency 250 1000000 [--concurrency 4] [--api v2|v3] [--edges]
// [--rhythm uniform|working-week]`: the fetch-speed target instead (see fetch-latency-bench.ts),
// a readable table and then one JSON line per API version, for `npm run bench` to read.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { benchFetchAtLatency, LATENCY_TABLE_HEADER, latencyRowText } from './fetch-latency-bench.js';
import { BENCH_FROM, BENCH_TO, type FetchMeasurement } from './fetch-measure-process.js';

const CONCURRENCIES = [1, 4];
const VERSIONS = ['v2', 'v3'] as const;
const ROUNDS = 2;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    latency: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    api: { type: 'string' },
    edges: { type: 'boolean', default: false },
    rhythm: { type: 'string', default: 'working-week' },
  },
});
if (values.latency !== undefined) {
  await latencyMode(Number(positionals[0] ?? '1000000'));
} else {
  await compare(Number(positionals[0] ?? '20000'));
}

async function latencyMode(sessions: number): Promise<void> {
  const latencyMs = Number(values.latency);
  const concurrency = Number(values.concurrency);
  const rhythm = values.rhythm === 'uniform' ? 'uniform' : 'working-week';
  if (!(latencyMs >= 0 && Number.isInteger(concurrency) && concurrency >= 1 && sessions >= 1)) {
    throw new RangeError('usage: fetch-bench.ts --latency MS SESSIONS [--concurrency N] [--api v2|v3]');
  }
  const api = values.api;
  const versions: readonly ('v2' | 'v3')[] = api === 'v2' || api === 'v3' ? [api] : VERSIONS;
  console.log(
    `node ${process.version}, ${sessions} sessions (${rhythm}), ${latencyMs} ms added to every request, ` +
      'shared machine: figures are one run',
  );
  const rows = await benchFetchAtLatency({
    sessions,
    latencyMs,
    concurrency,
    versions,
    rhythm,
    edges: values.edges ?? false,
  });
  console.log(LATENCY_TABLE_HEADER);
  for (const row of rows) console.log(latencyRowText(row));
  for (const row of rows) {
    if (row.edges) {
      console.log(
        `${row.api} edge walk: ${row.edges.sessions} edge sessions, ${row.edges.requests} requests, ` +
          `${(row.edges.ms / 1000).toFixed(1)} s${row.edges.unavailable ? ` (not read: ${row.edges.unavailable})` : ''}`,
      );
    }
  }
  for (const row of rows) console.log(JSON.stringify(row));
}

async function compare(sessions: number): Promise<void> {
  const fake = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/fake-api-process.ts', String(sessions), BENCH_FROM, BENCH_TO],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await announcedUrl(fake);
    console.log(`node ${process.version}, ${sessions} sessions served by the fake at ${url}`);
    console.log('api  concurrency   round   time       peak RSS   pages  sessions');
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [version, concurrency] of VERSIONS.flatMap((v) =>
        CONCURRENCIES.map((c) => [v, c] as const),
      )) {
        const out = execFileSync(
          process.execPath,
          ['--import', 'tsx', 'bench/fetch-measure-process.ts', url, String(concurrency), version],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
        );
        const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as FetchMeasurement;
        console.log(
          `${version}  ${String(concurrency).padStart(11)}   ${String(round).padStart(5)}   ${(r.ms / 1000).toFixed(2).padStart(6)} s   ${r.peakRssMb.toFixed(0).padStart(5)} MB   ${String(r.pages).padStart(5)}  ${r.sessions}`,
        );
      }
    }
  } finally {
    fake.kill('SIGTERM');
    await once(fake, 'exit');
  }
}

async function announcedUrl(child: ChildProcess): Promise<string> {
  if (!child.stdout) throw new Error('the fake API process has no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    return (JSON.parse(line) as { url: string }).url;
  }
  throw new Error('the fake API process exited before announcing its URL');
}
