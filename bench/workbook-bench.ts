// `npm run bench:workbook -- 100000 [--level N] [--repeat N] [--check] [--workbook-only]`: the workbook alone, on
// synthetic sessions generated and parsed in this process (no fake API, no fetch),
// beside the bare writer (bare-workbook.ts) on the same rows, in one process.
// --level N: the zip's deflate level for both writers (default: the workbook's own).
// --repeat N: N interleaved rounds of both writers, best of each (the machine is shared).
// --check: reads both files back and compares every Sessions and Session Tags row.
// --workbook-only: skips the bare writer (for a CPU profile of the workbook alone).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import type { Session } from '#core/session.js';
import { sessionFromWire } from '#devin/client/wire-session.js';
import { generateDataset } from '#devin/fake/generate-dataset.js';
import { v2Sessions } from '#devin/fake/v2-view.js';
import {
  WORKBOOK_ZIP,
  type WorkbookInput,
  type WorkbookZipOptions,
  writeChargebackWorkbook,
} from '#workbook/write-chargeback-workbook.js';
import { writeBareWorkbook } from './bare-workbook.js';

const args = process.argv.slice(2);
const levelAt = args.indexOf('--level');
const level = levelAt >= 0 ? Number(args[levelAt + 1]) : undefined;
const check = args.includes('--check');
const workbookOnly = args.includes('--workbook-only');
const size = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? '100000');
const zip: WorkbookZipOptions = level === undefined ? WORKBOOK_ZIP : { level };
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Number(args[repeatAt + 1]) : 1;

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
const input: WorkbookInput = {
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
};
const dir = await mkdtemp(join(tmpdir(), 'devin-chargeback-wbbench-'));
const workbookPath = join(dir, 'report.xlsx');
const barePath = join(dir, 'bare.xlsx');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
try {
  const rounds: { wb: Timing; bare?: Timing }[] = [];
  for (let round = 0; round < repeat; round += 1) {
    const wb = await timed(() => writeChargebackWorkbook(workbookPath, input, zip));
    if (workbookOnly) {
      rounds.push({ wb });
      continue;
    }
    const bare = await timed(() => writeBareWorkbook(barePath, sessions, report, zip));
    rounds.push({ wb, bare });
    console.log(
      `round ${round + 1}: workbook ${s(wb.ms)} (cpu ${s(wb.cpuMs)}), bare ${s(bare.ms)} (cpu ${s(bare.cpuMs)}), ` +
        `wb/bare ${(wb.ms / bare.ms).toFixed(2)}× (cpu ${(wb.cpuMs / bare.cpuMs).toFixed(2)}×)`,
    );
  }
  const best = (pick: (r: (typeof rounds)[number]) => number) => Math.min(...rounds.map(pick));
  const [wbSize, bareSize] = await Promise.all([
    stat(workbookPath),
    workbookOnly ? undefined : stat(barePath),
  ]);
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const wbMs = best((r) => r.wb.ms);
  if (bareSize === undefined) {
    console.log(`${size} sessions, zip level ${zip.level}: workbook ${s(wbMs)} ${mb(wbSize.size)}`);
  } else {
    const bareMs = best((r) => r.bare?.ms ?? Number.POSITIVE_INFINITY);
    console.log(
      `${size} sessions, zip level ${zip.level}, best of ${repeat}: workbook ${s(wbMs)} ${mb(wbSize.size)}, ` +
        `bare ${s(bareMs)} ${mb(bareSize.size)}, wb/bare ${(wbMs / bareMs).toFixed(2)}× (target ≤ 1.30×; ` +
        `cpu ${(best((r) => r.wb.cpuMs) / best((r) => r.bare?.cpuMs ?? Number.POSITIVE_INFINITY)).toFixed(2)}×), ` +
        `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  }
  if (!workbookOnly && repeat > 1) {
    // Issue 32's target is the median of the rounds' ratios, wall and CPU alike.
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    };
    const ratio = (pick: (t: Timing) => number) =>
      median(rounds.map((r) => (r.bare ? pick(r.wb) / pick(r.bare) : Number.NaN)));
    console.log(
      `median of ${repeat} rounds: wb/bare ${ratio((t) => t.ms).toFixed(2)}× wall, ${ratio((t) => t.cpuMs).toFixed(2)}× cpu (target ≤ 1.30× both)`,
    );
  }
  if (check) await compare(workbookPath, barePath);
} finally {
  await rm(dir, { recursive: true, force: true });
}

interface Timing {
  readonly ms: number;
  /** CPU of the whole process (zlib's threads included): less swayed by other processes than wall time. */
  readonly cpuMs: number;
}

async function timed(work: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
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
