// `npm run bench [sizes…]`: issue 14's targets in one run, each figure beside its target.
//   1. The whole report run (bench/pipeline-bench.ts) at each size, on v2 and v3: wall time and the
//      kernel's peak RSS against ≤ 1.0 GiB up to 1.1 M sessions and ≤ 1.5 GiB up to 5 M.
//   2. The workbook against a bare exceljs streaming writer of the same rows (report-bench-run.ts),
//      at 500 k and 1.1 M, the issue's two sizes (`--workbook-sizes a,b` for others): ≤ 1.30×.
//   3. Fetching 1 M sessions with 250 ms added per page (fetch-latency-bench.ts), v2 and v3:
//      ≤ 1.30 × pages × latency ÷ concurrency.
// Flags: --skip-run, --skip-workbook, --skip-fetch, --fetch-sessions N, --versions v2,v3,
// --workbook-sizes a,b.
// Figures, not assertions; each measurement runs in a fresh process.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { benchFetchAtLatency, LATENCY_TABLE_HEADER, latencyRowText } from './fetch-latency-bench.js';
import { benchPipeline } from './pipeline-bench.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const optionValue = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const sizes = args.filter((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')).map(Number);
const runs = sizes.length > 0 ? sizes : [100_000, 500_000];
const versions = (optionValue('versions') ?? 'v2,v3').split(',') as ('v2' | 'v3')[];
const fetchSessions = Number(optionValue('fetch-sessions') ?? '1000000');
const workbookSizes = (optionValue('workbook-sizes') ?? '500000,1100000').split(',').map(Number);

const GIB = 1024;
/** The issue's memory ceilings by month size; none is set past 5 M. */
function memoryTargetMb(sessions: number): number | null {
  if (sessions <= 1_100_000) return 1.0 * GIB;
  if (sessions <= 5_000_000) return 1.5 * GIB;
  return null;
}
const WORKBOOK_TARGET = 1.3;
const verdict = (ok: boolean) => (ok ? 'within' : 'MISSED');

console.log(`node ${process.version}, ${cpus().length} cores, sizes ${runs.join(', ')}`);

if (!flag('skip-run')) {
  console.log('\n1. Whole run (fetch → spool → aggregate → workbook → FOCUS → exports → email preview)');
  console.log('sessions  api   time (s)   peak RSS   target     stages (s)');
  for (const size of runs) {
    for (const version of versions) {
      const r = await benchPipeline(size, version);
      const target = memoryTargetMb(size);
      const stages = Object.entries(r.durationsMs)
        .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)}`)
        .join(', ');
      console.log(
        `${String(size).padStart(8)}  ${version}  ${r.seconds.toFixed(1).padStart(8)}   ${`${r.peakRssMb.toFixed(0)} MB`.padStart(8)}   ${target === null ? '(none)   ' : `≤ ${(target / GIB).toFixed(1)} GiB ${verdict(r.peakRssMb <= target)}`}   ${stages}`,
      );
    }
  }
}

if (!flag('skip-workbook')) {
  console.log('\n2. Workbook against a bare exceljs writer of the same rows (sessions held by the bench)');
  console.log('sessions   workbook (s)   bare (s)   wb/bare   target       file MB wb/bare');
  for (const size of workbookSizes) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'bench/report-bench-run.ts', String(size)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
      workbook: { ms: number; mb: number };
      bare: { ms: number; mb: number };
    };
    const ratio = r.workbook.ms / r.bare.ms;
    console.log(
      `${String(size).padStart(8)}   ${(r.workbook.ms / 1000).toFixed(1).padStart(12)}   ${(r.bare.ms / 1000).toFixed(1).padStart(8)}   ${ratio.toFixed(2).padStart(6)}×   ≤ ${WORKBOOK_TARGET.toFixed(2)}× ${verdict(ratio <= WORKBOOK_TARGET)}   ${r.workbook.mb.toFixed(1)}/${r.bare.mb.toFixed(1)}`,
    );
  }
}

if (!flag('skip-fetch')) {
  console.log(`\n3. Fetching ${fetchSessions} sessions with 250 ms added per page`);
  console.log(`${LATENCY_TABLE_HEADER}   verdict`);
  for (const row of await benchFetchAtLatency({ sessions: fetchSessions, latencyMs: 250, versions })) {
    console.log(`${latencyRowText(row)}   ${verdict(row.withinTarget)}`);
  }
}
