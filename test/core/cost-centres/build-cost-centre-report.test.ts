import { describe, expect, it } from 'vitest';
import { buildCostCentreReport } from '#core/cost-centres/build-cost-centre-report.js';
import { NO_CREDIT_ACCOUNT, parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { journalCsv } from '#core/cost-centres/journal-csv.js';
import { acusFromNumber } from '#core/money/acus.js';
import { costOf, roundCostToMinor } from '#core/money/cost.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import { toSummaryDocument } from '#core/report/summary-document.js';
import type { Session } from '#core/session.js';
import { BILL, DIRECTORY, OCTOBER, SESSIONS } from '../report/reconciliation-scenario.js';
import { session } from '../report/session-fixture.js';
import { costCentreMap } from './map-fixture.js';

const USD_1 = parsePricing('1', 'USD');
const USD = parsePricing('2.25', 'USD');
const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
const RUN = {
  runId: 'run-1',
  generatedAt: new Date('2026-11-01T06:00:00Z'),
  generator: 'devin-chargeback@test',
  apiHost: 'api.example',
  source: 'api' as const,
  filters: { orgIds: [], userIds: [], tags: [] },
};
const STATS = {
  pages: 1,
  reportedTotal: 0,
  itemsReceived: 0,
  duplicatesDropped: 0,
  outsidePeriodDropped: 0,
  nullAcus: 0,
  reread: false,
};

describe('the journal over a data set where per-line rounding would not balance', () => {
  /*
   * Seven orgs, one per cost centre, each 0.145 ACU at 1 USD: each line's exact
   * cost is 0.145 USD, which rounds to 0.15 on its own, so per-line rounding
   * would debit 7 × 0.15 = 1.05 against a bill of 1.015 → 1.02. The report's
   * largest-remainder cents give four lines 0.15 and three 0.14: 1.02.
   */
  const orgs = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'];
  const sessions: Session[] = orgs.map((orgId, i) => session({ sessionId: `s${i}`, orgId, acus: 0.145 }));
  const map = costCentreMap(
    ...orgs.map((orgId, i) => `${orgId},,CC-${i + 1},Team ${i + 1},6${i}00,owner${i}@example.com,`),
  );
  const report = buildChargebackReport({
    period: OCTOBER,
    pricing: USD_1,
    sessions,
    directory: EMPTY_DIRECTORY,
  });
  const costCentres = buildCostCentreReport({
    report,
    sessions,
    map,
    creditAccounts: parseCreditAccounts('2100', 'CREDIT_ACCOUNT'),
    journalId: 'devin-chargeback-2026-10-run-1',
  });

  it('is a data set that per-line rounding cannot balance', () => {
    const perLine = sum(costCentres.rows.map((row) => roundCostToMinor(costOf(row.acus, USD_1), USD_1)));
    expect(perLine).toBe(105n);
    expect(report.totals.costMinor).toBe(102n);
  });

  it('debits the report total to the cent and credits exactly the debits', () => {
    const { journal } = costCentres;
    const debits = journal.lines.filter((line) => line.debitMinor > 0n);
    const credits = journal.lines.filter((line) => line.creditMinor > 0n);
    expect(debits).toHaveLength(7);
    expect(sum(debits.map((line) => line.debitMinor))).toBe(102n);
    // One accrual per cost centre, on the credit account, so every line carries a cost centre.
    expect(credits.map((line) => [line.account, line.costCentre, line.kind])).toEqual(
      debits.map((line) => ['2100', line.costCentre, 'accrual']),
    );
    expect(sum(credits.map((line) => line.creditMinor))).toBe(102n);
    expect(journal.debitMinor).toBe(journal.creditMinor);
    expect(debits.map((line) => line.debitMinor).sort()).toEqual([14n, 14n, 14n, 15n, 15n, 15n, 15n]);
    expect(journal.blockers).toEqual([]);
  });

  it('writes the same lines as CSV an ERP imports, debit and credit columns balancing', () => {
    const csv = journalCsv(costCentres.journal, USD_1);
    // A byte-order mark, so Excel reads UTF-8 and not the machine's code page.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'date,reference,legal_entity,account,cost_centre,cost_centre_name,debit,credit,currency,description,journal_id,period,posting_date,quantity_acus,line_type',
    );
    expect(lines[1]).toBe(
      '2026-10-31,devin-chargeback-2026-10-run-1,,6000,CC-1,Team 1,0.15,,USD,"Devin ACU usage, October 2026",devin-chargeback-2026-10-run-1,2026-10,2026-10-31,0.145,usage',
    );
    expect(lines.at(-2)).toBe(
      '2026-10-31,devin-chargeback-2026-10-run-1,,2100,CC-7,Team 7,,0.14,USD,"Devin ACUs accrued, October 2026",devin-chargeback-2026-10-run-1,2026-10,2026-10-31,0.145,accrual',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    const column = (name: string) => lines[0]?.split(',').indexOf(name) ?? -1;
    const total = (name: string) =>
      lines
        .slice(1, -1)
        .reduce((cents, line) => cents + Math.round(Number(line.split(',')[column(name)] || 0) * 100), 0);
    expect(total('debit')).toBe(102);
    expect(total('credit')).toBe(102);
  });
});

describe('credit accounts per legal entity', () => {
  it('credits an entity without an account of its own to the plain one, and says when there is none', () => {
    const sessions = [
      session({ sessionId: 'a', orgId: 'org-a', acus: 1 }),
      session({ sessionId: 'b', orgId: 'org-b', acus: 2 }),
    ];
    const map = costCentreMap(
      'org-a,,CC-A,A,6100,a@example.com,US01',
      'org-b,,CC-B,B,6200,b@example.com,DE01',
    );
    const report = buildChargebackReport({
      period: OCTOBER,
      pricing: USD,
      sessions,
      directory: EMPTY_DIRECTORY,
    });
    const journalWith = (accounts: string | undefined) =>
      buildCostCentreReport({
        report,
        sessions,
        map,
        creditAccounts: parseCreditAccounts(accounts, 'CREDIT_ACCOUNT'),
      }).journal;
    const credits = (accounts: string | undefined) =>
      journalWith(accounts)
        .lines.filter((line) => line.creditMinor > 0n)
        .map((line) => [line.legalEntity, line.account, line.creditMinor]);
    expect(credits('2100;DE01=1600')).toEqual([
      ['DE01', '1600', 450n],
      ['US01', '2100', 225n],
    ]);
    expect(credits('US01=2100')).toEqual([
      ['DE01', null, 450n],
      ['US01', '2100', 225n],
    ]);
    expect(journalWith('US01=2100').draft).toBe(true);
    expect(journalWith('US01=2100').blockers).toEqual([
      'No credit account is configured for DE01: set CREDIT_ACCOUNT (or --credit-account).',
    ]);
    expect(() => parseCreditAccounts('2100;2200', 'CREDIT_ACCOUNT')).toThrow(
      'CREDIT_ACCOUNT: "2100;2200" names more than one account without an entity',
    );
    expect(() => parseCreditAccounts('US01=', 'CREDIT_ACCOUNT')).toThrow(/expects ENTITY=ACCOUNT pairs/);
  });
});

describe('cost centres on the sessions basis', () => {
  const sessions = [
    session({ sessionId: 'a1', orgId: 'org-a', acus: 10 }),
    session({ sessionId: 'a2', orgId: 'org-a', acus: 4, tags: ['proj-x'] }),
    session({ sessionId: 'b1', orgId: 'org-b', acus: 3, tags: ['proj-x', 'security'] }),
    session({ sessionId: 'u1', orgId: 'org-u', acus: 2 }),
    session({ sessionId: 'u2', orgId: 'org-u', acus: 1, userId: null }),
    session({ sessionId: 'v1', orgId: 'org-v', acus: 0.5 }),
  ];
  const map = costCentreMap(
    'org-a,,CC-A,Alpha,6100,a@example.com,US01',
    'org-b,,CC-B,Beta,6200,b@example.com,UK01',
    ',security,CC-S,Security,6900,s@example.com,US01',
    ',proj-x,CC-X,Project X,6800,x@example.com;a@example.com,US01',
    'org-no-usage,,CC-N,No usage,6300,n@example.com,US01',
  );
  const report = buildChargebackReport({
    period: OCTOBER,
    pricing: USD,
    sessions,
    directory: EMPTY_DIRECTORY,
  });
  const costCentres = buildCostCentreReport({
    report,
    sessions,
    map,
    creditAccounts: parseCreditAccounts('2100;UK01=2150', 'CREDIT_ACCOUNT'),
  });
  const row = (code: string) => costCentres.rows.find((r) => r.code === code);

  it('charges each session once, tag rule before org rule, and adds up to the report', () => {
    expect(costCentres.rows.map((r) => [r.code, r.sessions, r.acus])).toEqual([
      ['CC-A', 1, acusFromNumber(10)],
      ['CC-X', 1, acusFromNumber(4)],
      ['CC-S', 1, acusFromNumber(3)],
      ['Unmapped', 3, acusFromNumber(3.5)],
    ]);
    expect(sum(costCentres.rows.map((r) => r.costMinor))).toBe(report.totals.costMinor);
    // The same cents as the Sessions sheet's rows of each cost centre.
    expect(row('CC-A')?.costMinor).toBe(report.sessionCostMinor[0]);
    expect(costCentres.movedByTag).toEqual({ sessions: 2, acus: acusFromNumber(7) });
    expect(costCentres.tagConflicts).toEqual({ sessions: 1, exampleSessionIds: ['b1'] });
    // A map entry for an org without usage is fine, and charges nothing.
    expect(row('CC-N')).toBeUndefined();
  });

  it('counts, costs and lists the orgs the map does not cover as Unmapped', () => {
    expect(row('Unmapped')).toMatchObject({
      kind: 'unmapped',
      glAccount: null,
      legalEntity: null,
      owners: [],
    });
    expect(costCentres.unmappedOrgs.map((org) => [org.orgId, org.sessions, org.costMinor])).toEqual([
      ['org-u', 2, 675n],
      ['org-v', 1, 113n],
    ]);
    expect(sum(costCentres.unmappedOrgs.map((org) => org.costMinor))).toBe(row('Unmapped')?.costMinor);
    expect(costCentres.journal.blockers).toEqual([
      'Unmapped usage has no account: add its orgs (or a catch-all row, org_id "*") to the cost-centre map and run the report again.',
    ]);
    expect(costCentres.journal.draft).toBe(true);
  });

  it('credits each legal entity its own debits, to its own account', () => {
    const { journal } = costCentres;
    expect(
      journal.lines.map((l) => [l.legalEntity, l.account, l.costCentre, l.debitMinor, l.creditMinor]),
    ).toEqual([
      ['US01', '6100', 'CC-A', 2250n, 0n],
      ['US01', '2100', 'CC-A', 0n, 2250n],
      ['US01', '6900', 'CC-S', 675n, 0n],
      ['US01', '2100', 'CC-S', 0n, 675n],
      ['US01', '6800', 'CC-X', 900n, 0n],
      ['US01', '2100', 'CC-X', 0n, 900n],
      // Usage of no map row belongs to no entity when the map has several: its own group, credited
      // to the account given for no entity in particular.
      [null, null, 'Unmapped', 788n, 0n],
      [null, '2100', 'Unmapped', 0n, 788n],
    ]);
    expect(journal.entities).toEqual([
      { legalEntity: 'US01', debitMinor: 3825n, creditMinor: 3825n },
      { legalEntity: null, debitMinor: 788n, creditMinor: 788n },
    ]);
    expect(journal.debitMinor).toBe(report.totals.costMinor);
  });

  it('compares with the previous period when its summary.json has cost centres', () => {
    const previousReport = { ...report, costCentres };
    const previous = toSummaryDocument(previousReport, RUN, STATS);
    const again = buildCostCentreReport({
      report,
      sessions,
      map,
      creditAccounts: NO_CREDIT_ACCOUNT,
      previous,
    });
    expect(again.previous).toEqual({ available: true, label: 'October 2026' });
    expect(again.rows.find((r) => r.code === 'CC-X')).toMatchObject({
      previousAcus: acusFromNumber(4),
      previousCostMinor: 900n,
    });
    const without = buildCostCentreReport({
      report,
      sessions,
      map,
      creditAccounts: NO_CREDIT_ACCOUNT,
      previous: toSummaryDocument(report, RUN, STATS),
    });
    expect(without.previous).toEqual({
      available: false,
      reason: 'the October 2026 report was built without a cost-centre map',
    });
    expect(without.rows.every((r) => r.previousAcus === null)).toBe(true);
  });
});

describe('cost centres on the billed basis', () => {
  const report = buildChargebackReport({
    period: OCTOBER,
    pricing: USD,
    sessions: SESSIONS,
    directory: DIRECTORY,
    costBasis: 'billed',
    billed: { available: true, consumption: BILL },
  });
  const rules = [
    'org-a,,CC-A,Alpha,6100,a@example.com,',
    'org-b,,CC-B,Beta,6200,b@example.com,',
    ',x,CC-X,X,6800,x@example.com,',
  ];

  it("charges each org's billed cents to its cost centre and keeps Unattributed on its own line", () => {
    const costCentres = buildCostCentreReport({
      report,
      sessions: SESSIONS,
      map: costCentreMap(...rules),
      creditAccounts: parseCreditAccounts('2100', 'CREDIT_ACCOUNT'),
      sharedCosts: { kind: 'none' },
    });
    expect(costCentres.tagRulesApplied).toBe(false);
    expect(costCentres.rows.map((r) => [r.code, r.kind, r.costMinor])).toEqual([
      ['CC-A', 'mapped', 2925n],
      ['CC-B', 'mapped', 1012n],
      ['Unattributed', 'unattributed', 1266n],
      ['Unmapped', 'unmapped', 450n],
    ]);
    expect(costCentres.journal.debitMinor).toBe(5653n);
    expect(costCentres.shared.unallocated).toMatch(/none/);
    expect(costCentres.journal.creditMinor).toBe(report.totals.costMinor);
    expect(costCentres.journal.blockers).toContain(
      'Unattributed billed usage has no account: map org_id "(unattributed)" to a cost centre, or post it by hand.',
    );
  });

  it('sends Unattributed to the cost centre the map names for org_id "(unattributed)"', () => {
    const costCentres = buildCostCentreReport({
      report,
      sessions: SESSIONS,
      map: costCentreMap(...rules, '(unattributed),,CC-IT,Shared IT,6500,it@example.com,'),
      creditAccounts: parseCreditAccounts('2100', 'CREDIT_ACCOUNT'),
    });
    expect(costCentres.rows.find((r) => r.code === 'CC-IT')).toMatchObject({
      kind: 'mapped',
      costMinor: 1266n,
    });
    expect(costCentres.rows.some((r) => r.kind === 'unattributed')).toBe(false);
    expect(costCentres.journal.creditMinor).toBe(report.totals.costMinor);
  });
});
