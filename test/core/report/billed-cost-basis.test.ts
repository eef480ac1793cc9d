import { describe, expect, it } from 'vitest';
import { type Acus, acusFromNumber } from '#core/money/acus.js';
import { parsePricing } from '#core/money/parse-pricing.js';
import { buildChargebackReport } from '#core/report/build-chargeback-report.js';
import type { UsageTotals } from '#core/report/chargeback-report.js';
import { CostBasisUnavailableError } from '#core/report/cost-basis-unavailable-error.js';
import { BILL, DIRECTORY, OCTOBER, SESSIONS } from './reconciliation-scenario.js';

const USD = parsePricing('2.25', 'USD');
const acus = (value: number): Acus => acusFromNumber(value);
const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

/*
 * The scenario's bill at 2.25 USD (see reconciliation-scenario.ts), by hand:
 *   total 25.125 ACU = 56.53125 → 5653 ¢
 *   org-a 13 = 2925 ¢, org-b 4.5 = 1012.5 ¢, org-d 2 = 450 ¢, org-c 0, Unattributed 5.625 = 1265.625 ¢
 *   floors 5652, one cent missing → the largest remainder, Unattributed: 1266
 */
describe('buildChargebackReport on the billed basis', () => {
  const report = buildChargebackReport({
    period: OCTOBER,
    pricing: USD,
    sessions: SESSIONS,
    directory: DIRECTORY,
    costBasis: 'billed',
    billed: { available: true, consumption: BILL },
    carriedIn: 2,
  });
  const org = (orgId: string) => report.orgs.find((o) => o.orgId === orgId);
  const brief = (row: UsageTotals & { userId?: string | null; userName?: string | null }) => [
    row.userId,
    row.userName,
    row.sessions,
    row.acus,
    row.costMinor,
  ];

  it('charges the bill: billed ACUs and cents, with the sessions still counted', () => {
    expect(report.costBasis).toBe('billed');
    expect(report.totals).toMatchObject({ sessions: 5, acus: acus(25.125), costMinor: 5653n });
  });

  it('lists billed orgs, keeps an org with sessions but no bill, and ends with the Unattributed row', () => {
    expect(report.orgs.map((o) => [o.orgId, o.orgName, o.sessions, o.acus, o.costMinor])).toEqual([
      ['org-a', 'Alpha', 3, acus(13), 2925n],
      ['org-b', null, 1, acus(4.5), 1012n],
      ['org-d', 'Delta', 0, acus(2), 450n],
      ['org-c', null, 1, acus(0), 0n],
      ['(unattributed)', 'Shared products (no org)', 0, acus(5.625), 1266n],
    ]);
    expect(sum(report.orgs.map((o) => o.acus))).toBe(acus(25.125));
    expect(sum(report.orgs.map((o) => o.costMinor))).toBe(5653n);
    expect(org('org-a')?.shareOfAcus).toBe(13 / 25.125);
  });

  it('shows users under their main org with a residual row, negative when the users’ bill exceeds the org’s', () => {
    // org-a 13 billed; user-1 14 and user-2 2.5 → residual −3.5 ACU (the no-user session s5 is its session).
    // Cents of 2925: 3150, 562.5, −787.5 → floors 2924; tie of .5 remainders → the lower index, user-2.
    expect(org('org-a')?.users.map(brief)).toEqual([
      ['user-1', 'Ann Lee', 1, acus(14), 3150n],
      ['user-2', null, 1, acus(2.5), 563n],
      [null, 'Not attributed to a user', 1, acus(-3.5), -788n],
    ]);
  });

  it('puts an org’s billed ACUs that no shown user carries on its residual row', () => {
    // user-1's session in org-b is billed under user-1, shown in org-a.
    expect(org('org-b')?.users.map(brief)).toEqual([[null, 'Not attributed to a user', 1, acus(4.5), 1012n]]);
    expect(org('org-d')?.users.map(brief)).toEqual([[null, 'Not attributed to a user', 0, acus(2), 450n]]);
  });

  it('keeps a user with sessions but nothing billed at 0, and needs no residual when nothing is left', () => {
    expect(org('org-c')?.users.map(brief)).toEqual([['user-3', null, 1, acus(0), 0n]]);
  });

  it('shows users billed without any session under Unattributed', () => {
    // 5.625 − user-4's 3 = 2.625; cents 675 + 590.625 of 1266 → the residual takes the missing cent.
    expect(org('(unattributed)')?.users.map(brief)).toEqual([
      ['user-4', 'Dee Cascade', 0, acus(3), 675n],
      [null, 'Not attributed to a user', 0, acus(2.625), 591n],
    ]);
  });

  it('makes every org’s users add up to the org, in ACUs, cents and sessions', () => {
    for (const o of report.orgs) {
      expect(sum(o.users.map((u) => u.acus))).toBe(o.acus);
      expect(sum(o.users.map((u) => u.costMinor))).toBe(o.costMinor);
      expect(o.users.reduce((n, u) => n + u.sessions, 0)).toBe(o.sessions);
    }
  });

  it('ranks named users by billed ACUs', () => {
    expect(report.topUsers.map((u) => u.userId)).toEqual(['user-1', 'user-4', 'user-2', 'user-3']);
  });

  it('keeps sessions, statuses and tags session-based: 18 ACU = 40.50 USD', () => {
    expect(sum([...report.sessionCostMinor])).toBe(4050n);
    expect(sum(report.statuses.map((s) => s.costMinor))).toBe(4050n);
    expect(report.tags).toEqual([
      { tag: null, sessions: 5, acus: acus(18), exactCost: acus(18) * USD.unitPriceScaled, costMinor: 4050n },
    ]);
  });

  it('reconciles, allocating the billed ACUs that orgs carry', () => {
    expect(report.reconciliation.available).toBe(true);
    if (!report.reconciliation.available) return;
    expect(report.reconciliation.reconciliation.allocatedShare).toBe(19.5 / 25.125);
    expect(report.reconciliation.reconciliation.edges).toEqual({ carriedIn: 2, carriedOut: 1 });
  });

  it('leaves out the residual row and the Unattributed org when the bill is fully attributed', () => {
    const exact = buildChargebackReport({
      period: OCTOBER,
      pricing: USD,
      sessions: SESSIONS.slice(0, 1),
      directory: DIRECTORY,
      costBasis: 'billed',
      billed: {
        available: true,
        consumption: {
          ...BILL,
          totalAcus: acus(10.5),
          byOrg: new Map([['org-a', acus(10.5)]]),
          byUser: new Map([['user-1', acus(10.5)]]),
        },
      },
    });
    expect(exact.orgs.map((o) => [o.orgId, o.users.map((u) => u.userId)])).toEqual([['org-a', ['user-1']]]);
  });

  it('gives each org one residual row when the API has no per-user breakdown', () => {
    const noUsers = buildChargebackReport({
      period: OCTOBER,
      pricing: USD,
      sessions: SESSIONS,
      directory: DIRECTORY,
      costBasis: 'billed',
      billed: { available: true, consumption: { ...BILL, byUser: null } },
    });
    expect(noUsers.orgs.map((o) => o.users.map(brief))).toEqual([
      [[null, 'Not attributed to a user', 3, acus(13), 2925n]],
      [[null, 'Not attributed to a user', 1, acus(4.5), 1012n]],
      [[null, 'Not attributed to a user', 0, acus(2), 450n]],
      [[null, 'Not attributed to a user', 1, acus(0), 0n]],
      [[null, 'Not attributed to a user', 0, acus(5.625), 1266n]],
    ]);
    expect(noUsers.topUsers).toEqual([]);
  });

  it('fails loudly, naming the reason, when the bill could not be read', () => {
    const reason = 'the API key may not read consumption (403)';
    const build = () =>
      buildChargebackReport({
        period: OCTOBER,
        pricing: USD,
        sessions: SESSIONS,
        directory: DIRECTORY,
        costBasis: 'billed',
        billed: { available: false, reason },
      });
    expect(build).toThrow(CostBasisUnavailableError);
    expect(build).toThrow(
      'costBasis: "billed" needs the billed consumption, which could not be read (the API key may not read consumption (403)); fix that, or charge by session ACUs with costBasis "sessions"',
    );
    try {
      build();
    } catch (error) {
      expect(error).toMatchObject({ name: 'CostBasisUnavailableError', costBasis: 'billed', reason });
    }
  });
});

