import type { Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { glossaryEntries } from '#core/glossary/glossary.js';
import { ALL_SETTLED } from '#core/report/unsettled.js';
import { COMPARISON, withReport } from './billing-fixtures.js';
import { emptyInput, INPUT } from './fixtures.js';
import { findRow, roundTrip, sheet } from './read-back.js';

describe('costs that agree everywhere', () => {
  it('keeps the unit price as a number cell with its currency, named UnitPrice', async () => {
    const workbook = await roundTrip(INPUT);
    const summary = sheet(workbook, 'Summary');
    const row = findRow(summary, 'Unit price');

    expect(summary.getCell(row, 2).value).toBe(2.25);
    expect(workbook.definedNames.getRanges('UnitPrice').ranges).toEqual([`Summary!$B$${row}`]);
  });
});

function texts(ws: Worksheet): string[] {
  const found: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') found.push(cell.value);
    });
  });
  return found;
}

describe('unsettled figures and a preliminary run in the workbook', () => {
  it('flags the Summary, every sheet title and the About sheet', async () => {
    const workbook = await roundTrip(INPUT);
    const summary = sheet(workbook, 'Summary');

    expect(summary.getCell('A1').value).toBe('Devin ACU chargeback — October 2026 — Preliminary');
    expect(summary.getCell('A2').value).toMatch(/^Preliminary: this report does not close the period/);
    expect(summary.getCell('A3').value).toBe(
      'Unsettled: 1 session had not ended when this report was built (3.25 ACUs, USD 7.31 as of this run); its figures can still grow.',
    );
    expect(summary.getCell(findRow(summary, 'Unsettled'), 2).value).toBe(
      '1 session (3.25 ACUs, USD 7.31) had not ended and can still grow: see About',
    );
    for (const ws of workbook.worksheets) {
      expect(String(ws.getCell('A1').value), ws.name).toMatch(/ — Preliminary$/);
    }
    const about = sheet(workbook, 'About');
    expect(about.getCell(findRow(about, 'Rebuilding later'), 2).value).toMatch(/rebuilding the report later/);
  });

  it('says nothing preliminary or unsettled when the run closes a settled period', async () => {
    const final = {
      ...INPUT,
      report: { ...INPUT.report, unsettled: ALL_SETTLED, runStatus: 'closed' as const },
    };
    const workbook = await roundTrip(final);
    // The About sheet's glossary defines the words; it does not flag this run.
    const glossary = new Set(glossaryEntries().flatMap((term) => [term.label, term.definition]));
    for (const ws of workbook.worksheets) {
      expect(
        texts(ws).filter((text) => !glossary.has(text) && /preliminary|^unsettled:/i.test(text)),
        ws.name,
      ).toEqual([]);
    }
    const summary = sheet(workbook, 'Summary');
    expect(summary.getCell(findRow(summary, 'Unsettled'), 2).value).toMatch(/^None/);
    for (const ws of workbook.worksheets) {
      expect(ws.headerFooter.oddHeader, ws.name).toBe('&LDevin ACU chargeback&COctober 2026&R&A');
    }
  });
});

describe('the demo notice', () => {
  it('opens the Summary and the About sheet, boxed across the sheet, in the email’s words', async () => {
    const workbook = await roundTrip(emptyInput());
    for (const name of ['Summary', 'About']) {
      const ws = sheet(workbook, name);
      expect(ws.getCell('A2').value, name).toBe(
        "Demo data: built from the project's sample data set, not from a Devin account. Do not charge back.",
      );
      expect(ws.getCell('A2').fill, name).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFEF3C7' } });
    }
  });
});

describe('printing', () => {
  it('puts the report, the period with its status, the sheet and page x of y in every header and footer', async () => {
    // A page printed to the right of the first repeats only column A of the title: the header carries the status.
    const workbook = await roundTrip(INPUT);
    for (const ws of workbook.worksheets) {
      expect(ws.headerFooter.oddHeader, ws.name).toBe(
        '&LDevin ACU chargeback&COctober 2026 — Preliminary&R&A',
      );
      expect(ws.headerFooter.oddFooter, ws.name).toBe('&LOctober 2026&CPage &P of &N&R&A');
    }
  });

  it('repeats the title row (with its status) and the header row on every page of a table sheet', async () => {
    const workbook = await roundTrip(INPUT);
    for (const name of ['By Org', 'By User', 'By Tag', 'Sessions', 'Session Tags']) {
      const ws = sheet(workbook, name);
      expect(ws.getCell('A1').value, name).toBe(`${name} — October 2026 — Preliminary`);
      expect(ws.pageSetup.printTitlesRow, name).toBe('1:2');
    }
  });

  it('prints Sessions up to Tags, leaving the links and raw codes on the sheet', async () => {
    const ws = sheet(await roundTrip(INPUT), 'Sessions');
    // Title, header, 5 sessions, blank, Total, blank, 2 notes.
    expect(ws.pageSetup.printArea).toBe('A1:K12');
    expect(ws.getCell('K2').value).toBe('Tags');
  });
});

describe('nothing cut off', () => {
  it('fits the Session ID column to the longest ID present (38 characters for a real one)', async () => {
    const id = `devin-${'0123456789abcdef'.repeat(2)}`;
    expect(id).toHaveLength(38);
    const [first, ...rest] = INPUT.sessions;
    if (first === undefined) throw new Error('no session');
    const workbook = await roundTrip({ ...INPUT, sessions: [{ ...first, sessionId: id }, ...rest] });
    for (const name of ['Sessions', 'Session Tags']) {
      expect(sheet(workbook, name).getColumn(1).width, name).toBeGreaterThanOrEqual(id.length + 2);
    }
  });

  it('never shows -0.0%: a change too small to show is 0', async () => {
    const [first, ...rest] = COMPARISON.orgs;
    if (first === undefined) throw new Error('no org');
    const comparison = { ...COMPARISON, orgs: [{ ...first, changeShare: -0.0001 }, ...rest] };
    const ws = sheet(await roundTrip(withReport({ comparison })), 'By Org');
    expect(ws.getCell('I3').value).toBe(0);
  });
});
