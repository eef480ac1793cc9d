import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemoMonths } from '../focus/demo-months.js';
import { expectSameSums, pivot, sheetTable, summaryByOrg, type TableRow } from './pivot-sums.js';

const BASE = 'devin-acu-chargeback-2026-11';
const PREVIOUS = 'devin-acu-chargeback-2026-10';

interface SummaryJson {
  readonly orgs: readonly {
    orgId: string;
    sessions: number;
    acus: { value: number };
    cost: { minor: string };
  }[];
}

/**
 * The demo's written workbook, read back: a pivot of By Org, By User and the
 * Summary's By org by Cost Centre equals By Cost Centre and the journal's usage
 * lines to the cent; by Org ID it equals the orgs of summary.json.
 */
describe.each([
  ['the sessions basis', [], 'ACUs'],
  ['the billed basis', ['--cost-basis', 'billed'], 'Billed ACUs'],
])('pivots of the demo workbook on %s', (basis, args, acusHeader) => {
  let byOrg: TableRow[];
  let byUser: TableRow[];
  let summary: TableRow[];
  let byCostCentre: TableRow[];
  let journal: TableRow[];
  let now: SummaryJson;
  let before: SummaryJson;
  let byOrgText: string;

  beforeAll(async () => {
    const out = await runDemoMonths(['2026-11'], { args });
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(join(out, `${BASE}.xlsx`));
    byOrg = sheetTable(workbook, 'By Org');
    const lines: string[] = [];
    workbook.getWorksheet('By Org')?.eachRow((row) => {
      lines.push(String(row.getCell(1).value));
    });
    byOrgText = lines.join('\n');
    byUser = sheetTable(workbook, 'By User');
    summary = summaryByOrg(workbook);
    byCostCentre = sheetTable(workbook, 'By Cost Centre');
    journal = sheetTable(workbook, 'Journal');
    now = JSON.parse(await readFile(join(out, `${BASE}.summary.json`), 'utf8')) as SummaryJson;
    before = JSON.parse(await readFile(join(out, `${PREVIOUS}.summary.json`), 'utf8')) as SummaryJson;
  }, 300_000);

  /** By Cost Centre's column per code; on the billed basis the no-org line is shared out, not a row. */
  const costCentreSums = (column: string, unit: 'hundredths' | 'count' | 'acus' = 'hundredths') =>
    pivot(byCostCentre, 'Cost Centre', column, unit);
  const withoutUnattributed = (sums: Map<string, number>) =>
    new Map([...sums].filter(([code]) => code !== 'Unattributed'));

  it('splits an org over the cost centres its money went to (Payments Platform into CC-110 and CC-190 on sessions)', () => {
    const payments = byOrg.filter((row) => row['Org Name'] === 'Payments Platform');
    expect(payments.map((row) => row['Cost Centre'])).toEqual(
      basis === 'the sessions basis' ? ['CC-110', 'CC-190'] : ['CC-110'],
    );
    expect(new Set(payments.map((row) => row["Org's default cost centre"]))).toEqual(new Set(['CC-110']));
  });

  it('gives By Cost Centre’s Usage, Sessions, ACUs and Previous Cost when By Org is pivoted by Cost Centre', () => {
    const shared = [...costCentreSums('Shared products').values()].reduce((a, b) => a + b, 0);
    const orgCost = pivot(byOrg, 'Cost Centre', 'Cost');
    if (basis === 'the billed basis') {
      // The bill's no-org ACUs are shared over the cost centres: By Cost Centre's Shared products.
      expect(orgCost.get('Unattributed')).toBe(shared);
      expect(byOrgText).toContain(
        "Unattributed is the bill's ACUs of no org: By Cost Centre and the journal share it out as Shared products.",
      );
      expect(byOrgText).toContain('On the billed basis there are no sessions to split by');
    } else {
      expect(orgCost.has('Unattributed')).toBe(false);
    }
    expectSameSums(withoutUnattributed(orgCost), costCentreSums('Usage'), 'Cost');
    expectSameSums(
      withoutUnattributed(pivot(byOrg, 'Cost Centre', 'Sessions', 'count')),
      costCentreSums('Sessions', 'count'),
      'Sessions',
    );
    expectSameSums(
      withoutUnattributed(pivot(byOrg, 'Cost Centre', acusHeader, 'acus')),
      costCentreSums(acusHeader, 'acus'),
      acusHeader,
    );
    expectSameSums(
      withoutUnattributed(pivot(byOrg, 'Cost Centre', 'Previous Cost')),
      costCentreSums('Previous Cost'),
      'Previous Cost',
    );
    // The figure: CC-110 is posted 2,731.50, and By Org now says so (the bill's demo figures move with the clock).
    if (basis === 'the sessions basis')
      expect(pivot(byOrg, 'Cost Centre', 'Cost').get('CC-110')).toBe(273150);
  });

  it('gives the journal’s usage lines when By Org, By User or the Summary’s By org is pivoted by Cost Centre', () => {
    const usage = pivot(
      journal.filter((line) => line['Line Type'] === 'usage'),
      'Cost Centre',
      'Debit',
    );
    expect(usage.size).toBeGreaterThan(4);
    for (const [name, rows] of [
      ['By Org', byOrg],
      ['By User', byUser],
      ['Summary', summary],
    ] as const) {
      expectSameSums(withoutUnattributed(pivot(rows, 'Cost Centre', 'Cost')), usage, name);
    }
    expectSameSums(
      pivot(byUser, 'Cost Centre', 'Sessions', 'count'),
      pivot(byOrg, 'Cost Centre', 'Sessions', 'count'),
      'By User sessions',
    );
    expectSameSums(
      pivot(byUser, 'Cost Centre', acusHeader, 'acus'),
      pivot(byOrg, 'Cost Centre', acusHeader, 'acus'),
      'ACUs',
    );
  });

  it('adds up by org to each org of summary.json, and the previous period’s orgs', () => {
    const orgs = new Map(now.orgs.map((org) => [org.orgId, Number(org.cost.minor)]));
    for (const rows of [byOrg, byUser, summary]) {
      expectSameSums(pivot(rows, 'Org ID', 'Cost'), orgs, 'Cost by org');
    }
    expectSameSums(
      pivot(byOrg, 'Org ID', 'Sessions', 'count'),
      new Map(now.orgs.map((org) => [org.orgId, org.sessions])),
      'Sessions by org',
    );
    expectSameSums(
      pivot(byOrg, 'Org ID', 'Previous Cost'),
      new Map(before.orgs.map((org) => [org.orgId, Number(org.cost.minor)])),
      'Previous Cost by org',
    );
    // The change columns add up too: Change (Cost) = Cost − Previous Cost on every pivot.
    const change = pivot(byOrg, 'Cost Centre', 'Change (Cost)');
    const cost = pivot(byOrg, 'Cost Centre', 'Cost');
    const previous = pivot(byOrg, 'Cost Centre', 'Previous Cost');
    for (const [code, sum] of change) {
      expect(sum, code).toBe((cost.get(code) ?? 0) - (previous.get(code) ?? 0));
    }
  });

  it('shares the period’s cost over the rows: Share of Cost adds up to 1, Share of Org to 1 per org', () => {
    expect(Object.keys(byOrg[0] ?? {})).not.toContain('Share of ACUs');
    const shares = byOrg.reduce((sum, row) => sum + Number(row['Share of Cost']), 0);
    expect(shares).toBeCloseTo(1, 9);
    const perOrg = new Map<string, number>();
    for (const row of byUser) {
      const org = String(row['Org ID']);
      perOrg.set(org, (perOrg.get(org) ?? 0) + Number(row['Share of Org']));
    }
    for (const [org, share] of perOrg) expect(share, org).toBeCloseTo(1, 9);
  });
});
