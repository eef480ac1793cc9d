import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { sliceReport } from '#core/cost-centres/slice-report.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { ChargebackReport } from '#core/report/chargeback-report.js';
import type { Directory } from '#core/report/directory.js';
import type { Session } from '#core/session.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import { costCentreMap } from '../core/cost-centres/map-fixture.js';
import { session } from '../core/report/session-fixture.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../support/report-periods.js';
import { findRow, roundTrip, rowValues, sheet } from './read-back.js';

const DIRECTORY: Directory = {
  orgNames: new Map([
    ['org-pay', 'Payments'],
    ['org-data', 'Data'],
    ['org-tools', 'Tools'],
  ]),
  users: new Map([
    ['u-ann', { name: 'Ann Payer', email: 'ann@example.com' }],
    ['u-bob', { name: 'Bob Datum', email: 'bob@example.com' }],
    ['u-cy', { name: 'Cy Toolsmith', email: 'cy@example.com' }],
  ]),
  sources: { orgs: { available: true }, users: { available: true } },
};

const SESSIONS: Session[] = [
  session({ sessionId: 'sess-pay-1', orgId: 'org-pay', userId: 'u-ann', acus: 12.5 }),
  session({ sessionId: 'sess-pay-2', orgId: 'org-pay', userId: 'u-ann', acus: 3.3, tags: ['sec'] }),
  session({ sessionId: 'sess-data-1', orgId: 'org-data', userId: 'u-bob', acus: 7.7 }),
  session({ sessionId: 'sess-data-2', orgId: 'org-data', userId: null, acus: 1.1 }),
  session({ sessionId: 'sess-tools-1', orgId: 'org-tools', userId: 'u-cy', acus: 2.2 }),
];

const MAP = costCentreMap(
  'org-pay,,CC-PAY,Payments Eng,6110,pay@example.com,US01',
  'org-data,,CC-DATA,Data Platform,6120,data@example.com,US01',
  ',sec,CC-SEC,Security,6190,sec@example.com,US01',
);

function report(): ChargebackReport {
  const built = buildChargebackReport({
    period: OCTOBER_2026_UTC,
    pricing: USD_2_25,
    sessions: SESSIONS,
    directory: DIRECTORY,
  });
  return withCostCentres(
    built,
    SESSIONS,
    { map: MAP, creditAccounts: parseCreditAccounts('2100', 'x') },
    undefined,
  );
}

const RUN = {
  runId: 'run-cc',
  generatedAt: new Date('2026-11-01T06:00:00Z'),
  generator: 'devin-chargeback@test',
  apiHost: 'api.example',
  source: 'api' as const,
  filters: { orgIds: [], userIds: [], tags: [] },
};
const STATS = {
  pages: 1,
  reportedTotal: 5,
  itemsReceived: 5,
  duplicatesDropped: 0,
  outsidePeriodDropped: 0,
  nullAcus: 0,
  reread: false,
};

/** Table sheets open with a title row naming the period; the header is row 2. */
function columnOf(worksheet: ExcelJS.Worksheet, header: string, headerRow = 2): number {
  const index = rowValues(worksheet, headerRow).indexOf(header);
  if (index < 0) throw new Error(`no column ${header} on ${worksheet.name}`);
  return index + 1;
}

/** Every text and number in every sheet, as one list: what a reader could find in the file. */
function everything(workbook: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  workbook.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        found.push(String(cell.text));
      });
    });
  });
  return found;
}

