import { describe, expect, it } from 'vitest';
import { COMPARISON, FIRST_RUN, RECONCILED, UNRECONCILED, withReport } from './billing-fixtures.js';
import { findRow, roundTrip, rowValues, sheet } from './read-back.js';

describe('month over month on By Org', () => {
  it('adds Previous ACUs, Change (ACUs), Change % and the same in money after the existing columns', async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'By Org');

    expect(rowValues(ws, 2)).toEqual([
      'Org ID',
      'Org Name',
      'Sessions',
      'ACUs',
      'Cost',
      'Share of Cost',
      'Previous ACUs',
      'Change (ACUs)',
      'Change %',
      'Previous Cost',
      'Change (Cost)',
    ]);
    expect(rowValues(ws, 3)).toEqual([
      'org-a',
      'Platform Team',
      3,
      15.95,
      35.89,
      3589 / 3836,
      12,
      3.95,
      3.95 / 12,
      27,
      8.89,
    ]);
    expect(ws.getCell('H3').numFmt).toBe('+#,##0.00;-#,##0.00;0.00');
    expect(ws.getCell('I3').numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(ws.getCell('J3').numFmt).toBe('"USD" #,##0.00');
    expect(ws.getCell('K3').numFmt).toBe('+"USD" #,##0.00;-"USD" #,##0.00;"USD" #,##0.00');
  });

  it('marks a new org and keeps a vanished one as a row of zeros, inside the filter and the sums', async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'By Org');

    expect(rowValues(ws, 4)).toEqual([
      'org-b',
      'org-b (name unavailable)',
      2,
      1.1,
      2.47,
      247 / 3836,
      null,
      1.1,
      'new',
      null,
      2.47,
    ]);
    expect(rowValues(ws, 5)).toEqual([
      'org-z',
      'Legacy Team (no usage this period)',
      0,
      0,
      0,
      0,
      4,
      -4,
      -1,
      9,
      -9,
    ]);
    expect(ws.autoFilter).toBe('A2:K5');
    expect(rowValues(ws, 7)).toEqual([
      'Total',
      null,
      { formula: 'SUBTOTAL(109,C3:C5)', result: 5 },
      { formula: 'SUBTOTAL(109,D3:D5)', result: 17.05 },
      { formula: 'SUBTOTAL(109,E3:E5)', result: 38.36 },
      { formula: 'SUBTOTAL(109,F3:F5)', result: 1 },
      { formula: 'SUBTOTAL(109,G3:G5)', result: 16 },
      { formula: 'SUBTOTAL(109,H3:H5)', result: 1.05 },
      { formula: 'H7/G7', result: 1.05 / 16 },
      { formula: 'SUBTOTAL(109,J3:J5)', result: 36 },
      { formula: 'SUBTOTAL(109,K3:K5)', result: 2.36 },
    ]);
    expect(ws.getCell(9, 1).value).toBe('Cost basis: session lifetime ACUs by creation date');
    expect(ws.getCell(11, 1).value).toBe(
      "Previous ACUs, Change (ACUs), Change % (of the previous ACUs), Previous Cost and Change (Cost) compare each row with September 2026; Change % is the row's own: do not add it up.",
    );
  });

  it('leaves the total change % empty when nothing was used before', async () => {
    const ws = sheet(
      await roundTrip(withReport({ comparison: { ...COMPARISON, previousAcus: 0n, changeShare: null } })),
      'By Org',
    );
    expect(ws.getCell('I7').value).toBeNull();
  });

  it('says under the table why there is nothing to compare with', async () => {
    const ws = sheet(await roundTrip(UNRECONCILED), 'By Org');

    expect(rowValues(ws, 2)).toHaveLength(6);
    expect(ws.getCell(8, 1).value).toBe('Cost basis: session lifetime ACUs by creation date');
    expect(ws.getCell(10, 1).value).toBe(`${FIRST_RUN}.`);
  });

  it('lists the caveats of a comparison that is not like for like', async () => {
    const caveat = 'September 2026 was charged at 2.00 USD per ACU';
    const ws = sheet(
      await roundTrip(withReport({ comparison: { ...COMPARISON, caveats: [caveat] } })),
      'By Org',
    );
    expect(ws.getCell(12, 1).value).toBe(`${caveat}.`);
  });
});

describe('month over month on the Summary', () => {
  it('gives the previous period, its ACUs, the change and the change %', async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'Summary');
    const fact = (label: string) => ws.getCell(findRow(ws, label), 2);

    expect(ws.getCell(findRow(ws, 'Previous period') - 1, 1).value).toBe('Month over month');
    expect(fact('Previous period').value).toBe('September 2026');
    expect(fact('Previous ACUs').value).toBe(16);
    expect(fact('Change (ACUs)').value).toBe(1.05);
    expect(fact('Change (ACUs)').numFmt).toBe('+#,##0.00;-#,##0.00;0.00');
    expect(fact('Change % (of previous ACUs)').value).toBe(1.05 / 16);
    expect(fact('Previous cost').value).toBe(36);
    expect(fact('Change (cost)').value).toBe(2.36);
  });

  it('gives the reconciliation figures beside the totals', async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'Summary');
    const fact = (label: string) => ws.getCell(findRow(ws, label), 2).value;

    expect(fact('Billed ACUs')).toBe(18.25);
    expect(fact('Session ACUs')).toBe(17.05);
    expect(fact('Difference (billed − sessions)')).toBe(1.2);
    expect(fact('Share of the bill')).toBe(17.05 / 18.25);
    expect(fact('In words')).toBe('Sessions account for 93.4% of the ACUs billed for the period.');
    expect(fact('Cost basis')).toBe('Session lifetime ACUs by creation date.');
  });

  it('says there is nothing to compare with on a first run', async () => {
    const ws = sheet(await roundTrip(UNRECONCILED), 'Summary');
    expect(ws.getCell(findRow(ws, 'Previous period'), 2).value).toBe(`${FIRST_RUN}.`);
  });
});
