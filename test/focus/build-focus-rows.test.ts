import { describe, expect, it } from 'vitest';
import { ACU_SCALE, acusFromNumber } from '#core/money/acus.js';
import { costOf } from '#core/money/cost.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { RunInfo } from '#core/report/run-info.js';
import { buildFocusDataset, tagsJson } from '#focus/build-focus-rows.js';
import { focusColumns } from '#focus/focus-columns.js';
import type { FocusRow } from '#focus/focus-row.js';
import { BILL, DIRECTORY, OCTOBER, SESSIONS } from '../core/report/reconciliation-scenario.js';
import { session } from '../core/report/session-fixture.js';

const USD = parsePricing('2.25', 'USD');
const RUN: RunInfo = {
  runId: 'run-1',
  generatedAt: new Date('2026-11-01T06:00:00Z'),
  generator: 'devin-chargeback@test',
  apiHost: 'api.devin.ai',
  source: 'api',
  filters: { orgIds: [], userIds: [], tags: [] },
};
const ACCOUNT = { id: 'acme', name: 'Acme' };
/** Cents scaled to the cost columns' 18 decimals. */
const cents = (minor: bigint) => minor * 10n ** 16n;

function rowsOf(costBasis: 'sessions' | 'billed', sessions = SESSIONS) {
  const report = buildChargebackReport({
    period: OCTOBER,
    pricing: USD,
    sessions,
    directory: DIRECTORY,
    costBasis,
    billed: { available: true, consumption: BILL },
  });
  const dataset = buildFocusDataset({ report, sessions, run: RUN, account: ACCOUNT });
  return { report, dataset, rows: [...dataset.rows()] };
}

const sum = (rows: readonly FocusRow[], column: string) =>
  rows.reduce((total, row) => total + (row[column] as bigint), 0n);

describe('buildFocusDataset', () => {
  it('has one Usage row per session on the sessions basis, BilledCost adding up to the total', () => {
    const { report, dataset, rows } = rowsOf('sessions');
    expect(dataset.rowCount).toBe(SESSIONS.length);
    expect(rows.map((r) => [r.ResourceId, r.ChargeCategory, r.x_CostBasis])).toEqual(
      SESSIONS.map((s) => [s.sessionId, 'Usage', 'sessions']),
    );
    expect(sum(rows, 'BilledCost')).toBe(cents(report.totals.costMinor));
    expect(rows.map((r) => r.BilledCost)).toEqual([...report.sessionCostMinor].map(cents));
  });

  it('keeps ContractedCost the exact product, unrounded, on every row', () => {
    for (const basis of ['sessions', 'billed'] as const) {
      for (const row of rowsOf(basis).rows) {
        // unit price × 10^6 times quantity × 10^12 is the cost × 10^18.
        expect((row.ContractedUnitPrice as bigint) * (row.PricingQuantity as bigint)).toBe(
          row.ContractedCost,
        );
        expect(row.ListCost).toBe(row.ContractedCost);
      }
    }
    const [first] = rowsOf('sessions').rows;
    expect(first?.ContractedCost).toBe(costOf(acusFromNumber(10.5), USD));
    expect(first?.PricingQuantity).toBe((21n * ACU_SCALE) / 2n);
  });

  it('adds, on the billed basis, a row per org for the billed ACUs its sessions do not carry', () => {
    const { report, rows } = rowsOf('billed');
    const extra = rows.filter((r) => r.ResourceId === null);
    // org-a: billed 13, sessions 14.5 → −1.5 (an adjustment); org-b 4.5 vs 2 → +2.5; org-d 2 vs none → +2;
    // org-c 0 vs 1.5 → −1.5; no org: 5.625 (products that are not sessions).
    expect(
      extra.map((r) => [
        r.SubAccountId,
        r.ChargeCategory,
        r.ChargeFrequency,
        r.PricingQuantity,
        r.ConsumedQuantity,
      ]),
    ).toEqual([
      ['org-a', 'Adjustment', 'One-Time', acusFromNumber(-1.5), null],
      ['org-b', 'Usage', 'Usage-Based', acusFromNumber(2.5), acusFromNumber(2.5)],
      ['org-d', 'Usage', 'Usage-Based', acusFromNumber(2), acusFromNumber(2)],
      ['org-c', 'Adjustment', 'One-Time', acusFromNumber(-1.5), null],
      [null, 'Usage', 'Usage-Based', acusFromNumber(5.625), acusFromNumber(5.625)],
    ]);
    expect(extra.at(-1)).toMatchObject({
      SubAccountName: null,
      ResourceType: null,
      Tags: null,
      x_UserId: null,
    });
    expect(extra[0]?.SubAccountName).toBe('Alpha');
    expect(extra[1]?.SubAccountName, 'the id stands in for a missing name').toBe('org-b');
    expect(sum(rows, 'BilledCost')).toBe(cents(report.totals.costMinor));
    expect(sum(rows, 'PricingQuantity')).toBe(BILL.totalAcus);
  });

  it('puts x_CostCentre after x_SessionUrl and before x_CostBasis when the report has cost centres', () => {
    const names = focusColumns({ costCentres: true }).map((c) => c.name);
    expect(names.slice(names.indexOf('x_UserId'))).toEqual([
      'x_UserId',
      'x_UserName',
      'x_UserEmail',
      'x_SessionUrl',
      'x_CostCentre',
      'x_CostBasis',
      'x_RunId',
    ]);
    expect(focusColumns({ costCentres: false }).map((c) => c.name)).not.toContain('x_CostCentre');
    const report = buildChargebackReport({
      period: OCTOBER,
      pricing: USD,
      sessions: SESSIONS,
      directory: DIRECTORY,
    });
    const dataset = buildFocusDataset({
      report,
      sessions: SESSIONS,
      run: RUN,
      account: ACCOUNT,
      costCentreOf: (s) => (s.orgId === 'org-a' ? 'CC-100' : null),
    });
    expect(dataset.columns.map((c) => c.name)).toEqual(names);
    expect([...dataset.rows()].map((r) => r.x_CostCentre)).toEqual([
      'CC-100',
      'CC-100',
      null,
      null,
      'CC-100',
    ]);
  });

  it('names users and orgs from the report, and leaves what is unknown null', () => {
    const { rows } = rowsOf('sessions');
    expect(rows[0]).toMatchObject({
      x_UserId: 'user-1',
      x_UserName: 'Ann Lee',
      x_UserEmail: 'ann@example.com',
    });
    expect(rows[3]).toMatchObject({ x_UserId: 'user-3', x_UserName: null, x_UserEmail: null });
    expect(rows[4]).toMatchObject({ x_UserId: null, x_UserName: null });
    expect(rows[0]).toMatchObject({
      BillingAccountId: 'acme',
      BillingAccountName: 'Acme',
      ProviderName: 'Cognition',
      ServiceProviderName: 'Cognition',
      HostProviderName: 'Cognition',
      ServiceName: 'Devin',
      ServiceCategory: 'AI and Machine Learning',
      ServiceSubcategory: 'Generative AI',
      ResourceType: 'Devin Session',
      ChargePeriodStart: OCTOBER.from,
      ChargePeriodEnd: OCTOBER.to,
      BillingPeriodStart: OCTOBER.from,
      BillingPeriodEnd: OCTOBER.to,
    });
  });

  it('gives a session a ResourceName only when its title says more than its id', () => {
    const sessions = [
      session({ sessionId: 'a', title: 'Fix the login', acus: 1 }),
      session({ sessionId: 'b', title: '   ', acus: 1 }),
      session({ sessionId: 'c', title: 'c', acus: 1 }),
    ];
    expect(rowsOf('sessions', sessions).rows.map((r) => r.ResourceName)).toEqual([
      'Fix the login',
      null,
      null,
    ]);
  });
});