describe('the workbook with a cost-centre map', () => {
  it('has By Cost Centre and Journal, and a Cost Centre column on By Org, By User and Sessions', async () => {
    const workbook = await roundTrip({ report: report(), sessions: SESSIONS, run: RUN, stats: STATS });
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual([
      'Summary',
      'By Org',
      'By User',
      'By Tag',
      'By Cost Centre',
      'Journal',
      'Reconciliation',
      'Sessions',
      'Session Tags',
      'About',
    ]);
    const byOrg = sheet(workbook, 'By Org');
    expect(rowValues(byOrg, 2)).toEqual([
      'Org ID',
      'Org Name',
      'Cost Centre',
      'Sessions',
      'ACUs',
      'Cost',
      'Share of Cost',
      "Org's default cost centre",
    ]);
    const orgCostCentre = columnOf(byOrg, 'Cost Centre');
    const orgDefault = columnOf(byOrg, "Org's default cost centre");
    // Payments has a row per cost centre its money went to: the tag rule's Security part apart.
    expect(
      [3, 4, 5, 6].map((r) => [
        byOrg.getCell(r, 1).value,
        byOrg.getCell(r, orgCostCentre).value,
        byOrg.getCell(r, columnOf(byOrg, 'Cost')).value,
        byOrg.getCell(r, orgDefault).value,
      ]),
    ).toEqual([
      ['org-pay', 'CC-PAY', 28.13, 'CC-PAY'],
      ['org-pay', 'CC-SEC', 7.42, 'CC-PAY'],
      ['org-data', 'CC-DATA', 19.8, 'CC-DATA'],
      ['org-tools', 'Unmapped', 4.95, 'Unmapped'],
    ]);
    const byUser = sheet(workbook, 'By User');
    expect(
      [3, 4].map((r) => [
        byUser.getCell(r, 4).value,
        byUser.getCell(r, columnOf(byUser, 'Cost Centre')).value,
      ]),
    ).toEqual([
      ['u-ann', 'CC-PAY'],
      ['u-ann', 'CC-SEC'],
    ]);
    const sessions = sheet(workbook, 'Sessions');
    const sessionCostCentre = columnOf(sessions, 'Cost Centre');
    // The tag rule moves one Payments session to Security on Sessions.
    expect(
      [3, 4, 5, 6, 7].map((r) => [
        sessions.getCell(r, 1).value,
        sessions.getCell(r, sessionCostCentre).value,
      ]),
    ).toEqual([
      ['sess-pay-1', 'CC-PAY'],
      ['sess-pay-2', 'CC-SEC'],
      ['sess-data-1', 'CC-DATA'],
      ['sess-data-2', 'CC-DATA'],
      ['sess-tools-1', 'Unmapped'],
    ]);
  });

  it('lists the cost centres, Unmapped last, and a journal whose debits equal its credits', async () => {
    const built = report();
    const workbook = await roundTrip({ report: built, sessions: SESSIONS, run: RUN, stats: STATS });
    const byCostCentre = sheet(workbook, 'By Cost Centre');
    const cost = columnOf(byCostCentre, 'Usage');
    expect(
      [3, 4, 5, 6].map((r) => [byCostCentre.getCell(r, 1).value, byCostCentre.getCell(r, cost).value]),
    ).toEqual([
      ['CC-PAY', 28.13],
      ['CC-DATA', 19.8],
      ['CC-SEC', 7.42],
      ['Unmapped', 4.95],
    ]);
    const total = findRow(byCostCentre, 'Total');
    expect(byCostCentre.getCell(total, cost).value).toMatchObject({ result: 60.3 });
    const journal = sheet(workbook, 'Journal');
    const totalRow = findRow(journal, 'Total');
    const debit = columnOf(journal, 'Debit');
    const credit = columnOf(journal, 'Credit');
    const debitTotal = journal.getCell(totalRow, debit).value as { result: number };
    const creditTotal = journal.getCell(totalRow, credit).value as { result: number };
    expect(debitTotal.result).toBe(60.3);
    expect(creditTotal.result).toBe(60.3);
    // A blank row stands between the last line and the Total, so a pivot never picks the Total up.
    expect(rowValues(journal, totalRow - 2).slice(0, 3)).toEqual(['2026-10-31', 'US01', '2100']);
    const summary = sheet(workbook, 'Summary');
    expect(summary.getCell(findRow(summary, 'Unmapped: Tools'), 2).value).toBe(
      '1 session, 2.20 ACUs, USD 4.95: add org_id org-tools to the map',
    );
  });
});

describe("an owner's slice workbook", () => {
  it('holds only its cost centre: no other team’s orgs, users or sessions anywhere in the file', async () => {
    const full = report();
    const slice = sliceReport(full, SESSIONS, new Set(['CC-PAY']));
    const workbook = await roundTrip({
      report: slice.report,
      sessions: slice.sessions,
      run: RUN,
      stats: STATS,
    });
    const sessions = sheet(workbook, 'Sessions');
    expect(findRow(sessions, 'Total')).toBe(5);
    expect(sessions.getCell(3, 1).value).toBe('sess-pay-1');
    const byUser = sheet(workbook, 'By User');
    expect(byUser.getCell(3, 1).value).toBe('org-pay');
    expect(findRow(byUser, 'Total')).toBe(5);
    const text = everything(workbook).join('\n');
    for (const other of [
      'sess-pay-2',
      'sess-data',
      'sess-tools',
      'u-bob',
      'Bob Datum',
      'u-cy',
      'Cy Toolsmith',
      'org-data',
      'org-tools',
      'CC-DATA',
      'CC-SEC',
      'Unmapped',
      'Tools',
    ]) {
      expect(text, other).not.toContain(other);
    }
    // Exactly the cents the journal debits CC-PAY.
    const byCostCentre = sheet(workbook, 'By Cost Centre');
    expect(byCostCentre.getCell(3, columnOf(byCostCentre, 'Usage')).value).toBe(28.13);
    expect(slice.report.totals.costMinor).toBe(full.costCentres?.rows[0]?.costMinor);
  });

  it('holds a session moved by a tag in the tag’s cost centre, not its org’s', async () => {
    const slice = sliceReport(report(), SESSIONS, new Set(['CC-SEC']));
    expect([...slice.sessions].map((s) => s.sessionId)).toEqual(['sess-pay-2']);
    expect(slice.report.orgs.map((org) => [org.orgId, org.costMinor])).toEqual([['org-pay', 742n]]);
    expect(slice.report.totals.costMinor).toBe(742n);
    // Its By Org row is the Security part of Payments: the column says so, not the org's own cost centre.
    const workbook = await roundTrip({
      report: slice.report,
      sessions: slice.sessions,
      run: RUN,
      stats: STATS,
    });
    const byOrg = sheet(workbook, 'By Org');
    expect(byOrg.getCell(3, columnOf(byOrg, 'Cost Centre')).value).toBe('CC-SEC');
    expect(everything(workbook).join('\n')).not.toContain('CC-PAY');
  });
});
