import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { sliceReport } from '#core/cost-centres/slice-report.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { Directory } from '#core/report/directory.js';
import { type SummaryDocument, toSummaryDocument } from '#core/report/summary-document.js';
import type { Session } from '#core/session.js';
import type { Sessions } from '#core/session-list.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import { costCentreMap } from '../core/cost-centres/map-fixture.js';
import { session } from '../core/report/session-fixture.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../support/report-periods.js';
import { expectSameSums, pivot, sheetTable, summaryByOrg, type TableRow } from './pivot-sums.js';
import { roundTrip } from './read-back.js';

const SEPTEMBER_2026_UTC = monthPeriod('2026-09', 'UTC', new Date('2026-11-29T12:00:00Z'));

const DIRECTORY: Directory = {
  orgNames: new Map([
    ['org-pay', 'Payments'],
    ['org-data', 'Data'],
    ['org-tools', 'Tools'],
    ['org-old', 'Legacy'],
  ]),
  users: new Map([
    ['u-ann', { name: 'Ann Payer', email: 'ann@example.com' }],
    ['u-dee', { name: 'Dee Payer', email: 'dee@example.com' }],
    ['u-bob', { name: 'Bob Datum', email: 'bob@example.com' }],
    ['u-cy', { name: 'Cy Toolsmith', email: 'cy@example.com' }],
    ['u-old', { name: 'Old Timer', email: 'old@example.com' }],
  ]),
  sources: { orgs: { available: true }, users: { available: true } },
};

// A tag rule charges `sec` sessions to Security whatever their org: Payments and Ann split over two cost centres.
const MAP = costCentreMap(
  'org-pay,,CC-PAY,Payments Eng,6110,pay@example.com,US01',
  'org-data,,CC-DATA,Data Platform,6120,data@example.com,US01',
  'org-old,,CC-DATA,Data Platform,6120,data@example.com,US01',
  ',sec,CC-SEC,Security,6190,sec@example.com,US01',
);
const SETUP = { map: MAP, creditAccounts: parseCreditAccounts('2100', 'x') };

const SEPTEMBER = new Date('2026-09-05T09:00:00Z');
// Last month Data had a Security session (gone now) and Legacy had usage (gone now).
const PREVIOUS_SESSIONS: Session[] = [
  session({ sessionId: 's-pay-1', orgId: 'org-pay', userId: 'u-ann', acus: 10, createdAt: SEPTEMBER }),
  session({
    sessionId: 's-pay-2',
    orgId: 'org-pay',
    userId: 'u-ann',
    acus: 2,
    tags: ['sec'],
    createdAt: SEPTEMBER,
  }),
  session({
    sessionId: 's-data-1',
    orgId: 'org-data',
    userId: 'u-bob',
    acus: 5,
    tags: ['sec'],
    createdAt: SEPTEMBER,
  }),
  session({ sessionId: 's-data-2', orgId: 'org-data', userId: 'u-bob', acus: 1.3, createdAt: SEPTEMBER }),
  session({ sessionId: 's-old-1', orgId: 'org-old', userId: 'u-old', acus: 4, createdAt: SEPTEMBER }),
];

const SESSIONS: Session[] = [
  session({ sessionId: 'o-pay-1', orgId: 'org-pay', userId: 'u-ann', acus: 12.5 }),
  session({ sessionId: 'o-pay-2', orgId: 'org-pay', userId: 'u-ann', acus: 3.3, tags: ['sec'] }),
  session({ sessionId: 'o-pay-3', orgId: 'org-pay', userId: 'u-dee', acus: 1.01, tags: ['sec'] }),
  session({ sessionId: 'o-data-1', orgId: 'org-data', userId: 'u-bob', acus: 7.7 }),
  session({ sessionId: 'o-data-2', orgId: 'org-data', userId: null, acus: 1.1 }),
  session({ sessionId: 'o-tools-1', orgId: 'org-tools', userId: 'u-cy', acus: 2.2 }),
];

const RUN = {
  runId: 'run-pivot',
  generatedAt: new Date('2026-11-01T06:00:00Z'),
  generator: 'devin-chargeback@test',
  apiHost: 'api.example',
  source: 'api' as const,
  filters: { orgIds: [], userIds: [], tags: [] },
};
const STATS = {
  pages: 1,
  reportedTotal: 6,
  itemsReceived: 6,
  duplicatesDropped: 0,
  outsidePeriodDropped: 0,
  nullAcus: 0,
  reread: false,
};

function previousReport(): ChargebackReport {
  const built = buildChargebackReport({
    period: SEPTEMBER_2026_UTC,
    pricing: USD_2_25,
    sessions: PREVIOUS_SESSIONS,
    directory: DIRECTORY,
  });
  return withCostCentres(built, PREVIOUS_SESSIONS, SETUP, undefined);
}

