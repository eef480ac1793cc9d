// `npm run bench`: the report at 100,000 and 500,000 synthetic sessions, each size
// in a fresh process. Prints time and peak RSS per stage, beside a bare exceljs
// streaming writer writing the same per-session rows unstyled (bare-workbook.ts),
// and the workbook's time over the bare writer's against the target. Figures, not assertions.
import { execFileSync } from 'node:child_process';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const runs = sizes.length > 0 ? sizes : [100_000, 500_000];

interface Stage {
  ms: number;
  peakRssMb: number;
  mb?: number;
}
interface Result {
  sessions: number;
  fetch: Stage;
  aggregate: Stage;
  workbook: Stage;
  bare: Stage;
  maxRssMb: number;
}

const fmt = (s: Stage) =>
  `${(s.ms / 1000).toFixed(1).padStart(6)} s ${s.peakRssMb.toFixed(0).padStart(6)} MB`;
const fileMb = (r: Result) => `${(r.workbook.mb ?? 0).toFixed(1).padStart(6)}/${(r.bare.mb ?? 0).toFixed(1)}`;
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log(
  'sessions    fetch (4 parallel)     aggregate             workbook              bare writer           wb/bare (target)   file MB wb/bare  peak incl. bare',
);
for (const size of runs) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/report-bench-run.ts', String(size)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Result;
  console.log(
    `${String(r.sessions).padStart(8)}  ${fmt(r.fetch)}   ${fmt(r.aggregate)}   ${fmt(r.workbook)}   ${fmt(r.bare)}   ${(r.workbook.ms / r.bare.ms).toFixed(2).padStart(5)}× (≤ 1.30×)   ${fileMb(r)}  ${r.maxRssMb.toFixed(0)} MB`,
  );
}
