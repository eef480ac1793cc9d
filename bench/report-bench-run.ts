// One benchmark size in its own process (so peak RSS is this size's alone):
// fetch from the fake API in another process → aggregate → workbook, then a bare
// exceljs streaming writer writing the same per-session rows unstyled (bare-workbook.ts), the floor.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import { reportSessionCoverage } from '#core/report/session-row-limit.js';
import { createDevinClient } from '#devin/client/devin-client.js';
import { sessionTagsShown } from '#workbook/sheets/session-tags-sheet.js';
import { WORKBOOK_ZIP, writeChargebackWorkbook } from '#workbook/write-chargeback-workbook.js';
import { writeBareWorkbook } from './bare-workbook.js';
import { measure } from './rss-sampler.js';

const size = Number(process.argv[2] ?? '100000');
const period = monthPeriod('2026-10', 'UTC', new Date('2026-11-29T00:00:00Z'));
const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'bench/fake-api-process.ts',
    String(size),
    period.from.toISOString(),
    period.to.toISOString(),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const firstLine = await new Promise<string>((resolve) => {
  createInterface({ input: server.stdout }).once('line', resolve);
});
const { url } = JSON.parse(firstLine) as { url: string };
const dir = await mkdtemp(join(tmpdir(), 'devin-chargeback-bench-'));
try {
  const client = createDevinClient({ apiKey: 'bench-key', baseUrl: url, concurrency: 4 });
  const fetch = await measure(() => client.fetchSessions({ from: period.from, to: period.to }));
  const sessions = [...fetch.result.sessions];
  const pricing = parsePricing('2.25', 'USD');
  const aggregate = await measure(async () =>
    buildChargebackReport({ period, pricing, sessions, directory: EMPTY_DIRECTORY }),
  );
  const report = aggregate.result;
  const workbookPath = join(dir, 'report.xlsx');
  const workbook = await measure(() =>
    writeChargebackWorkbook(workbookPath, {
      report,
      sessions,
      stats: fetch.result.stats,
      run: {
        runId: 'bench',
        generatedAt: new Date(),
        generator: 'bench',
        apiHost: '127.0.0.1',
        source: 'demo',
        filters: { orgIds: [], userIds: [], tags: [] },
      },
    }),
  );
  const barePath = join(dir, 'bare.xlsx');
  // The floor writes exactly the rows the workbook lists: under the row cap, the first ones.
  const coverage = reportSessionCoverage(report);
  const tagsShown = sessionTagsShown(sessions, coverage);
  const bare = await measure(() =>
    writeBareWorkbook(
      barePath,
      sessions.slice(0, coverage.sessionsShown),
      report,
      WORKBOOK_ZIP,
      sessions.slice(0, tagsShown.sessions),
    ),
  );
  const [wbSize, bareSize] = await Promise.all([stat(workbookPath), stat(barePath)]);
  process.stdout.write(
    `${JSON.stringify({
      sessions: sessions.length,
      fetch: { ms: fetch.ms, peakRssMb: fetch.peakRssMb },
      aggregate: { ms: aggregate.ms, peakRssMb: aggregate.peakRssMb },
      workbook: { ms: workbook.ms, peakRssMb: workbook.peakRssMb, mb: wbSize.size / 2 ** 20 },
      bare: { ms: bare.ms, peakRssMb: bare.peakRssMb, mb: bareSize.size / 2 ** 20 },
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
} finally {
  server.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