function report(previous: SummaryDocument): ChargebackReport {
  const built = buildChargebackReport({
    period: OCTOBER_2026_UTC,
    pricing: USD_2_25,
    sessions: SESSIONS,
    directory: DIRECTORY,
    previous,
  });
  return withCostCentres(built, SESSIONS, SETUP, previous);
}

const previousDocument = () => toSummaryDocument(previousReport(), { ...RUN, runId: 'run-sep' }, STATS);

async function written(built: ChargebackReport, sessions: Sessions = SESSIONS) {
  return roundTrip({ report: built, sessions, run: RUN, stats: STATS });
}

function notesUnder(workbook: ExcelJS.Workbook, name: string): string {
  const ws = workbook.getWorksheet(name);
  const found: string[] = [];
  ws?.eachRow((row) => {
    found.push(String(row.getCell(1).value));
  });
  return found.join('\n');
}

/** Every additive column of a By Org-like table, pivoted by `by`, against By Cost Centre's. */
function expectPivotsEqualByCostCentre(
  rows: readonly TableRow[],
  byCostCentre: readonly TableRow[],
  what: string,
) {
  expectSameSums(
    pivot(rows, 'Cost Centre', 'Cost'),
    pivot(byCostCentre, 'Cost Centre', 'Usage'),
    `${what} Cost`,
  );
  expectSameSums(
    pivot(rows, 'Cost Centre', 'Sessions', 'count'),
    pivot(byCostCentre, 'Cost Centre', 'Sessions', 'count'),
    `${what} Sessions`,
  );
  expectSameSums(
    pivot(rows, 'Cost Centre', 'ACUs', 'acus'),
    pivot(byCostCentre, 'Cost Centre', 'ACUs', 'acus'),
    `${what} ACUs`,
  );
}

