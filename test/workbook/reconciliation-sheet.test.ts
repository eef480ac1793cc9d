import { describe, expect, it } from 'vitest';
import { acusFromNumber } from '#core/money/acus.js';
import { bridgeToBill } from '#core/report/bridge.js';
import type { Reconciliation } from '#core/report/reconciliation.js';
import type { SessionEdge } from '#core/report/session-edges.js';
import { billedConsumption } from '../core/report/billed-fixture.js';
import {
  BILLED,
  CONSUMPTION_FORBIDDEN,
  RECONCILED,
  RECONCILIATION,
  UNRECONCILED,
  withReport,
} from './billing-fixtures.js';
import { acus, USD } from './fixtures.js';
import { findRow, roundTrip, rowValues, sheet } from './read-back.js';

const A = acusFromNumber;

function rowStarting(ws: ReturnType<typeof sheet>, prefix: string): number {
  for (let row = 1; row <= ws.rowCount; row += 1) {
    const value = ws.getCell(row, 1).value;
    if (typeof value === 'string' && value.startsWith(prefix)) return row;
  }
  throw new Error(`no row starting ${prefix}`);
}

function edge(
  id: string,
  origin: SessionEdge['origin'],
  before: number,
  inPeriod: number,
  after: number,
): SessionEdge {
  return {
    sessionId: id,
    origin,
    lifetimeAcus: A(before + inPeriod + after),
    beforeAcus: A(before),
    inPeriodAcus: A(inPeriod),
    afterAcus: A(after),
  };
}

/**
 * The same bill walked in numbers (v3): two sessions carried out (0.5 + 0.3 ACUs), one carried
 * in (0.45), the shared products split by the bill into Cascade, Terminal and Review. A third
 * in-period edge session used nothing after the period: it is no carried-out session.
 */
