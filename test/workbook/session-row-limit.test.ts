import ExcelJS, { type CellValue, type Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { Directory } from '#core/report/directory.js';
import type { Session } from '#core/session.js';
import { withCostCentres } from '#pipeline/cost-centre-setup.js';
import { MAX_CELL_TEXT, TRUNCATION_MARKER } from '#workbook/cell-values.js';
import { SHOWN_ROWS_TOTAL_LABEL } from '#workbook/session-coverage.js';
import { EXCEL_MAX_COLUMNS, writeTable } from '#workbook/table.js';
import { SheetLimitError } from '#workbook/workbook-errors.js';
import type { WorkbookInput } from '#workbook/workbook-input.js';
import { costCentreMap } from '../core/cost-centres/map-fixture.js';
import { session } from '../core/report/session-fixture.js';
import { OCTOBER_2026_UTC, USD_2_25 } from '../support/report-periods.js';
import { findRow, roundTrip, rowValues, sheet } from './read-back.js';

const DIRECTORY: Directory = {
  orgNames: new Map([
    ['org-pay', 'Payments'],
    ['org-data', 'Data'],
  ]),
  users: new Map([
    ['u-ann', { name: 'Ann Payer', email: 'ann@example.com' }],
    ['u-bob', { name: 'Bob Datum', email: 'bob@example.com' }],
  ]),
  sources: { orgs: { available: true }, users: { available: true } },
};

const LONG_TITLE = 'x'.repeat(MAX_CELL_TEXT + 5_000);

/** Ten sessions over two orgs; the first three have 2, 1 and 2 tags, the last ones none. */
const SESSIONS: readonly Session[] = [
  session({
    sessionId: 's01',
    orgId: 'org-pay',
    userId: 'u-ann',
    acus: 1.5,
    tags: ['sec', 'ci'],
    title: LONG_TITLE,
  }),
  session({ sessionId: 's02', orgId: 'org-pay', userId: 'u-ann', acus: 2.25, tags: ['ci'] }),
  session({ sessionId: 's03', orgId: 'org-data', userId: 'u-bob', acus: 3, tags: ['sec', 'etl'] }),
  session({ sessionId: 's04', orgId: 'org-data', userId: 'u-bob', acus: 4.75, tags: ['etl'] }),
  session({ sessionId: 's05', orgId: 'org-data', userId: null, acus: 0.5 }),
  session({ sessionId: 's06', orgId: 'org-pay', userId: 'u-ann', acus: 6, tags: ['sec'] }),
  session({ sessionId: 's07', orgId: 'org-pay', userId: 'u-bob', acus: 7.1 }),
  session({ sessionId: 's08', orgId: 'org-data', userId: 'u-ann', acus: 0.9, tags: ['ci'] }),
  session({ sessionId: 's09', orgId: 'org-data', userId: 'u-bob', acus: 12 }),
  session({ sessionId: 's10', orgId: 'org-pay', userId: null, acus: 0.01 }),
];

const ARCHIVES = {
  focusDataset: '/tmp/out/focus/billing_period=2026-10/devin-focus-2026-10.parquet',
  sessionsExport: '/tmp/out/devin-acu-chargeback-2026-10.sessions.json.gz',
};

function input(maxSessionRows?: number): WorkbookInput {
  const report = withCostCentres(
    buildChargebackReport({
      period: OCTOBER_2026_UTC,
      pricing: USD_2_25,
      sessions: SESSIONS,
      directory: DIRECTORY,
    }),
    SESSIONS,
    {
      map: costCentreMap(
        'org-pay,,CC-PAY,Payments Eng,6110,pay@example.com,US01',
        'org-data,,CC-DATA,Data Platform,6120,data@example.com,US01',
        ',sec,CC-SEC,Security,6190,sec@example.com,US01',
      ),
      creditAccounts: parseCreditAccounts('2100', 'x'),
    },
    undefined,
  );
  return {
    report,
    sessions: SESSIONS,
    run: {
      runId: 'run-cap',
      generatedAt: new Date('2026-11-01T06:00:00Z'),
      generator: 'devin-chargeback@test',
      apiHost: 'api.example',
      source: 'api',
      filters: { orgIds: [], userIds: [], tags: [] },
    },
    stats: {
      pages: 1,
      reportedTotal: 10,
      itemsReceived: 10,
      duplicatesDropped: 0,
      outsidePeriodDropped: 0,
      nullAcus: 0,
      reread: false,
    },
    maxSessionRows,
    sessionArchives: ARCHIVES,
  };
}

/** Every value of every row as a reader sees it: a formula by its result, wherever its row is. */
function allRows(worksheet: Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let row = 1; row <= worksheet.rowCount; row += 1) {
    rows.push(
      rowValues(worksheet, row).map((value) =>
        typeof value === 'object' && value !== null && 'formula' in value ? (value.result ?? null) : value,
      ),
    );
  }
  return rows;
}