describe('By Org and By User split by the cost centre the money went to (a tag rule, month over month)', () => {
  it('gives Payments a row per cost centre, keeps gone cost centres and orgs for their previous cost, the default last', async () => {
    const workbook = await written(report(previousDocument()));
    const byOrg = sheetTable(workbook, 'By Org');
    expect(Object.keys(byOrg[0] ?? {}).at(-1)).toBe("Org's default cost centre");
    expect(
      byOrg.map((row) => [
        row['Org ID'],
        row['Cost Centre'],
        row.Cost,
        row['Previous Cost'],
        row['Change %'],
        row["Org's default cost centre"],
      ]),
    ).toEqual([
      ['org-pay', 'CC-PAY', 28.13, 22.5, expect.closeTo(2.5 / 10, 9), 'CC-PAY'],
      // 4.31 ACUs are USD 9.6975: Ann's 7.42 and Dee's 2.27 as their sessions carry them (cent allocation).
      ['org-pay', 'CC-SEC', 9.69, 4.5, expect.closeTo((4.31 - 2) / 2, 9), 'CC-PAY'],
      ['org-data', 'CC-DATA', 19.8, 2.93, expect.closeTo((8.8 - 1.3) / 1.3, 9), 'CC-DATA'],
      // Data's Security usage of last month: a row of zeros with its previous cost, -100 %.
      ['org-data', 'CC-SEC', 0, 11.25, -1, 'CC-DATA'],
      ['org-tools', 'Unmapped', 4.95, null, 'new', 'Unmapped'],
      ['org-old', 'CC-DATA', 0, 9, -1, 'CC-DATA'],
    ]);
    expect(byOrg.map((row) => row['Org Name']).at(-1)).toBe('Legacy (no usage this period)');
    const notes = notesUnder(workbook, 'By Org');
    expect(notes).toContain(
      'One row per org and cost centre its money went to: a pivot by Cost Centre equals By Cost Centre and the journal.',
    );
    expect(notes).toContain(
      "Org's default cost centre (the last column, on screen only: it is not printed) is the map's cost centre for the whole org: do not pivot on it.",
    );
    expect(notes).toContain("Tag rules charged 2 sessions away from their org's default (see Sessions).");
    expect(notes).toContain("Change % is the row's own: do not add it up.");
    expect(notes).toContain("Share of Cost is the row's cost ÷ the period's cost");
  });

  it('adds up by Cost Centre to By Cost Centre (now and before) and the journal, by org to the orgs', async () => {
    const previous = previousReport();
    const built = report(toSummaryDocument(previous, RUN, STATS));
    const workbook = await written(built);
    const byOrg = sheetTable(workbook, 'By Org');
    const byUser = sheetTable(workbook, 'By User');
    const byCostCentre = sheetTable(workbook, 'By Cost Centre');
    expectPivotsEqualByCostCentre(byOrg, byCostCentre, 'By Org');
    expectPivotsEqualByCostCentre(byUser, byCostCentre, 'By User');
    expectPivotsEqualByCostCentre(summaryByOrg(workbook), byCostCentre, 'Summary');
    expectSameSums(
      pivot(byOrg, 'Cost Centre', 'Previous Cost'),
      pivot(byCostCentre, 'Cost Centre', 'Previous Cost'),
      'Previous Cost',
    );
    expect(pivot(byOrg, 'Cost Centre', 'Previous Cost').get('CC-SEC')).toBe(1575);
    expectSameSums(
      pivot(
        sheetTable(workbook, 'Journal').filter((line) => line['Line Type'] === 'usage'),
        'Cost Centre',
        'Debit',
      ),
      pivot(byOrg, 'Cost Centre', 'Cost'),
      'journal',
    );
    const orgCents = (r: ChargebackReport) =>
      new Map(r.orgs.map((org) => [org.orgId, Number(org.costMinor)]));
    expectSameSums(pivot(byOrg, 'Org ID', 'Cost'), orgCents(built), 'Cost by org');
    expectSameSums(pivot(byUser, 'Org ID', 'Cost'), orgCents(built), 'By User cost by org');
    expectSameSums(pivot(byOrg, 'Org ID', 'Previous Cost'), orgCents(previous), 'Previous Cost by org');
    // Ann is split too: her two rows add up to her cost, and her share of Payments.
    const ann = byUser.filter((row) => row['User ID'] === 'u-ann');
    expect(ann.map((row) => [row['Cost Centre'], row.Cost])).toEqual([
      ['CC-PAY', 28.13],
      ['CC-SEC', 7.42],
    ]);
    const payments = built.orgs.find((org) => org.orgId === 'org-pay');
    const annTotal = payments?.users.find((user) => user.userId === 'u-ann');
    expect(ann.reduce((sum, row) => sum + Math.round(Number(row.Cost) * 100), 0)).toBe(
      Number(annTotal?.costMinor),
    );
    expect(ann.reduce((sum, row) => sum + Number(row['Share of Org']), 0)).toBeCloseTo(
      Number(annTotal?.costMinor) / Number(payments?.costMinor),
      12,
    );
    // The Summary lists this period's usage only: no rows of zeros.
    expect(summaryByOrg(workbook).map((row) => row['Org ID'])).not.toContain('org-old');
  });

  it('puts a previous period that did not record its split on each org’s default cost centre, and says so', async () => {
    const { orgCostCentres: _, ...older } = previousDocument();
    const workbook = await written(report(older));
    const byOrg = sheetTable(workbook, 'By Org');
    const dataRows = byOrg.filter((row) => row['Org ID'] === 'org-data');
    expect(dataRows.map((row) => [row['Cost Centre'], row['Previous Cost']])).toEqual([['CC-DATA', 14.18]]);
    expectSameSums(
      pivot(byOrg, 'Org ID', 'Previous Cost'),
      new Map([
        ['org-pay', 2700],
        ['org-data', 1418],
        ['org-old', 900],
      ]),
      'Previous Cost by org',
    );
    expect(notesUnder(workbook, 'By Org')).toContain(
      "The September 2026 report did not record its usage by cost centre: each org's previous figures are on its default cost centre's row",
    );
  });
});

describe("an owner's slice keeps only its cost centre's rows", () => {
  it.each([['CC-SEC'], ['CC-PAY']])(
    '%s: By Org and By User pivot to the slice’s By Cost Centre',
    async (code) => {
      const full = report(previousDocument());
      const slice = sliceReport(full, SESSIONS, new Set([code]));
      const workbook = await written(slice.report, slice.sessions);
      const byOrg = sheetTable(workbook, 'By Org');
      const byUser = sheetTable(workbook, 'By User');
      expect(new Set(byOrg.map((row) => row['Cost Centre']))).toEqual(new Set([code]));
      expect(new Set(byUser.map((row) => row['Cost Centre']))).toEqual(new Set([code]));
      // The slice names no other cost centre, not even the org's default.
      expect(Object.keys(byOrg[0] ?? {})).not.toContain("Org's default cost centre");
      const byCostCentre = sheetTable(workbook, 'By Cost Centre');
      expectPivotsEqualByCostCentre(byOrg, byCostCentre, 'By Org');
      expectPivotsEqualByCostCentre(byUser, byCostCentre, 'By User');
      const fullRow = full.costCentres?.rows.find((row) => row.code === code);
      expect(pivot(byOrg, 'Cost Centre', 'Cost').get(code)).toBe(Number(fullRow?.costMinor));
    },
  );
});
