// `npm run bench:workbook -- 100000 [--level N] [--check]`: the workbook alone, on
// synthetic sessions generated and parsed in this process (no fake API, no fetch),
// beside the bare writer (bare-workbook.ts) on the same rows, in one process.
// --level N: the zip's deflate level for both writers (exceljs's default is 6).
// --check: reads both files back and compares every Sessions and Session Tags row.
// --workbook-only: skips the bare writer (for a CPU profile of the workbook alone).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parsePricing } from '../functions/core/money/parse-pricing.js';
import { monthPeriod } from '../functions/core/period/month-period.js';
import { buildChargebackReport } from '../functions/core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '../functions/core/report/directory.js';
import type { Session } from '../functions/core/session.js';
import { sessionFromWire } from '../functions/devin/client/wire-session.js';
import { generateDataset } from '../functions/devin/fake/generate-dataset.js';
import { v2Sessions } from '../functions/devin/fake/v2-view.js';
import { writeChargebackWorkbook } from '../functions/workbook/write-chargeback-workbook.js';
import { writeBareWorkbook, type ZipOptions } from './bare-workbook.js';
import { measure } from './rss-sampler.js';

const args = process.argv.slice(2);
const levelAt = args.indexOf('--level');
const level = levelAt >= 0 ? Number(args[levelAt + 1]) : undefined;
const check = args.includes('--check');
const workbookOnly = args.includes('--workbook-only');
const size = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--level') ?? '100000');
const zip: ZipOptions | undefined = level === undefined ? undefined : { zlib: { level } };

const period = monthPeriod('2026-10', 'UTC', new Date('2026-11-29T00:00:00Z'));
const data = generateDataset({
  seed: 42,
  sessions: size,
  from: period.from,
  to: period.to,
  orgs: 12,
  usersPerOrg: 40,
});
const sessions: Session[] = v2Sessions(data.sessions).map(sessionFromWire);
data.sessions.length = 0;
const pricing = parsePricing('2.25', 'USD');
const report = buildChargebackReport({ period, pricing, sessions, directory: EMPTY_DIRECTORY });
const dir = await mkdtemp(join(tmpdir(), 'devin-chargeback-wbbench-'));
try {
  const workbookPath = join(dir, 'report.xlsx');
  const workbook = await measure(() =>
    writeChargebackWorkbook(workbookPath, {
      report,
      sessions,
      stats: {
        pages: 1,
        reportedTotal: size,
        itemsReceived: size,
        duplicatesDropped: 0,
        outsidePeriodDropped: 0,
        nullAcus: 0,
        reread: false,
      },
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
  if (workbookOnly) {
    console.log(`${size} sessions: workbook ${(workbook.ms / 1000).toFixed(1)} s`);
    process.exit(0);
  }
  const barePath = join(dir, 'bare.xlsx');
  const bare = await measure(() => writeBareWorkbook(barePath, sessions, report, zip));
  const [wbSize, bareSize] = await Promise.all([stat(workbookPath), stat(barePath)]);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `${size} sessions, zip level ${level ?? 'default (6)'}: workbook ${(workbook.ms / 1000).toFixed(1)} s ` +
      `${mb(wbSize.size)} MB, bare ${(bare.ms / 1000).toFixed(1)} s ${mb(bareSize.size)} MB, ` +
      `wb/bare ${(workbook.ms / bare.ms).toFixed(2)}× (target ≤ 1.30×), peak RSS ${workbook.peakRssMb.toFixed(0)} MB`,
  );
  if (check) await compare(workbookPath, barePath);
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** The workbook's sheets have a title row above the header; the bare ones start at the header. */
async function compare(workbookPath: string, barePath: string): Promise<void> {
  const [ours, floor] = await Promise.all([
    new ExcelJS.Workbook().xlsx.readFile(workbookPath),
    new ExcelJS.Workbook().xlsx.readFile(barePath),
  ]);
  for (const name of ['Sessions', 'Session Tags']) {
    const a = ours.getWorksheet(name);
    const b = floor.getWorksheet(name);
    if (a === undefined || b === undefined) throw new Error(`no ${name} sheet`);
    for (let r = 1; r <= b.rowCount; r += 1) {
      const want = JSON.stringify(b.getRow(r).values);
      const got = JSON.stringify(a.getRow(r + 1).values);
      if (want !== got) throw new Error(`${name} row ${r} differs:\n bare ${want}\n ours ${got}`);
    }
    console.log(`${name}: ${b.rowCount} rows identical in value`);
  }
}