describe('tagsJson', () => {
  it('is a flat JSON object with each valueless tag true, one key per tag, null when untagged', () => {
    expect(tagsJson(['web', 'prod', 'web'])).toBe('{"web":true,"prod":true}');
    expect(tagsJson(['a"b', 'ü'])).toBe('{"a\\"b":true,"ü":true}');
    expect(tagsJson([])).toBeNull();
  });
});

describe('focusCsv', () => {
  it('writes exact decimals, UTC seconds, empty nulls, and defuses text a spreadsheet would run', async () => {
    const { focusCsv } = await import('#focus/focus-csv.js');
    const sessions = [
      session({ sessionId: 's-1', title: '=HYPERLINK("http://example.com","x")', acus: 1.5, tags: ['a,b'] }),
      session({ sessionId: 's-2', title: 'plain, "quoted"', acus: 0.000000000001, userId: null }),
    ];
    const report = buildChargebackReport({ period: OCTOBER, pricing: USD, sessions, directory: DIRECTORY });
    const dataset = buildFocusDataset({ report, sessions, run: RUN, account: ACCOUNT });
    const [header, first, second] = [...focusCsv(dataset)].join('').split('\r\n');
    const names = header?.split(',') ?? [];
    const cell = (line: string | undefined, name: string) => {
      // A naive split is enough here: the checked cells hold no comma or quote.
      const fields = (line ?? '').match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((f) => f.replace(/,$/, '')) ?? [];
      return fields[names.indexOf(name)];
    };
    expect(cell(first, 'ResourceName')).toBe(`"'=HYPERLINK(""http://example.com"",""x"")"`);
    expect(cell(first, 'Tags')).toBe('"{""a,b"":true}"');
    expect(cell(first, 'ContractedCost')).toBe('3.375');
    expect(cell(first, 'ChargePeriodStart')).toBe('2026-10-01T00:00:00Z');
    expect(cell(first, 'ChargeClass')).toBe('');
    expect(cell(second, 'ResourceName')).toBe('"plain, ""quoted"""');
    expect(cell(second, 'PricingQuantity')).toBe('0.000000000001');
    expect(cell(second, 'x_UserId')).toBe('');
  });
});