function walked(): Reconciliation {
  const products = new Map([
    ['devin', A(16.7)],
    ['cascade', A(0.9)],
    ['terminal', A(0.45)],
    ['review', A(0.2)],
  ]);
  const bridge = bridgeToBill({
    sessionAcus: RECONCILIATION.totals.sessionAcus,
    billed: { ...billedConsumption({ totalAcus: 18.25, byOrg: {}, byUser: null }), byProduct: products },
    edges: {
      available: true,
      edges: [
        edge('s-out-1', 'in-period', 0, 1, 0.5),
        edge('s-out-2', 'in-period', 0, 2, 0.3),
        edge('s-quiet', 'in-period', 0, 1, 0),
        edge('s-in-1', 'before-period', 1, 0.45, 0),
      ],
    },
    pricing: USD,
  });
  products.delete('devin');
  return { ...RECONCILIATION, bridge, unattributedByProduct: products };
}

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
    expect(rowValues(ws, 6)).toEqual([null, 'Shared products', 0, 1.55, 1.55, 1, 0, 3.49, 3.49]);
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
    const row = findRow(ws, 'Share of the bill');
    const money = (label: string) => ws.getCell(findRow(ws, label), 2).value;

    expect(ws.getCell(row, 2).value).toBe(RECONCILIATION.allocatedShare);
    expect(ws.getCell(row, 2).numFmt).toBe('0.0%');
    expect(money('Billed cost')).toBe(41.06);
    expect(money('Charged back')).toBe(38.36);
    expect(money('Not charged back')).toBe(2.7);
    expect(money('Shared products')).toBe(3.49);
    // A shortfall is said by its label, so its amount carries no sign.
    expect(ws.getCell(findRow(ws, 'Not charged back'), 2).numFmt).toBe('"USD" #,##0.00');
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
      'Shared products and no-user sessions',
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

  it("explains the difference in plain words, with the edge counts and the shared products' ACUs", async () => {
    const ws = sheet(await roundTrip(RECONCILED), 'Reconciliation');
    const explained = facts(ws);

    expect(ws.getCell(findRow(ws, 'Why session ACUs differ from the bill'), 1).value).toBeTruthy();
    expect(explained.get('Billed ACUs')).toMatch(
      /billing days 2026-10-01 to 2026-10-31 \(each from 08:00 UTC\)/,
    );
    expect(explained.get('Billed ACUs')).toContain(
      'asked as 2026-10-01T08:00:00Z to 2026-11-01T08:00:00Z, end excluded',
    );
    // Without the walk only update times are known: the words say "updated", not "used ACUs".
    expect(explained.get('Carried in')).toMatch(/^3 sessions created before the period were updated in it/);
    expect(explained.get('Carried out')).toMatch(/^2 sessions created in the period were updated after it/);
    // No product split on this bill: no product is named (none is made up).
    expect(explained.get('Shared products')).toBe(
      '1.55 ACUs of products that are not sessions belong to no org: the Shared products line.',
    );
    expect(explained.get('Day boundaries')).toMatch(
      /midnight Europe\/Berlin here, at 08:00 UTC on the bill: ACUs used in between/,
    );
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

  describe('with the walk to the bill in numbers', () => {
    it("states carried in and out with the walk's own counts and amounts, never other ones", async () => {
      const reconciliation = walked();
      const ws = sheet(
        await roundTrip(withReport({ reconciliation: { available: true, reconciliation } })),
        'Reconciliation',
      );
      const explained = facts(ws);
      const step = (prefix: string) => {
        const row = rowStarting(ws, prefix);
        return {
          label: String(ws.getCell(row, 1).value),
          acus: ws.getCell(row, 3).value,
          cost: ws.getCell(row, 4).value,
        };
      };
      const out = step('− Used after the period');
      const into = step('+ Used in the period');

      expect(out.label).toMatch(/\(2 sessions\)$/);
      expect(out.acus).toBe(-0.8);
      expect(out.cost).toBe(-1.8);
      expect(into.label).toMatch(/\(1 session\)$/);
      expect(into.acus).toBe(0.45);
      expect(explained.get('Carried out')).toBe(
        '2 sessions created in the period used 0.80 ACUs (USD 1.80) after its billing days: charged now, billed later.',
      );
      expect(explained.get('Carried in')).toBe(
        `1 session created before the period used 0.45 ACUs (USD ${Number(into.cost).toFixed(2)}) in its billing days: billed now, charged earlier.`,
      );
      // The edge counts of the session list (3 in, 2 out) are a different measure: not shown.
      expect(explained.get('Carried in')).not.toMatch(/^3 /);
      expect(explained.get('Left unexplained')).toMatch(/^0\.00 ACUs/);
      // The day boundary is the walk's step too (here none: no session crossed a day boundary).
      expect(explained.get('Day boundaries')).toMatch(
        /: 0 sessions, 0\.00 ACUs \(USD 0\.00\), land on different sides\.$/,
      );
    });

    it('names the shared products from the bill, and gives each its cost, adding up to the line', async () => {
      const ws = sheet(
        await roundTrip(withReport({ reconciliation: { available: true, reconciliation: walked() } })),
        'Reconciliation',
      );
      const explained = facts(ws);
      expect(explained.get('Shared products')).toBe(
        '1.55 ACUs of products that are not sessions (Cascade, Terminal, Review) belong to no org: the Shared products line.',
      );
      const title = findRow(ws, 'Shared products, by product');
      expect(rowValues(ws, title + 1)).toEqual(['Product', null, 'ACUs', 'Cost']);
      // A product's name spans A:B (it wraps there in print), so B reads as A.
      const withoutLabelSpan = (values: unknown[]) => values.filter((_, i) => i !== 1);
      // USD 3.49 (1.55 × 2.25 = 3.4875) shared by largest remainder: Cascade 2.025 takes the cent.
      expect(withoutLabelSpan(rowValues(ws, title + 2))).toEqual(['Cascade', 0.9, 2.03]);
      expect(withoutLabelSpan(rowValues(ws, title + 3))).toEqual(['Terminal', 0.45, 1.01]);
      expect(withoutLabelSpan(rowValues(ws, title + 4))).toEqual(['Review', 0.2, 0.45]);
      expect(withoutLabelSpan(rowValues(ws, title + 5))).toEqual(['Total', 1.55, 3.49]);
      expect(ws.getCell(findRow(ws, 'Shared products'), 2).value).toBe(3.49);
    });
  });

  it('says an over-charge in words, not as a negative amount', async () => {
    // The report charges more than was billed: sessions carried out are billed next period.
    const [orgA, ...rest] = RECONCILIATION.orgs;
    if (orgA === undefined) throw new Error('fixture has no org');
    const sessionHeavy: Reconciliation = {
      ...RECONCILIATION,
      orgs: [{ ...orgA, billedAcus: acus('8'), differenceAcus: acus('-7.95') }, ...rest],
      users: null,
      totals: { ...RECONCILIATION.totals, billedAcus: acus('12.05'), differenceAcus: acus('-5') },
    };
    const ws = sheet(
      await roundTrip(withReport({ reconciliation: { available: true, reconciliation: sessionHeavy } })),
      'Reconciliation',
    );
    expect(() => findRow(ws, 'Not charged back')).toThrow();
    const row = findRow(ws, 'Charged back above the bill');
    expect(ws.getCell(row, 2).value).toBeGreaterThan(0);
    expect(ws.getCell(row, 2).numFmt).toBe('"USD" #,##0.00');
  });
});
