import { describe, expect, it } from 'vitest';
import { buildCostCentreReport } from '#core/cost-centres/build-cost-centre-report.js';
import { parseCreditAccounts } from '#core/cost-centres/credit-accounts.js';
import { acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { monthPeriod } from '#core/period/month-period.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import { EMPTY_DIRECTORY } from '#core/report/directory.js';
import { computeTrueUp } from '#true-ups/compute-true-up.js';
import { trueUpsOf } from '#true-ups/true-up.js';
import { costCentreMap } from '../core/cost-centres/map-fixture.js';
import { session } from '../core/report/session-fixture.js';

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
const NOW = new Date('2027-01-01T00:00:00Z');
const OCTOBER = monthPeriod('2026-10', 'UTC', NOW);
const NOVEMBER = monthPeriod('2026-11', 'UTC', NOW);
const OCTOBER_PRICE = parsePricing('2.10', 'USD');
const map = costCentreMap(
  'org-a,,CC-A,Alpha,6100,a@example.com,US01',
  'org-b,,CC-B,Beta,6200,b@example.com,UK01',
  ',proj-x,CC-X,Project X,6800,x@example.com,US01',
  '*,,CC-9,Everything else,6900,f@example.com,US01',
);

describe('a true-up of October, closed on 1 November', () => {
  const atClose = new Map([
    ['s1', acusFromNumber(10.333333)],
    ['s2', acusFromNumber(4)],
    ['s3', acusFromNumber(1.5)],
    ['s4', acusFromNumber(2)],
  ]);
  const now = [
    session({ sessionId: 's1', orgId: 'org-a', acus: 12.666667 }), // +2.333334
    session({ sessionId: 's2', orgId: 'org-a', acus: 4, tags: ['proj-x'] }), // unchanged: left out
    session({ sessionId: 's3', orgId: 'org-b', acus: 1.25 }), // −0.25: the vendor credited it
    session({ sessionId: 's4', orgId: 'org-zzz', acus: 2.001 }), // +0.001, by the catch-all row
    session({ sessionId: 's5', orgId: 'org-a', acus: 0.333333, tags: ['proj-x'] }), // not in the record: whole
  ];
  const trueUp = computeTrueUp({
    period: OCTOBER,
    pricing: OCTOBER_PRICE,
    closedAt: new Date('2026-11-01T06:00:00Z'),
    map,
    atClose,
    sessionsNow: now,
  });

  it('has one line per changed session with the exact change, a missing one counted whole', () => {
    expect(trueUp.lines.map((l) => [l.sessionId, l.costCentre, l.changeAcus, l.inRecord])).toEqual([
      ['s1', 'CC-A', acusFromNumber(2.333334), true],
      ['s5', 'CC-X', acusFromNumber(0.333333), false],
      ['s4', 'CC-9', acusFromNumber(0.001), true],
      ['s3', 'CC-B', acusFromNumber(-0.25), true],
    ]);
    expect(trueUp.acus).toBe(acusFromNumber(2.417667));
  });

  it("prices the change once at October's price and shares the cents so every level adds up", () => {
    // 2.417667 × 2.10 = 5.0771007 → 5.08
    expect(trueUp.costMinor).toBe(508n);
    expect(sum(trueUp.costCentres.map((c) => c.costMinor))).toBe(508n);
    expect(sum(trueUp.lines.map((l) => l.changeCostMinor))).toBe(508n);
    expect(trueUp.costCentres.map((c) => [c.code, c.costMinor, c.glAccount, c.legalEntity])).toEqual([
      ['CC-9', 0n, '6900', 'US01'],
      ['CC-A', 490n, '6100', 'US01'],
      ['CC-B', -52n, '6200', 'UK01'],
      ['CC-X', 70n, '6800', 'US01'],
    ]);
  });

  it("posts with November's journal, one line per cost centre per period, balanced per entity", () => {
    const sessions = [session({ sessionId: 'n1', orgId: 'org-a', acus: 1, createdAt: NOVEMBER.from })];
    const report = buildChargebackReport({
      period: NOVEMBER,
      pricing: parsePricing('2.25', 'USD'),
      sessions,
      directory: EMPTY_DIRECTORY,
    });
    const trueUps = trueUpsOf([trueUp]);
    expect(trueUps).toMatchObject({ sessions: 4, costMinor: 508n });
    const { journal, rows } = buildCostCentreReport({
      report,
      sessions,
      map,
      creditAccounts: parseCreditAccounts('2100;UK01=2150', 'CREDIT_ACCOUNT'),
      trueUps,
      journalId: 'j-1',
    });
    expect(journal.lines.map((l) => [l.kind, l.costCentre, l.account, l.debitMinor, l.creditMinor])).toEqual([
      // A negative true-up is a credit to the expense account, and its accrual a debit.
      ['true-up', 'CC-B', '6200', 0n, 52n],
      ['accrual', 'CC-B', '2150', 52n, 0n],
      ['usage', 'CC-A', '6100', 225n, 0n],
      ['true-up', 'CC-A', '6100', 490n, 0n],
      ['accrual', 'CC-A', '2100', 0n, 715n],
      ['true-up', 'CC-X', '6800', 70n, 0n],
      ['accrual', 'CC-X', '2100', 0n, 70n],
    ]);
    expect(journal.lines.find((l) => l.kind === 'true-up')?.description).toBe(
      'True-up October 2026: Devin ACUs used after its close',
    );
    expect(journal.entities).toEqual([
      { legalEntity: 'UK01', debitMinor: 52n, creditMinor: 52n },
      { legalEntity: 'US01', debitMinor: 785n, creditMinor: 785n },
    ]);
    expect(journal.postedMinor).toBe(225n + 508n);
    expect(journal.trueUpMinor).toBe(508n);
    expect(rows.find((r) => r.code === 'CC-B')).toMatchObject({
      costMinor: 0n,
      trueUpMinor: -52n,
      postedMinor: -52n,
    });
    expect(journal.draft).toBe(false);
  });
});
