// The FOCUS dataset at scale, one size per process: N synthetic sessions → report → Parquet (and CSV),
// then DuckDB reading it back. Prints time, output size and the process's peak RSS.
//   npm run bench:focus -- 100000
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { acusFromNumber } from '../functions/core/money/acus.js';
import { parsePricing } from '../functions/core/money/parse-pricing.js';
import { monthPeriod } from '../functions/core/period/month-period.js';
import { buildChargebackReport } from '../functions/core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '../functions/core/report/directory.js';
import type { Session } from '../functions/core/session.js';
import { focusFiles } from '../functions/focus/focus-files.js';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (sizes.length > 1) {
  // Each size in its own process, so each peak RSS is that size's alone.
  for (const size of sizes) {
    process.stdout.write(
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/focus-bench.ts', String(size)], {
        encoding: 'utf8',
      }),
    );
  }
  process.exit(0);
}
const size = sizes[0] ?? 100_000;
const period = monthPeriod('2026-10', 'UTC', new Date('2026-11-29T00:00:00Z'));
const orgs = ['org_a', 'org_b', 'org_c', 'org_d', 'org_e'];
const tags = [[], ['web'], ['migration', 'prod'], ['data']];
const sessions: Session[] = Array.from({ length: size }, (_, i) => ({
  sessionId: `devin-${i.toString(36).padStart(8, '0')}`,
  url: `https://app.devin.ai/sessions/${i}`,
  status: i % 7 === 0 ? 'running' : 'exit',
  title: `Session ${i}`,
  tags: tags[i % tags.length] as string[],
  orgId: orgs[i % orgs.length] as string,
  userId: `user_${i % 2000}`,
  createdAt: new Date(period.from.getTime() + (i % 2_600_000) * 1000),
  updatedAt: new Date(period.from.getTime() + (i % 2_600_000) * 1000 + 3_600_000),
  acus: acusFromNumber(((i * 7919) % 5000) / 100),
  acusReported: true,
  pullRequests: [],
}));
const report = buildChargebackReport({
  period,
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
const dir = await mkdtemp(join(tmpdir(), 'focus-bench-'));
try {
  const started = performance.now();
  const files = focusFiles(
    { report, sessions, run, account: { id: 'bench', name: null } },
    { csv: true, now: new Date() },
  );
  const parquetMs = performance.now() - started;
  const parquetPath = join(dir, 'focus.parquet');
  await writeFile(parquetPath, files.parquet);
  const csvStarted = performance.now();
  const csvPath = join(dir, 'focus.csv.gz');
  await pipeline(files.csvGzip?.() ?? [], createWriteStream(csvPath));
  const csvMs = performance.now() - csvStarted;
  const readStarted = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const [row] = (
    await connection.runAndReadAll(
      `SELECT count(*) AS n, sum(BilledCost)::VARCHAR AS total FROM '${parquetPath}'`,
    )
  ).getRowObjectsJson();
  const readMs = performance.now() - readStarted;
  connection.closeSync();
  db.closeSync();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${String(size).padStart(9)} rows  parquet ${Math.round(parquetMs)} ms, ${(files.parquet.byteLength / 2 ** 20).toFixed(1)} MB` +
      `  csv.gz ${Math.round(csvMs)} ms  duckdb read-back ${Math.round(readMs)} ms (${row?.n} rows, ${row?.total})` +
      `  peak RSS ${Math.round(peakMb)} MB\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
