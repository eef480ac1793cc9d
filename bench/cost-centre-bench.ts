// `npm run bench:cost-centres [SESSIONS]`: cost centres, the journal and one owner's
// slice over synthetic sessions (default 500,000), 40 orgs, 30 cost centres and
// 5 tag rules. Prints time per step. Figures, not assertions.
import { buildCostCentreReport } from '#core/cost-centres/build-cost-centre-report.js';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { journalCsv } from '#core/cost-centres/journal-csv.js';
import { parseCostCentreMap } from '#core/cost-centres/parse-cost-centre-map.js';
import { sliceReport } from '#core/cost-centres/slice-report.js';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import type { Session } from '#core/session.js';

const count = Number(process.argv[2] ?? 500_000);
const period = monthPeriod('2026-10', 'UTC', new Date('2026-11-02T00:00:00Z'));
const pricing = parsePricing('2.25', 'USD');
const created = new Date('2026-10-10T10:00:00Z');
const TAGS = ['bug-fix', 'feature', 'proj-1', 'proj-2', 'proj-3', 'proj-4', 'proj-5', 'docs'];
const sessions: Session[] = Array.from({ length: count }, (_, i) => ({
  sessionId: `s${i}`,
  url: null,
  status: 'exit',
  title: '',
  tags: i % 3 === 0 ? [TAGS[i % TAGS.length] ?? 'docs', TAGS[(i * 7) % TAGS.length] ?? 'docs'] : [],
  orgId: `org_${i % 40}`,
  userId: `user_${i % 3000}`,
  createdAt: created,
  updatedAt: created,
  acus: acusFromNumber(((i * 7919) % 2000) / 100),
  acusReported: true,
  pullRequests: [],
}));
const rows = [
  'org_id,tag,cost_centre,cost_centre_name,gl_account,owner_email,legal_entity',
  ...Array.from(
    { length: 38 },
    (_, o) => `org_${o},,CC-${o % 25},Team ${o % 25},6${o % 25},owner${o % 25}@example.com,E${(o % 25) % 2}`,
  ),
  ...Array.from({ length: 5 }, (_, t) => `,proj-${t + 1},CC-P${t},Project ${t},7${t},p${t}@example.com,E0`),
];
const time = <T>(label: string, work: () => T): T => {
  const started = performance.now();
  const result = work();
  console.log(`${label.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  return result;
};
console.log(`node ${process.version}, ${count.toLocaleString('en')} sessions`);
const map = time('parse map (43 rows)', () => parseCostCentreMap(rows.join('\n'), 'bench.csv'));
const report = time('build report (for reference)', () =>
  buildChargebackReport({ period, pricing, sessions, directory: EMPTY_DIRECTORY }),
);
const costCentres = time('cost centres + journal', () =>
  buildCostCentreReport({ report, sessions, map, creditAccounts: parseCreditAccounts('2100', 'x') }),
);
time('journal CSV', () => journalCsv(costCentres.journal, pricing));
const full = { ...report, costCentres };
const slice = time('one owner slice (1 cost centre)', () => sliceReport(full, sessions, new Set(['CC-3'])));
console.log(
  `cost centres ${costCentres.rows.length}, journal lines ${costCentres.journal.lines.length}, slice sessions ${slice.sessions.count.toLocaleString('en')}, debits = credits: ${costCentres.journal.debitMinor === costCentres.journal.creditMinor}`,
);
