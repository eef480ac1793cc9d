import { describe, expect, it } from 'vitest';
import {
  BILLED,
  CONSUMPTION_FORBIDDEN,
  RECONCILED,
  RECONCILIATION,
  UNRECONCILED,
  withReport,
} from './billing-fixtures.js';
import { findRow, roundTrip, rowValues, sheet } from './read-back.js';

/** Each text label in column A with the value beside it in column B. */
function facts(ws: ReturnType<typeof sheet>): Map<string, unknown> {
  const found = new Map<string, unknown>();
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string') found.set(label, row.getCell(2).value);
  });
  return found;
}

describe('the Reconciliation sheet', () => {
  it('opens with a title row, then the org table, the Unattributed line last, a blank row and a Total', async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'Reconciliation');

    expect(ws.getCell('A1').value).toBe('Reconciliation to the bill — October 2026 — Preliminary');
    expect(rowValues(ws, 2)).toEqual([
      'Org ID',
      'Org Name',
      'Session ACUs',
      'Billed ACUs',
      'Difference',
      'Difference %',
      'Session Cost',
      'Billed Cost',
      'Difference (Cost)',
    ]);
    // The bill's USD 41.06 (18.25 × 2.25 = 41.0625) shared by billed ACUs; session costs are their sessions'.
    expect(rowValues(ws, 3)).toEqual([
      'org-a',
      'Platform Team',
      15.95,
      14.2,
      -1.75,
      -1.75 / 14.2,
      35.89,
      31.95,
      -3.94,
    ]);
    expect(rowValues(ws, 4)).toEqual(['org-c', 'Research', 0, 2.5, 2.5, 1, 0, 5.62, 5.62]);
    // Only in sessions: nothing billed, so no share of the bill.
    expect(rowValues(ws, 5)).toEqual([
      'org-b',
      'org-b (name unavailable)',
      1.1,
      0,
      -1.1,
      null,
      2.47,
      0,
      -2.47,
    ]);
    expect(rowValues(ws, 6)).toEqual([
      null,
      'Unattributed (billed to no org)',
      0,
      1.55,
      1.55,
      1,
      0,
      3.49,
      3.49,
    ]);
    expect(rowValues(ws, 7)).toEqual([]);
    expect(rowValues(ws, 8)).toEqual([
      'Total',
      null,
      { formula: 'SUBTOTAL(109,C3:C6)', result: 17.05 },
      { formula: 'SUBTOTAL(109,D3:D6)', result: 18.25 },
      { formula: 'SUBTOTAL(109,E3:E6)', result: 1.2 },
      { formula: 'E8/D8', result: expect.closeTo(1.2 / 18.25, 12) },
      { formula: 'SUBTOTAL(109,G3:G6)', result: 38.36 },
      { formula: 'SUBTOTAL(109,H3:H6)', result: 41.06 },
      { formula: 'SUBTOTAL(109,I3:I6)', result: 2.7 },
    ]);
    expect(ws.autoFilter).toBe('A2:I6');
    expect(ws.getCell('C3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E3').numFmt).toBe('+#,##0.00;-#,##0.00;0.00');
    expect(ws.getCell('F3').numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(ws.getCell('H3').numFmt).toBe('"USD" #,##0.00');
  });

  it('states the allocated share as a number and in words, and the invoice in money', async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'Reconciliation');
    const row = findRow(ws, 'Allocated share');
    const money = (label: string) => ws.getCell(findRow(ws, label), 2).value;

    expect(ws.getCell(row, 2).value).toBe(RECONCILIATION.allocatedShare);
    expect(ws.getCell(row, 2).numFmt).toBe('0.0%');
    expect(money('Billed (invoice)')).toBe(41.06);
    expect(money('Charged back')).toBe(38.36);
    expect(money('Not charged back')).toBe(2.7);
    expect(money('Billed to no org')).toBe(3.49);
    expect(findRow(ws, 'Sessions account for 93.4% of the ACUs billed for the period.')).toBe(row + 5);
    expect(ws.getCell(row + 6, 1).value).toBe(
      'Of the USD 41.06 billed, this report charges back USD 38.36 (93.4%); USD 2.70 (6.6%) is not charged back.',
    );
  });

  it('reconciles people under their own header, with their orgs, an Unattributed line and a Total', async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'Reconciliation');
    const header = findRow(ws, 'User ID');

    expect(ws.getCell(header - 1, 1).value).toBe('By user');
    expect(rowValues(ws, header)).toEqual([
      'User ID',
      'User Name',
      'Session ACUs',
      'Billed ACUs',
      'Difference',
      'Difference %',
      'Session Cost',
      'Billed Cost',
      'Difference (Cost)',
      'Org ID',
      'Orgs',
    ]);
    expect(rowValues(ws, header + 1)).toEqual([
      'user-1',
      'Ada Lovelace',
      12.7,
      11,
      -1.7,
      -1.7 / 11,
      28.58,
      24.75,
      -3.83,
      'org-a',
      'Platform Team',
    ]);
    expect(rowValues(ws, header + 2)[1]).toBe('user-2 (name unavailable)');
    // Billed, but no sessions this period: no org to place the user in.
    expect(rowValues(ws, header + 3)).toEqual(['user-9', 'Lin Researcher', 0, 2.5, 2.5, 1, 0, 5.62, 5.62]);
    expect(rowValues(ws, header + 5)).toEqual([
      null,
      'Unattributed (billed to no user)',
      0,
      1.55,
      1.55,
      1,
      0,
      3.49,
      3.49,
    ]);
    expect(rowValues(ws, header + 6)).toEqual([]);
    const total = header + 7;
    expect(rowValues(ws, total).slice(0, 4)).toEqual([
      'Total',
      null,
      { formula: `SUBTOTAL(109,C${header + 1}:C${header + 5})`, result: 17.05 },
      { formula: `SUBTOTAL(109,D${header + 1}:D${header + 5})`, result: 18.25 },
    ]);
  });

  it('explains the difference in plain words, with the edge counts and the Unattributed ACUs', async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'Reconciliation');
    const explained = facts(ws);

    expect(ws.getCell(findRow(ws, 'Why session ACUs differ from the bill'), 1).value).toBeTruthy();
    expect(explained.get('Billed ACUs')).toMatch(
      /billing days 2026-10-01 to 2026-10-31 \(each from 08:00 UTC\)/,
    );
    expect(explained.get('Billed ACUs')).toContain(
      'asked as 2026-10-01T08:00:00Z to 2026-11-01T08:00:00Z, end excluded',
    );
    expect(explained.get('Carried in')).toMatch(/^3 sessions created before the period used ACUs in it/);
    expect(explained.get('Carried out')).toMatch(/^2 sessions created in the period used ACUs after it/);
    expect(explained.get('Non-session products')).toMatch(
      /^1\.55 ACUs .*\(Cascade, Terminal\).*Unattributed/,
    );
    expect(explained.get('Day boundaries')).toMatch(/midnight Europe\/Berlin, billing days at 08:00 UTC/);
    expect(explained.get('Left unexplained')).toBeTruthy();
    expect(explained.has('Cost basis: session lifetime ACUs by creation date')).toBe(true);
  });

  it('leaves the day boundaries out when the report already runs on billing days, and says an uncounted edge is unknown', async () => {
    const reconciliation = { ...RECONCILIATION, edges: { carriedIn: null, carriedOut: 1 } };
    const ws = sheet(
      await roundTrip({
        ...BILLED,
        report: { ...BILLED.report, reconciliation: { available: true, reconciliation } },
      }),
      'Reconciliation',
    );
    const explained = facts(ws);

    expect(explained.has('Day boundaries')).toBe(false);
    expect(explained.get('Carried in')).toMatch(/the API could not count them/);
    expect(explained.get('Carried out')).toMatch(/^1 session created/);
    expect(explained.has('Cost basis: billed ACUs (vendor consumption)')).toBe(true);
  });

  it('says so when the API gave no per-user breakdown', async () => {
    const reconciliation = { ...RECONCILIATION, users: null };
    const ws = sheet(
      await roundTrip(withReport({ reconciliation: { available: true, reconciliation } })),
      'Reconciliation',
    );

    expect(() => findRow(ws, 'User ID')).toThrow();
    expect(ws.getCell(findRow(ws, 'By user') + 1, 1).value).toBe(
      'The API gave no per-user breakdown of billed ACUs, so users cannot be reconciled.',
    );
  });

  it('still exists when the bill could not be read, and says why, as the Summary does', async () => {
    const workbook = await roundTrip(UNRECONCILED);
    const ws = sheet(workbook, 'Reconciliation');

    expect(ws.getCell('A1').value).toBe('Reconciliation to the bill: not available — Preliminary');
    expect(ws.getCell('A2').value).toBe(`The vendor's bill could not be read: ${CONSUMPTION_FORBIDDEN}.`);
    const summary = sheet(workbook, 'Summary');
    const status = findRow(summary, 'Status');
    expect(summary.getCell(status - 1, 1).value).toBe('Reconciliation to the bill');
    expect(summary.getCell(status, 2).value).toBe(`Not available: ${CONSUMPTION_FORBIDDEN}.`);
  });
});