function texts(worksheet: Worksheet): string[] {
  return allRows(worksheet)
    .flat()
    .filter((value): value is string => typeof value === 'string');
}

const AGGREGATE_SHEETS = ['By Org', 'By User', 'By Tag', 'By Cost Centre', 'Journal', 'Reconciliation'];

describe('a workbook capped at 3 session rows of 10', () => {
  it('lists the first 3 sessions; the Total adds up those rows and says so', async () => {
    const sessions = sheet(await roundTrip(input(3)), 'Sessions');
    expect([3, 4, 5].map((row) => sessions.getCell(row, 1).value)).toEqual(['s01', 's02', 's03']);
    expect(sessions.getCell(6, 1).value).toBeNull();
    expect(sessions.getCell(7, 1).value).toBe(SHOWN_ROWS_TOTAL_LABEL);

    const header = rowValues(sessions, 2);
    const cost = header.indexOf('Cost') + 1;
    const acus = header.indexOf('ACUs') + 1;
    const shownCost = [3, 4, 5].reduce((sum, row) => sum + (sessions.getCell(row, cost).value as number), 0);
    const total = sessions.getCell(7, cost).value as { formula: string; result: number };
    const letter = sessions.getColumn(cost).letter;
    expect(total.formula).toBe(`SUBTOTAL(109,${letter}3:${letter}5)`);
    expect(total.result).toBeCloseTo(shownCost, 10);
    expect((sessions.getCell(7, acus).value as { result: number }).result).toBeCloseTo(1.5 + 2.25 + 3, 10);

    const notes = texts(sessions).join('\n');
    expect(notes).toContain(
      'This sheet lists the first 3 of 10 sessions (a limit of 3 session rows): "Total (rows shown)" adds up these rows only.',
    );
    expect(notes).toContain("The full period's totals are on By Org and the Summary");
    expect(notes).toContain(ARCHIVES.focusDataset);
    expect(notes).toContain(ARCHIVES.sessionsExport);
  });

  it('lists on Session Tags only whole sessions that fit in the cap, and says which', async () => {
    const tags = sheet(await roundTrip(input(3)), 'Session Tags');
    // s01 has 2 tags and s02 one: s03's two more rows would pass the cap of 3.
    expect([3, 4, 5].map((row) => rowValues(tags, row).slice(0, 2))).toEqual([
      ['s01', 'sec'],
      ['s01', 'ci'],
      ['s02', 'ci'],
    ]);
    expect(tags.getCell(6, 1).value).toBeNull();
    expect(texts(tags).join('\n')).toContain(
      "Only the tags of the first 2 of 10 sessions are listed (a limit of 3 rows); every session's tags are in",
    );
  });

  it('says on the Summary and the About sheet how many sessions it lists and where all are', async () => {
    const workbook = await roundTrip(input(3));
    const summary = sheet(workbook, 'Summary');
    expect(summary.getCell('A2').value).toBe(
      `The workbook lists the first 3 of 10 sessions (a limit of 3 session rows, under Excel's 1,048,576 rows a sheet); all 10 are in the period's FOCUS dataset (${ARCHIVES.focusDataset}) and the raw sessions export (${ARCHIVES.sessionsExport}). Every total covers all sessions.`,
    );
    expect(summary.getCell(findRow(summary, 'Sessions'), 2).value).toBe(10);

    const about = sheet(workbook, 'About');
    const fact = (label: string) => about.getCell(findRow(about, label), 2).value;
    expect(fact('Sessions on the Sessions sheet')).toBe(
      "The first 3 of 10 sessions (a limit of 3 session rows, under Excel's 1,048,576 rows a sheet)",
    );
    expect(fact('Every session')).toBe(
      `Is in the period's FOCUS dataset (${ARCHIVES.focusDataset}) and the raw sessions export (${ARCHIVES.sessionsExport}); all totals cover every session.`,
    );
    expect(fact('Sessions on Session Tags')).toBe('The tags of the first 2 of 10 (3 rows)');
  });

  it('keeps every aggregate exactly as without the cap', async () => {
    const [capped, whole] = await Promise.all([roundTrip(input(3)), roundTrip(input())]);
    for (const name of AGGREGATE_SHEETS) {
      expect(allRows(sheet(capped, name)), name).toEqual(allRows(sheet(whole, name)));
    }
    // The Summary differs only by its notice.
    const summaryOf = (workbook: ExcelJS.Workbook) =>
      allRows(sheet(workbook, 'Summary')).filter((row) => !String(row[0]).startsWith('The workbook lists'));
    expect(summaryOf(capped)).toEqual(summaryOf(whole));
    expect(allRows(sheet(capped, 'By Org')).flat()).toContain('Payments');
  });
});

