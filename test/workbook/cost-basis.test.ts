import type { Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BILLED, OCTOBER_CYCLE, RECONCILED, UNRECONCILED, withReport } from './billing-fixtures.js';
import { findRow, roundTrip, rowValues, sheet } from './read-back.js';

function texts(ws: Worksheet): string[] {
  const found: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') found.push(cell.value);
    });
  });
  return found;
}

describe('the cost basis', () => {
  it.each([
    ['sessions', RECONCILED, /session lifetime ACUs by creation date/i],
    ['sessions, unreconciled', UNRECONCILED, /session lifetime ACUs by creation date/i],
    ['billed', BILLED, /billed ACUs \(vendor consumption\)/i],
  ])('is named on every sheet (%s)', async (_, input, basis) => {
    const workbook = await roundTrip(input);
    for (const ws of workbook.worksheets) {
      expect(
        texts(ws).some((text) => basis.test(text)),
        ws.name,
      ).toBe(true);
    }
  });

  it('heads the charged column "Billed ACUs" on the billed basis, with the session counts beside it', async () => {
    const workbook = await roundTrip(BILLED);
    const byOrg = sheet(workbook, 'By Org');

    expect(rowValues(byOrg, 2).slice(2, 5)).toEqual(['Sessions', 'Billed ACUs', 'Cost']);
    expect(rowValues(byOrg, 5).slice(0, 5)).toEqual([
      '(unattributed)',
      'Shared products (no org)',
      0,
      1.55,
      3.49,
    ]);
    expect(byOrg.getCell('D8').value).toEqual({ formula: 'SUBTOTAL(109,D3:D6)', result: 18.25 });
    expect(rowValues(sheet(workbook, 'By User'), 2)[6]).toBe('Billed ACUs');
    expect(rowValues(sheet(workbook, 'By User'), 6).slice(2, 4)).toEqual([null, 'Not attributed to a user']);
  });

  it('keeps the Sessions and By Tag sheets on the sessions, and their totals on their own rows', async () => {
    const workbook = await roundTrip(BILLED);
    const sessions = sheet(workbook, 'Sessions');

    expect(sessions.getCell('I9').value).toEqual({ formula: 'SUBTOTAL(109,I3:I7)', result: 17.05 });
    expect(sessions.getCell('J9').value).toEqual({ formula: 'SUBTOTAL(109,J3:J7)', result: 38.36 });
    expect(texts(sessions)).toContain(
      "These rows show each session's lifetime ACUs, which do not add up to the billed total: see Reconciliation.",
    );
    const byTag = sheet(workbook, 'By Tag');
    expect(rowValues(byTag, findRow(byTag, 'Sessions in period'))).toEqual([
      'Sessions in period',
      5,
      17.05,
      38.36,
    ]);
    expect(texts(byTag)).toContain(
      "Tags exist on sessions only: these rows use the sessions' lifetime ACUs, not the bill.",
    );
  });
});

describe('the alignment on the About sheet', () => {
  it.each([
    ['calendar', RECONCILED, 'Calendar days in Europe/Berlin'],
    ['billing-day', BILLED, 'Vendor billing days, 08:00 UTC'],
    ['billing-cycle', withReport({ period: OCTOBER_CYCLE }), 'Vendor billing cycle'],
  ])('states %s', async (_, input, alignment) => {
    const about = sheet(await roundTrip(input), 'About');
    expect(about.getCell(findRow(about, 'Alignment'), 2).value).toBe(alignment);
  });

  it('names the billing days the bill was read for, and the basis', async () => {
    const about = sheet(await roundTrip(withReport({ period: OCTOBER_CYCLE, costBasis: 'billed' })), 'About');
    const fact = (label: string) => about.getCell(findRow(about, label), 2).value;

    expect(fact('Billed ACUs')).toMatch(
      /billing days 2026-10-05 to 2026-11-04 \(each from 08:00 UTC\), both included/,
    );
    expect(fact('Cost basis')).toBe('Billed ACUs (vendor consumption).');
    expect(fact('Charged ACUs')).toMatch(/^By Org and By User charge billed ACUs/);
  });
});
