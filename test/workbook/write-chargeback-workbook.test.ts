import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CHARGEBACK_SHEETS } from '#workbook/chargeback-sheets.js';
import { emptyInput, FORMULA_TITLE, INPUT, yenInput } from './fixtures.js';
import { findRow, roundTrip, rowValues, sheet } from './read-back.js';

const { ValueType } = ExcelJS;

describe('writeChargebackWorkbook', () => {
  it('writes the sheets in order with their headers', async () => {
    const workbook = await roundTrip(INPUT);

    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Summary',
      'By Org',
      'By User',
      'By Tag',
      'Reconciliation',
      'Sessions',
      'Session Tags',
      'About',
    ]);
    // By Cost Centre, Journal and True-ups are written only with a cost-centre map (cost-centre-workbook.test.ts).
    expect(
      CHARGEBACK_SHEETS.map((s) => s.name).filter(
        (name) => name !== 'By Cost Centre' && name !== 'Journal' && name !== 'True-ups',
      ),
    ).toEqual(workbook.worksheets.map((ws) => ws.name));
    expect(sheet(workbook, 'By Org').getCell('A1').value).toBe('By Org — October 2026 — Preliminary');
    expect(rowValues(sheet(workbook, 'By Org'), 2)).toEqual([
      'Org ID',
      'Org Name',
      'Sessions',
      'ACUs',
      'Cost',
      'Share of Cost',
    ]);
    expect(rowValues(sheet(workbook, 'By User'), 2)).toEqual([
      'Org ID',
      'Org Name',
      'User ID',
      'User Name',
      'Email',
      'Sessions',
      'ACUs',
      'Cost',
      'Share of Org',
      'User Kind',
    ]);
    expect(rowValues(sheet(workbook, 'By Tag'), 2)).toEqual(['Tag', 'Sessions', 'ACUs', 'Cost']);
    // Every column name of before is still there; the new ones make each row stand alone.
    expect(rowValues(sheet(workbook, 'Sessions'), 2)).toEqual([
      'Session ID',
      'Title',
      'Org Name',
      'Org ID',
      'User Name',
      'User ID',
      'Status',
      'Created (UTC)',
      'ACUs',
      'Cost',
      'Tags',
      'User Email',
      'Status Code',
      'Settled',
      'Period',
      'Updated (UTC)',
      'ACUs Missing',
      'Pull Requests',
      'URL',
      'User Kind',
    ]);
    expect(rowValues(sheet(workbook, 'Session Tags'), 2)).toEqual(['Session ID', 'Tag', 'ACUs', 'Cost']);
  });

  it('freezes the title and header and filters the item rows of every table sheet', async () => {
    const workbook = await roundTrip(INPUT);
    const expected = {
      'By Org': 'A2:F4',
      'By User': 'A2:J6',
      'By Tag': 'A2:D5',
      Sessions: 'A2:T7',
      'Session Tags': 'A2:D8',
    };

    for (const [name, range] of Object.entries(expected)) {
      const ws = sheet(workbook, name);
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.autoFilter, name).toBe(range);
      // One page wide when that keeps 8 pt; wider sheets print at 75 % over more pages (print-setup.test.ts).
      const setup = ws.pageSetup;
      if (setup.fitToPage === false) expect(setup.scale, name).toBe(75);
      else expect(setup, name).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
    }
  });

  it('writes org rows, a blank row and a Total row of SUBTOTAL formulas that carry the exact totals', async () => {
    const ws = sheet(await roundTrip(INPUT), 'By Org');

    expect(rowValues(ws, 3)).toEqual(['org-a', 'Platform Team', 3, 15.95, 35.89, 3589 / 3836]);
    expect(rowValues(ws, 5)).toEqual([]);
    expect(rowValues(ws, 6)).toEqual([
      'Total',
      null,
      { formula: 'SUBTOTAL(109,C3:C4)', result: 5 },
      { formula: 'SUBTOTAL(109,D3:D4)', result: 17.05 },
      { formula: 'SUBTOTAL(109,E3:E4)', result: 38.36 },
      { formula: 'SUBTOTAL(109,F3:F4)', result: 1 },
    ]);
    expect(ws.getCell('D3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E3').numFmt).toBe('"USD" #,##0.00');
    expect(ws.getCell('F3').numFmt).toBe('0.0%');
    expect(ws.getCell('E6').numFmt).toBe('"USD" #,##0.00');
  });

  it('makes the cost cells sum to the total to the cent', async () => {
    const ws = sheet(await roundTrip(INPUT), 'Sessions');
    const cents = [3, 4, 5, 6, 7].map((row) => Math.round(Number(ws.getCell(`J${row}`).value) * 100));

    expect(cents).toEqual([2363, 731, 247, 0, 495]);
    expect(cents.reduce((a, b) => a + b, 0)).toBe(3836);
    expect(ws.getCell('J9').value).toEqual({ formula: 'SUBTOTAL(109,J3:J7)', result: 38.36 });
    expect(ws.getCell('I9').value).toEqual({ formula: 'SUBTOTAL(109,I3:I7)', result: 17.05 });
  });

  it('shows an unknown name as the ID with a visible marker', async () => {
    const workbook = await roundTrip(INPUT);
    const byUser = sheet(workbook, 'By User');

    expect(sheet(workbook, 'By Org').getCell('B4').value).toBe('org-b (name unavailable)');
    expect(rowValues(byUser, 4)).toEqual([
      'org-a',
      'Platform Team',
      'user-2',
      'user-2 (name unavailable)',
      null,
      1,
      3.25,
      7.31,
      731 / 3589,
      'user',
    ]);
    expect(rowValues(byUser, 6).slice(0, 4)).toEqual([
      'org-b',
      'org-b (name unavailable)',
      null,
      '(no user)',
    ]);
    expect(byUser.getCell('F8').value).toEqual({ formula: 'SUBTOTAL(109,F3:F6)', result: 5 });
    expect(byUser.getCell('I8').value).toBeNull();
  });

  it('gives untagged sessions a row and says the tag rows are not additive, without a SUM', async () => {
    const ws = sheet(await roundTrip(INPUT), 'By Tag');

    expect(rowValues(ws, 5)).toEqual(['(untagged)', 2, 1.1, 2.47]);
    const periodRow = findRow(ws, 'Sessions in period');
    expect(rowValues(ws, periodRow)).toEqual(['Sessions in period', 5, 17.05, 38.36]);
    expect(String(ws.getCell(periodRow + 1, 1).value)).toMatch(/^Not additive: a session with several tags/);
    ws.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type, cell.address).not.toBe(ValueType.Formula));
    });
  });

  it('writes session rows that stand alone: names beside IDs, period, readable status, dates, tags and a link', async () => {
    const ws = sheet(await roundTrip(INPUT), 'Sessions');

    expect(rowValues(ws, 3)).toEqual([
      's1',
      'Fix authentication bug',
      'Platform Team',
      'org-a',
      'Ada Lovelace',
      'user-1',
      'Finished',
      new Date('2026-10-01T06:15:00Z'),
      10.5,
      23.63,
      'billing, urgent',
      'ada@example.com',
      'exit',
      'Yes',
      'October 2026',
      new Date('2026-10-02T17:40:00Z'),
      'No',
      'https://github.com/acme/api/pull/12 (merged)',
      { text: 'https://app.devin.ai/sessions/s1', hyperlink: 'https://app.devin.ai/sessions/s1' },
      'user',
    ]);
    expect(ws.getCell('H3').type).toBe(ValueType.Date);
    expect(ws.getCell('H3').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.getCell('S3').type).toBe(ValueType.Hyperlink);
    expect(ws.getCell('R4').value).toBe(
      'https://github.com/acme/web/pull/7 (open), https://github.com/acme/web/pull/8',
    );
    expect(ws.getCell('R4').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('G4').value).toBe('Running');
    expect(ws.getCell('M4').value).toBe('running');
    expect(ws.getCell('K5').value).toBeNull();
    // s4: no user, no ACU figure from the API, a name that is the ID's.
    expect(rowValues(ws, 6).slice(2, 7)).toEqual([
      'org-b (name unavailable)',
      'org-b',
      '(no user)',
      null,
      'Error',
    ]);
    expect(ws.getCell('Q6').value).toBe('Yes');
  });

  it('lists every session and tag on its own row on Session Tags, untagged sessions once', async () => {
    const ws = sheet(await roundTrip(INPUT), 'Session Tags');
    const full = [3, 4, 5, 6, 7, 8].map((row) => rowValues(ws, row));
    const rows = full.map((row) => row.slice(0, 2));
    // The session's whole ACUs and cost on each of its tag rows, as on Sessions (not additive across tags).
    expect(full[0]?.slice(2)).toEqual([10.5, 23.63]);
    expect(full[1]?.slice(2)).toEqual([10.5, 23.63]);

    expect(rows).toEqual([
      ['s1', 'billing'],
      ['s1', 'urgent'],
      ['s2', 'billing'],
      ['s3', '(untagged)'],
      ['s4', '(untagged)'],
      ['s5', 'urgent'],
    ]);
  });

  it('stores a formula-like title as text, and never links a non-web URL', async () => {
    const ws = sheet(await roundTrip(INPUT), 'Sessions');

    expect(ws.getCell('B4').type).toBe(ValueType.String);
    expect(ws.getCell('B4').value).toBe(FORMULA_TITLE);
    expect(ws.getCell('S5').value).toBeNull();
    expect(ws.getCell('S6').type).toBe(ValueType.String);
    expect(ws.getCell('S6').value).toBe('javascript:alert(1)');
  });

  it('shows the period once when the report zone is UTC', async () => {
    const utc = {
      ...INPUT,
      report: { ...INPUT.report, period: { ...INPUT.report.period, timeZone: 'UTC' } },
    };
    const ws = sheet(await roundTrip(utc), 'Summary');
    const labels = Array.from({ length: 15 }, (_, i) => ws.getCell(i + 1, 1).value);
    expect(labels.filter((label) => label === 'From (UTC)')).toHaveLength(1);
    expect(labels.filter((label) => typeof label === 'string' && label.startsWith('From ('))).toHaveLength(1);
  });

  it('opens with a Summary of the period, the totals, the orgs and the top users', async () => {
    const ws = sheet(await roundTrip(INPUT), 'Summary');

    expect(ws.getCell('A1').value).toBe('Devin ACU chargeback — October 2026 — Preliminary');
    const fact = (label: string) => ws.getCell(findRow(ws, label), 2);
    expect(fact('Period').value).toBe('October 2026');
    // Midnight in Berlin, shown as the wall clock there; the UTC rows show the instant.
    expect(fact('From (Europe/Berlin)').value).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(fact('To (Europe/Berlin, exclusive)').value).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(fact('From (UTC)').value).toEqual(new Date('2026-09-30T22:00:00Z'));
    expect(fact('To (UTC, exclusive)').value).toEqual(new Date('2026-10-31T23:00:00Z'));
    expect(fact('Generated at (UTC)').value).toEqual(new Date('2026-11-01T06:00:00Z'));
    expect(fact('Sessions').value).toBe(5);
    expect(fact('ACUs').value).toBe(17.05);
    expect(fact('Cost').value).toBe(38.36);
    expect(fact('Cost').numFmt).toBe('"USD" #,##0.00');
    expect(fact('Unit price').value).toBe(2.25);
    expect(fact('Unit price').numFmt).toBe('"USD" #,##0.00" per ACU"');

    const orgHeader = findRow(ws, 'Org ID');
    expect(rowValues(ws, orgHeader + 1).slice(0, 5)).toEqual(['org-a', 'Platform Team', 3, 15.95, 35.89]);
    expect(ws.getCell(orgHeader + 4, 5).value).toEqual({
      formula: `SUBTOTAL(109,E${orgHeader + 1}:E${orgHeader + 2})`,
      result: 38.36,
    });
    const userHeader = findRow(ws, 'User');
    expect(rowValues(ws, userHeader)).toEqual(['User', 'Org', 'Sessions', 'ACUs', 'Cost', 'Email']);
    expect(rowValues(ws, userHeader + 1)).toEqual([
      'Ada Lovelace',
      'Platform Team',
      2,
      12.7,
      28.58,
      'ada@example.com',
    ]);
    expect(rowValues(ws, userHeader + 3).slice(0, 2)).toEqual(['Grace Hopper', 'org-b (name unavailable)']);
  });

  it('explains parameters, the attribution rule, counts and the run on the About sheet', async () => {
    const ws = sheet(await roundTrip(INPUT), 'About');
    const fact = (label: string) => ws.getCell(findRow(ws, label), 2).value;

    expect(fact('Unit price')).toMatch(/^USD 2\.25 per ACU/);
    expect(fact('One row vs ACUs × price')).toMatch(/differ by USD 0\.01 .* largest remainder/);
    expect(fact('By Tag and by status')).toMatch(/sum of its sessions' costs/);
    expect(fact('Time zone')).toBe('Europe/Berlin');
    expect(fact('Filters')).toBe('None: all orgs, users and tags');
    expect(fact('API host')).toBe('api.devin.ai');
    expect(fact('Which sessions')).toMatch(/created/);
    expect(fact('Which ACUs')).toMatch(/acus_consumed: its lifetime total as of this run/);
    expect(fact('Rounding')).toMatch(/USD 0\.01 so the rows of every table add up exactly/);
    expect(fact('Sessions read from the API')).toBe(7);
    expect(fact('Duplicates dropped')).toBe(1);
    expect(fact('Created outside the period, dropped')).toBe(1);
    expect(fact('Sessions with null ACUs (counted as 0)')).toBe(1);
    expect(fact('Org names')).toMatch(/1 of 2 orgs have no name there/);
    expect(fact('User names and emails')).toMatch(/1 of 3 users have no name there/);
    expect(fact('Generator')).toBe('devin-chargeback@0.1.0');
    expect(fact('Run ID')).toBe('run-2026-11-01-abc');
  });

  it('formats a currency without minor units with none', async () => {
    const workbook = await roundTrip(yenInput());

    const byOrg = sheet(workbook, 'By Org');
    expect(byOrg.getCell('E3').value).toBe(450);
    expect(byOrg.getCell('E3').numFmt).toBe('"JPY" #,##0');
    expect(sheet(workbook, 'Sessions').getCell('J3').numFmt).toBe('"JPY" #,##0');
    expect(sheet(workbook, 'About').getCell(findRow(sheet(workbook, 'About'), 'Rounding'), 2).value).toMatch(
      /allocated to JPY 1 /,
    );
  });

  it('writes a valid workbook for a period without sessions', async () => {
    const workbook = await roundTrip(emptyInput());

    expect(workbook.worksheets).toHaveLength(8);
    const sessions = sheet(workbook, 'Sessions');
    expect(rowValues(sessions, 3)).toEqual([]);
    expect(rowValues(sessions, 4)).toEqual(['Total', null, null, null, null, null, null, null, 0, 0]);
    expect(sessions.autoFilter).toBe('A2:T2');
    expect(rowValues(sheet(workbook, 'By Org'), 4)).toEqual(['Total', null, 0, 0, 0, 0]);
    const about = sheet(workbook, 'About');
    expect(about.getCell(findRow(about, 'Org names'), 2).value).toBe(
      'Unavailable (the API key may not read organizations (HTTP 403)): their IDs stand in, marked "(name unavailable)".',
    );
    expect(about.getCell(findRow(about, 'Data source'), 2).value).toBe(
      'Built-in demo data set, not real usage',
    );
  });
});