describe('a workbook under its cap', () => {
  it('lists every session with a plain Total and says only that all are there', async () => {
    const workbook = await roundTrip(input());
    const sessions = sheet(workbook, 'Sessions');
    expect(sessions.getCell(12, 1).value).toBe('s10');
    expect(sessions.getCell(14, 1).value).toBe('Total');
    expect(texts(sessions).join('\n')).not.toContain('This sheet lists');
    expect(texts(sheet(workbook, 'Summary')).join('\n')).not.toContain('The workbook lists');
    expect(rowValues(sheet(workbook, 'Session Tags'), 3 + 12)).toEqual([]);

    const about = sheet(workbook, 'About');
    expect(about.getCell(findRow(about, 'Sessions on the Sessions sheet'), 2).value).toBe('All 10');
    expect(() => findRow(about, 'Every session')).toThrow();
    expect(() => findRow(about, 'Sessions on Session Tags')).toThrow();
  });
});

describe('a cap that holds every session but not every tag', () => {
  it('caps Session Tags by its own rows while Sessions lists all 10', async () => {
    const workbook = await roundTrip(input(10));
    expect(sheet(workbook, 'Sessions').getCell(14, 1).value).toBe('Total');
    const tags = sheet(workbook, 'Session Tags');
    // 12 rows would be needed; whole sessions up to s08 make 10.
    expect(tags.getCell(12, 1).value).toBe('s08');
    expect(tags.getCell(13, 1).value).toBeNull();
    expect(texts(tags).join('\n')).toContain('Only the tags of the first 8 of 10 sessions are listed');
    const about = sheet(workbook, 'About');
    expect(about.getCell(findRow(about, 'Sessions on the Sessions sheet'), 2).value).toBe('All 10');
    expect(about.getCell(findRow(about, 'Sessions on Session Tags'), 2).value).toBe(
      'The tags of the first 8 of 10 (10 rows)',
    );
  });
});

describe('cells and columns within Excel’s limits', () => {
  it('cuts a text past 32,767 characters with a marker and counts it on About', async () => {
    const workbook = await roundTrip(input());
    const title = sheet(workbook, 'Sessions').getCell(3, 2).value as string;
    expect(title).toHaveLength(MAX_CELL_TEXT);
    expect(title.endsWith(TRUNCATION_MARKER)).toBe(true);
    const about = sheet(workbook, 'About');
    expect(about.getCell(findRow(about, 'Texts cut short'), 2).value).toBe(
      'Once: 1 cell longer than Excel\'s 32,767 characters, cut and marked "… [truncated]"'.replace(
        'Once: ',
        '',
      ),
    );
  });

  it('refuses a table wider than 16,384 columns before writing a row', async () => {
    const worksheet = new ExcelJS.Workbook().addWorksheet('Wide');
    const columns = Array.from({ length: EXCEL_MAX_COLUMNS + 1 }, (_, i) => ({
      header: `C${i}`,
      value: () => i,
    }));
    await expect(writeTable(worksheet, columns, [1])).rejects.toThrow(SheetLimitError);
    await expect(writeTable(worksheet, columns, [1])).rejects.toThrow(
      'sheet "Wide" needs 16385 columns; Excel allows 16384',
    );
    expect(worksheet.rowCount).toBe(0);
  });
});
