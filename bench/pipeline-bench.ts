// The whole report run, as `npm run report` does it, against the fake API in its own process:
// fetch → spool → aggregate → workbook → exports → FOCUS → email preview. Prints the run's wall
// time, its stages and its peak RSS (the kernel's figure, read at exit), per size and API version.
// Figures, not assertions. Usage: tsx bench/pipeline-bench.ts [sessions…] [--versions v2,v3]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface PipelineFigures {
  readonly sessions: number;
  readonly version: string;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly durationsMs: Record<string, number>;
}

const FROM = '2026-10-01T00:00:00Z';
const TO = '2026-11-01T00:00:00Z';

export async function benchPipeline(sessions: number, version: 'v2' | 'v3'): Promise<PipelineFigures> {
  const fake = spawn(
    process.execPath,
    // The fake holds the whole month as wire objects: several GB at 5 M, past Node's default heap.
    [
      '--max-old-space-size=16384',
      '--import',
      'tsx',
      'bench/fake-api-process.ts',
      String(sessions),
      FROM,
      TO,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const dir = await mkdtemp(join(tmpdir(), 'devin-chargeback-pipeline-bench-'));
  try {
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: fake.stdout }).once('line', resolve),
    );
    const { url } = JSON.parse(line) as { url: string };
    const started = performance.now();
    const run = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './bench/max-rss-at-exit.mjs',
        'functions/cli/report.ts',
        '--month',
        '2026-10',
        '--timezone',
        'UTC',
        '--acu-price',
        '2.25',
        '--api-version',
        version,
        '--out',
        dir,
        '--json',
      ],
      {
        env: { ...process.env, DEVIN_API_KEY: 'bench-key', DEVIN_API_URL: url, LOG_LEVEL: 'WARN' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    run.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    run.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    const [code] = (await once(run, 'exit')) as [number | null];
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`the report run exited with ${code}:\n${stderr}`);
    const maxRss = /BENCH_MAX_RSS_KB (\d+)/.exec(stderr);
    const json = JSON.parse(stdout) as { durationsMs?: Record<string, number> };
    return {
      sessions,
      version,
      seconds,
      peakRssMb: Number(maxRss?.[1] ?? Number.NaN) / 1024,
      durationsMs: json.durationsMs ?? {},
    };
  } finally {
    fake.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const versionsArg = args.find((a) => a.startsWith('--versions='))?.slice('--versions='.length) ?? 'v2,v3';
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  for (const size of sizes.length > 0 ? sizes : [100_000]) {
    for (const version of versionsArg.split(',') as ('v2' | 'v3')[]) {
      const r = await benchPipeline(size, version);
      console.log(
        `${String(r.sessions).padStart(8)} ${version}  ${r.seconds.toFixed(1).padStart(6)} s  peak ${r.peakRssMb.toFixed(0).padStart(5)} MB  ${JSON.stringify(r.durationsMs)}`,
      );
    }
  }
}
