// `npm run bench:fetch [sessions]`: how long fetchSessions takes to read a month of 20,000 sessions
// from the fake Devin API over loopback, through v2 (offset pages in parallel) and v3 (cursor chains
// in parallel time windows), one at a time and four at a time. The fake runs in
// its own process and each measurement in a fresh one, so time and peak RSS are the client's
// alone and a cold start, as in a real run. Figures, not assertions.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createDevinClient } from '../functions/devin/client/devin-client.js';
import { measure } from './rss-sampler.js';

const FROM = '2026-10-01T00:00:00Z';
const TO = '2026-11-01T00:00:00Z';
const CONCURRENCIES = [1, 4];
const VERSIONS = ['v2', 'v3'] as const;
const ROUNDS = 2;

if (process.argv[2] === '--measure') {
  await measureOnce(process.argv[3] ?? '', Number(process.argv[4]), process.argv[5] === 'v3' ? 'v3' : 'v2');
} else {
  await compare(Number(process.argv[2] ?? '20000'));
}

async function compare(sessions: number): Promise<void> {
  const fake = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/fake-api-process.ts', String(sessions), FROM, TO],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
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
          ['--import', 'tsx', 'bench/fetch-bench.ts', '--measure', url, String(concurrency), version],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
        );
        const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measurement;
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

interface Measurement {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly pages: number;
  readonly sessions: number;
}

async function measureOnce(url: string, concurrency: number, apiVersion: 'v2' | 'v3'): Promise<void> {
  const client = createDevinClient({ apiKey: 'bench-key', baseUrl: url, concurrency, apiVersion });
  const { result, ms, peakRssMb } = await measure(() =>
    client.fetchSessions({ from: new Date(FROM), to: new Date(TO) }),
  );
  const measurement: Measurement = {
    ms,
    peakRssMb,
    pages: result.stats.pages,
    sessions: [...result.sessions].length,
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

async function announcedUrl(child: ChildProcess): Promise<string> {
  if (!child.stdout) throw new Error('the fake API process has no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    return (JSON.parse(line) as { url: string }).url;
  }
  throw new Error('the fake API process exited before announcing its URL');
}
