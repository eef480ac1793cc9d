// Memory of the per-session exports at scale: N synthetic sessions (the fake API's generator) are
// spooled to disk in one process; a second process builds the report from the spool, then writes the
// FOCUS Parquet, its gzip CSV and the raw sessions export from the spool, and reads the export back
// into a spool as the backfill does. Prints each writer's time and the resident memory before and at
// its peak, so what the writers add is peak − before. The peak is sampled every 10 ms by a worker
// thread (RSS is the process's), because the writers are synchronous and would starve a timer on the
// main thread. Each size runs in fresh processes, so one size's heap does not inflate another's.
//   npm run bench:focus -- 500000 1100000
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { DuckDBInstance } from '@duckdb/node-api';
import { spoolSessionsExport } from '#backfill/stored-sessions.js';
import { sessionsExport } from '#chargeback/sessions-export.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import { sessionFromWire } from '#devin/client/wire-session.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { focusFiles } from '#focus/focus-files.js';
import { openSpooledSessions, SessionSpoolWriter } from '#spool/session-spool.js';

const PERIOD = monthPeriod('2026-10', 'UTC', new Date('2026-11-29T00:00:00Z'));
/** Sessions generated per call: the generator holds its whole data set, so it is asked for a slice at a time. */
const GENERATE_CHUNK = 100_000;
const MB = 2 ** 20;

const [mode, ...rest] = process.argv.slice(2);
if (mode === '--generate') await generate(rest[0] ?? '', Number(rest[1]));
else if (mode === '--write') await write(rest[0] ?? '', rest[1] ?? '');
else await main([mode, ...rest].map(Number).filter((n) => n > 0));

async function main(sizes: number[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'focus-bench-'));
  try {
    for (const size of sizes.length > 0 ? sizes : [100_000]) {
      const spool = join(dir, `sessions-${size}.spool`);
      const node = (args: string[]) =>
        execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/focus-bench.ts', ...args], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        });
      node(['--generate', spool, String(size)]);
      process.stdout.write(node(['--write', spool, dir]));
      await rm(spool, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Slices of the fake API's data set, each with its own seed (so its own ids), through the client's parser. */
async function generate(path: string, size: number): Promise<void> {
  const writer = new SessionSpoolWriter(path);
  for (let done = 0, seed = 1; done < size; done += GENERATE_CHUNK, seed += 1) {
    const data = generateDataset({
      seed,
      sessions: Math.min(GENERATE_CHUNK, size - done),
      from: PERIOD.from,
      to: PERIOD.to,
      orgs: 4,
      usersPerOrg: 25,
    });
    for (const wire of data.sessions) writer.append(sessionFromWire(wire));
  }
  writer.finish();
}

async function write(spoolPath: string, dir: string): Promise<void> {
  const sessions = openSpooledSessions(spoolPath);
  const report = buildChargebackReport({
    period: PERIOD,
    pricing: parsePricing('2.25', 'USD'),
    sessions,
    directory: EMPTY_DIRECTORY,
  });
  const run = {
    runId: 'bench',
    generatedAt: new Date(),
    generator: 'devin-chargeback@bench',
    apiHost: 'bench',
    source: 'api' as const,
    filters: { orgIds: [], userIds: [], tags: [] },
  };
  const files = focusFiles(
    { report, sessions, run, account: { id: 'bench', name: null } },
    { csv: true, now: new Date() },
  );
  const parquetPath = join(dir, 'focus.parquet');
  const csvPath = join(dir, 'focus.csv.gz');
  const exportPath = join(dir, 'sessions.json.gz');
  const lines: string[] = [];
  const sampler = rssSampler();
  const step = async (name: string, path: string | null, work: () => Promise<unknown>) => {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage.rss() / MB;
    sampler.reset(before * MB);
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 30));
    const peakRssMb = Math.max(sampler.peak(), process.memoryUsage.rss()) / MB;
    const size = path === null ? 0 : (await stat(path)).size / MB;
    lines.push(
      `  ${name.padEnd(22)} ${String(Math.round(ms)).padStart(7)} ms  ${size.toFixed(1).padStart(7)} MB` +
        `  RSS before ${Math.round(before)} MB, peak ${Math.round(peakRssMb)} MB (+${Math.round(peakRssMb - before)} MB)`,
    );
  };
  (globalThis as { gc?: () => void }).gc?.();
  const afterReport = process.memoryUsage.rss() / MB;
  await step('read the spool (decode)', null, async () => {
    let n = 0;
    for (const _ of sessions) n += 1;
    return n;
  });
  await step('FOCUS parquet', parquetPath, async () => files.writeParquet(parquetPath));
  await step('FOCUS csv.gz', csvPath, () => pipeline(files.csvGzip?.() ?? [], createWriteStream(csvPath)));
  await step('sessions export', exportPath, () =>
    pipeline(sessionsExport(sessions), createWriteStream(exportPath)),
  );
  const backfillSpool = join(dir, 'backfill.spool');
  let readBack = 0;
  await step('export -> spool', backfillSpool, async () => {
    readBack = (await spoolSessionsExport(createReadStream(exportPath), backfillSpool, exportPath)).count;
  });
  const writersPeak = process.resourceUsage().maxRSS / 1024;
  await sampler.stop();
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const [row] = (
    await connection.runAndReadAll(
      `SELECT count(*) AS n, sum(BilledCost)::VARCHAR AS total FROM '${parquetPath}'`,
    )
  ).getRowObjectsJson();
  connection.closeSync();
  db.closeSync();
  process.stdout.write(
    `${String(sessions.count).padStart(9)} sessions: RSS with the report built ${Math.round(afterReport)} MB, ` +
      `process peak through the writers ${Math.round(writersPeak)} MB\n${lines.join('\n')}\n` +
      `  check: DuckDB reads ${row?.n} rows, BilledCost ${row?.total}; report ${report.totals.costMinor} cents; ` +
      `export read back ${readBack} sessions\n`,
  );
  await rm(parquetPath, { force: true });
  await rm(csvPath, { force: true });
  await rm(exportPath, { force: true });
  await rm(backfillSpool, { force: true });
}

/** The process's peak RSS since the last reset, sampled by a worker thread while the main thread is busy. */
function rssSampler() {
  const shared = new Float64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; }, 10);`,
    { eval: true, workerData: shared.buffer },
  );
  return {
    reset(bytes: number) {
      shared[0] = bytes;
    },
    peak: () => shared[0] ?? 0,
    stop: () => worker.terminate(),
  };
}