describe('buildChargebackReport on the session basis, with a bill', () => {
  const input = { period: OCTOBER, pricing: USD, sessions: SESSIONS, directory: DIRECTORY };

  it('charges sessions as before and reconciles them with the bill', () => {
    const report = buildChargebackReport({ ...input, billed: { available: true, consumption: BILL } });
    expect(report.costBasis).toBe('sessions');
    expect(report.totals).toMatchObject({ sessions: 5, acus: acus(18), costMinor: 4050n });
    expect(report.orgs.map((o) => o.orgId)).toEqual(['org-a', 'org-b', 'org-c']);
    expect(report.reconciliation).toMatchObject({
      available: true,
      reconciliation: { allocatedShare: 18 / 25.125, edges: { carriedIn: null, carriedOut: 1 } },
    });
  });

  it('says why reconciliation is missing, and still builds the report', () => {
    const reason = 'the consumption endpoint does not exist on this host (404)';
    const report = buildChargebackReport({ ...input, billed: { available: false, reason } });
    expect(report.reconciliation).toEqual({ available: false, reason });
    expect(report.totals.acus).toBe(acus(18));
  });

  it('says reconciliation and comparison were not requested when nothing was given', () => {
    const report = buildChargebackReport(input);
    expect(report.reconciliation).toEqual({ available: false, reason: 'not requested' });
    expect(report.comparison).toEqual({ available: false, reason: 'not requested' });
  });
});
